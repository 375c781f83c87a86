import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { expectUsageError, runCli, temporaryFolder } from './helpers.js';

const TODAY = ['--today', '2026-11-23'];

const PEOPLE = 'person alice\nperson bob\n';
const ONE =
    PEOPLE +
    `vision V
mission Grow under V { intent "Grow" lead alice measure users { target 100 current 20 } }
mission Old under V { intent "Old" lead bob measure m { target 1 } }
`;
const TWO =
    PEOPLE +
    `vision V
mission Grow under V { intent "Grow" lead alice measure users { target 100 current 60 } }
mission Renamed under V { intent "Old" lead bob measure m { target 1 } }
mission Fresh under V { intent "Fresh" measure m { target 1 } }
`;

function write(folder: string, files: Record<string, string>): void {
    for (const [name, text] of Object.entries(files)) {
        mkdirSync(join(folder, name, '..'), { recursive: true });
        writeFileSync(join(folder, name), text);
    }
}

function git(cwd: string, ...args: string[]): void {
    execFileSync('git', args, { cwd, stdio: 'ignore' });
}

describe('mission diff OLD NEW', () => {
    test('two folders: renamed, changed and added missions; the diagnostic introduced; --exit-code', async () => {
        const folder = temporaryFolder();
        write(folder, { 'old/model.mission': ONE, 'new/model.mission': TWO });
        const run = await runCli(['diff', 'old', 'new', ...TODAY, '--exit-code'], { cwd: folder });
        expect(run.stderr).toBe('');
        expect(run.code).toBe(1);
        expect(run.stdout).toBe(
            'missions added (1)\n  + Fresh under V (active)\n' +
                'missions renamed (1)\n  Old → Renamed\n' +
                'mission Grow\n  measure users: current 20 → 60, progress 20% → 60%\n' +
                'diagnostics introduced (1)\n' +
                '  + new/model.mission:6:9 warning no-lead: mission Fresh has no lead: ' +
                'name the one accountable person with `lead`\n'
        );
    });

    test('JSON for scripts; the same model in other files and lines is no difference (exit 0)', async () => {
        const folder = temporaryFolder();
        const [people, ...rest] = TWO.split('vision V\n');
        write(folder, { 'a.mission': TWO, 'b/split.mission': `// moved\n\nvision V\n${rest.join('')}${people}` });
        const same = await runCli(['diff', 'a.mission', 'b', ...TODAY, '--exit-code'], { cwd: folder });
        expect([same.code, same.stdout]).toEqual([0, 'no differences between the two models\n']);
        write(folder, { 'c.mission': ONE });
        const json = await runCli(['diff', 'c.mission', 'a.mission', ...TODAY, '--format', 'json'], { cwd: folder });
        expect(json.code).toBe(0);
        const diff = JSON.parse(json.stdout);
        expect(diff.format).toBe('mission-diff');
        expect(diff.missions.renamed).toEqual([{ from: 'Old', to: 'Renamed' }]);
        expect(diff.missions.changed[0].changes[0]).toMatchObject({
            kind: 'measure',
            measure: 'users',
            before: { current: 20, progress: 0.2 },
            after: { current: 60, progress: 0.6 }
        });
        expect(diff.diagnostics.introduced.map((d: { code: string }) => d.code)).toEqual(['no-lead']);
    });

    test('usage errors: one path, a missing path', async () => {
        const folder = temporaryFolder();
        write(folder, { 'a.mission': ONE });
        expectUsageError(await runCli(['diff', 'a.mission'], { cwd: folder }), expect, /diff wants two paths/);
        expectUsageError(
            await runCli(['diff', 'a.mission', 'missing'], { cwd: folder }),
            expect,
            /missing: no such file or folder/
        );
    });
});

describe('mission diff --git', () => {
    let repo: string;
    beforeAll(() => {
        repo = temporaryFolder('mission-diff-git-');
        git(repo, 'init', '-q');
        git(repo, 'config', 'user.email', 'test@example.com');
        git(repo, 'config', 'user.name', 'test');
        write(repo, {
            'models/model.mission': ONE,
            'models/drafts/.missionignore': 'ignored.mission\n',
            'models/drafts/ignored.mission': 'mission Ignored {}\n',
            'notes.txt': 'not a model\n'
        });
        git(repo, 'add', '.');
        git(repo, 'commit', '-q', '-m', 'one');
        git(repo, 'tag', 'one');
        write(repo, { 'models/model.mission': TWO, 'models/drafts/ignored.mission': 'mission IgnoredToo {}\n' });
        git(repo, 'commit', '-q', '-a', '-m', 'two');
        git(repo, 'tag', 'two');
    });

    test('two revisions, read with git; a .missionignore of the revision is followed', async () => {
        const run = await runCli(['diff', '--git', 'one', 'two', 'models', ...TODAY], { cwd: repo });
        expect(run.stderr).toBe('');
        expect(run.stdout).toContain('missions renamed (1)\n  Old → Renamed\n');
        expect(run.stdout).not.toContain('Ignored');
        const reverse = await runCli(['diff', '--git', 'two', 'one', ...TODAY], { cwd: repo });
        expect(reverse.stdout).toContain('missions renamed (1)\n  Renamed → Old\n');
        expect(reverse.stdout).toContain('missions removed (1)\n  - Fresh under V (active)\n');
    });

    test('a revision against the working tree, from a subfolder (files named relative to it)', async () => {
        const models = join(repo, 'models');
        const clean = await runCli(['diff', '--git', 'HEAD', ...TODAY, '--exit-code'], { cwd: models });
        expect([clean.code, clean.stdout]).toEqual([0, 'no differences between the two models\n']);
        renameSync(join(models, 'model.mission'), join(models, 'moved.mission'));
        try {
            const moved = await runCli(['diff', '--git', 'HEAD', '.', ...TODAY, '--exit-code'], { cwd: models });
            expect([moved.code, moved.stdout]).toEqual([0, 'no differences between the two models\n']);
            const changed = await runCli(['diff', '--git', 'one', ...TODAY, '--exit-code'], { cwd: models });
            expect(changed.code).toBe(1);
            expect(changed.stdout).toContain('+ moved.mission:6:9 warning no-lead');
        } finally {
            renameSync(join(models, 'moved.mission'), join(models, 'model.mission'));
        }
    });

    test('a name that is no revision, or no repository: one line, exit 2', async () => {
        expectUsageError(
            await runCli(['diff', '--git', 'nope', ...TODAY], { cwd: repo }),
            expect,
            /^mission: --git: 'nope' is not a revision of this repository$/
        );
        expectUsageError(
            await runCli(['diff', '--git', 'HEAD', ...TODAY], { cwd: temporaryFolder() }),
            expect,
            /^mission: --git: not a git repository/
        );
    });
});

/**
 * The committed bundles at the repository root (dist/: the GitHub Action and dist/mission.js for the
 * pre-commit hooks): they are what `npm run build:action` builds from the sources now, they run with
 * nothing installed, and the pre-commit hooks of .pre-commit-hooks.yaml work through pre-commit itself
 * when it is installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, temporaryFolder } from './helpers.js';

const DIST = join(REPO, 'dist');
const REGENERATE = 'npm run build:action';

function filesUnder(folder: string): string[] {
    return (readdirSync(folder, { recursive: true }) as string[])
        .filter(path => statSync(join(folder, path)).isFile())
        .sort();
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
    const result = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
    return { code: result.status ?? -1, stdout: result.stdout ?? '', stderr: result.stderr ?? '', error: result.error };
}

// CLEAN is in the canonical layout of `mission format`; BROKEN is not (and has an unresolved lead).
const CLEAN = ['vision V', '', 'person p', '', 'mission M "M" under V {', '  intent "do it"', '  lead p']
    .concat(['  measure m {', '    target 1', '  }', '}', ''])
    .join('\n');
const BROKEN = 'vision W\nmission N "N" under W {\n    intent "x"\n    lead ghost\n    measure m { target 1 }\n}\n';

describe('dist/ (the committed bundles)', () => {
    it(`is what \`${REGENERATE}\` builds from the sources now`, () => {
        const rebuilt = temporaryFolder('mission-dist-');
        execFileSync(process.execPath, [join(REPO, 'packages/cli/scripts/bundle-dist.mjs'), '--outdir', rebuilt], {
            cwd: REPO,
            stdio: 'pipe'
        });
        const committed = filesUnder(DIST);
        const expected = filesUnder(rebuilt);
        const differing = [
            ...expected.filter(path => !committed.includes(path)).map(path => `${path} (missing)`),
            ...committed.filter(path => !expected.includes(path)).map(path => `${path} (not built any more)`),
            ...expected.filter(
                path =>
                    committed.includes(path) &&
                    !readFileSync(join(DIST, path)).equals(readFileSync(join(rebuilt, path)))
            )
        ];
        const stale = `dist/ is stale (${differing.join(', ')}): run \`${REGENERATE}\` and commit dist/`;
        expect(differing, stale).toEqual([]);
        // The pre-commit hooks run it as a script.
        expect(statSync(join(DIST, 'mission.js')).mode & 0o111, 'dist/mission.js is not executable').not.toBe(0);
    });

    it('runs with nothing installed: validate, format --check and the action', () => {
        // A copy outside the repository: no node_modules on the way up.
        const copy = temporaryFolder('mission-dist-copy-');
        cpSync(DIST, join(copy, 'dist'), { recursive: true });
        const models = temporaryFolder('mission-dist-models-');
        writeFileSync(join(models, 'clean.mission'), CLEAN);
        writeFileSync(join(models, 'broken.mission'), BROKEN);
        const mission = join(copy, 'dist/mission.js');

        const clean = run(process.execPath, [mission, 'validate', 'clean.mission', '--today', '2026-01-15'], models);
        expect(clean.code, clean.stderr).toBe(0);
        expect(clean.stdout).toContain('1 file checked: no problems');

        const broken = run(process.execPath, [mission, 'validate', '.', '--today', '2026-01-15'], models);
        expect(broken.code).toBe(1);
        expect(broken.stdout).toMatch(/^broken\.mission:4:10 error unresolved-reference /m);

        const formatted = run(process.execPath, [mission, 'format', '--check', '.'], models);
        expect(formatted.code, formatted.stderr).toBe(1);
        expect(formatted.stdout).toBe('broken.mission\n');
        expect(run(process.execPath, [mission, 'format', '--check', 'clean.mission'], models).code).toBe(0);

        // Drawing needs Graphviz, which the bundle leaves out: one clear line, exit 2.
        const svg = run(
            process.execPath,
            [mission, 'diagram', '.', '--format', 'svg', '--today', '2026-01-15'],
            models
        );
        expect(svg.code).toBe(2);
        expect(svg.stderr.split('\n')).toHaveLength(2);
        expect(svg.stderr).toMatch(
            /^mission: this command needs @hpcc-js\/wasm-graphviz, which is not installed here /
        );

        const action = run(process.execPath, [join(copy, 'dist/action/index.js')], models, {
            PATH: process.env.PATH,
            INPUT_PATHS: 'clean.mission',
            INPUT_TODAY: '2026-01-15'
        });
        expect(action.code, action.stdout + action.stderr).toBe(0);
        expect(action.stdout).toBe('mission: 1 file checked: no problems\n');
    });
});

const preCommit = run('pre-commit', ['--version'], REPO);
const havePreCommit = preCommit.error === undefined && preCommit.code === 0;
if (!havePreCommit) {
    console.log(
        '!!!!! PRE-COMMIT HOOKS TEST SKIPPED: pre-commit is not installed (apt-get install pre-commit, or pip)'
    );
}

describe.skipIf(!havePreCommit)('.pre-commit-hooks.yaml through pre-commit try-repo', () => {
    const gitEnv = {
        ...process.env,
        GIT_AUTHOR_NAME: 'test',
        GIT_AUTHOR_EMAIL: 'test@example.com',
        GIT_COMMITTER_NAME: 'test',
        GIT_COMMITTER_EMAIL: 'test@example.com'
    };

    /** A repository holding only the hooks and the bundles, as a clone of this one at a release would. */
    function hookRepository(): string {
        const folder = temporaryFolder('mission-hooks-');
        cpSync(join(REPO, '.pre-commit-hooks.yaml'), join(folder, '.pre-commit-hooks.yaml'));
        cpSync(DIST, join(folder, 'dist'), { recursive: true });
        execFileSync('git', ['init', '-q'], { cwd: folder, env: gitEnv });
        execFileSync('git', ['add', '.'], { cwd: folder, env: gitEnv });
        execFileSync('git', ['commit', '-q', '-m', 'hooks'], { cwd: folder, env: gitEnv });
        return folder;
    }

    /** A project using the hooks: its models staged, "today" fixed by its config. */
    function project(files: Record<string, string>): string {
        const folder = temporaryFolder('mission-project-');
        execFileSync('git', ['init', '-q'], { cwd: folder, env: gitEnv });
        writeFileSync(join(folder, 'mission.config.json'), '{ "today": "2026-01-15" }\n');
        for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
        execFileSync('git', ['add', '.'], { cwd: folder, env: gitEnv });
        return folder;
    }

    function tryHook(hooks: string, folder: string, hook: string) {
        const env = { ...gitEnv, PRE_COMMIT_HOME: temporaryFolder('mission-pre-commit-home-'), NO_COLOR: '1' };
        return run('pre-commit', ['try-repo', hooks, hook, '--all-files', '--color', 'never'], folder, env);
    }

    it('mission-validate fails on a broken model and passes a clean one; mission-format checks the layout', () => {
        const hooks = hookRepository();

        const broken = tryHook(hooks, project({ 'a.mission': CLEAN, 'b.mission': BROKEN }), 'mission-validate');
        expect(broken.code, broken.stdout + broken.stderr).toBe(1);
        expect(broken.stdout).toMatch(/mission validate\.+Failed/);
        expect(broken.stdout).toMatch(/^b\.mission:4:10 error unresolved-reference /m);
        expect(broken.stdout).toContain('2 files checked: 1 error');

        const clean = tryHook(hooks, project({ 'a.mission': CLEAN }), 'mission-validate');
        expect(clean.code, clean.stdout + clean.stderr).toBe(0);
        expect(clean.stdout).toMatch(/mission validate\.+Passed/);

        const unformatted = tryHook(hooks, project({ 'a.mission': CLEAN, 'b.mission': BROKEN }), 'mission-format');
        expect(unformatted.code, unformatted.stdout + unformatted.stderr).toBe(1);
        expect(unformatted.stdout).toMatch(/mission format --check\.+Failed/);
        expect(unformatted.stdout).toMatch(/^b\.mission$/m);
        expect(unformatted.stdout).not.toMatch(/^a\.mission$/m);
    });
});

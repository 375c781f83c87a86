/**
 * The GitHub Action as a runner runs it: `node dist/action/index.js` (the committed bundle that
 * action.yml names) with its inputs as INPUT_* variables and the runner's GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files. dist.test.ts holds that bundle to the sources.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, temporaryFolder } from './helpers.js';

const ACTION = join(REPO, 'dist/action/index.js');

/** What these tests read of a SARIF log. */
interface SarifLog {
    runs: Array<{
        results: Array<{
            ruleId: string;
            level: string;
            locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>;
        }>;
    }>;
}
const TODAY = '2026-01-15';

interface ActionRun {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
    /** The workflow-command lines (`::error ...`), in the order written. */
    readonly commands: string[];
    readonly outputs: Record<string, string>;
    readonly summary: string;
}

/** Runs the action in `workspace` with these inputs (names as in action.yml). */
function runAction(workspace: string, inputs: Record<string, string>): ActionRun {
    const runnerFiles = temporaryFolder('mission-runner-');
    const outputFile = join(runnerFiles, 'output');
    const summaryFile = join(runnerFiles, 'summary.md');
    writeFileSync(outputFile, '');
    writeFileSync(summaryFile, '');
    const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: workspace,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile
    };
    // The runner's naming: INPUT_ and the name upper-cased, dashes kept (INPUT_MAX-WARNINGS).
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    const result = spawnSync(process.execPath, [ACTION], { cwd: workspace, env, encoding: 'utf8' });
    const outputs = Object.fromEntries(
        readFileSync(outputFile, 'utf8')
            .split('\n')
            .filter(line => line !== '')
            .map(line => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])
    );
    return {
        code: result.status ?? -1,
        stdout: result.stdout,
        stderr: result.stderr,
        commands: result.stdout.split('\n').filter(line => line.startsWith('::')),
        outputs,
        summary: readFileSync(summaryFile, 'utf8')
    };
}

/** `::error file=F,line=12,...,title=code::message` → `error 12 code`. */
function annotation(command: string): string {
    const match = /^::(\w+) file=[^,]*,line=(\d+),.*,title=([^:]+)::/.exec(command);
    return match ? `${match[1]} ${match[2]} ${match[3]}` : command;
}

function workspaceWith(files: Record<string, string>): string {
    const folder = temporaryFolder('mission-action-');
    for (const [path, text] of Object.entries(files)) {
        mkdirSync(join(folder, path, '..'), { recursive: true });
        writeFileSync(join(folder, path), text);
    }
    return folder;
}

/** Twelve unresolved leads (lines 5, 10, ... 60), a warning, an info, and a duplicate name at the end. */
function brokenModel(): string {
    const parts = ['vision V "The vision"', 'person p'];
    for (let index = 1; index <= 12; index++) {
        parts.push(
            `mission M${index} "M${index}" under V {\n  intent "i"\n  lead ghost${index}\n  measure m { target 1 }\n}`
        );
    }
    parts.push('mission W "W" under V {\n  lead p\n  measure m { target 1 }\n}'); // missing-intent, line 63
    // staged-without-value (an info), line 67
    parts.push('mission S "S" under V {\n  intent "i"\n  lead p\n  status staged\n  measure m { target 1 }\n}');
    parts.push('person dup\nperson dup'); // duplicate-name, lines 73 and 74
    return parts.join('\n') + '\n';
}

const CLEAN = 'vision V\nperson p\nmission M "M" under V {\n  intent "do it"\n  lead p\n  measure m { target 1 }\n}\n';

describe('the GitHub Action (dist/action/index.js)', () => {
    it('annotates every code within the first ten, summarises every diagnostic, writes SARIF, fails', () => {
        const workspace = workspaceWith({ 'models/model.mission': brokenModel() });
        const run = runAction(workspace, { paths: 'models', today: TODAY, 'sarif-file': 'out/mission.sarif' });

        expect(run.code, run.stdout + run.stderr).toBe(1);
        const ghosts = [10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60].map(line => `error ${line} unresolved-reference`);
        expect(run.commands.map(annotation)).toEqual([
            'error 5 unresolved-reference',
            'error 73 duplicate-name',
            ...ghosts,
            'error 74 duplicate-name',
            'warning 63 missing-intent',
            'notice 67 staged-without-value'
        ]);
        expect(run.commands[0]).toMatch(/^::error file=models\/model\.mission,line=5,col=8,endLine=5,endColumn=14,/);
        expect(run.stdout).toContain('mission: 1 file checked: 14 errors, 1 warning, 1 info\n');
        expect(run.stdout).toContain('mission: 14 errors in the model\n');
        expect(run.stderr).toBe('');

        expect(run.outputs).toEqual({
            errors: '14',
            warnings: '1',
            infos: '1',
            files: '1',
            'sarif-file': 'out/mission.sarif'
        });

        // The summary lists all 16 in file order, escaped for Markdown.
        const rows = run.summary.split('\n').filter(line => line.startsWith('| models'));
        expect(rows).toHaveLength(16);
        expect(rows[0]).toMatch(
            /^\| models\\\/model\\\.mission\\:5\\:8 \| error \| unresolved\\-reference \| .*ghost1/
        );
        expect(rows[15]).toMatch(/^\| models\\\/model\\\.mission\\:74\\:8 \| error \| duplicate\\-name \| /);
        expect(run.summary).toContain('Failed\\: 14 errors in the model\\.');

        const sarif = JSON.parse(readFileSync(join(workspace, 'out/mission.sarif'), 'utf8')) as SarifLog & {
            version: string;
        };
        expect(sarif.version).toBe('2.1.0');
        const results = sarif.runs[0].results;
        expect(results).toHaveLength(16);
        expect(results.filter(result => result.level === 'error')).toHaveLength(14);
        expect(new Set(results.map(result => result.ruleId))).toEqual(
            new Set(['unresolved-reference', 'duplicate-name', 'missing-intent', 'staged-without-value'])
        );
        expect(results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('models/model.mission');
    });

    it('passes a clean model: no annotations, zero counts, an empty SARIF run', () => {
        const workspace = workspaceWith({ 'a.mission': CLEAN, 'mission.config.json': '{ "rules": {} }\n' });
        const run = runAction(workspace, { paths: '.', today: TODAY, 'max-warnings': '0', 'sarif-file': 'm.sarif' });

        expect(run.code, run.stdout).toBe(0);
        expect(run.commands).toEqual([]);
        expect(run.stdout).toBe('mission: 1 file checked: no problems\n');
        expect(run.outputs).toMatchObject({ errors: '0', warnings: '0', infos: '0', files: '1' });
        expect(run.summary).toContain('Passed\\.');
        expect(run.summary).not.toContain('| Location');
        expect(JSON.parse(readFileSync(join(workspace, 'm.sarif'), 'utf8')).runs[0].results).toEqual([]);
    });

    it('fails on more warnings than max-warnings, with one error annotation saying so', () => {
        const warningOnly = 'vision V\nperson p\nmission M "M" under V {\n  lead p\n  measure m { target 1 }\n}\n';
        const workspace = workspaceWith({ 'a.mission': warningOnly });

        const strict = runAction(workspace, { paths: 'a.mission', today: TODAY, 'max-warnings': '0' });
        expect(strict.code).toBe(1);
        expect(strict.commands.map(annotation)).toEqual([
            'warning 3 missing-intent',
            '::error title=mission::mission: 1 warning, more than max-warnings 0 allows'
        ]);
        expect(strict.summary).toContain('Failed\\: 1 warning\\, more than max\\-warnings 0 allows\\.');

        const lenient = runAction(workspace, { paths: 'a.mission', today: TODAY, 'max-warnings': '1' });
        expect(lenient.code).toBe(0);
        expect(lenient.outputs.warnings).toBe('1');
    });

    it('takes several paths, one per line, and a config file', () => {
        const workspace = workspaceWith({
            'one/a.mission': 'vision V\nperson p\n',
            'two/b.mission': 'mission M "M" under V {\n  lead p\n  measure m { target 1 }\n}\n',
            'settings/strict.json': '{ "rules": { "missing-intent": "error" } }\n'
        });
        const run = runAction(workspace, {
            paths: 'one\n  two  \n',
            today: TODAY,
            config: 'settings/strict.json'
        });
        expect(run.code).toBe(1);
        expect(run.commands.map(annotation)).toEqual(['error 1 missing-intent']);
        expect(run.outputs).toMatchObject({ errors: '1', files: '2' });
    });

    it.each([
        ['a missing path', { paths: 'nowhere' }, /^::error title=mission::mission: nowhere: no such file or folder$/],
        ['a bad max-warnings', { 'max-warnings': 'many' }, /max-warnings wants a whole number of warnings, not 'many'/],
        ['a bad date', { today: '2026-02-30' }, /^::error title=mission::mission: --today: /],
        ['a missing config file', { config: 'none.json' }, /^::error title=mission::mission: none\.json: no such file/]
    ])('fails on %s with exit 2 and one clear error annotation', (_, inputs, pattern) => {
        const workspace = workspaceWith({ 'a.mission': CLEAN });
        const run = runAction(workspace, { paths: '.', today: TODAY, 'sarif-file': 'm.sarif', ...inputs });
        expect(run.code).toBe(2);
        expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
        expect(run.commands).toHaveLength(1);
        expect(run.commands[0]).toMatch(pattern);
        expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
        expect(run.outputs).toEqual({});
        expect(run.summary).toMatch(/^## mission validate\n\nmission: /);
        expect(existsSync(join(workspace, 'm.sarif'))).toBe(false);
    });
});

/**
 * Severities from mission.config.json reach every output as configured, not as the catalog has them:
 * raised (`no-lead`: warning → error), lowered (`unmeasured-mission`: warning → info) and turned off
 * (`missing-intent`), next to codes left at their default (`empty-team` warning, `staged-without-value`
 * info). In the text and JSON of `validate`, its SARIF results' `level`, its GitHub workflow commands,
 * and the GitHub Action's annotations and SARIF file. (The language server's published severities:
 * packages/language/test/lsp/configured-severities.test.ts.)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli, temporaryFolder } from './helpers.js';

const TODAY = '2026-11-23';
const CONFIG = '{ "rules": { "no-lead": "error", "unmeasured-mission": "info", "missing-intent": "off" } }\n';
const MODEL = [
    'vision V',
    'person ann',
    'team empty { }',
    'mission Bare under V { }',
    'mission Later under V { intent "later" lead ann status staged measure m { target 1 } }',
    ''
].join('\n');

/** `code severity`, in each output's own words, of every diagnostic of MODEL under CONFIG. */
const EXPECTED: Record<string, Record<string, string>> = {
    text: { 'no-lead': 'error', 'unmeasured-mission': 'info', 'empty-team': 'warning', 'staged-without-value': 'info' },
    sarif: {
        'no-lead': 'error',
        'unmeasured-mission': 'note',
        'empty-team': 'warning',
        'staged-without-value': 'note'
    },
    github: {
        'no-lead': 'error',
        'unmeasured-mission': 'notice',
        'empty-team': 'warning',
        'staged-without-value': 'notice'
    }
};

function workspace(): string {
    const folder = temporaryFolder('mission-severities-');
    writeFileSync(join(folder, 'main.mission'), MODEL);
    writeFileSync(join(folder, 'mission.config.json'), CONFIG);
    return folder;
}

async function validate(format: string): Promise<string> {
    const run = await runCli(['validate', 'main.mission', '--format', format, '--today', TODAY], {
        cwd: workspace()
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1); // no-lead is an error now
    return run.stdout;
}

const sorted = (pairs: Array<[string, string]>): string[] => pairs.map(pair => pair.join(' ')).sort();
const expected = (output: keyof typeof EXPECTED): string[] => sorted(Object.entries(EXPECTED[output]!));

/** SARIF results as `ruleId level`. */
function sarifLevels(text: string): string[] {
    const log = JSON.parse(text) as { runs: Array<{ results: Array<{ ruleId: string; level: string }> }> };
    return sorted(log.runs[0]!.results.map(result => [result.ruleId, result.level]));
}

/** Workflow commands `::error file=...,title=code::message` as `code command`. */
function commandLevels(lines: string[]): string[] {
    return sorted(
        lines.map(line => {
            const match = /^::(\w+) .*title=([^,:]+)::/.exec(line);
            return match ? [match[2]!, match[1]!] : [line, '?'];
        })
    );
}

describe('severities configured in mission.config.json', () => {
    it('in the text output', async () => {
        const lines = (await validate('text')).split('\n');
        const diagnostics = lines.flatMap(line => {
            const match = /^main\.mission:\d+:\d+ (error|warning|info) (\S+) /.exec(line);
            return match ? [[match[2]!, match[1]!] as [string, string]] : [];
        });
        expect(sorted(diagnostics)).toEqual(expected('text'));
    });

    it('in the JSON output, and its summary', async () => {
        const { diagnostics, summary } = JSON.parse(await validate('json')) as {
            diagnostics: Array<{ code: string; severity: string }>;
            summary: { errors: number; warnings: number; infos: number };
        };
        expect(sorted(diagnostics.map(d => [d.code, d.severity]))).toEqual(expected('text'));
        expect(summary).toMatchObject({ errors: 1, warnings: 1, infos: 2 });
    });

    it('in the SARIF results’ level', async () => {
        expect(sarifLevels(await validate('sarif'))).toEqual(expected('sarif'));
    });

    it('in the GitHub workflow commands (error, warning, notice)', async () => {
        const commands = (await validate('github')).split('\n').filter(line => line.startsWith('::'));
        expect(commandLevels(commands)).toEqual(expected('github'));
    });

    it('in the GitHub Action’s annotations and SARIF file', () => {
        const folder = workspace();
        const runner = temporaryFolder('mission-runner-');
        const env: NodeJS.ProcessEnv = {
            PATH: process.env.PATH,
            GITHUB_ACTIONS: 'true',
            GITHUB_WORKSPACE: folder,
            GITHUB_OUTPUT: join(runner, 'output'),
            GITHUB_STEP_SUMMARY: join(runner, 'summary.md'),
            INPUT_PATHS: 'main.mission',
            INPUT_TODAY: TODAY,
            'INPUT_SARIF-FILE': 'mission.sarif'
        };
        writeFileSync(env.GITHUB_OUTPUT!, '');
        writeFileSync(env.GITHUB_STEP_SUMMARY!, '');
        const run = spawnSync(process.execPath, [join(REPO, 'dist/action/index.js')], {
            cwd: folder,
            env,
            encoding: 'utf8'
        });
        expect(run.status, run.stdout + run.stderr).toBe(1);
        const annotations = run.stdout
            .split('\n')
            .filter(line => line.startsWith('::') && !line.includes('title=mission'));
        expect(commandLevels(annotations)).toEqual(expected('github'));
        expect(sarifLevels(readFileSync(join(folder, 'mission.sarif'), 'utf8'))).toEqual(expected('sarif'));
    });
});

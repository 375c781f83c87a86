import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { EXAMPLE, expectUsageError, FIXTURES, runCli, temporaryFolder } from './helpers.js';

describe('mission.config.json and --config', () => {
    test('mission.config.json in the working folder sets today and severities', async () => {
        const folder = temporaryFolder();
        writeFileSync(
            join(folder, 'mission.config.json'),
            JSON.stringify({
                today: '2026-11-23',
                rules: { 'unmapped-measures': 'off', 'staged-without-value': 'error' }
            })
        );
        const run = await runCli(['validate', EXAMPLE, '--format', 'json'], { cwd: folder });
        const { diagnostics, summary } = JSON.parse(run.stdout);
        expect(diagnostics.map((d: { code: string; severity: string }) => `${d.code}/${d.severity}`)).toEqual([
            'staged-without-value/error'
        ]);
        expect(summary).toEqual({ files: 1, errors: 1, warnings: 0, infos: 0 });
        expect(run.code).toBe(1);
    });

    test('today of the config drives time rules; --today takes precedence', async () => {
        const folder = temporaryFolder();
        writeFileSync(join(folder, 'mission.config.json'), '{ "today": "2027-06-01" }');
        const late = await runCli(['validate', EXAMPLE, '--format', 'json'], { cwd: folder });
        expect(late.stdout).toContain('review-overdue');
        const early = await runCli(['validate', EXAMPLE, '--format', 'json', '--today', '2026-11-23'], { cwd: folder });
        expect(early.stdout).not.toContain('review-overdue');
    });

    test("the config file's problems are invalid-config errors in the output, on their line", async () => {
        const folder = temporaryFolder();
        writeFileSync(
            join(folder, 'custom.json'),
            '{\n  "rules": {\n    "no-lead": "loud",\n    "duplicate-name": "warning"\n  }\n}\n'
        );
        const run = await runCli(
            ['validate', EXAMPLE, '--format', 'json', '--config', 'custom.json', '--today', '2026-11-23'],
            { cwd: folder }
        );
        expect(run.code).toBe(1);
        const configDiagnostics = JSON.parse(run.stdout).diagnostics.filter(
            (d: { file: string }) => d.file === 'custom.json'
        );
        expect(configDiagnostics).toMatchObject([
            { line: 3, code: 'invalid-config', severity: 'error' },
            {
                line: 4,
                code: 'invalid-config',
                severity: 'error',
                message: '"duplicate-name" cannot be lowered or turned off'
            }
        ]);
        const text = await runCli(['validate', EXAMPLE, '--config', 'custom.json', '--today', '2026-11-23'], {
            cwd: folder
        });
        expect(text.stdout).toContain('custom.json:3:16 error invalid-config');
        expect(text.stdout).toContain('3 |     "no-lead": "loud",');
    });

    test('a missing --config file is a usage error', async () => {
        expectUsageError(
            await runCli(['validate', EXAMPLE, '--config', 'nope.json'], { cwd: FIXTURES }),
            expect,
            /^mission: nope\.json: no such file or folder/
        );
    });
});

describe('mission validate options', () => {
    test('--max-warnings N exits 1 only when warnings exceed N', async () => {
        const two = await runCli(['validate', EXAMPLE, '--today', '2026-11-23', '--max-warnings', '1']);
        expect(two.code).toBe(0);
        const none = await runCli(['validate', EXAMPLE, '--today', '2026-11-23', '--max-warnings', '0']);
        expect(none.code).toBe(1);
        expect(none.stderr).toContain('more than --max-warnings 0');
        expectUsageError(
            await runCli(['validate', EXAMPLE, '--max-warnings', 'many']),
            expect,
            /--max-warnings wants a whole number/
        );
    });

    test('--quiet shows errors only but the summary still counts everything', async () => {
        const run = await runCli(
            ['validate', 'problems.mission', '--today', '2026-11-23', '--quiet', '--format', 'json'],
            { cwd: FIXTURES }
        );
        const { diagnostics, summary } = JSON.parse(run.stdout);
        expect(new Set(diagnostics.map((d: { severity: string }) => d.severity))).toEqual(new Set(['error']));
        expect(summary.warnings).toBe(2);
    });

    test('- reads the model from standard input, shown as <stdin>', async () => {
        const run = await runCli(['validate', '-', '--format', 'json'], { stdin: 'mission Lonely { }' });
        const { diagnostics } = JSON.parse(run.stdout);
        expect(diagnostics).toContainEqual(
            expect.objectContaining({ file: '<stdin>', code: 'unaligned-mission', line: 1, column: 9 })
        );
        expect(run.code).toBe(1);
    });

    test('an unknown format is a usage error', async () => {
        expectUsageError(
            await runCli(['validate', EXAMPLE, '--format', 'xml']),
            expect,
            /^mission: option .*xml.* is invalid/
        );
    });
});

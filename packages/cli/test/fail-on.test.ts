import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { EXAMPLE, expectUsageError, FIXTURES, runCli, temporaryFolder } from './helpers.js';

const TODAY = ['--today', '2026-11-23'];
/** problems.mission has errors and warnings; the language example has a warning and an info, no error. */
const WITH_ERRORS = join(FIXTURES, 'problems.mission');

describe('--fail-on on the output commands', () => {
    const outputs: Array<[string, string[]]> = [
        ['compile', []],
        ['diagram', ['--format', 'mermaid']],
        ['report', []],
        ['brief', ['--person', 'alice']]
    ];

    test.each(outputs)(
        '%s: exit 1 on errors by default, 0 with --fail-on never once the output is written',
        async (command, extra) => {
            const model = command === 'brief' ? EXAMPLE : WITH_ERRORS;
            const folder = temporaryFolder();
            const byDefault = await runCli([command, model, ...extra, ...TODAY, '-o', join(folder, 'a.out')]);
            const never = await runCli([
                command,
                model,
                ...extra,
                ...TODAY,
                '-o',
                join(folder, 'b.out'),
                '--fail-on',
                'never'
            ]);
            expect(existsSync(join(folder, 'a.out'))).toBe(true);
            expect(readFileSync(join(folder, 'b.out'), 'utf8')).toBe(readFileSync(join(folder, 'a.out'), 'utf8'));
            expect(never.code).toBe(0);
            // The language example (for brief) has no error: it fails only with --fail-on warning.
            expect(byDefault.code).toBe(command === 'brief' ? 0 : 1);
        }
    );

    test.each(outputs)('%s: --fail-on warning fails on a warning alone, error does not', async (command, extra) => {
        const folder = temporaryFolder();
        const warning = await runCli([
            command,
            EXAMPLE,
            ...extra,
            ...TODAY,
            '-o',
            join(folder, 'w.out'),
            '--fail-on',
            'warning'
        ]);
        const error = await runCli([
            command,
            EXAMPLE,
            ...extra,
            ...TODAY,
            '-o',
            join(folder, 'e.out'),
            '--fail-on',
            'error'
        ]);
        expect(warning.code).toBe(1);
        expect(error.code).toBe(0);
        expect(readFileSync(join(folder, 'w.out'), 'utf8').length).toBeGreaterThan(0);
    });

    test('an unknown level is a usage error', async () => {
        expectUsageError(await runCli(['compile', EXAMPLE, '--fail-on', 'sometimes']), expect, /--fail-on/);
    });
});

describe('--fail-on on validate, with --max-warnings', () => {
    test('never exits 0 with errors; warning exits 1 on a warning alone; error is the default', async () => {
        expect((await runCli(['validate', WITH_ERRORS, ...TODAY, '--fail-on', 'never'])).code).toBe(0);
        expect((await runCli(['validate', WITH_ERRORS, ...TODAY])).code).toBe(1);
        expect((await runCli(['validate', EXAMPLE, ...TODAY])).code).toBe(0);
        const warning = await runCli(['validate', EXAMPLE, ...TODAY, '--fail-on', 'warning']);
        expect(warning.code).toBe(1);
        expect(warning.stderr).toBe('mission: 1 warning in the model (--fail-on warning)\n');
    });

    test('--max-warnings still applies with --fail-on error; never and --max-warnings contradict', async () => {
        const over = await runCli(['validate', EXAMPLE, ...TODAY, '--fail-on', 'error', '--max-warnings', '0']);
        expect(over.code).toBe(1);
        expect(over.stderr).toContain('more than --max-warnings 0');
        expectUsageError(
            await runCli(['validate', EXAMPLE, ...TODAY, '--fail-on', 'never', '--max-warnings', '3']),
            expect,
            /--fail-on never and --max-warnings contradict each other/
        );
    });
});

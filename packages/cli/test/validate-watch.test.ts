import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MissionDiagnostic } from 'mission-lang-language';
import { afterEach, describe, expect, test } from 'vitest';
import { diagnosticChanges, formatChanges } from '../src/validate-watch.js';
import { EXAMPLE, expectUsageError, REPO, runCli, temporaryFolder } from './helpers.js';

const at = (line: number, code: string, message = `${code} here`): MissionDiagnostic => ({
    file: 'a.mission',
    line,
    column: 1,
    endLine: line,
    endColumn: 5,
    severity: 'warning',
    code: code as MissionDiagnostic['code'],
    message
});

describe('what a re-check changed', () => {
    test('added and fixed diagnostics, as multisets, in each check order', () => {
        const before = [at(1, 'no-lead'), at(2, 'missing-intent'), at(2, 'missing-intent')];
        const after = [at(2, 'missing-intent'), at(3, 'no-lead'), at(4, 'empty-team')];
        const changes = diagnosticChanges(before, after);
        expect(changes.added).toEqual([at(3, 'no-lead'), at(4, 'empty-team')]);
        expect(changes.fixed).toEqual([at(1, 'no-lead'), at(2, 'missing-intent')]);
        expect(diagnosticChanges(after, after)).toEqual({ added: [], fixed: [] });
    });

    test('printed one line each, then the summary with the counts of the change', () => {
        const text = formatChanges(
            { added: [at(3, 'no-lead', 'Grow has no lead')], fixed: [] },
            { files: 2, errors: 0, warnings: 1, infos: 0 },
            false
        );
        expect(text).toBe(
            '+ a.mission:3:1 warning no-lead Grow has no lead\n' +
                '2 files checked: 0 errors, 1 warning, 0 info (+1 new, -0 fixed)\n'
        );
    });
});

let child: ChildProcess | undefined;
afterEach(() => {
    if (child?.exitCode === null) child.kill('SIGTERM');
});

/** Resolves with all stdout once `pattern` appears in it (within 30 s: waits for the event, not a fixed time). */
function untilStdout(process: ChildProcess, pattern: RegExp): Promise<string> {
    let stdout = '';
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${pattern} within 30s: ${stdout}`)), 30_000);
        const check = (): void => {
            if (!pattern.test(stdout)) return;
            clearTimeout(timer);
            process.stdout!.off('data', onData);
            resolve(stdout);
        };
        const onData = (chunk: Buffer): void => {
            stdout += String(chunk);
            check();
        };
        process.stdout!.on('data', onData);
    });
}

describe('mission validate --watch', () => {
    test('prints everything once, then only what changed with counts; stops on SIGTERM with exit 0', async () => {
        const folder = temporaryFolder();
        const model = join(folder, 'model.mission');
        copyFileSync(EXAMPLE, model);
        child = spawn(process.execPath, [
            join(REPO, 'packages/cli/bin/mission.js'),
            'validate',
            folder,
            '--watch',
            '--today',
            '2026-11-23'
        ]);
        const first = await untilStdout(child, /file checked/);
        expect(first).toContain('warning unmapped-measures');
        expect(first).toContain('1 file checked: 0 errors, 1 warning, 1 info');

        writeFileSync(model, readFileSync(EXAMPLE, 'utf8') + '\nmission Extra "Extra" under Nowhere { }\n');
        const second = await untilStdout(child, /\(\+\d+ new, -\d+ fixed\)/);
        expect(second).toMatch(/^\+ .*model\.mission:\d+:\d+ error unresolved-reference /m);
        expect(second).not.toContain('unmapped-measures');
        expect(second).toMatch(/1 file checked: 1 error, \d+ warnings?, 1 info \(\+\d+ new, -0 fixed\)/);

        copyFileSync(EXAMPLE, model);
        const third = await untilStdout(child, /\(\+0 new, -\d+ fixed\)/);
        expect(third).toMatch(/^- .*model\.mission:\d+:\d+ error unresolved-reference /m);
        expect(third).toContain('1 file checked: 0 errors, 1 warning, 1 info (+0 new,');

        const exit = new Promise<number | null>(done => child!.once('exit', code => done(code)));
        child.kill('SIGTERM');
        expect(await exit).toBe(0);
    }, 90_000);

    test('--watch prints text only, and cannot watch standard input', async () => {
        expectUsageError(
            await runCli(['validate', EXAMPLE, '--watch', '--format', 'json']),
            expect,
            /--watch prints text; it cannot be combined with --format json/
        );
        expectUsageError(await runCli(['validate', '-', '--watch'], { stdin: '' }), expect, /standard input/);
    });
});

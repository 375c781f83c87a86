import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { EXAMPLE, expectUsageError, REPO, runCli, temporaryFolder } from './helpers.js';

let child: ChildProcess | undefined;

afterEach(() => {
    if (child?.exitCode === null) child.kill('SIGTERM');
});

/** Collects a child's stderr; `builds(n)` resolves once the watcher has reported n builds in all. */
function watchLog(process: ChildProcess): { builds(count: number): Promise<string[]> } {
    let stderr = '';
    const waiting: Array<() => void> = [];
    process.stderr!.on('data', chunk => {
        stderr += String(chunk);
        for (const check of [...waiting]) check();
    });
    return {
        builds: count =>
            new Promise((resolve, reject) => {
                const timer = setTimeout(() => reject(new Error(`no ${count} builds within 30s: ${stderr}`)), 30_000);
                const check = (): void => {
                    const lines = stderr.split('\n').filter(Boolean);
                    if (lines.filter(line => line.includes('watching for changes')).length >= count) {
                        clearTimeout(timer);
                        waiting.splice(waiting.indexOf(check), 1);
                        resolve(lines);
                    }
                };
                waiting.push(check);
                check();
            })
    };
}

describe('--watch', () => {
    test('compile rebuilds on change, keeps running on errors, stops on SIGTERM', async () => {
        const folder = temporaryFolder();
        const model = join(folder, 'model.mission');
        const output = join(folder, 'model.json');
        copyFileSync(EXAMPLE, model);
        child = spawn(process.execPath, [
            join(REPO, 'packages/cli/bin/mission.js'),
            'compile',
            folder,
            '-o',
            output,
            '--watch',
            '--today',
            '2026-11-23'
        ]);
        const log = watchLog(child);
        await log.builds(1);
        expect(JSON.parse(readFileSync(output, 'utf8')).missions).toHaveLength(3);

        writeFileSync(model, readFileSync(EXAMPLE, 'utf8') + '\nmission Extra under Nowhere { }\n');
        const lines = await log.builds(2);
        expect(lines.at(-1)).toMatch(/mission compile -> .*model\.json \(model has errors/);
        expect(JSON.parse(readFileSync(output, 'utf8')).missions).toHaveLength(4);

        const exited = new Promise<number | null>(resolve => child!.on('exit', code => resolve(code)));
        child.kill('SIGTERM');
        expect(await exited).toBe(0);
    });

    test('diagram and report rebuild too', async () => {
        const folder = temporaryFolder();
        const model = join(folder, 'model.mission');
        copyFileSync(EXAMPLE, model);
        for (const [command, file, marker] of [
            ['diagram', 'cascade.svg', '</svg>'],
            ['report', 'report.html', '</html>']
        ] as const) {
            const output = join(folder, file);
            child = spawn(process.execPath, [
                join(REPO, 'packages/cli/bin/mission.js'),
                command,
                model,
                '-o',
                output,
                '--watch',
                '--today',
                '2026-11-23'
            ]);
            const log = watchLog(child);
            await log.builds(1);
            expect(readFileSync(output, 'utf8')).toContain(marker);
            writeFileSync(model, readFileSync(EXAMPLE, 'utf8').replace('Open three clinics"', 'Open four clinics"'));
            await log.builds(2);
            expect(readFileSync(output, 'utf8')).toContain('Open four clinics');
            const exited = new Promise<number | null>(resolve => child!.on('exit', code => resolve(code)));
            child.kill('SIGINT');
            expect(await exited).toBe(0);
            copyFileSync(EXAMPLE, model);
        }
    });

    test('--watch needs an output file and files on disk', async () => {
        expectUsageError(
            await runCli(['compile', EXAMPLE, '--watch']),
            expect,
            /^mission: --watch needs -o FILE for mission compile$/
        );
        expectUsageError(
            await runCli(['report', '-', '--watch', '-o', 'x.html']),
            expect,
            /cannot watch standard input/
        );
    });
});

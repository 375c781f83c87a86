/**
 * Files and I/O of the built CLI: folder walks survive symlink loops; missing, unreadable and
 * non-UTF-8 files are named with a reason (exit 2); CRLF and a BOM give the same columns; a killed
 * write leaves the previous output intact; and only `mission format` ever rewrites a model file.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import {
    chmodSync,
    mkdirSync,
    mkdtempSync,
    readdirSync,
    readFileSync,
    rmSync,
    statSync,
    symlinkSync,
    watch,
    writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { CLI, runMission, runProblems } from '../fuzz/cli.js';
import { printSummary } from '../fuzz/settings.js';

const root = mkdtempSync(join(tmpdir(), 'mission-io-'));
const figures: Record<string, string | number> = { cliRuns: 0 };
afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    printSummary('files-io', figures);
});

async function mission(args: string[], options: { cwd?: string } = {}) {
    figures.cliRuns = Number(figures.cliRuns) + 1;
    const run = await runMission(args, options);
    expect(runProblems(run), `mission ${args.join(' ')}`).toEqual([]);
    return run;
}

const MODEL = `vision V
person p
mission   A "Alpha"   under V { intent "a" lead p measure m { target 2 current 1 } }
mission B under V { intent "b" lead q measure m { target 2 } }
`;

describe('walking folders', () => {
    test('symlink loops are followed once and never walked forever; a dangling link is skipped', async () => {
        const folder = join(root, 'loops');
        mkdirSync(join(folder, 'sub'), { recursive: true });
        writeFileSync(join(folder, 'sub', 'model.mission'), MODEL);
        symlinkSync('..', join(folder, 'sub', 'up'));
        symlinkSync('.', join(folder, 'sub', 'self'));
        symlinkSync(join(folder, 'missing-target'), join(folder, 'dangling.mission'));
        const run = await mission(['validate', folder, '--format', 'json']);
        expect(run.code).toBe(1);
        const report = JSON.parse(run.stdout) as { summary: { files: number } };
        expect(report.summary.files).toBe(1);
    });
});

describe('files the CLI cannot read', () => {
    test('a missing path is named, with the reason, exit 2', async () => {
        const run = await mission(['validate', join(root, 'nowhere.mission')]);
        expect(run.code).toBe(2);
        expect(run.stderr).toBe(`mission: ${join(root, 'nowhere.mission')}: no such file or folder\n`);
    });

    test('a file that is not UTF-8 is named, with the reason, exit 2', async () => {
        const path = join(root, 'latin1.mission');
        writeFileSync(path, Buffer.concat([Buffer.from('vision V "caf'), Buffer.from([0xe9]), Buffer.from('"\n')]));
        const run = await mission(['compile', path]);
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toBe(`mission: ${path}: not UTF-8 text\n`);
    });

    test('an unreadable file (chmod 000) is named with "permission denied", exit 2', async () => {
        const folder = join(root, 'private');
        mkdirSync(folder);
        const path = join(folder, 'secret.mission');
        writeFileSync(path, MODEL);
        chmodSync(path, 0o000);
        // root reads any file whatever its mode: as root, run the CLI as the unprivileged user `nobody`.
        const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
        if (process.getuid?.() === 0) {
            chmodSync(root, 0o755);
            chmodSync(folder, 0o755);
        }
        figures.cliRuns = Number(figures.cliRuns) + 1;
        const run = await runMission(['validate', path], asNobody);
        expect(runProblems(run)).toEqual([]);
        expect(run.code).toBe(2);
        expect(run.stderr).toBe(`mission: ${path}: permission denied\n`);
        chmodSync(path, 0o644);
    });
});

describe('line breaks and byte order marks', () => {
    test('CRLF and a BOM give the same lines and columns as LF', async () => {
        const folder = join(root, 'eol');
        mkdirSync(folder);
        const variants = {
            lf: MODEL,
            crlf: MODEL.replace(/\n/g, '\r\n'),
            bom: `\ufeff${MODEL}`,
            both: `\ufeff${MODEL.replace(/\n/g, '\r\n')}`
        };
        const positions: Record<string, string[]> = {};
        for (const [name, text] of Object.entries(variants)) {
            writeFileSync(join(folder, `${name}.mission`), text);
            const run = await mission([
                'validate',
                join(folder, `${name}.mission`),
                '--format',
                'json',
                '--today',
                '2026-11-23'
            ]);
            const report = JSON.parse(run.stdout) as {
                diagnostics: Array<{ line: number; column: number; endLine: number; endColumn: number; code: string }>;
            };
            positions[name] = report.diagnostics.map(
                d => `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.code}`
            );
        }
        // `lead q` is unresolved: line 4, column 37.
        expect(positions.lf).toContain('4:37-4:38 unresolved-reference');
        expect(positions.crlf).toEqual(positions.lf);
        expect(positions.bom).toEqual(positions.lf);
        expect(positions.both).toEqual(positions.lf);
    });
});

describe('writing outputs', () => {
    test('a CLI killed (SIGKILL) while writing a large output leaves the previous output intact', async () => {
        const folder = join(root, 'kill');
        mkdirSync(folder);
        const lines = ['vision V', 'person p { capacity 100000 }'];
        for (let i = 0; i < 20_000; i++)
            lines.push(
                `mission k${i} "Mission ${i} with a title" under ${i < 10 ? 'V' : `k${Math.floor(i / 10) - 1}`} ` +
                    `{ intent "Intent ${i}" lead p measure q { target 10 current ${i % 10} } }`
            );
        writeFileSync(join(folder, 'big.mission'), lines.join('\n'));
        const output = join(folder, 'out', 'model.json');
        mkdirSync(join(folder, 'out'));
        const previous = '{"previous": "output"}\n';
        writeFileSync(output, previous);

        // Kill the CLI the moment its temporary file appears (an event, not a sleep).
        let child: ChildProcess | undefined;
        let killedMidWrite = false;
        const watcher = watch(join(folder, 'out'), (_event, name) => {
            if (child && !killedMidWrite && name && name.endsWith('.tmp')) {
                killedMidWrite = true;
                child.kill('SIGKILL');
            }
        });
        const exit = await new Promise<{ code: number | null; signal: string | null }>(resolve => {
            child = spawn(process.execPath, [CLI, 'compile', join(folder, 'big.mission'), '-o', output], {
                stdio: 'ignore'
            });
            child.on('exit', (code, signal) => resolve({ code, signal }));
        });
        watcher.close();
        figures.killedMidWrite = killedMidWrite ? 'yes' : 'no (the write finished first)';
        const after = readFileSync(output, 'utf8');
        if (exit.signal === 'SIGKILL') {
            expect(after).toBe(previous);
        } else {
            // The rename happened before the kill: the new output is complete.
            expect(JSON.parse(after).format).toBe('mission-model');
        }
        expect(killedMidWrite).toBe(true);
        expect(exit.signal).toBe('SIGKILL');
    }, 240_000);

    test('validate, compile, diagram, report and brief never touch the model files; format rewrites them', async () => {
        const folder = join(root, 'untouched');
        const models = join(folder, 'models');
        const outputs = join(folder, 'outputs');
        mkdirSync(models, { recursive: true });
        mkdirSync(outputs);
        const path = join(models, 'model.mission');
        writeFileSync(path, MODEL);
        const before = { bytes: readFileSync(path), mtimeMs: statSync(path).mtimeMs };
        const runs = [
            ['validate', models],
            ['validate', models, '--format', 'sarif'],
            ['compile', models, '-o', join(outputs, 'model.json')],
            ['diagram', models, '-o', join(outputs, 'cascade.mmd')],
            ['diagram', models, '-o', join(outputs, 'cascade.svg')],
            ['report', models, '-o', join(outputs, 'report.html')],
            ['brief', models, '--person', 'p', '-o', join(outputs, 'brief.md')],
            ['format', '--check', models]
        ];
        for (const args of runs) {
            const run = await mission(args);
            expect([0, 1]).toContain(run.code);
            expect(readFileSync(path).equals(before.bytes), `${args[0]} changed the model`).toBe(true);
            expect(statSync(path).mtimeMs, `${args[0]} wrote the model`).toBe(before.mtimeMs);
        }
        expect(readdirSync(models)).toEqual(['model.mission']);
        expect(readdirSync(outputs).sort()).toEqual([
            'brief.md',
            'cascade.mmd',
            'cascade.svg',
            'model.json',
            'report.html'
        ]);
        // The control: format does rewrite it (the model above is not in the canonical layout).
        const format = await mission(['format', models]);
        expect(format.code).toBe(0);
        expect(readFileSync(path, 'utf8')).not.toBe(MODEL);
    }, 240_000);
});

/**
 * `mission validate`: files and folders (searched recursively for *.mission), the text and JSON
 * formats of LANGUAGE.md, exit codes 0/1/2 with one clear line on stderr, and colour rules.
 * Exit codes and colour are checked on the built CLI as a child process; the rest in-process via main().
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { processOutput } from '../src/output.js';
import { ensureBuilt } from '../../../test/support/build.js';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const BIN = join(ROOT, 'packages/cli/bin/mission.js');
// eslint-disable-next-line no-control-regex -- an ANSI colour code starts with ESC [
const ANSI = /\u001b\[/;

interface Run {
    code: number;
    stdout: string;
    stderr: string;
}

/** `mission ...` in this process, in `cwd`, without colour. */
async function mission(args: string[], cwd: string): Promise<Run> {
    let stdout = '';
    let stderr = '';
    const previous = process.cwd();
    process.chdir(cwd);
    try {
        const code = await main(args, {
            stdout: text => {
                stdout += text;
            },
            stderr: text => {
                stderr += text;
            },
            color: false
        });
        return { code, stdout, stderr };
    } finally {
        process.chdir(previous);
    }
}

/** The built CLI as a child process (stdout is a pipe, not a TTY). */
function missionProcess(args: string[], cwd: string, env: Record<string, string | undefined> = {}): Run {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    for (const [key, value] of Object.entries(env)) if (value === undefined) delete childEnv[key];
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env: childEnv, encoding: 'utf8' });
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A usage or I/O problem: exit 2, nothing on stdout, one line on stderr, no stack trace. */
function expectUsageFailure(run: Run, pattern: RegExp): void {
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.endsWith('\n')).toBe(true);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^mission: /);
    expect(run.stderr).toMatch(pattern);
    expect(run.stderr).not.toMatch(/\n\s+at |Error:/);
}

let workspace: string;

function write(path: string, content: string | Buffer): string {
    const absolute = join(workspace, path);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
    return path;
}

const CLEAN = 'vision V\nperson p\nmission M "M" under V {\n  intent "do it"\n  lead p\n  measure m { target 1 }\n}\n';
const DUPLICATE = 'person alice\nperson alice\n';
const BROKEN_REFERENCE = 'vision V\nmission M under V {\n  intent "x"\n  lead ghost\n  measure m { target 1 }\n}\n';
// Its one problem, missing-intent, is a warning.
const WARNING_ONLY = 'vision V\nperson p\nmission M under V {\n  lead p\n  measure m { target 1 }\n}\n';

beforeAll(() => {
    ensureBuilt('language', 'cli');
    workspace = mkdtempSync(join(tmpdir(), 'mission-validate-'));
    write('clean.mission', CLEAN);
    write('dup.mission', DUPLICATE);
    write('broken.mission', BROKEN_REFERENCE);
    write('warning.mission', WARNING_ONLY);
    write('tree/a.mission', 'vision V\nperson p { capacity 2 }');
    write('tree/sub/b.mission', 'mission B under V {\n  intent "b"\n  lead p\n  measure m { target 1 }\n}\n');
    write(
        'tree/sub/deeper/c.mission',
        'mission C under B {\n  intent "c"\n  lead p\n  measure n { target 1 contributes to B.m }\n}\n'
    );
    write('tree/sub/notes.txt', 'mission X { lead nobody }');
    write('tree/sub/model.mission.bak', 'mission Y { lead nobody }');
    write('empty-folder/readme.md', '# nothing here');
    write(
        'latin1.mission',
        Buffer.from([0x76, 0x69, 0x73, 0x69, 0x6f, 0x6e, 0x20, 0x56, 0x20, 0x22, 0xe9, 0x22, 0x0a])
    );
}, 300_000);

afterAll(() => {
    if (workspace) rmSync(workspace, { recursive: true, force: true });
});

describe('files and folders', () => {
    it('checks a clean file: exit 0 and a summary line', async () => {
        const run = await mission(['validate', 'clean.mission'], workspace);
        expect(run.code).toBe(0);
        expect(run.stderr).toBe('');
        expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
        expect(run.stdout).toMatch(/1 file/);
    });

    it('searches folders recursively for *.mission only, checking the files together', async () => {
        const run = await mission(['validate', 'tree', '--format', 'json'], workspace);
        const report = JSON.parse(run.stdout);
        expect(report.summary.files).toBe(3);
        // B in sub/ and C in sub/deeper/ resolve V, p and B.m across the files: nothing is unresolved.
        expect(report.diagnostics.filter((d: { code: string }) => d.code === 'unresolved-reference')).toEqual([]);
        expect(run.code).toBe(0);
    });

    it('names files found in a folder by the folder as given, relative staying relative', async () => {
        write('named/sub/x.mission', 'person x\nperson x\n');
        const run = await mission(['validate', 'named', '--format', 'json'], workspace);
        expect(run.code).toBe(1);
        expect(JSON.parse(run.stdout).diagnostics.map((d: { file: string }) => d.file)).toEqual([
            'named/sub/x.mission',
            'named/sub/x.mission'
        ]);
    });

    it('checks several paths together: a name in one file resolves a reference in another', async () => {
        write('split/people.mission', 'person ghost');
        const run = await mission(
            ['validate', 'broken.mission', 'split/people.mission', '--format', 'json'],
            workspace
        );
        const report = JSON.parse(run.stdout);
        expect(report.summary.files).toBe(2);
        expect(report.diagnostics).toEqual([]);
        expect(run.code).toBe(0);
    });

    it('keeps a path exactly as given: ./relative and absolute', async () => {
        const absolute = join(workspace, 'dup.mission');
        const run = await mission(['validate', './dup.mission', '--format', 'json'], workspace);
        expect(JSON.parse(run.stdout).diagnostics[0].file).toBe('./dup.mission');
        const absoluteRun = await mission(['validate', absolute, '--format', 'json'], workspace);
        expect(JSON.parse(absoluteRun.stdout).diagnostics[0].file).toBe(absolute);
        const fromElsewhere = await mission(
            ['validate', join('..', workspace.split('/').pop()!, 'dup.mission'), '--format', 'json'],
            workspace
        );
        expect(JSON.parse(fromElsewhere.stdout).diagnostics[0].file).toBe(
            join('..', workspace.split('/').pop()!, 'dup.mission')
        );
    });

    it('counts a file given twice (directly and through its folder) once', async () => {
        write('twice/only.mission', CLEAN);
        const run = await mission(['validate', 'twice', 'twice/only.mission', '--format', 'json'], workspace);
        expect(JSON.parse(run.stdout).summary.files).toBe(1);
        expect(run.code).toBe(0);
    });
});

describe('--format json', () => {
    it('has exactly the shape of LANGUAGE.md', async () => {
        const run = await mission(['validate', 'dup.mission', '--format', 'json'], workspace);
        expect(run.code).toBe(1);
        const report = JSON.parse(run.stdout);
        expect(Object.keys(report)).toEqual(['diagnostics', 'summary']);
        expect(Object.keys(report.summary)).toEqual(['files', 'errors', 'warnings', 'infos']);
        expect(report.summary).toEqual({ files: 1, errors: 2, warnings: 0, infos: 0 });
        expect(report.diagnostics).toHaveLength(2);
        for (const diagnostic of report.diagnostics) {
            expect(Object.keys(diagnostic)).toEqual([
                'file',
                'line',
                'column',
                'endLine',
                'endColumn',
                'severity',
                'code',
                'message'
            ]);
        }
        expect(report.diagnostics[0]).toEqual({
            file: 'dup.mission',
            line: 1,
            column: 8,
            endLine: 1,
            endColumn: 13,
            severity: 'error',
            code: 'duplicate-name',
            message: report.diagnostics[0].message
        });
        expect(report.diagnostics[0].message).toMatch(/alice/);
        expect(report.diagnostics[1]).toMatchObject({ line: 2, column: 8, endLine: 2, endColumn: 13 });
    });

    it('is valid JSON with an empty list when there is nothing to report', async () => {
        const run = await mission(['validate', 'clean.mission', '--format', 'json'], workspace);
        expect(JSON.parse(run.stdout)).toEqual({
            diagnostics: [],
            summary: { files: 1, errors: 0, warnings: 0, infos: 0 }
        });
        expect(run.code).toBe(0);
    });

    it('reports warnings with exit 0', async () => {
        const run = await mission(['validate', 'warning.mission', '--format', 'json'], workspace);
        const report = JSON.parse(run.stdout);
        expect(report.diagnostics.map((d: { code: string; severity: string }) => [d.code, d.severity])).toEqual([
            ['missing-intent', 'warning']
        ]);
        expect(report.summary).toEqual({ files: 1, errors: 0, warnings: 1, infos: 0 });
        expect(run.code).toBe(0);
    });

    it('uses --today for time-based rules', async () => {
        write(
            'review.mission',
            'vision V\nperson p\nmission M under V {\n  intent "x"\n  lead p\n  measure m { target 1 }\n' +
                '  review every 30 days last 2026-01-01\n}\n'
        );
        const before = JSON.parse(
            (await mission(['validate', 'review.mission', '--format', 'json', '--today', '2026-01-15'], workspace))
                .stdout
        );
        const after = JSON.parse(
            (await mission(['validate', 'review.mission', '--format', 'json', '--today', '2026-11-23'], workspace))
                .stdout
        );
        expect(before.diagnostics.map((d: { code: string }) => d.code)).toEqual([]);
        expect(after.diagnostics.map((d: { code: string }) => d.code)).toEqual(['review-overdue']);
    });
});

describe('text format', () => {
    it('prints file:line:col severity code message, the source line, a caret under the range, a summary', async () => {
        const run = await mission(['validate', 'broken.mission'], workspace);
        expect(run.code).toBe(1);
        const lines = run.stdout.trimEnd().split('\n');
        expect(lines[0]).toBe("broken.mission:4:8 error unresolved-reference no person named 'ghost'");
        expect(lines[1]).toMatch(/^\s*4\s*\|\s*lead ghost$/);
        const caretStart = lines[2]!.indexOf('^');
        expect(lines[2]!.trim()).toBe('^^^^^');
        // The caret is under `ghost` in the source line above.
        expect(caretStart).toBe(lines[1]!.indexOf('ghost'));
        expect(lines.at(-1)).toMatch(/1 file.*1 error/);
        expect(lines).toHaveLength(4);
        expect(run.stdout).not.toMatch(ANSI);
    });

    it('keeps tabs before the caret so that it lines up with tab-indented source', async () => {
        write(
            'tabs.mission',
            'vision V\nmission M under V {\n\tintent "x"\n\t\tlead ghost\n\tmeasure m { target 1 }\n}\n'
        );
        const run = await mission(['validate', 'tabs.mission'], workspace);
        const lines = run.stdout.split('\n');
        expect(lines[0]).toMatch(/^tabs\.mission:4:8 error unresolved-reference /);
        expect(lines[1]).toMatch(/\| \t\tlead ghost$/);
        const gutter = lines[1]!.indexOf('\t');
        expect(lines[2]).toBe(`${' '.repeat(gutter)}\t\t     ^^^^^`);
    });

    it('prints every diagnostic in order, with a summary counting them', async () => {
        const run = await mission(['validate', 'dup.mission', 'warning.mission'], workspace);
        const headers = run.stdout.split('\n').filter(line => /^\S+\.mission:\d+:\d+ /.test(line));
        expect(headers).toEqual([
            expect.stringMatching(/^dup\.mission:1:8 error duplicate-name /),
            expect.stringMatching(/^dup\.mission:2:8 error duplicate-name /),
            expect.stringMatching(/^warning\.mission:3:9 warning missing-intent /)
        ]);
        expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/2 files.*2 errors.*1 warning/);
    });
});

// Each test starts the CLI a few times; on a busy machine one start can take seconds.
describe('exit codes and usage errors (built CLI)', { timeout: 180_000 }, () => {
    it('exits 0 without errors, 1 with errors', () => {
        expect(missionProcess(['validate', 'clean.mission'], workspace).code).toBe(0);
        expect(missionProcess(['validate', 'warning.mission'], workspace).code).toBe(0);
        const withErrors = missionProcess(['validate', 'dup.mission'], workspace);
        expect(withErrors.code).toBe(1);
        expect(withErrors.stderr).toBe('');
    });

    it('exits 2 on a missing path', () => {
        expectUsageFailure(
            missionProcess(['validate', 'nope.mission'], workspace),
            /nope\.mission: no such file or folder/
        );
        expectUsageFailure(
            missionProcess(['validate', 'clean.mission', 'missing-folder'], workspace),
            /missing-folder/
        );
    });

    it('exits 2 on an unknown format', () => {
        expectUsageFailure(missionProcess(['validate', 'clean.mission', '--format', 'xml'], workspace), /xml/);
    });

    it('exits 2 on a bad --today', () => {
        expectUsageFailure(
            missionProcess(['validate', 'clean.mission', '--today', 'tomorrow'], workspace),
            /--today.*tomorrow/
        );
        expectUsageFailure(
            missionProcess(['validate', 'clean.mission', '--today', '2026-02-30'], workspace),
            /2026-02-30/
        );
    });

    it('exits 2 on a file that is not UTF-8', () => {
        expectUsageFailure(missionProcess(['validate', 'latin1.mission'], workspace), /latin1\.mission: not UTF-8/);
    });

    it('exits 2 on a folder without model files, and without any path', () => {
        expectUsageFailure(missionProcess(['validate', 'empty-folder'], workspace), /no \.mission files/);
        expectUsageFailure(missionProcess(['validate'], workspace), /paths/);
    });

    it('writes no colour when stdout is not a TTY, even with errors', () => {
        const run = missionProcess(['validate', 'dup.mission'], workspace, {
            NO_COLOR: undefined,
            FORCE_COLOR: undefined
        });
        expect(run.code).toBe(1);
        expect(run.stdout).toMatch(/duplicate-name/);
        expect(run.stdout).not.toMatch(ANSI);
    });

    it('writes colour only when forced (which shows the check above can see colour)', () => {
        const run = missionProcess(['validate', 'dup.mission'], workspace, { NO_COLOR: undefined, FORCE_COLOR: '1' });
        expect(run.stdout).toMatch(ANSI);
    });
});

describe('colour decision', () => {
    const withTerminal = (env: Record<string, string | undefined>, isTTY: boolean): boolean => {
        const saved = { NO_COLOR: process.env.NO_COLOR, FORCE_COLOR: process.env.FORCE_COLOR };
        const savedTTY = Object.getOwnPropertyDescriptor(process.stdout, 'isTTY');
        try {
            for (const key of ['NO_COLOR', 'FORCE_COLOR'] as const) {
                if (env[key] === undefined) delete process.env[key];
                else process.env[key] = env[key];
            }
            Object.defineProperty(process.stdout, 'isTTY', { value: isTTY, configurable: true });
            return processOutput().color;
        } finally {
            for (const [key, value] of Object.entries(saved)) {
                if (value === undefined) delete process.env[key];
                else process.env[key] = value;
            }
            if (savedTTY) Object.defineProperty(process.stdout, 'isTTY', savedTTY);
            else delete (process.stdout as { isTTY?: boolean }).isTTY;
        }
    };

    it('colours a TTY, not a pipe, and never with NO_COLOR set', () => {
        expect(withTerminal({}, true)).toBe(true);
        expect(withTerminal({}, false)).toBe(false);
        expect(withTerminal({ NO_COLOR: '1' }, true)).toBe(false);
        expect(withTerminal({ NO_COLOR: '1' }, false)).toBe(false);
    });
});

describe('--help and --version', () => {
    it('exit 0', async () => {
        const help = await mission(['validate', '--help'], workspace);
        expect(help.code).toBe(0);
        expect(help.stdout).toMatch(/--format/);
        expect((await mission(['--version'], workspace)).code).toBe(0);
    });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExpectStatic } from 'vitest';
import { main } from '../src/main.js';

export const REPO = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const EXAMPLE = join(REPO, 'test/fixtures/language-example.mission');
export const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url));

export interface CliRun {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
}

/** Runs `mission` in this process (in `cwd` when given), capturing its output. */
export async function runCli(args: readonly string[], options: { cwd?: string; stdin?: string } = {}): Promise<CliRun> {
    let stdout = '';
    let stderr = '';
    const previous = process.cwd();
    if (options.cwd) process.chdir(options.cwd);
    try {
        const code = await main(args, {
            stdout: text => {
                stdout += text;
            },
            stderr: text => {
                stderr += text;
            },
            color: false,
            readStdin: async () => options.stdin ?? ''
        });
        return { code, stdout, stderr };
    } finally {
        process.chdir(previous);
    }
}

export function temporaryFolder(prefix = 'mission-cli-'): string {
    return mkdtempSync(join(tmpdir(), prefix));
}

/** A usage failure: exit 2, nothing on stdout, exactly one line on stderr, no stack trace. */
export function expectUsageError(run: CliRun, expect: ExpectStatic, pattern: RegExp): void {
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr.trimEnd()).toMatch(pattern);
    expect(run.stderr).not.toMatch(/\n\s+at /);
}

/** Running the built `mission` CLI as a child process, and what its output may never contain. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { REPO } from './settings.js';

export const CLI = join(REPO, 'packages/cli/bin/mission.js');

export interface ChildRun {
    readonly code: number | null;
    readonly signal: NodeJS.Signals | null;
    readonly stdout: string;
    readonly stderr: string;
    readonly ms: number;
}

export function runMission(
    args: readonly string[],
    options: {
        cwd?: string;
        timeoutMs?: number;
        env?: NodeJS.ProcessEnv;
        input?: string;
        uid?: number;
        gid?: number;
    } = {}
): Promise<ChildRun> {
    const started = Date.now();
    return new Promise(resolve => {
        const child = execFile(
            process.execPath,
            [CLI, ...args],
            {
                cwd: options.cwd,
                uid: options.uid,
                gid: options.gid,
                timeout: options.timeoutMs ?? 120_000,
                maxBuffer: 512 * 1024 * 1024,
                env: { ...process.env, NO_COLOR: '1', ...options.env }
            },
            (error, stdout, stderr) => {
                const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
                resolve({
                    code,
                    signal: (error?.signal as NodeJS.Signals | undefined) ?? null,
                    stdout: String(stdout),
                    stderr: String(stderr),
                    ms: Date.now() - started
                });
            }
        );
        if (options.input !== undefined) child.stdin?.end(options.input);
    });
}

/**
 * What is wrong with a run: an exit code other than 0, 1 or 2, a signal, a stack trace or an
 * `Error:` trace on stderr, an internal error, or a usage failure that is not one line.
 */
export function runProblems(run: ChildRun): string[] {
    const problems: string[] = [];
    if (run.signal) problems.push(`killed by ${run.signal}`);
    if (run.code === null || ![0, 1, 2].includes(run.code)) problems.push(`exit code ${run.code}`);
    if (/^\s+at .+/m.test(run.stderr)) problems.push('a stack trace on stderr');
    if (/^\w*Error:/m.test(run.stderr) || /^Uncaught/m.test(run.stderr)) problems.push('an Error: trace on stderr');
    if (/internal error/.test(run.stderr)) problems.push('an internal error');
    if (/^ {4}at .+\(.*:\d+:\d+\)$/m.test(run.stdout)) problems.push('a stack trace on stdout');
    if (run.code === 2 && run.stderr.trimEnd().split('\n').length !== 1)
        problems.push('exit 2 without exactly one line on stderr');
    return problems.map(problem => `${problem}\n--- stderr:\n${run.stderr.slice(0, 2000)}`);
}

import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/**
 * The V8 flags `mission mcp` runs with. Each proposal re-checks a model's worth of short-lived objects
 * (the facts and their fingerprints are made anew); with V8's default young generation (16 MB a
 * semi-space) they outlive it, are promoted, and a full collection every few dozen proposals pauses one
 * for a quarter of a second. 32 MB keeps most of them young: at 10k missions the p95 of a proposal
 * drops from ~290 ms to ~230 ms (docs/performance.md).
 */
export const MCP_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32'];

/** The flags a command line's command wants (the first argument that is not an option names it). */
export function nodeFlagsFor(argv: readonly string[]): readonly string[] {
    const command = argv.find(argument => !argument.startsWith('-'));
    return command === 'mcp' ? MCP_NODE_FLAGS : [];
}

/**
 * V8 takes heap flags only when the process starts, so a command that wants some runs again in a Node
 * process given them (`script` with the same arguments), sharing the standard streams; a signal this
 * process gets is passed on, and the child's exit code is the answer. Undefined when this process has
 * the flags already, or the command wants none: it runs the command itself.
 */
export function relaunchWithNodeFlags(script: string, argv: readonly string[]): Promise<number> | undefined {
    return relaunchWith(nodeFlagsFor(argv), script, argv);
}

/** `relaunchWithNodeFlags` for flags given (the bench measures `mission mcp`'s in its own process too). */
export function relaunchWith(
    flags: readonly string[],
    script: string,
    argv: readonly string[]
): Promise<number> | undefined {
    const missing = flags.filter(flag => !process.execArgv.includes(flag));
    if (missing.length === 0) return undefined;
    return new Promise(resolve => {
        const child = spawn(process.execPath, [...process.execArgv, ...missing, script, ...argv], {
            stdio: 'inherit'
        });
        const forward = (signal: NodeJS.Signals) => child.kill(signal);
        process.on('SIGINT', forward);
        process.on('SIGTERM', forward);
        child.once('error', error => {
            process.stderr.write(`mission: cannot start ${process.execPath}: ${error.message}\n`);
            resolve(2);
        });
        child.once('exit', (code, signal) => {
            process.off('SIGINT', forward);
            process.off('SIGTERM', forward);
            resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
        });
    });
}

import { dirname, relative, resolve, sep } from 'node:path';
import { stat } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import { sourceFile } from 'mission-lang-language';
import { type CommandContext, modelOptions } from './command-context.js';
import { loadConfig } from './config.js';
import { EXIT_OK, UsageError } from './exit-codes.js';
import { collectModelPaths, describeError, readSources } from './files.js';
import { checkedToday, type ModelOptions } from './load-model.js';
import type { Output } from './output.js';
import { VERSION } from './version.js';

export interface McpOptions extends ModelOptions {
    readonly http?: string;
    readonly host?: string;
    readonly allowRemote?: boolean;
}

/**
 * `mission mcp [paths]`: the MCP server (packages/mcp) over the model in `paths` (default: the current
 * folder), on standard input and output until it closes, or with `--http PORT` on Streamable HTTP until
 * SIGINT/SIGTERM. The workspace folder (the only place propose_edit writes) is the folder holding every
 * path given; files are named relative to it, and its mission.config.json is read unless --config says.
 */
export async function runMcp(
    paths: readonly string[],
    options: McpOptions,
    output: Output,
    stop?: AbortSignal
): Promise<number> {
    checkedToday(options.today);
    const given = paths.length > 0 ? paths : ['.'];
    if (given.includes('-')) throw new UsageError('mission mcp reads files, not standard input (-)');
    const port = options.http === undefined ? undefined : portNumber(options.http);
    if (port === undefined && (options.host !== undefined || options.allowRemote))
        throw new UsageError('--host and --allow-remote need --http PORT');
    // Loaded only here: the SDK and its HTTP stack are not needed by any other command.
    const mcp = await import('mission-lang-mcp');
    if (port !== undefined) {
        try {
            mcp.allowedHost(options);
        } catch (error) {
            if (error instanceof mcp.HostNotAllowedError) throw new UsageError(error.message);
            throw error;
        }
    }
    const root = await workspaceFolder(given);
    const config = await loadConfig(options.config, options.config === undefined ? root : process.cwd());
    const files = await collectModelPaths(given);
    const sources = (await readSources(files)).map(source => {
        const absolute = source.uri.fsPath;
        return sourceFile(relative(root, absolute).split(sep).join('/'), absolute, source.text);
    });
    let workspace;
    try {
        workspace = await mcp.ModelWorkspace.open({
            root,
            sources,
            today: options.today ?? config.today,
            rules: config.rules,
            configDiagnostics: config.diagnostics,
            format: config.format
        });
    } catch (error) {
        if (error instanceof Error && error.message.startsWith('not a calendar date'))
            throw new UsageError(`--today: ${error.message}`);
        throw error;
    }
    const makeServer = () => mcp.createMissionMcpServer(workspace, { version: VERSION });
    if (port === undefined) {
        await mcp.serveStdio(makeServer());
        return EXIT_OK;
    }
    let serving;
    try {
        serving = await mcp.serveHttp(makeServer, { port, host: options.host, allowRemote: options.allowRemote });
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL')
            throw new UsageError(`--http ${port}: cannot listen: ${describeError(error as NodeJS.ErrnoException)}`);
        throw error;
    }
    output.stderr(
        `mission mcp: ${sources.length} files of ${root} at ${serving.url} (Streamable HTTP; Ctrl-C stops)\n`
    );
    // Listening until closed, not once: a second signal (a terminal's Ctrl-C reaches this process and,
    // passed on, again from `mission` relaunched with V8 flags) must not end it before it has closed.
    let done: () => void = () => undefined;
    const stopped = new Promise<void>(resolve => (done = () => resolve()));
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
    stop?.addEventListener('abort', done, { once: true });
    try {
        await stopped;
        await serving.close();
    } finally {
        process.off('SIGINT', done);
        process.off('SIGTERM', done);
    }
    return EXIT_OK;
}

function portNumber(text: string): number {
    const port = Number(text);
    if (!/^\d+$/.test(text) || port > 65_535) throw new UsageError(`--http wants a port number, not '${text}'`);
    return port;
}

/** The deepest folder holding every path given (a folder itself, a file's folder). */
async function workspaceFolder(paths: readonly string[]): Promise<string> {
    const folders = await Promise.all(
        paths.map(async path => {
            const absolute = resolve(path);
            const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => {
                throw new UsageError(`${path}: ${describeError(error)}`);
            });
            return info.isDirectory() ? absolute : dirname(absolute);
        })
    );
    let common = folders[0]!;
    for (const folder of folders.slice(1)) {
        while (folder !== common && !folder.startsWith(common.endsWith(sep) ? common : common + sep))
            common = dirname(common);
    }
    return common;
}

export function defineMcpCommand(program: Command, context: CommandContext): void {
    const command = program
        .command('mcp')
        .description(
            'serve the model to AI assistants over the Model Context Protocol (stdio; --http for Streamable HTTP): ' +
                'read tools, and edits checked before they are written'
        )
        .argument('[paths...]', 'model files or folders (default: the current folder)')
        .option('--http <port>', 'serve Streamable HTTP on this port at /mcp instead of stdio (0: any free port)')
        .addOption(new Option('--host <host>', 'the address to listen on with --http (default 127.0.0.1)'))
        .option('--allow-remote', 'with --host: allow a non-loopback address (the server has no authentication)')
        .action(async (paths: string[], options: McpOptions) => {
            context.setExitCode(await runMcp(paths, options, context.output));
        });
    const [today] = modelOptions();
    command.addOption(today!);
    command.addOption(
        new Option(
            '--config <file>',
            "the configuration file (default: the workspace folder's mission.config.json, when it exists)"
        )
    );
}

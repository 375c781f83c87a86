import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import type { Command } from 'commander';
import {
    CONFIG_FILE_NAME,
    LIVE_RELOAD_EVENTS,
    LIVE_RELOAD_PATH,
    LIVE_RELOAD_SCRIPT,
    type LazySite,
    lazySite,
    type LiveCheck,
    openLiveCheck,
    renderDiagnosticsPage,
    warmUpLayout
} from 'mission-lang-language';
import {
    type CascadeMemo,
    depthOf,
    layoutCascade,
    siteOptionsOf,
    type SiteCommandOptions,
    timeoutOf
} from './build.js';
import { type CommandContext, modelOptions } from './command-context.js';
import { outputModelFrom } from './compile.js';
import { EXIT_OK, UsageError } from './exit-codes.js';
import { type LoadedModel, loadedModelOf, readModelInputs, todayError } from './load-model.js';
import type { Output } from './output.js';
import { watchModelFiles } from './watch-files.js';

export interface ServeOptions extends SiteCommandOptions {
    readonly port?: string;
    readonly host?: string;
    readonly allowRemote?: boolean;
}

export interface SiteServer {
    /** `http://127.0.0.1:PORT/` */
    readonly url: string;
    close(): Promise<void>;
}

export const DEFAULT_PORT = 4173;
/** How long to wait after a change for more changes (an editor's save often writes twice). */
const SETTLE_MS = 30;

/**
 * `mission serve`: the site of `mission build`, generated in memory and served on a loopback address; every
 * saved model file re-checks the model and open pages reload (server-sent events). Through a syntax error
 * or an unreadable file it keeps serving the last good model, with a banner and the current diagnostics.
 */
export async function startSiteServer(
    paths: readonly string[],
    options: ServeOptions,
    output: Output
): Promise<SiteServer> {
    if (paths.includes('-')) throw new UsageError('mission serve cannot watch standard input (-)');
    const host = options.host ?? '127.0.0.1';
    const loopback = isLoopback(host);
    if (!loopback && !options.allowRemote)
        throw new UsageError(
            `--host ${host} is not a loopback address: the site would be open to other machines; ` +
                'add --allow-remote to mean it'
        );
    const port = portOf(options.port);
    const timeoutMs = timeoutOf(options);
    const depth = depthOf(options);
    warmUpLayout();

    // One live check for the whole session: a save re-checks what it reaches, as in the editor, and a
    // cascade whose DOT did not change is not laid out again. A changed configuration (rules, today)
    // starts a new check.
    let live: { check: LiveCheck; settings: string } | undefined;
    const cascadeMemo: CascadeMemo = {};
    const checkModel = async (): Promise<LoadedModel> => {
        const { sources, config } = await readModelInputs(paths, options, output);
        const today = options.today ?? config.today;
        const settings = JSON.stringify([today, [...(config.rules ?? [])]]);
        try {
            if (live?.settings === settings) return loadedModelOf(sources, config, await live.check.update(sources));
            live = undefined;
            const check = await openLiveCheck(sources, { today, rules: config.rules });
            live = { check, settings };
            return loadedModelOf(sources, config, check.result);
        } catch (error) {
            live = undefined; // the next save starts afresh
            throw todayError(error);
        }
    };

    let pages: LazySite | undefined;
    let good = false;
    let banner = '';
    const clients = new Set<ServerResponse>();
    const rebuild = async (): Promise<void> => {
        const started = Date.now();
        let outcome: string;
        try {
            const model = await checkModel();
            const outputModel = outputModelFrom(model);
            const syntaxErrors = model.diagnostics.filter(d => d.code === 'syntax-error').length;
            if (syntaxErrors > 0 && good) {
                const diagnostics = renderDiagnosticsPage(outputModel, { title: options.title, liveReload: true });
                pages!.set(diagnostics.path, diagnostics.content);
                banner = bannerHtml(
                    `${syntaxErrors} syntax error${syntaxErrors === 1 ? '' : 's'}: ` +
                        'showing the last model that parsed; the diagnostics are current.'
                );
                outcome = 'syntax errors, serving the last good model';
            } else {
                // Pages are rendered when asked for, the cascade's too; only its layout is waited for here.
                const figure = await layoutCascade(outputModel, depth, timeoutMs, output, cascadeMemo);
                pages = lazySite(outputModel, { ...figure, title: options.title, liveReload: true });
                good = syntaxErrors === 0;
                banner = '';
                outcome = model.summary.errors > 0 ? 'model has errors' : 'ok';
            }
        } catch (error) {
            if (!(error instanceof UsageError) || !pages) throw error;
            banner = bannerHtml(`${error.message}: showing the last model read.`);
            outcome = 'failed, serving the last good model';
            output.stderr(`mission: ${error.message}\n`);
        }
        const time = new Date().toISOString().slice(11, 19);
        const open = clients.size === 1 ? '1 open page' : `${clients.size} open pages`;
        output.stderr(`[${time}] mission serve (${outcome}, ${Date.now() - started} ms, ${open} told to reload)\n`);
        for (const client of clients) client.write(`event: reload\ndata: ${Date.now()}\n\n`);
    };
    await rebuild();

    const server = createServer((request, response) => {
        answer(request, response, { pages: () => pages, banner: () => banner, clients, loopback });
    });
    await new Promise<void>((done, fail) => {
        server.once('error', error =>
            fail(new UsageError(`cannot serve on ${host}:${port}: ${(error as NodeJS.ErrnoException).code ?? error}`))
        );
        server.listen(port, host, done);
    });
    const address = server.address();
    const boundPort = typeof address === 'object' && address ? address.port : port;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}/`;

    // Ready means watching, an absent config file included (watch-files.ts): a save just after is seen.
    const watcher = await watchModelFiles(paths, options.config ?? CONFIG_FILE_NAME);
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> = Promise.resolve();
    watcher.onChange(() => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
            running = running.then(rebuild).catch((error: unknown) => {
                output.stderr(`mission: ${error instanceof Error ? error.message : String(error)}\n`);
            });
        }, SETTLE_MS);
    });

    return {
        url,
        close: async () => {
            if (timer) clearTimeout(timer);
            await watcher.close();
            await running;
            for (const client of clients) client.end();
            server.closeAllConnections();
            await new Promise<void>(done => server.close(() => done()));
        }
    };
}

interface ServedState {
    pages(): Pick<LazySite, 'get'> | undefined;
    banner(): string;
    readonly clients: Set<ServerResponse>;
    readonly loopback: boolean;
}

/** GET and HEAD of the site's pages, the live-reload script and its event stream; nothing else. */
function answer(request: IncomingMessage, response: ServerResponse, state: ServedState): void {
    const headers = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };
    const fail = (status: number, text: string, extra: Record<string, string> = {}): void => {
        response.writeHead(status, { ...headers, ...extra, 'Content-Type': 'text/plain; charset=utf-8' });
        response.end(`${text}\n`);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD')
        return fail(405, 'only GET and HEAD', { Allow: 'GET, HEAD' });
    // Bound to loopback, only loopback names: a web page elsewhere cannot reach the site by DNS rebinding.
    if (state.loopback && !isLoopback((request.headers.host ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '')))
        return fail(403, 'this site answers only to localhost');
    let path: string;
    try {
        path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname).slice(1);
    } catch {
        return fail(400, 'bad path');
    }
    if (path === '') path = 'index.html';
    if (path === LIVE_RELOAD_PATH) {
        response.writeHead(200, { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' });
        return void response.end(request.method === 'HEAD' ? undefined : LIVE_RELOAD_SCRIPT);
    }
    if (path === LIVE_RELOAD_EVENTS) {
        response.writeHead(200, { ...headers, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
        if (request.method === 'HEAD') return void response.end();
        response.write('retry: 500\n\n');
        state.clients.add(response);
        request.on('close', () => state.clients.delete(response));
        return;
    }
    let page: string | undefined;
    try {
        page = state.pages()?.get(path);
    } catch (error) {
        // A page is rendered when first asked for: a failure is this page's, never the server's.
        return fail(500, `cannot render ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (page === undefined) return fail(404, 'no such page');
    const isHtml = path.endsWith('.html');
    const body = isHtml && state.banner() ? page.replace('</nav>', `</nav>\n${state.banner()}`) : page;
    response.writeHead(200, {
        ...headers,
        'Content-Type': isHtml ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8'
    });
    response.end(request.method === 'HEAD' ? undefined : body);
}

function bannerHtml(text: string): string {
    const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return `<div class="banner" role="alert">${escaped} <a href="/diagnostics.html">Diagnostics</a></div>`;
}

export function isLoopback(host: string): boolean {
    if (host === 'localhost' || host === '::1') return true;
    return isIP(host) === 4 && host.startsWith('127.');
}

function portOf(text: string | undefined): number {
    if (text === undefined) return DEFAULT_PORT;
    const port = Number(text);
    if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`--port wants a number 0-65535, not '${text}'`);
    return port;
}

/** Serves until SIGINT or SIGTERM (or `stop`), then closes the server and the watcher: exit 0. */
export async function runServe(
    paths: readonly string[],
    options: ServeOptions,
    output: Output,
    stop?: AbortSignal
): Promise<number> {
    const server = await startSiteServer(paths, options, output);
    output.stderr(`mission serve: ${server.url} (stop with Ctrl-C)\n`);
    await new Promise<void>(done => {
        const finish = (): void => done();
        process.once('SIGINT', finish);
        process.once('SIGTERM', finish);
        stop?.addEventListener('abort', finish, { once: true });
    });
    await server.close();
    return EXIT_OK;
}

export function defineServeCommand(program: Command, context: CommandContext): void {
    const command = siteOptionsOf(
        program
            .command('serve')
            .description(
                'serve the site of mission build on this machine, re-checked and reloaded in the browser ' +
                    'whenever a model file is saved'
            )
            .argument('<paths...>', 'model files or folders')
            .option('--port <n>', `the port (default: ${DEFAULT_PORT}; 0 picks a free one)`)
            .option('--host <address>', 'the address to listen on (default: 127.0.0.1)')
            .option('--allow-remote', 'allow a --host that is not a loopback address (other machines can see the site)')
    ).action(async (paths: string[], options: ServeOptions) => {
        context.setExitCode(await runServe(paths, options, context.output));
    });
    for (const option of modelOptions()) command.addOption(option);
}

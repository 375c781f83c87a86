import { resolve } from 'node:path';
import { Option } from 'commander';
import { CONFIG_FILE_NAME } from 'mission-lang-language';
import { EXIT_OK, EXIT_USAGE, UsageError } from './exit-codes.js';
import type { Output } from './output.js';
import { watchModelFiles } from './watch-files.js';

export function watchOption(): Option {
    return new Option('-w, --watch', 'rebuild whenever a model file or the config changes (stop with Ctrl-C)');
}

interface WatchableOptions {
    readonly watch?: boolean;
    readonly output?: string;
    readonly config?: string;
}

/** How long to wait after a change for more changes (an editor's save often writes twice). */
const SETTLE_MS = 80;

/**
 * Runs `build` once, or with --watch runs it now and again after every change to the model files,
 * the folders given, or the config file, until SIGINT/SIGTERM (or `stop`). A failing build is
 * reported as one line and watching goes on.
 */
export async function withWatch(
    paths: readonly string[],
    options: WatchableOptions,
    output: Output,
    name: string,
    build: () => Promise<number>,
    stop?: AbortSignal,
    { writesFile = true }: { readonly writesFile?: boolean } = {}
): Promise<number> {
    if (!options.watch) return build();
    if (paths.includes('-')) throw new UsageError('--watch cannot watch standard input (-)');
    if (writesFile && (options.output === undefined || options.output === '-'))
        throw new UsageError(`--watch needs -o FILE for mission ${name}`);
    const outputFile = writesFile && options.output !== undefined ? resolve(options.output) : undefined;
    const target = writesFile ? ` -> ${options.output}` : '';

    const rebuild = async (): Promise<void> => {
        const started = Date.now();
        let code: number;
        try {
            code = await build();
        } catch (error) {
            output.stderr(`mission: ${error instanceof Error ? error.message : String(error)}\n`);
            code = EXIT_USAGE;
        }
        const time = new Date().toISOString().slice(11, 19);
        const outcome = code === EXIT_OK ? 'ok' : code === EXIT_USAGE ? 'failed' : 'model has errors';
        output.stderr(
            `[${time}] mission ${name}${target} (${outcome}, ${Date.now() - started} ms); ` + 'watching for changes\n'
        );
    };

    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> = Promise.resolve();
    const schedule = (): void => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
            running = running.then(rebuild);
        }, SETTLE_MS);
    };
    // Build once the watcher is ready, so a change made right after the first report is not missed.
    const watcher = await watchModelFiles(paths, options.config ?? CONFIG_FILE_NAME, outputFile);
    await rebuild();
    watcher.onChange(schedule);

    await new Promise<void>(done => {
        const finish = (): void => done();
        process.once('SIGINT', finish);
        process.once('SIGTERM', finish);
        stop?.addEventListener('abort', finish, { once: true });
    });
    if (timer) clearTimeout(timer);
    await watcher.close();
    await running;
    return EXIT_OK;
}

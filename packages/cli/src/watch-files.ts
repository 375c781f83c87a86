/**
 * The watcher of `--watch` and `mission serve`: the model files and folders given, and the config file.
 *
 * chokidar is never given a path that does not exist. With one among its paths (the config file is
 * usually absent) chokidar 4 can say `ready` before it watches anything, and a save made just after is
 * lost: on a busy machine `mission serve` then missed the first save two times in three. An absent
 * config file is watched through its folder instead, that folder alone (depth 0), by a second watcher.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type FSWatcher, watch } from 'chokidar';

export interface ModelWatcher {
    /** Calls `listener` with the path of every change (added, changed, removed) of a model or config file. */
    onChange(listener: (path: string) => void): void;
    close(): Promise<void>;
}

/**
 * Watches `paths` (model files and folders; only `.mission` and `.json` files count) and `config`,
 * and resolves once every watcher is ready. `ignore`: a further file to leave out (a command's output).
 */
export async function watchModelFiles(
    paths: readonly string[],
    config: string,
    ignore?: string
): Promise<ModelWatcher> {
    const configFile = resolve(config);
    const ignored = (path: string, stats?: { isFile(): boolean }): boolean =>
        resolve(path) === ignore || Boolean(stats?.isFile() && !path.endsWith('.mission') && !path.endsWith('.json'));
    const watched = paths.map(path => resolve(path)).filter(path => existsSync(path));
    if (existsSync(configFile)) watched.push(configFile);
    const watchers: FSWatcher[] = [];
    if (watched.length > 0) watchers.push(watch(watched, { ignoreInitial: true, ignored }));
    const configFolder = dirname(configFile);
    if (!existsSync(configFile) && existsSync(configFolder))
        watchers.push(
            watch(configFolder, {
                ignoreInitial: true,
                depth: 0,
                ignored: path => resolve(path) !== configFolder && resolve(path) !== configFile
            })
        );
    await Promise.all(watchers.map(watcher => new Promise<void>(ready => watcher.once('ready', ready))));
    return {
        onChange: listener => {
            for (const watcher of watchers) watcher.on('all', (_event, path) => listener(resolve(path)));
        },
        close: async () => {
            await Promise.all(watchers.map(watcher => watcher.close()));
        }
    };
}

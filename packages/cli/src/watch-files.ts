/**
 * The watcher of `--watch` and `mission serve`: the model files and folders given, and the config file.
 *
 * chokidar is never given a path that does not exist. With one among its paths (the config file is
 * usually absent) chokidar 4 can say `ready` before it watches anything, and a save made just after is
 * lost: on a busy machine `mission serve` then missed the first save two times in three. An absent
 * config file is watched through its folder instead, that folder alone (depth 0), by a second watcher.
 *
 * chokidar also drops a change of a file that comes within 50 ms of the last change it reported of that
 * file, and reports nothing after: a save made just after another (a formatter's save after the editor's,
 * a script's second write) was lost, and `mission serve` showed the first. So each reported change is
 * checked again once that window has passed, and reported again when the file is not as it was then.
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
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
    let closed = false;
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
    const timers = new Set<NodeJS.Timeout>();
    return {
        onChange: listener => {
            const checks = new Map<string, NodeJS.Timeout>();
            const report = (path: string): void => {
                listener(path);
                const earlier = checks.get(path);
                if (earlier) {
                    clearTimeout(earlier);
                    timers.delete(earlier);
                }
                const seen = fileState(path);
                const timer = setTimeout(() => {
                    checks.delete(path);
                    timers.delete(timer);
                    void Promise.all([seen, fileState(path)]).then(([then, now]) => {
                        if (then !== now && !closed) report(path);
                    });
                }, AFTER_DROPPED_CHANGES_MS);
                checks.set(path, timer);
                timers.add(timer);
            };
            for (const watcher of watchers) watcher.on('all', (_event, path) => report(resolve(path)));
        },
        close: async () => {
            closed = true;
            for (const timer of timers) clearTimeout(timer);
            await Promise.all(watchers.map(watcher => watcher.close()));
        }
    };
}

/** Longer than the 50 ms in which chokidar drops further changes of a file it has just reported. */
const AFTER_DROPPED_CHANGES_MS = 80;

/** What tells one state of a file from the next: its modification time, size and inode ('' when absent). */
async function fileState(path: string): Promise<string> {
    try {
        const stats = await stat(path);
        return `${stats.mtimeMs}:${stats.ctimeMs}:${stats.size}:${stats.ino}`;
    } catch {
        return '';
    }
}

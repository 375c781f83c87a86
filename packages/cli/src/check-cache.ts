import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type MissionDiagnostic, type SourceFile, summarize, todayFrom } from 'mission-lang-language';
import type { LoadedConfig } from './config.js';
import { checkModelSources, type LoadedModel, type ModelOptions, readModelInputs, todayError } from './load-model.js';
import type { Output } from './output.js';
import { VERSION } from './version.js';
import { writeFileAtomic } from './write-atomic.js';

/**
 * `mission validate --cache` (docs/cli.md, "The check cache"): the diagnostics of the last check are kept in a
 * file, under a key made of everything they depend on. When nothing changed, a check reads the cache instead of
 * parsing, linking and checking the model. Any change (a model file's text, a file added, removed or renamed,
 * the configuration, the day of the time-based rules, the build of `mission`) changes the key, and the whole
 * model is checked again: the reach of an edit is the cascade, so a partial re-use would need the previous
 * model's facts, which the cache does not keep.
 */

/** Where the cache goes unless `--cache-location` says otherwise (as ESLint's `.eslintcache`). */
export const DEFAULT_CACHE_FILE = '.missioncache';

/** Bumped whenever what the cache holds changes shape: an older file is then a miss. */
const CACHE_FORMAT = 1;

interface CacheFile {
    readonly format: number;
    readonly key: string;
    /** The model's diagnostics (not the configuration's: those are read again with the configuration). */
    readonly diagnostics: readonly MissionDiagnostic[];
}

/** A checked model as `mission validate` prints it: what it read, and what the check found. */
export type CheckedModel = Pick<LoadedModel, 'sources' | 'config' | 'diagnostics' | 'summary'>;

export interface CacheOptions extends ModelOptions {
    /** `--cache-location`: a file, or a folder (an existing one, or a path ending in `/`) to hold `.missioncache`. */
    readonly cacheLocation?: string;
}

/**
 * Reads the model's inputs and answers from the cache when their key matches; otherwise checks the model and
 * writes the cache. A missing, unreadable or foreign cache file is a miss, never an error; a cache that cannot
 * be written is said on stderr and the check's result stands.
 */
export async function loadModelCached(
    paths: readonly string[],
    options: CacheOptions,
    output: Output,
    cwd: string = process.cwd()
): Promise<CheckedModel & { readonly fromCache: boolean }> {
    const { sources, config } = await readModelInputs(paths, options, output);
    const location = await cacheFilePath(options.cacheLocation, cwd);
    const key = await cacheKey(sources, config, options.today);
    const cached = await readCache(location, key);
    if (cached !== undefined) {
        const diagnostics = [...config.diagnostics, ...cached];
        return { sources, config, diagnostics, summary: summarize(sources.length, diagnostics), fromCache: true };
    }
    const model = await checkModelSources(sources, options, {}, config);
    const file: CacheFile = { format: CACHE_FORMAT, key, diagnostics: model.result.diagnostics };
    try {
        await writeFileAtomic(location, JSON.stringify(file), cwd);
    } catch (error) {
        output.stderr(`mission: warning: the check cache was not written: ${(error as Error).message}\n`);
    }
    return { ...model, fromCache: false };
}

/** The cache file: `--cache-location` as a file, or `.missioncache` in it when it names a folder. */
export async function cacheFilePath(location: string | undefined, cwd: string): Promise<string> {
    if (location === undefined) return resolve(cwd, DEFAULT_CACHE_FILE);
    const absolute = resolve(cwd, location);
    if (/[\\/]$/.test(location)) return join(absolute, DEFAULT_CACHE_FILE);
    const info = await stat(absolute).catch(() => undefined);
    return info?.isDirectory() ? join(absolute, DEFAULT_CACHE_FILE) : absolute;
}

/**
 * Everything a check's diagnostics depend on, hashed: the build of `mission` (its version and the file it
 * runs from), the day the time-based rules use, the configuration's text, and each model file's name and text
 * in the order given (the diagnostics are sorted by that order).
 */
export async function cacheKey(
    sources: readonly SourceFile[],
    config: LoadedConfig,
    today: string | undefined
): Promise<string> {
    const hash = createHash('sha256');
    hash.update(`mission ${VERSION} cache ${CACHE_FORMAT}\0${await buildStamp()}\0`);
    let day: number;
    try {
        day = todayFrom(today ?? config.today);
    } catch (error) {
        throw todayError(error);
    }
    hash.update(`today ${day}\0config ${config.path ?? ''}\0${config.text ?? ''}\0`);
    for (const source of sources) {
        const text = createHash('sha256').update(source.text).digest('hex');
        hash.update(`file ${source.path}\0${text}\0`);
    }
    return hash.digest('hex');
}

/**
 * The file this code runs from (the bundle, or the compiled module), by size and time of change: a rebuilt
 * `mission` whose rules changed under the same version number does not answer from an older build's cache.
 */
async function buildStamp(): Promise<string> {
    const info = await stat(fileURLToPath(import.meta.url)).catch(() => undefined);
    return info ? `${info.size} ${info.mtimeMs}` : '';
}

async function readCache(path: string, key: string): Promise<readonly MissionDiagnostic[] | undefined> {
    let file: Partial<CacheFile>;
    try {
        file = JSON.parse(await readFile(path, 'utf8')) as Partial<CacheFile>;
    } catch {
        return undefined;
    }
    const fits = file?.format === CACHE_FORMAT && file.key === key && Array.isArray(file.diagnostics);
    return fits ? file.diagnostics : undefined;
}

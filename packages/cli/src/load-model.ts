import {
    type CheckResult,
    checkSources,
    type CheckSummary,
    type MissionDiagnostic,
    type SourceFile,
    stdinSourceFile,
    summarize
} from 'mission-lang-language';
import { loadConfig, type LoadedConfig } from './config.js';
import { UsageError } from './exit-codes.js';
import type { FailOn } from './fail-on.js';
import { collectModelPaths, readSources } from './files.js';
import type { Output } from './output.js';

/** The options every command that reads a model shares. */
export interface ModelOptions {
    readonly today?: string;
    readonly config?: string;
    /** `--fail-on` of the commands that take it (fail-on.ts); `error` when absent. */
    readonly failOn?: FailOn;
}

export interface LoadedModel {
    readonly sources: readonly SourceFile[];
    readonly config: LoadedConfig;
    readonly result: CheckResult;
    /** The config file's diagnostics first, then the model's (by file, line, column). */
    readonly diagnostics: readonly MissionDiagnostic[];
    readonly summary: CheckSummary;
}

/** How a model read from standard input (the path `-`) is named in every output. */
export const STDIN_PATH = '<stdin>';

/** Reads the configuration and the model files (`-` is standard input) and checks them together. */
/**
 * What a command reads of the model beyond its diagnostics: `everyPosition` when its output gives the
 * source location of every element (JSON, report, diagrams), so that syntax trees are built while
 * parsing rather than on demand.
 */
export interface ModelNeeds {
    readonly everyPosition?: boolean;
}

export async function loadModel(
    paths: readonly string[],
    options: ModelOptions,
    output: Output,
    needs: ModelNeeds = {}
): Promise<LoadedModel> {
    const { sources, config } = await readModelInputs(paths, options, output);
    return checkModelSources(sources, options, needs, config);
}

/** The configuration and the model files (`-` is standard input), read but not checked. */
export async function readModelInputs(
    paths: readonly string[],
    options: ModelOptions,
    output: Output
): Promise<{ sources: SourceFile[]; config: LoadedConfig }> {
    checkedToday(options.today);
    const config = await loadConfig(options.config);
    const sources = await readModelSources(paths, output);
    return { sources, config };
}

/** A model checked elsewhere (a live check), with the configuration's diagnostics first. */
export function loadedModelOf(sources: readonly SourceFile[], config: LoadedConfig, result: CheckResult): LoadedModel {
    const diagnostics = [...config.diagnostics, ...result.diagnostics];
    return { sources, config, result, diagnostics, summary: summarize(sources.length, diagnostics) };
}

/**
 * Checks sources read elsewhere (`mission diff` reads revisions with git), with the configuration
 * (read here when not given).
 */
export async function checkModelSources(
    sources: readonly SourceFile[],
    options: ModelOptions,
    needs: ModelNeeds = {},
    loadedConfig?: LoadedConfig
): Promise<LoadedModel> {
    checkedToday(options.today);
    const config = loadedConfig ?? (await loadConfig(options.config));
    let result: CheckResult;
    try {
        result = await checkSources(sources, {
            today: options.today ?? config.today,
            rules: config.rules,
            referenceIndex: false,
            syntaxOnDemand: !needs.everyPosition
        });
    } catch (error) {
        throw todayError(error);
    }
    return loadedModelOf(sources, config, result);
}

/** A day the settings refused (`today` of the configuration) as a usage error; any other error as it is. */
export function todayError(error: unknown): unknown {
    return error instanceof Error && error.message.startsWith('not a calendar date')
        ? new UsageError(`--today: ${error.message}`)
        : error;
}

/** `--today` as given, once it is a calendar date written YYYY-MM-DD; a usage error otherwise. */
export function checkedToday(today: string | undefined): string | undefined {
    if (today === undefined) return undefined;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError(`--today wants a date as YYYY-MM-DD, not '${today}'`);
    const date = new Date(`${today}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== today)
        throw new UsageError(`--today: not a calendar date: ${today}`);
    return today;
}

async function readModelSources(paths: readonly string[], output: Output): Promise<SourceFile[]> {
    const fromStdin = paths.filter(path => path === '-').length;
    if (fromStdin > 1) throw new UsageError("'-' (standard input) may be given only once");
    const onDisk = paths.filter(path => path !== '-');
    const files = onDisk.length > 0 ? await collectModelPaths(onDisk) : [];
    if (files.length === 0 && fromStdin === 0) throw new UsageError(`no .mission files found in ${paths.join(', ')}`);
    const sources = await readSources(files);
    if (fromStdin === 1) {
        if (!output.readStdin) throw new UsageError('standard input is not available');
        let text = await output.readStdin();
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        sources.push(stdinSourceFile(STDIN_PATH, text));
    }
    return sources;
}

import { type Command, Option } from 'commander';
import { type CheckSummary, counted, type MissionDiagnostic } from 'mission-lang-language';
import { type CheckedModel, DEFAULT_CACHE_FILE, loadModelCached } from './check-cache.js';
import { type CommandContext, modelOptions } from './command-context.js';
import { EXIT_MODEL_ERRORS, EXIT_OK, UsageError } from './exit-codes.js';
import { type FailOn, failOnOption, failOnReason } from './fail-on.js';
import { formatGithub } from './format-github.js';
import { formatSarif } from './format-sarif.js';
import { formatText } from './format-text.js';
import { loadModel, type ModelOptions } from './load-model.js';
import type { Output } from './output.js';
import { diagnosticChanges, formatChanges } from './validate-watch.js';
import { withWatch } from './watch.js';

export interface ValidateOptions extends ModelOptions {
    readonly format: string;
    /** Exit 1 when there are more warnings than this (`--max-warnings`). */
    readonly maxWarnings?: string | number;
    /** Show errors only (`--quiet`); warnings still count for --max-warnings. */
    readonly quiet?: boolean;
    /** Check again whenever a model file or the config changes, printing only what changed (`--watch`). */
    readonly watch?: boolean;
    /** Answer from the check cache when nothing changed, and keep it (`--cache`; check-cache.ts). */
    readonly cache?: boolean;
    /** Where the check cache is kept (`--cache-location`; implies `--cache`). */
    readonly cacheLocation?: string;
}

export const VALIDATE_FORMATS = ['text', 'json', 'sarif', 'github'];

/** `mission validate`: check the model files together; exit 1 when any error is found. */
export async function runValidate(
    paths: readonly string[],
    options: ValidateOptions,
    output: Output,
    /** Under --watch, what the last check showed: a re-check then prints only what changed since. */
    watched?: { shown?: readonly MissionDiagnostic[] }
): Promise<number> {
    const maxWarnings = checkedOptions(options);
    const model: CheckedModel =
        options.cache || options.cacheLocation !== undefined
            ? await loadModelCached(paths, options, output)
            : await loadModel(paths, options, output);
    const { summary } = model;
    const shown: readonly MissionDiagnostic[] = options.quiet
        ? model.diagnostics.filter(diagnostic => diagnostic.severity === 'error')
        : model.diagnostics;
    const previous = watched?.shown;
    if (watched) watched.shown = shown;
    if (previous !== undefined) {
        output.stdout(formatChanges(diagnosticChanges(previous, shown), summary, output.color));
        return exitCode(summary, maxWarnings, options, output);
    }
    switch (options.format) {
        case 'json':
            output.stdout(JSON.stringify({ diagnostics: shown, summary }, null, 2) + '\n');
            break;
        case 'sarif':
            output.stdout(formatSarif(shown));
            break;
        case 'github':
            output.stdout(formatGithub(shown));
            break;
        default:
            output.stdout(formatText(shown, summary, [...model.sources, ...configSource(model)], output.color));
    }
    return exitCode(summary, maxWarnings, options, output);
}

/** The options' usage errors, before anything is read (and before --watch starts); returns --max-warnings. */
function checkedOptions(options: ValidateOptions): number | undefined {
    if (!VALIDATE_FORMATS.includes(options.format)) {
        throw new UsageError(`unknown format '${options.format}' (expected ${VALIDATE_FORMATS.join(', ')})`);
    }
    if (options.watch && options.format !== 'text') {
        throw new UsageError(`--watch prints text; it cannot be combined with --format ${options.format}`);
    }
    const maxWarnings = parseMaxWarnings(options.maxWarnings);
    if (options.failOn === 'never' && maxWarnings !== undefined) {
        throw new UsageError('--fail-on never and --max-warnings contradict each other: give one');
    }
    return maxWarnings;
}

function exitCode(summary: CheckSummary, maxWarnings: number | undefined, options: ValidateOptions, output: Output) {
    const failure = validationFailure(summary, maxWarnings, '--max-warnings', options.failOn);
    // The errors are in the output above; a failure by warnings alone needs saying.
    if (failure?.reason === 'warnings') output.stderr(`mission: ${failure.message}\n`);
    return failure ? EXIT_MODEL_ERRORS : EXIT_OK;
}

export interface ValidationFailure {
    readonly reason: 'errors' | 'warnings';
    readonly message: string;
}

/**
 * Why a check fails (exit 1), as `mission validate` and the GitHub Action decide it: the model has
 * errors, or more warnings than `maxWarnings` allows (`option` names that setting in the message).
 * Undefined when it passes.
 */
export function validationFailure(
    summary: CheckSummary,
    maxWarnings: number | undefined,
    option = '--max-warnings',
    failOn: FailOn = 'error'
): ValidationFailure | undefined {
    const reason = failOnReason(summary, failOn);
    if (reason !== undefined) return { reason: summary.errors > 0 ? 'errors' : 'warnings', message: reason };
    if (failOn === 'never') return undefined;
    if (maxWarnings !== undefined && summary.warnings > maxWarnings) {
        const warnings = counted(summary.warnings, 'warning');
        return { reason: 'warnings', message: `${warnings}, more than ${option} ${maxWarnings} allows` };
    }
    return undefined;
}

/** `--max-warnings` (or the action's `max-warnings`, named by `option`): a whole number, or undefined. */
export function parseMaxWarnings(value: string | number | undefined, option = '--max-warnings'): number | undefined {
    if (value === undefined) return undefined;
    const text = String(value);
    if (!/^\d+$/.test(text)) throw new UsageError(`${option} wants a whole number of warnings, not '${text}'`);
    return Number(text);
}

/** The config file as a source, so text output can show the offending line under its diagnostic. */
function configSource(model: CheckedModel): Array<{ path: string; text: string }> {
    const { config } = model;
    return config.path !== undefined && config.text !== undefined ? [{ path: config.path, text: config.text }] : [];
}

export function defineValidateCommand(program: Command, context: CommandContext): void {
    const command = program
        .command('validate')
        .description(
            'check model files (folders are searched for *.mission, - reads standard input); ' +
                'exit 1 when there are errors'
        )
        .argument('<paths...>', 'model files or folders, or - for standard input')
        .addOption(new Option('-f, --format <format>', 'output format').choices(VALIDATE_FORMATS).default('text'))
        .option('--max-warnings <count>', 'exit 1 when there are more warnings than this')
        .option('-q, --quiet', 'show errors only')
        .option('-w, --watch', 'check again whenever a model file or the config changes; print what changed')
        .option('--cache', `answer from the check cache when nothing changed, and keep it (${DEFAULT_CACHE_FILE})`)
        .option('--cache-location <path>', 'the check cache file, or a folder to keep it in (implies --cache)')
        .action(async (paths: string[], options: ValidateOptions) => {
            checkedOptions(options);
            const watched = {};
            context.setExitCode(
                await withWatch(
                    paths,
                    options,
                    context.output,
                    'validate',
                    () => runValidate(paths, options, context.output, watched),
                    undefined,
                    { writesFile: false }
                )
            );
        });
    for (const option of [...modelOptions(), failOnOption()]) command.addOption(option);
}

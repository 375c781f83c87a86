import { stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { type Command, Option } from 'commander';
import {
    diffModels,
    isEmptyDiff,
    type ModelDiff,
    modelDiffMarkdown,
    modelDiffText,
    type SourceFile
} from 'mission-lang-language';
import { type CommandContext, modelOptions } from './command-context.js';
import { emit } from './emit.js';
import { EXIT_MODEL_ERRORS, EXIT_OK, UsageError } from './exit-codes.js';
import { collectModelPaths, readSources } from './files.js';
import { readRevisionSources, resolveRevision } from './git-revisions.js';
import { diffViews } from './diff-sides.js';
import type { ModelOptions } from './load-model.js';
import type { Output } from './output.js';

export const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface DiffOptions extends ModelOptions {
    readonly git?: string;
    readonly format?: DiffFormat;
    readonly output?: string;
    readonly exitCode?: boolean;
}

/** The two sides of a diff, as sources, and how to name a file for matching the diagnostics outside elements. */
export interface DiffSides {
    readonly before: readonly SourceFile[];
    readonly after: readonly SourceFile[];
    readonly fileKey?: { before: (file: string) => string; after: (file: string) => string };
}

/**
 * `mission diff OLD NEW` or `mission diff --git REV [REV2] [paths]`: the two models compared as models.
 * Exit 0, or with `--exit-code` 1 when they differ (as `git diff --exit-code`); 2 for usage and I/O.
 */
export async function runDiff(args: readonly string[], options: DiffOptions, output: Output): Promise<number> {
    const sides = options.git === undefined ? await pathSides(args) : await gitSides(options.git, args);
    const diff = await diffSides(sides, options);
    await emit(options.output, diffOutput(diff, options.format ?? 'text'), output);
    return options.exitCode && !isEmptyDiff(diff) ? EXIT_MODEL_ERRORS : EXIT_OK;
}

export function diffOutput(diff: ModelDiff, format: DiffFormat): string {
    if (format === 'json') return JSON.stringify(diff, null, 2) + '\n';
    return format === 'markdown' ? modelDiffMarkdown(diff) : modelDiffText(diff);
}

/** Checks each side as its own model and compares them. */
export async function diffSides(sides: DiffSides, options: ModelOptions): Promise<ModelDiff> {
    const [before, after] = await diffViews(sides.before, sides.after, options);
    return diffModels(before, after, sides.fileKey ? { fileKey: sides.fileKey } : {});
}

/** Two files or folders; a file is named relative to its own side, so that old/a.mission matches new/a.mission. */
async function pathSides(args: readonly string[]): Promise<DiffSides> {
    if (args.length !== 2)
        throw new UsageError('diff wants two paths (OLD NEW), or --git REV [REV2] [paths] for revisions');
    const [old, now] = args as [string, string];
    const sideOf = async (path: string) => readSources(await collectModelPaths([path]));
    const keyOf = (root: string) => (file: string) => relative(resolve(root), resolve(file));
    return {
        before: await sideOf(old),
        after: await sideOf(now),
        fileKey: { before: keyOf(old), after: keyOf(now) }
    };
}

/**
 * `--git REV [REV2] [paths]`: REV2 is the first argument when it names a revision and no file or folder
 * (write `./name` for a path that could be read as a revision); without it, the working tree.
 */
export async function gitSides(revision: string, args: readonly string[]): Promise<DiffSides> {
    let second: string | undefined;
    let paths = [...args];
    if (paths.length > 0 && !(await pathExists(paths[0]!)) && (await resolveRevision(paths[0]!))) {
        second = paths[0];
        paths = paths.slice(1);
    }
    if (paths.length === 0) paths = ['.'];
    const before = await readRevisionSources(revision, paths);
    const after =
        second !== undefined
            ? await readRevisionSources(second, paths)
            : await readSources(await collectModelPaths(paths));
    return { before, after };
}

async function pathExists(path: string): Promise<boolean> {
    return stat(path).then(
        () => true,
        () => false
    );
}

export function defineDiffCommand(program: Command, context: CommandContext): void {
    const command = program
        .command('diff')
        .description(
            'compare two revisions of a model as models: missions added, removed, renamed, re-aligned and changed, ' +
                'diagnostics introduced and fixed'
        )
        .argument('[paths...]', 'OLD NEW (files or folders); with --git: [REV2] [paths] (default: the current folder)')
        .option('--git <rev>', 'compare the model of this git revision with REV2, or with the working tree')
        .addOption(new Option('-f, --format <format>', 'output format').choices(DIFF_FORMATS).default('text'))
        .option('-o, --output <file>', 'write to this file (default: standard output)')
        .option('--exit-code', 'exit 1 when the models differ (as git diff --exit-code)')
        .action(async (paths: string[], options: DiffOptions) => {
            context.setExitCode(await runDiff(paths, options, context.output));
        });
    for (const option of modelOptions()) command.addOption(option);
}

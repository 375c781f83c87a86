import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import {
    DEFAULT_LAYOUT_TIMEOUT_MS,
    dotToSvg,
    LayoutTimeoutError,
    type OutputModel,
    renderCascadePage,
    renderSite,
    siteCascadeDot,
    type SitePage,
    warmUpLayout
} from 'mission-lang-language';
import { type CommandContext, modelOptions } from './command-context.js';
import { outputModelFrom } from './compile.js';
import { UsageError } from './exit-codes.js';
import { failOnOption, outputExitCode } from './fail-on.js';
import { describeError } from './files.js';
import { loadModel, type ModelOptions } from './load-model.js';
import type { Output } from './output.js';

export interface SiteCommandOptions extends ModelOptions {
    readonly title?: string;
    readonly timeout?: string;
    readonly depth?: string;
}

export interface BuildOptions extends SiteCommandOptions {
    readonly output?: string;
}

/** The file that marks a folder as a site written by `mission build`, which a later build may replace. */
export const SITE_MARKER = '.mission-site';

/**
 * `mission build`: the site as static files in a folder (default `site/`), written all at once: into a
 * temporary folder beside it, then renamed into place. Exit 1 when the model has errors (the site is
 * still written, with its diagnostics page).
 */
export async function runBuild(paths: readonly string[], options: BuildOptions, output: Output): Promise<number> {
    const timeoutMs = timeoutOf(options);
    warmUpLayout();
    const depth = depthOf(options);
    const model = await loadModel(paths, options, output, { everyPosition: true });
    const outputModel = outputModelFrom(model);
    // Graphviz lays out the cascade in its worker while every other page is rendered and written here.
    const cascade = layoutCascade(outputModel, depth, timeoutMs, output);
    cascade.catch(() => undefined); // handled where awaited, after the writes
    const pages = renderSite(outputModel, { title: options.title }).slice(1);
    const folder = options.output ?? 'site';
    await writeSiteFolder(folder, pages, async () => [
        renderCascadePage(outputModel, { ...(await cascade), title: options.title })
    ]);
    output.stderr(`mission build: ${pages.length + 1} files written to ${folder}\n`);
    return outputExitCode(model.summary, options.failOn);
}

export function depthOf(options: SiteCommandOptions): number | undefined {
    if (options.depth === undefined) return undefined;
    if (!/^\d+$/.test(options.depth)) throw new UsageError(`--depth wants a whole number, not '${options.depth}'`);
    return Number(options.depth);
}

export function timeoutOf(options: SiteCommandOptions): number {
    const seconds = options.timeout === undefined ? DEFAULT_LAYOUT_TIMEOUT_MS / 1000 : Number(options.timeout);
    if (!(seconds > 0)) throw new UsageError(`--timeout wants a number of seconds, not '${options.timeout}'`);
    return seconds * 1000;
}

export interface CascadeFigure {
    readonly cascadeSvg?: string;
    readonly cascadeNote?: string;
}

/**
 * The last cascade laid out and its DOT (`mission serve`): a save that leaves the DOT as it was is not
 * laid out again.
 */
export interface CascadeMemo {
    dot?: string;
    figure?: Promise<CascadeFigure>;
}

/** The cascade laid out (in Graphviz's worker), or why not (on stderr and on the page). */
export function layoutCascade(
    model: OutputModel,
    depth: number | undefined,
    timeoutMs: number,
    output: Output,
    memo?: CascadeMemo
): Promise<CascadeFigure> {
    const dot = siteCascadeDot(model, { depth });
    if (memo?.figure && memo.dot === dot) return memo.figure;
    const figure = layoutDot(dot, timeoutMs, output);
    if (memo) {
        memo.dot = dot;
        memo.figure = figure;
        // A layout that failed is tried again by the next save.
        figure.catch(() => memo.figure === figure && (memo.figure = undefined));
    }
    return figure;
}

async function layoutDot(dot: string, timeoutMs: number, output: Output): Promise<CascadeFigure> {
    try {
        return { cascadeSvg: await dotToSvg(dot, timeoutMs) };
    } catch (error) {
        if (!(error instanceof LayoutTimeoutError)) throw error;
        const cascadeNote =
            `The cascade took longer than ${timeoutMs / 1000}s to lay out; ` +
            'draw fewer levels with --depth N, or parts of it with mission diagram --root NAME --depth N.';
        output.stderr(`mission: ${cascadeNote}\n`);
        return { cascadeNote };
    }
}

/**
 * Writes the pages into a new temporary folder beside `folder`, then swaps it in: a reader sees the old
 * site or the new one, never half of one, and a failed build leaves the old site. An existing folder is
 * replaced only when empty or when a previous build wrote it (its SITE_MARKER), never a folder of other files.
 * `more`: pages that are ready later (the cascade's), written last.
 */
export async function writeSiteFolder(
    folder: string,
    pages: readonly SitePage[],
    more?: () => Promise<readonly SitePage[]>
): Promise<void> {
    const target = resolve(folder);
    const existing = await stat(target).catch(() => undefined);
    if (existing && !existing.isDirectory()) throw new UsageError(`${folder}: exists and is not a folder`);
    if (existing) {
        const entries = await readdir(target);
        if (entries.length > 0 && !entries.includes(SITE_MARKER))
            throw new UsageError(
                `${folder}: the folder holds other files (no ${SITE_MARKER} of an earlier mission build): ` +
                    'choose another folder, or empty it'
            );
    }
    const suffix = `${process.pid}.${randomBytes(4).toString('hex')}`;
    const staging = join(dirname(target), `.${basename(target)}.${suffix}.tmp`);
    const previous = join(dirname(target), `.${basename(target)}.${suffix}.old`);
    // What `more` failed with, passed on as it is (not a failure to write).
    let failed: unknown;
    try {
        await mkdir(staging, { recursive: true });
        await writeFile(join(staging, SITE_MARKER), 'A site written by mission build; the next build replaces it.\n');
        writePages(staging, pages);
        if (more) {
            const later = await more().catch((error: unknown) => {
                failed = error;
                throw error;
            });
            writePages(staging, later);
        }
        if (existing) await rename(target, previous);
        try {
            await rename(staging, target);
        } catch (error) {
            if (existing) await rename(previous, target);
            throw error;
        }
    } catch (error) {
        await rm(staging, { recursive: true, force: true }).catch(() => undefined);
        if (error === failed) throw error;
        throw new UsageError(`${folder}: cannot write: ${describeError(error as NodeJS.ErrnoException)}`);
    }
    await rm(previous, { recursive: true, force: true }).catch(() => undefined);
}

/**
 * The pages into `folder`, each page's folder made once. Written synchronously: tens of thousands of small
 * files go several times faster than through promises, and the event loop has nothing else to do meanwhile
 * (Graphviz lays out the cascade in its own thread).
 */
function writePages(folder: string, pages: readonly SitePage[]): void {
    const folders = new Set(pages.map(page => dirname(join(folder, ...page.path.split('/')))));
    for (const path of folders) mkdirSync(path, { recursive: true });
    for (const page of pages) writeFileSync(join(folder, ...page.path.split('/')), page.content);
}

export function siteOptionsOf(command: Command): Command {
    return command
        .option('--title <text>', 'the site title (default: Mission cascade)')
        .option('--depth <levels>', 'draw only this many levels of the cascade below the visions (a large model)')
        .option(
            '--timeout <seconds>',
            `time limit of the cascade layout (default: ${DEFAULT_LAYOUT_TIMEOUT_MS / 1000})`
        );
}

export function defineBuildCommand(program: Command, context: CommandContext): void {
    const command = siteOptionsOf(
        program
            .command('build')
            .description(
                'write the site: static HTML pages of the cascade, each mission and person, the scorecard, ' +
                    'the staging queue and the diagnostics, linked both ways (works from file://)'
            )
            .argument('<paths...>', 'model files or folders, or - for standard input')
            .option('-o, --output <folder>', 'the folder to write (default: site)')
    ).action(async (paths: string[], options: BuildOptions) => {
        context.setExitCode(await runBuild(paths, options, context.output));
    });
    for (const option of [...modelOptions(), failOnOption()]) command.addOption(option);
}

import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import {
    DEFAULT_LAYOUT_TIMEOUT_MS,
    dotToSvg,
    LayoutTimeoutError,
    type OutputModel,
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
    const model = await loadModel(paths, options, output, { everyPosition: true });
    const pages = await sitePages(outputModelFrom(model), options, timeoutMs, output, false);
    const folder = options.output ?? 'site';
    await writeSiteFolder(folder, pages);
    output.stderr(`mission build: ${pages.length} files written to ${folder}\n`);
    return outputExitCode(model.summary, options.failOn);
}

export function timeoutOf(options: SiteCommandOptions): number {
    const seconds = options.timeout === undefined ? DEFAULT_LAYOUT_TIMEOUT_MS / 1000 : Number(options.timeout);
    if (!(seconds > 0)) throw new UsageError(`--timeout wants a number of seconds, not '${options.timeout}'`);
    return seconds * 1000;
}

/** Lays out the cascade (or says why not, on stderr and on the page) and renders every page. */
export async function sitePages(
    model: OutputModel,
    options: SiteCommandOptions,
    timeoutMs: number,
    output: Output,
    liveReload: boolean
): Promise<SitePage[]> {
    let cascadeSvg: string | undefined;
    let cascadeNote: string | undefined;
    try {
        cascadeSvg = await dotToSvg(siteCascadeDot(model), timeoutMs);
    } catch (error) {
        if (!(error instanceof LayoutTimeoutError)) throw error;
        cascadeNote =
            `The cascade took longer than ${timeoutMs / 1000}s to lay out; ` +
            'draw parts of it with mission diagram --root NAME --depth N.';
        output.stderr(`mission: ${cascadeNote}\n`);
    }
    return renderSite(model, { cascadeSvg, cascadeNote, title: options.title, liveReload });
}

/**
 * Writes the pages into a new temporary folder beside `folder`, then swaps it in: a reader sees the old
 * site or the new one, never half of one, and a failed build leaves the old site. An existing folder is
 * replaced only when empty or when a previous build wrote it (its SITE_MARKER), never a folder of other files.
 */
export async function writeSiteFolder(folder: string, pages: readonly SitePage[]): Promise<void> {
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
    try {
        await mkdir(staging, { recursive: true });
        await writeFile(join(staging, SITE_MARKER), 'A site written by mission build; the next build replaces it.\n');
        for (const page of pages) {
            const file = join(staging, ...page.path.split('/'));
            await mkdir(dirname(file), { recursive: true });
            await writeFile(file, page.content);
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
        throw new UsageError(`${folder}: cannot write: ${describeError(error as NodeJS.ErrnoException)}`);
    }
    await rm(previous, { recursive: true, force: true }).catch(() => undefined);
}

export function siteOptionsOf(command: Command): Command {
    return command
        .option('--title <text>', 'the site title (default: Mission cascade)')
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

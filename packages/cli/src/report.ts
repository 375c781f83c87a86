import type { Command } from 'commander';
import {
    buildCascadeGraph,
    cascadeToDot,
    DEFAULT_LAYOUT_TIMEOUT_MS,
    dotToSvg,
    LayoutTimeoutError,
    renderReport,
    warmUpLayout
} from 'mission-lang-language';
import { type CommandContext, modelOptions } from './command-context.js';
import { outputModelFrom } from './compile.js';
import { emit } from './emit.js';
import { UsageError } from './exit-codes.js';
import { failOnOption, outputExitCode } from './fail-on.js';
import { loadModel, type ModelOptions } from './load-model.js';
import { tagged } from './tag-option.js';
import type { Output } from './output.js';
import { watchOption, withWatch } from './watch.js';

export interface ReportOptions extends ModelOptions {
    readonly output?: string;
    readonly title?: string;
    readonly tag?: string;
    readonly timeout?: string;
    readonly watch?: boolean;
}

/**
 * `mission report`: the self-contained HTML scorecard; exit 1 when the model has errors. A cascade too
 * large to lay out in time is left out of the page with a note (the rest of the report still helps).
 */
export async function runReport(paths: readonly string[], options: ReportOptions, output: Output): Promise<number> {
    const timeoutSeconds = options.timeout === undefined ? DEFAULT_LAYOUT_TIMEOUT_MS / 1000 : Number(options.timeout);
    if (!(timeoutSeconds > 0)) throw new UsageError(`--timeout wants a number of seconds, not '${options.timeout}'`);
    // Graphviz loads in its worker while the model is checked here.
    warmUpLayout();
    const model = await loadModel(paths, options, output, { everyPosition: true });
    const outputModel = outputModelFrom(model);
    const graph = tagged(options.tag, () => buildCascadeGraph(outputModel, { tag: options.tag }));
    let cascadeSvg: string | undefined;
    let cascadeNote: string | undefined;
    try {
        cascadeSvg = await dotToSvg(cascadeToDot(graph), timeoutSeconds * 1000);
    } catch (error) {
        if (!(error instanceof LayoutTimeoutError)) throw error;
        cascadeNote =
            `The cascade (${graph.nodes.length} nodes) took longer than ${timeoutSeconds}s to lay out; ` +
            'draw parts of it with mission diagram --root NAME --depth N.';
        output.stderr(`mission: ${cascadeNote}\n`);
    }
    const page = renderReport(outputModel, { cascadeSvg, cascadeNote, title: options.title, tag: options.tag });
    await emit(options.output, page, output);
    return outputExitCode(model.summary, options.failOn);
}

export function defineReportCommand(program: Command, context: CommandContext): void {
    const command = program
        .command('report')
        .description(
            'write the scorecard: one self-contained HTML page ' +
                'with the cascade, measures, load, staging queue and diagnostics'
        )
        .argument('<paths...>', 'model files or folders, or - for standard input')
        .option('-o, --output <file>', 'write to this file, e.g. report.html (default: standard output)')
        .option('--title <text>', 'the page title (default: Mission scorecard)')
        .option('--tag <name>', 'only the missions with this tag, and their ancestors greyed for context')
        .option(
            '--timeout <seconds>',
            `time limit of the cascade layout (default: ${DEFAULT_LAYOUT_TIMEOUT_MS / 1000})`
        )
        .action(async (paths: string[], options: ReportOptions) => {
            context.setExitCode(
                await withWatch(paths, options, context.output, 'report', () =>
                    runReport(paths, options, context.output)
                )
            );
        });
    for (const option of [...modelOptions(), failOnOption(), watchOption()]) command.addOption(option);
}

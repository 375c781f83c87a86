import type { Command } from 'commander';
import { renderBrief, UnknownPersonError } from 'mission-lang-language';
import { type CommandContext, modelOptions } from './command-context.js';
import { outputModelFrom } from './compile.js';
import { emit } from './emit.js';
import { UsageError } from './exit-codes.js';
import { failOnOption, outputExitCode } from './fail-on.js';
import { loadModel, type ModelOptions } from './load-model.js';
import type { Output } from './output.js';

export interface BriefOptions extends ModelOptions {
    readonly person: string;
    readonly output?: string;
}

/**
 * `mission brief --person NAME`: the person's line of sight in Markdown; like every output command,
 * exit 1 when the model has errors (the brief is still written). An unknown person is a usage error.
 */
export async function runBrief(paths: readonly string[], options: BriefOptions, output: Output): Promise<number> {
    const model = await loadModel(paths, options, output);
    let text: string;
    try {
        text = renderBrief(outputModelFrom(model), options.person);
    } catch (error) {
        if (error instanceof UnknownPersonError) throw new UsageError(`--person ${error.person}: ${error.message}`);
        throw error;
    }
    await emit(options.output, text, output);
    return outputExitCode(model.summary, options.failOn);
}

export function defineBriefCommand(program: Command, context: CommandContext): void {
    const command = program
        .command('brief')
        .description(
            "write one person's line of sight in Markdown: " +
                'vision, intents 1-up and 2-up, boundaries, measures, mutual support'
        )
        .argument('<paths...>', 'model files or folders, or - for standard input')
        .requiredOption('-p, --person <name>', 'the person (their name in the model)')
        .option('-o, --output <file>', 'write to this file, e.g. brief.md (default: standard output)')
        .action(async (paths: string[], options: BriefOptions) => {
            context.setExitCode(await runBrief(paths, options, context.output));
        });
    for (const option of [...modelOptions(), failOnOption()]) command.addOption(option);
}

import type { Command } from 'commander';
import { modelJsonText, outputModelOf } from 'mission-lang-language';
import { type CommandContext, modelOptions } from './command-context.js';
import { emit } from './emit.js';
import { tagged } from './tag-option.js';
import { failOnOption, outputExitCode } from './fail-on.js';
import { loadModel, type LoadedModel, type ModelOptions } from './load-model.js';
import type { Output } from './output.js';
import { watchOption, withWatch } from './watch.js';

export interface CompileOptions extends ModelOptions {
    readonly output?: string;
    readonly tag?: string;
    readonly watch?: boolean;
}

/** `mission compile`: the JSON model (elements, facts, diagnostics); exit 1 when the model has errors. */
export async function runCompile(paths: readonly string[], options: CompileOptions, output: Output): Promise<number> {
    const model = await loadModel(paths, options, output, { everyPosition: true });
    const text = tagged(options.tag, () => modelJsonText(outputModelFrom(model), { tag: options.tag }));
    await emit(options.output, text, output);
    return outputExitCode(model.summary, options.failOn);
}

export function outputModelFrom(model: LoadedModel) {
    return outputModelOf(model.result, model.diagnostics, model.summary);
}

export function defineCompileCommand(program: Command, context: CommandContext): void {
    const command = program
        .command('compile')
        .description('write the JSON model: elements, resolved references, computed facts and all diagnostics')
        .argument('<paths...>', 'model files or folders, or - for standard input')
        .option('-o, --output <file>', 'write to this file (default: standard output)')
        .option('--tag <name>', 'only the missions with this tag, and their ancestors marked "context": true')
        .action(async (paths: string[], options: CompileOptions) => {
            context.setExitCode(
                await withWatch(paths, options, context.output, 'compile', () =>
                    runCompile(paths, options, context.output)
                )
            );
        });
    for (const option of [...modelOptions(), failOnOption(), watchOption()]) command.addOption(option);
}

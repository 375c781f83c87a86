import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Command } from 'commander';
import type { CommandContext } from './command-context.js';
import { emit } from './emit.js';
import { EXIT_OK } from './exit-codes.js';

/** The JSON Schema (draft 2020-12) of `mission compile`'s output, as shipped in the language package. */
export async function modelSchemaText(): Promise<string> {
    return readFile(
        createRequire(import.meta.url).resolve('mission-lang-language/schema/mission-model.schema.json'),
        'utf8'
    );
}

export function defineSchemaCommand(program: Command, context: CommandContext): void {
    program
        .command('schema')
        .description('print the JSON Schema (draft 2020-12) of the JSON model that mission compile writes')
        .option('-o, --output <file>', 'write to this file (default: standard output)')
        .action(async (options: { output?: string }) => {
            await emit(options.output, await modelSchemaText(), context.output);
            context.setExitCode(EXIT_OK);
        });
}

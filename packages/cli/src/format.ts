import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { formatDocument, type FormatSettings } from 'mission-lang-language';
import type { CommandContext } from './command-context.js';
import { loadConfig } from './config.js';
import { EXIT_MODEL_ERRORS, EXIT_OK, UsageError } from './exit-codes.js';
import { collectModelPaths, describeError } from './files.js';
import type { Output } from './output.js';
import { writeFileAtomic } from './write-atomic.js';

export interface FormatOptions {
    readonly check?: boolean;
    readonly config?: string;
}

/**
 * `mission format`: rewrites model files in the canonical layout (the editor's formatter), in the
 * style of the config's `format` section (--config, else mission.config.json in the current folder).
 * With --check nothing is written: the files that would change are listed and the exit code is 1. A
 * file that does not parse is reported and left alone (exit 1); so is everything when the config has
 * a problem, since its style is then unknown. `-` formats standard input to stdout.
 */
export async function runFormat(paths: readonly string[], options: FormatOptions, output: Output): Promise<number> {
    const config = await loadConfig(options.config);
    if (config.diagnostics.length > 0) {
        for (const problem of config.diagnostics) {
            output.stderr(`mission: ${problem.file}:${problem.line}:${problem.column}: ${problem.message}\n`);
        }
        return EXIT_MODEL_ERRORS;
    }
    const settings: FormatSettings = config.format ?? {};
    if (paths.includes('-')) {
        if (paths.length > 1) throw new UsageError("'-' (standard input) cannot be combined with files");
        const text = output.readStdin ? await output.readStdin() : '';
        try {
            const formatted = formatDocument(text, settings);
            if (options.check) return formatted === text ? EXIT_OK : EXIT_MODEL_ERRORS;
            output.stdout(formatted);
            return EXIT_OK;
        } catch (error) {
            output.stderr(`mission: <stdin>: ${(error as Error).message}\n`);
            return EXIT_MODEL_ERRORS;
        }
    }
    const files = await collectModelPaths(paths);
    if (files.length === 0) throw new UsageError(`no .mission files found in ${paths.join(', ')}`);
    let failed = false;
    let changed = 0;
    for (const file of files) {
        const text = await readFile(resolve(file), 'utf8').catch((error: NodeJS.ErrnoException) => {
            throw new UsageError(`${file}: ${describeError(error)}`);
        });
        let formatted: string;
        try {
            formatted = formatDocument(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, settings);
        } catch (error) {
            output.stderr(`mission: ${file}: ${(error as Error).message}\n`);
            failed = true;
            continue;
        }
        if (formatted === text) continue;
        changed++;
        if (options.check) {
            output.stdout(`${file}\n`);
        } else {
            await writeFileAtomic(file, formatted);
            output.stdout(`formatted ${file}\n`);
        }
    }
    if (options.check && changed > 0) {
        output.stderr(
            `mission: ${changed} of ${files.length} file${files.length === 1 ? '' : 's'} not formatted; ` +
                'run mission format to fix\n'
        );
    }
    return failed || (options.check && changed > 0) ? EXIT_MODEL_ERRORS : EXIT_OK;
}

export function defineFormatCommand(program: Command, context: CommandContext): void {
    program
        .command('format')
        .description(
            'rewrite model files in the canonical layout (comments kept); ' +
                '--check only lists the files that would change'
        )
        .argument('<paths...>', 'model files or folders, or - to format standard input to standard output')
        .option('--check', 'write nothing; exit 1 when a file is not formatted')
        .option(
            '--config <file>',
            'the configuration file, for its "format" section (default: mission.config.json in the current folder)'
        )
        .action(async (paths: string[], options: FormatOptions) => {
            context.setExitCode(await runFormat(paths, options, context.output));
        });
}

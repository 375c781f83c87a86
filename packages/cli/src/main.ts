import { Command, CommanderError, Option } from 'commander';
import { EXIT_USAGE, UsageError } from './exit-codes.js';
import { type Output, processOutput } from './output.js';
import { runValidate } from './validate.js';

const VERSION = '0.1.0';

/**
 * The `mission` command. Returns the exit code; never throws: a usage or I/O problem is one line on
 * stderr and exit 2, an unexpected failure is one line naming it (no stack trace) and exit 2.
 */
export async function main(argv: readonly string[], output: Output = processOutput()): Promise<number> {
    let exitCode = 0;
    const program = new Command('mission')
        .description('Check mission models and compile them to JSON, diagrams and reports.')
        .version(VERSION, '-v, --version')
        .exitOverride()
        .configureOutput({
            writeOut: text => output.stdout(text),
            writeErr: text => output.stderr(text),
            outputError: (text, write) => write(text.startsWith('error:') ? `mission: ${text.slice('error: '.length)}` : text)
        });

    program.command('validate')
        .description('check model files (folders are searched for *.mission); exit 1 when there are errors')
        .argument('<paths...>', 'model files or folders')
        .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
        .option('--today <date>', 'the date for time-based rules, YYYY-MM-DD (default: the system date)')
        .action(async (paths: string[], options: { format: string; today?: string }) => {
            exitCode = await runValidate(paths, options, output);
        });

    try {
        await program.parseAsync([...argv], { from: 'user' });
        return exitCode;
    } catch (error) {
        if (error instanceof CommanderError) {
            // --help and --version end here too, with exit code 0.
            return error.exitCode === 0 ? 0 : EXIT_USAGE;
        }
        if (error instanceof UsageError) {
            output.stderr(`mission: ${error.message}\n`);
            return EXIT_USAGE;
        }
        const reason = error instanceof Error ? error.message : String(error);
        output.stderr(`mission: internal error: ${reason} (please report this)\n`);
        return EXIT_USAGE;
    }
}

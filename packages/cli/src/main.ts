import { Command, CommanderError } from 'commander';
import type { CommandContext } from './command-context.js';
import { defineCompileCommand } from './compile.js';
import { defineBriefCommand } from './brief.js';
import { defineBuildCommand } from './build.js';
import { defineDiagramCommand } from './diagram.js';
import { defineDiffCommand } from './diff.js';
import { defineFormatCommand } from './format.js';
import { defineInitCommand } from './init.js';
import { defineMeasuresCommand } from './measures.js';
import { defineMcpCommand } from './mcp.js';
import { definePlanCommand } from './plan.js';
import { defineReportCommand } from './report.js';
import { defineReviewsCommand } from './reviews.js';
import { defineSchemaCommand } from './schema.js';
import { defineServeCommand } from './serve.js';
import { EXIT_USAGE, UsageError } from './exit-codes.js';
import { type Output, processOutput } from './output.js';
import { defineValidateCommand } from './validate.js';
import { VERSION } from './version.js';

export { relaunchWithNodeFlags } from './node-flags.js';

/**
 * The `mission` command. Returns the exit code; never throws: a usage or I/O problem is one line on
 * stderr and exit 2, an unexpected failure is one line naming it (no stack trace) and exit 2.
 */
export async function main(argv: readonly string[], output: Output = processOutput()): Promise<number> {
    let exitCode = 0;
    const context: CommandContext = {
        output,
        setExitCode: code => {
            exitCode = code;
        }
    };
    const program = new Command('mission')
        .description('Check mission models and compile them to JSON, diagrams, reports and briefs.')
        .version(VERSION, '-v, --version')
        .exitOverride()
        .configureOutput({
            writeOut: text => output.stdout(text),
            writeErr: text => output.stderr(text),
            outputError: (text, write) =>
                write(text.startsWith('error:') ? `mission: ${text.slice('error: '.length)}` : text)
        });

    for (const define of commandDefinitions) define(program, context);

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
        if ((error as NodeJS.ErrnoException | undefined)?.code === 'MODULE_NOT_FOUND') {
            // The self-contained bundle (dist/mission.js) leaves out Graphviz and resvg (SVG, PNG) and the schema file.
            const missing = /'([^']+)'/.exec((error as Error).message)?.[1] ?? 'a module';
            output.stderr(
                `mission: this command needs ${missing}, which is not installed here (dist/mission.js leaves it out; ` +
                    'run the CLI of a mission-lang checkout after npm ci)\n'
            );
            return EXIT_USAGE;
        }
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        output.stderr(`mission: internal error: ${reason} (please report this)\n`);
        return EXIT_USAGE;
    }
}

/** The commands, each defined in its own file (added with `program.command`, so they inherit its output settings). */
const commandDefinitions: Array<(program: Command, context: CommandContext) => void> = [
    defineValidateCommand,
    defineCompileCommand,
    defineDiagramCommand,
    defineReportCommand,
    defineBriefCommand,
    defineBuildCommand,
    defineServeCommand,
    defineFormatCommand,
    defineDiffCommand,
    defineMeasuresCommand,
    definePlanCommand,
    defineReviewsCommand,
    defineInitCommand,
    defineSchemaCommand,
    defineMcpCommand
];

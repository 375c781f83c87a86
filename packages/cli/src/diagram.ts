import { extname } from 'node:path';
import { type Command, Option } from 'commander';
import {
    buildCascadeGraph,
    type CascadeGraph,
    cascadeToDot,
    cascadeToMermaid,
    DEFAULT_LAYOUT_TIMEOUT_MS,
    type Direction,
    dotToSvg,
    LayoutTimeoutError,
    svgToPng,
    UnknownRootError,
    UnknownTagError,
    warmUpLayout
} from 'mission-lang-language';
import { type CommandContext, modelOptions } from './command-context.js';
import { outputModelFrom } from './compile.js';
import { emit } from './emit.js';
import { UsageError } from './exit-codes.js';
import { failOnOption, outputExitCode } from './fail-on.js';
import { loadModel, type ModelOptions } from './load-model.js';
import type { Output } from './output.js';
import { watchOption, withWatch } from './watch.js';

export const DIAGRAM_FORMATS = ['mermaid', 'dot', 'svg', 'png'] as const;
export type DiagramFormat = (typeof DIAGRAM_FORMATS)[number];

const EXTENSION_FORMATS: Record<string, DiagramFormat> = {
    '.mmd': 'mermaid',
    '.mermaid': 'mermaid',
    '.dot': 'dot',
    '.gv': 'dot',
    '.svg': 'svg',
    '.png': 'png'
};

export interface DiagramOptions extends ModelOptions {
    readonly format?: string;
    readonly output?: string;
    readonly root?: string;
    readonly tag?: string;
    readonly depth?: string;
    readonly direction?: string;
    readonly supports?: boolean;
    readonly timeout?: string;
    readonly watch?: boolean;
}

/** `mission diagram`: the cascade as Mermaid, DOT, SVG or PNG; exit 1 when the model has errors. */
export async function runDiagram(paths: readonly string[], options: DiagramOptions, output: Output): Promise<number> {
    const format = diagramFormat(options);
    if (format === 'png' && (options.output === undefined || options.output === '-'))
        throw new UsageError('--format png needs -o FILE');
    const depth = wholeNumber('--depth', options.depth);
    const timeoutSeconds = options.timeout === undefined ? DEFAULT_LAYOUT_TIMEOUT_MS / 1000 : Number(options.timeout);
    if (!(timeoutSeconds > 0)) throw new UsageError(`--timeout wants a number of seconds, not '${options.timeout}'`);
    const direction = (options.direction ?? 'TB') as Direction;
    // Graphviz loads in its worker while the model is checked here.
    if (format === 'svg' || format === 'png') warmUpLayout();

    const model = await loadModel(paths, options, output, { everyPosition: true });
    const graph = cascadeGraph(model, options, depth);
    await emit(options.output, await renderDiagram(graph, format, direction, timeoutSeconds * 1000), output);
    return outputExitCode(model.summary, options.failOn);
}

function cascadeGraph(
    model: Awaited<ReturnType<typeof loadModel>>,
    options: DiagramOptions,
    depth: number | undefined
): CascadeGraph {
    try {
        return buildCascadeGraph(outputModelFrom(model), {
            root: options.root,
            tag: options.tag,
            depth,
            supports: options.supports !== false
        });
    } catch (error) {
        if (error instanceof UnknownRootError) throw new UsageError(`--root ${error.root}: ${error.message}`);
        if (error instanceof UnknownTagError) throw new UsageError(`--tag ${error.tag}: ${error.message}`);
        throw error;
    }
}

/** The diagram in a format; SVG and PNG are laid out by Graphviz within the time limit. */
export async function renderDiagram(
    graph: CascadeGraph,
    format: DiagramFormat,
    direction: Direction,
    timeoutMs: number
): Promise<string | Uint8Array> {
    if (format === 'mermaid') return cascadeToMermaid(graph, { direction });
    const dot = cascadeToDot(graph, { direction });
    if (format === 'dot') return dot;
    let svg: string;
    try {
        svg = await dotToSvg(dot, timeoutMs);
    } catch (error) {
        if (error instanceof LayoutTimeoutError) {
            throw new UsageError(
                `${error.message} (${graph.nodes.length} nodes): ` +
                    'draw less with --root/--depth, allow more with --timeout, or use --format mermaid or dot'
            );
        }
        throw error;
    }
    return format === 'png' ? svgToPng(svg) : svg;
}

/**
 * --format, else the extension of -o (.mmd/.mermaid, .dot/.gv, .svg, .png), else Mermaid (standard output,
 * or a file without an extension). A usage error: an -o extension that is no format (`x.jpg`), and a
 * --format that contradicts the -o extension (`--format svg -o x.png`). An explicit --format with an
 * extension of no format (`--format mermaid -o cascade.md`) writes that format.
 */
function diagramFormat(options: DiagramOptions): DiagramFormat {
    const extension = options.output && options.output !== '-' ? extname(options.output).toLowerCase() : '';
    const fromExtension = EXTENSION_FORMATS[extension];
    if (options.format !== undefined) {
        if (!(DIAGRAM_FORMATS as readonly string[]).includes(options.format)) {
            throw new UsageError(`unknown format '${options.format}' (expected ${DIAGRAM_FORMATS.join(', ')})`);
        }
        if (fromExtension !== undefined && fromExtension !== options.format) {
            throw new UsageError(
                `--format ${options.format} does not match -o ${options.output} (a ${fromExtension} file name): ` +
                    `name the file ${extensionsOf(options.format as DiagramFormat)}, or leave out --format`
            );
        }
        return options.format as DiagramFormat;
    }
    if (extension === '') return 'mermaid';
    if (fromExtension === undefined) {
        throw new UsageError(
            `-o ${options.output}: '${extension}' is no diagram format; use ${knownExtensions()} ` +
                `(or --format ${DIAGRAM_FORMATS.join('|')})`
        );
    }
    return fromExtension;
}

/** `.svg`, or `.mmd or .mermaid`: the -o extensions of a format. */
function extensionsOf(format: DiagramFormat): string {
    return Object.keys(EXTENSION_FORMATS)
        .filter(extension => EXTENSION_FORMATS[extension] === format)
        .join(' or ');
}

/** `.mmd/.mermaid (mermaid), .dot/.gv (dot), .svg (svg) or .png (png)`. */
function knownExtensions(): string {
    const each = DIAGRAM_FORMATS.map(format => `${extensionsOf(format).replace(' or ', '/')} (${format})`);
    return `${each.slice(0, -1).join(', ')} or ${each.at(-1)}`;
}

function wholeNumber(option: string, value: string | undefined): number | undefined {
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value)) throw new UsageError(`${option} wants a whole number, not '${value}'`);
    return Number(value);
}

export function defineDiagramCommand(program: Command, context: CommandContext): void {
    const command = program
        .command('diagram')
        .description(
            'draw the cascade: visions on top, missions below their parents, supports dashed; errors outlined in red'
        )
        .argument('<paths...>', 'model files or folders, or - for standard input')
        .option('-f, --format <format>', `${DIAGRAM_FORMATS.join(', ')} (default: from the -o extension, else mermaid)`)
        .option('-o, --output <file>', 'write to this file (default: standard output; png needs a file)')
        .option('--root <name>', 'draw only this vision or mission and what is below it')
        .option('--depth <levels>', 'draw only this many levels below the root(s)')
        .option('--tag <name>', 'draw only the missions with this tag, and their ancestors greyed for context')
        .addOption(
            new Option('--direction <direction>', 'top to bottom or left to right').choices(['TB', 'LR']).default('TB')
        )
        .option('--no-supports', 'leave out the dashed supports edges')
        .option(
            '--timeout <seconds>',
            `time limit of the SVG/PNG layout (default: ${DEFAULT_LAYOUT_TIMEOUT_MS / 1000})`
        )
        .action(async (paths: string[], options: DiagramOptions) => {
            context.setExitCode(
                await withWatch(paths, options, context.output, 'diagram', () =>
                    runDiagram(paths, options, context.output)
                )
            );
        });
    for (const option of [...modelOptions(), failOnOption(), watchOption()]) command.addOption(option);
}

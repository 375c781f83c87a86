/**
 * The cascade as Graphviz DOT, laid out by `dot` for the SVG and PNG outputs. Labels are HTML-like
 * (bold name, wrapped title, lead and status, a progress bar), so model text is XML-escaped inside
 * them; attribute strings are DOT-escaped.
 */
import {
    BEHIND_COLOR,
    BEHIND_TEXT,
    type CascadeGraph,
    type CascadeNode,
    CONTEXT_COLORS,
    type Direction,
    ERROR_COLOR,
    errorsText,
    hiddenText,
    progressText,
    STATUS_COLORS,
    SUPPORT_COLOR,
    tagsText,
    WARNING_COLOR,
    warningsText,
    wrapWords
} from './cascade-graph.js';
import { xmlText } from '../model/escape.js';

export interface DotOptions {
    readonly direction?: Direction;
    /** A relative URL for a node (the site links each node to its page); the SVG wraps the node in a link. */
    readonly nodeHref?: (node: CascadeNode) => string | undefined;
}

export const DIAGRAM_FONT = 'Helvetica';
/** The least width of a mission's label (its progress bar is as wide as the label, so as the node). */
const BAR_WIDTH = 120;
/**
 * A mission's label is a table of this many equal columns: every text row spans them all, and the
 * progress bar is two cells spanning `done` and the rest, so it fills the label's width at any width
 * (Graphviz shares a spanning cell's width evenly between its columns), to the nearest percent.
 */
const BAR_COLUMNS = 100;

export function cascadeToDot(graph: CascadeGraph, options: DotOptions = {}): string {
    const lines = [
        'digraph cascade {',
        `    graph [rankdir=${options.direction ?? 'TB'}, bgcolor="white", fontname="${DIAGRAM_FONT}", ` +
            'nodesep=0.35, ranksep=0.55, pad=0.25];',
        `    node [shape=box, style="rounded,filled", fontname="${DIAGRAM_FONT}", fontsize=11, ` +
            'margin="0.12,0.06", penwidth=1.5];',
        `    edge [color="#8a8f98", arrowsize=0.7, penwidth=1.2, fontname="${DIAGRAM_FONT}"];`
    ];
    for (const node of graph.nodes) {
        const href = options.nodeHref?.(node);
        const link = href === undefined ? '' : `, href=${dotString(href)}`;
        lines.push(`    ${node.id} [${nodeAttributes(node)}${link}];`);
    }
    for (const edge of graph.edges) {
        lines.push(
            edge.kind === 'under'
                ? `    ${edge.from} -> ${edge.to};`
                : `    ${edge.from} -> ${edge.to} [class="supports", style=dashed, ` +
                      `color="${SUPPORT_COLOR}", fontcolor="${SUPPORT_COLOR}", ` +
                      'fontsize=9, label="supports", constraint=false];'
        );
    }
    lines.push('}');
    return lines.join('\n') + '\n';
}

function nodeAttributes(node: CascadeNode): string {
    // A `--tag` view's context node is greyed instead of coloured by its status.
    const colors = node.context
        ? CONTEXT_COLORS
        : STATUS_COLORS[node.kind === 'vision' ? 'vision' : (node.status ?? 'active')];
    const classes = [
        node.kind,
        ...(node.status ? [`status-${node.status}`] : []),
        ...(node.hasErrors ? ['has-errors'] : node.warningCodes ? ['has-warnings'] : []),
        ...(node.hiddenBelow ? ['has-hidden'] : []),
        ...(node.pace === 'behind' ? ['behind'] : []),
        ...(node.context ? ['context'] : [])
    ];
    const attributes = [
        `id=${dotString(`${node.kind}-${node.name}`)}`,
        `class=${dotString(classes.join(' '))}`,
        `tooltip=${dotString(plainAttributeText(node.title ? `${node.name}: ${node.title}` : node.name))}`,
        `fillcolor="${colors.fill}"`,
        `fontcolor="${colors.text}"`,
        node.hasErrors
            ? `color="${ERROR_COLOR}", penwidth=3.5`
            : node.warningCodes
              ? `color="${WARNING_COLOR}", penwidth=2.5`
              : `color="${colors.stroke}"`,
        ...(node.context || node.status === 'staged' || node.status === 'abandoned'
            ? ['style="rounded,filled,dashed"']
            : []),
        `label=<${htmlLabel(node, colors.text)}>`
    ];
    return attributes.join(', ');
}

function htmlLabel(node: CascadeNode, textColor: string): string {
    // A mission's rows span the bar's columns; its first sets the least width.
    const span = node.kind === 'mission' ? ` COLSPAN="${BAR_COLUMNS}"` : '';
    const row = (content: string, first = false): string =>
        `<TR><TD ALIGN="LEFT"${span}${first && span ? ` WIDTH="${BAR_WIDTH}"` : ''}>${content}</TD></TR>`;
    const small = (text: string, color = textColor, bold = false): string =>
        `<FONT POINT-SIZE="9" COLOR="${color}">${bold ? `<B>${text}</B>` : text}</FONT>`;
    const rows = [row(`<B>${xmlText(node.name)}</B>`, true)];
    for (const line of wrapWords(node.title === node.name ? '' : (node.title ?? ''), 30))
        rows.push(row(xmlText(literalBackslashes(line))));
    if (node.horizon) rows.push(row(small(`horizon ${node.horizon}`)));
    if (node.kind === 'mission') {
        const lead = node.lead ? `lead ${node.lead}` : 'no lead';
        rows.push(row(small(xmlText(`${lead} · ${node.status ?? 'active'} · ${progressText(node.progress)}`))));
        rows.push(progressBar(node));
        if (node.pace === 'behind') rows.push(row(small(BEHIND_TEXT, BEHIND_COLOR, true)));
        if (node.tags) rows.push(row(small(xmlText(literalBackslashes(tagsText(node.tags))))));
    }
    if (node.hiddenBelow) rows.push(row(small(xmlText(hiddenText(node.hiddenBelow)))));
    // Which rules: the codes are the language's own (letters and hyphens), escaped all the same.
    const problems = [
        ...(node.hasErrors ? wrapWords(errorsText(node.errorCodes ?? []), 34).map(line => [line, ERROR_COLOR]) : []),
        ...(node.warningCodes ? wrapWords(warningsText(node.warningCodes), 34).map(line => [line, WARNING_COLOR]) : [])
    ];
    for (const [line, color] of problems) rows.push(row(small(xmlText(line!), color, true)));
    return `<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">${rows.join('')}</TABLE>`;
}

/** The bar row: `done` columns in the status colour, the rest grey, together as wide as the label. */
function progressBar(node: CascadeNode): string {
    const colors = node.context ? CONTEXT_COLORS : STATUS_COLORS[node.status ?? 'active'];
    const done = Math.round(Math.max(0, Math.min(1, node.progress ?? 0)) * BAR_COLUMNS);
    const cells: string[] = [];
    if (done > 0) cells.push(`<TD COLSPAN="${done}" HEIGHT="5" BGCOLOR="${colors.stroke}"></TD>`);
    if (done < BAR_COLUMNS) cells.push(`<TD COLSPAN="${BAR_COLUMNS - done}" HEIGHT="5" BGCOLOR="#d5d9e0"></TD>`);
    return `<TR>${cells.join('')}</TR>`;
}

/**
 * A DOT double-quoted string: backslashes and quotes escaped, line breaks as `\n`, and the control
 * characters XML cannot hold dropped (Graphviz copies tooltips into the SVG as they are).
 */
export function dotString(text: string): string {
    return `"${text
        // eslint-disable-next-line no-control-regex -- the control characters are what this drops
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
        .replace(/\\/g, '\\\\')
        .replace(/"/g, '\\"')
        .replace(/\r?\n|\r/g, '\\n')}"`;
}

/**
 * Graphviz expands `\N`, `\G`, `\E`, `\H`, `\T`, `\L` (and `\l`, `\n`, `\r`) in labels and
 * tooltips, also inside HTML-like labels, and reads `\\` as one backslash: doubling every backslash
 * of model text keeps it literal.
 */
export function literalBackslashes(text: string): string {
    return text.replace(/\\/g, '\\\\');
}

/** Text for a plain string attribute (tooltip): backslashes literal, and `&` too (Graphviz decodes entities there). */
export function plainAttributeText(text: string): string {
    return literalBackslashes(text).replace(/&/g, '&amp;');
}

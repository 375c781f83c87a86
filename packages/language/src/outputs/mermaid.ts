/**
 * The cascade as a Mermaid flowchart. Every piece of model text goes into a quoted label with
 * Mermaid entity codes (`#quot;`, `#35;`, ...) for anything that is not a letter, digit or space,
 * so no title can end a label, start a link or inject markup.
 */
import {
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

export interface MermaidOptions {
    readonly direction?: Direction;
}

export function cascadeToMermaid(graph: CascadeGraph, options: MermaidOptions = {}): string {
    const lines = [`flowchart ${options.direction ?? 'TB'}`];
    for (const node of graph.nodes) {
        const label = mermaidLabel(node);
        lines.push(node.kind === 'vision' ? `    ${node.id}(["${label}"])` : `    ${node.id}("${label}")`);
    }
    // Mermaid's layout (dagre) puts the target of every link at least one level below its source, so a
    // `supports` link is written to hold its ends on their cascade levels: from the shallower end, exactly
    // as long as the levels between them (`-..->` spans two). One that points up is written both ways
    // (`<-..->`, Mermaid draws no lone start arrow) and styled without its end arrow, so its arrowhead is
    // at the supported end; between missions on one level it runs through an invisible relay one level
    // below both.
    const depthOf = new Map(graph.nodes.map(node => [node.id, node.depth]));
    const downLinks: number[] = [];
    const upLinks: number[] = [];
    const relays: string[] = [];
    let linkIndex = 0;
    for (const edge of graph.edges) {
        if (edge.kind === 'under') {
            lines.push(`    ${edge.from} --> ${edge.to}`);
            linkIndex++;
            continue;
        }
        const span = (depthOf.get(edge.to) ?? 0) - (depthOf.get(edge.from) ?? 0);
        if (span > 0 || edge.from === edge.to) {
            lines.push(`    ${edge.from} -${'.'.repeat(Math.max(1, span))}->|supports| ${edge.to}`);
            downLinks.push(linkIndex++);
        } else if (span < 0) {
            lines.push(`    ${edge.to} <-${'.'.repeat(-span)}->|supports| ${edge.from}`);
            upLinks.push(linkIndex++);
        } else {
            const relay = `r${relays.length}`;
            relays.push(relay);
            lines.push(`    ${relay}[" "]`, `    ${edge.from} -.- ${relay}`, `    ${edge.to} <-.->|supports| ${relay}`);
            downLinks.push(linkIndex++);
            upLinks.push(linkIndex++);
        }
    }
    for (const [status, colors] of Object.entries(STATUS_COLORS)) {
        lines.push(
            `    classDef ${status} fill:${colors.fill},stroke:${colors.stroke},color:${colors.text},stroke-width:1.5px`
        );
    }
    lines.push(`    classDef hasErrors stroke:${ERROR_COLOR},stroke-width:3px`);
    lines.push(`    classDef hasWarnings stroke:${WARNING_COLOR},stroke-width:2.5px`);
    // A relay carries a same-level `supports` link: no box, no text.
    lines.push('    classDef relay fill:none,stroke:none');
    // Behind changes no colour (the status and errors own those); the class lets a page style it.
    lines.push('    classDef behind font-style:normal');
    const context = CONTEXT_COLORS;
    lines.push(
        `    classDef context fill:${context.fill},stroke:${context.stroke},color:${context.text},stroke-dasharray:3 3`
    );
    const byClass = new Map<string, string[]>();
    for (const node of graph.nodes) {
        // A `--tag` view's context node is greyed instead of coloured by its status.
        const classes = [node.context ? 'context' : node.kind === 'vision' ? 'vision' : (node.status ?? 'active')];
        if (node.hasErrors) classes.push('hasErrors');
        else if (node.warningCodes) classes.push('hasWarnings');
        if (node.pace === 'behind') classes.push('behind');
        for (const name of classes) {
            const ids = byClass.get(name);
            if (ids) ids.push(node.id);
            else byClass.set(name, [node.id]);
        }
    }
    for (const [name, ids] of byClass) {
        for (let start = 0; start < ids.length; start += 500)
            lines.push(`    class ${ids.slice(start, start + 500).join(',')} ${name}`);
    }
    for (let start = 0; start < relays.length; start += 500)
        lines.push(`    class ${relays.slice(start, start + 500).join(',')} relay`);
    const supportStyle = `stroke:${SUPPORT_COLOR},color:${SUPPORT_COLOR}`;
    if (downLinks.length > 0) lines.push(`    linkStyle ${downLinks.join(',')} ${supportStyle}`);
    if (upLinks.length > 0) lines.push(`    linkStyle ${upLinks.join(',')} ${supportStyle},marker-end:none`);
    return lines.join('\n') + '\n';
}

function mermaidLabel(node: CascadeNode): string {
    const parts = [`<b>${mermaidText(node.name)}</b>`];
    for (const line of wrapWords(node.title === node.name ? '' : (node.title ?? ''), 34)) parts.push(mermaidText(line));
    // A horizon is a date this package formatted (YYYY-MM-DD): nothing in it needs escaping.
    if (node.horizon) parts.push(`<i>horizon ${node.horizon}</i>`);
    if (node.kind === 'mission') {
        const facts = [node.lead ? `lead ${node.lead}` : 'no lead', node.status ?? 'active'];
        parts.push(`<i>${facts.map(mermaidText).join(' · ')}</i>`);
        parts.push(`${progressBar(node.progress)} ${mermaidText(progressText(node.progress))}`);
        if (node.pace === 'behind') parts.push(`<b>${mermaidText(BEHIND_TEXT)}</b>`);
        if (node.tags) parts.push(`<i>${mermaidText(tagsText(node.tags))}</i>`);
    }
    if (node.hiddenBelow) parts.push(`<i>${mermaidText(hiddenText(node.hiddenBelow))}</i>`);
    // Which rules: the codes are the language's (letters and hyphens), escaped all the same.
    if (node.hasErrors)
        for (const line of wrapWords(errorsText(node.errorCodes ?? []), 34)) parts.push(`<b>${mermaidText(line)}</b>`);
    if (node.warningCodes)
        for (const line of wrapWords(warningsText(node.warningCodes), 34)) parts.push(mermaidText(line));
    return parts.join('<br/>');
}

/** Ten blocks, filled to the nearest tenth. */
function progressBar(progress: number | undefined): string {
    if (progress === undefined) return '';
    const filled = Math.round(progress * 10);
    return '▰'.repeat(filled) + '▱'.repeat(10 - filled);
}

/**
 * Letters, digits and spaces stay; every other character becomes a Mermaid entity code. Mermaid 11
 * reads every HTML label as Markdown after decoding the codes (`**x**` would turn bold, `` `x` ``
 * into "Unsupported markdown"), so ASCII punctuation also gets a backslash (`#92;`) before it, which
 * Markdown consumes and shows the character literally.
 */
export function mermaidText(text: string): string {
    let out = '';
    for (const char of text) {
        if (/[\p{L}\p{N} ]/u.test(char)) out += char;
        // Control characters are dropped, as in every other output (XML cannot hold most of them).
        // eslint-disable-next-line no-control-regex
        else if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/.test(char)) continue;
        else if (char === '"') out += '#92;#quot;';
        else if (/[!-/:-@[-`{-~]/.test(char)) out += `#92;#${char.codePointAt(0)};`;
        else out += `#${char.codePointAt(0)};`;
    }
    // Mermaid drops a backslash that comes right before markup (`\<br/>`): keep it with a zero-width space.
    return out.endsWith('#92;') ? `${out}#8203;` : out;
}

import {
    type AstNode,
    type CompositeCstNode,
    type CstNode,
    CstUtils,
    GrammarAST,
    isCompositeCstNode,
    type LangiumCoreServices,
    type LangiumDocument,
    type LangiumParser,
    TextDocument,
    URI
} from 'langium';
import { AbstractFormatter, Formatting, type FormattingAction, type FormattingContext } from 'langium/lsp';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver';
import type { Contribution, Element, Model } from '../generated/ast.js';
import { createMissionServices } from '../mission-module.js';

/** Elements whose braces hold one item per line; the others (person, team) keep theirs on one line. */
const BLOCK_TYPES = new Set(['Vision', 'Mission', 'Intent', 'Boundary', 'Measure']);
/** Consecutive elements of these kinds stay on consecutive lines (a roster); others get a blank line between. */
const ROSTER_TYPES = new Set(['Person', 'Team']);

export const FORMATTING_OPTIONS: FormattingOptions = { tabSize: 2, insertSpaces: true };

/**
 * The canonical layout (docs/editors.md): one space between the tokens of a line; a blank line between
 * top-level elements, except between persons and teams, which stay one per line with their braces
 * inline (`person bob "Bob Jones" { capacity 2 }`); inside visions, missions, intents, boundaries and
 * measures one item per line, indented by 2 spaces, the closing brace on its own line; an empty block
 * is `{}`; `a, b` and `Grow.patients` without inner spaces; one newline at the end.
 *
 * Comments are kept: only whitespace between tokens is rewritten. A comment that ends a line of code
 * gets one space before it; a comment on its own line gets the indentation of the code it precedes.
 * Whole documents are formatted in two passes (Langium's token spacing, then comment indentation on
 * the result), returned as one edit; formatting twice changes nothing.
 */
export class MissionFormatter extends AbstractFormatter {
    private readonly parser: LangiumParser;
    private keepComments = false;

    constructor(services: LangiumCoreServices) {
        super();
        this.parser = services.parser.LangiumParser;
    }

    protected override doDocumentFormat(
        document: LangiumDocument,
        options: FormattingOptions,
        range?: Range
    ): TextEdit[] {
        if (range) {
            // A range is formatted token by token; its comments stay where they are (Langium would
            // indent a comment between items by the enclosing level, which the full pass corrects).
            this.keepComments = true;
            try {
                return super.doDocumentFormat(document, options, range);
            } finally {
                this.keepComments = false;
            }
        }
        const text = document.textDocument.getText();
        const spaced = TextDocument.applyEdits(document.textDocument, [
            ...super.doDocumentFormat(document, options),
            ...spaceBeforeTrailingComments(document.parseResult.value.$cstNode)
        ]);
        const formatted = this.indentComments(spaced, options).trim() + '\n';
        if (formatted === text) return [];
        return [
            {
                range: { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) },
                newText: formatted
            }
        ];
    }

    protected override createHiddenTextEdits(
        previous: CstNode | undefined,
        hidden: CstNode,
        formatting: FormattingAction | undefined,
        context: FormattingContext
    ): TextEdit[] {
        return this.keepComments ? [] : super.createHiddenTextEdits(previous, hidden, formatting, context);
    }

    protected override format(node: AstNode): void {
        const cst = ownComposite(node);
        if (!cst) return;
        if (node.$type === 'Model') {
            this.formatModel(node as Model);
            return;
        }
        const formatter = this.getNodeFormatter(node);
        const tokens = cst.content.filter(child => !child.hidden);
        // One space between the tokens and items of a line.
        formatter.cst(tokens.slice(1)).prepend(Formatting.oneSpace());
        formatter.cst(tokens.filter(child => isKeyword(child, ','))).prepend(Formatting.noSpace());
        if (node.$type === 'Contribution') this.formatQualifiedName(node as Contribution);
        const open = tokens.findIndex(child => isKeyword(child, '{'));
        const close = tokens.findIndex(child => isKeyword(child, '}'));
        if (open < 0 || close < open) return;
        if (close === open + 1) {
            formatter.cst([tokens[close]!]).prepend(Formatting.noSpace());
            return;
        }
        if (!BLOCK_TYPES.has(node.$type)) return;
        const items = tokens.slice(open + 1, close).filter(child => startsItem(child, node));
        formatter.cst(items).prepend(Formatting.indent());
        formatter.cst([tokens[close]!]).prepend(Formatting.newLine());
    }

    /** `Grow.patients` without spaces around the dot. */
    private formatQualifiedName(contribution: Contribution): void {
        const refNode = contribution.measure?.$refNode;
        if (!refNode) return;
        const leaves = CstUtils.flattenCst(refNode)
            .filter(leaf => !leaf.hidden)
            .toArray();
        this.getNodeFormatter(contribution).cst(leaves.slice(1)).prepend(Formatting.noSpace());
    }

    private formatModel(model: Model): void {
        const formatter = this.getNodeFormatter(model);
        let previous: Element | undefined;
        for (const element of model.elements) {
            const region = formatter.node(element);
            if (!previous) region.prepend(Formatting.noSpace());
            else if (ROSTER_TYPES.has(previous.$type) && ROSTER_TYPES.has(element.$type))
                region.prepend(Formatting.newLine());
            else region.prepend(Formatting.newLines(2));
            previous = element;
        }
    }

    /**
     * Gives each comment that starts a line the indentation of the code after it (one level deeper
     * when that code is a closing brace: the comment is the block's last item). Every line of a block
     * comment moves by the same amount.
     */
    private indentComments(text: string, options: FormattingOptions): string {
        const root = this.parser.parse(text).value.$cstNode;
        if (!root) return text;
        const unit = options.insertSpaces ? ' '.repeat(options.tabSize) : '\t';
        const lines = text.split('\n');
        const leaves = CstUtils.flattenCst(root).toArray();
        let previousCode: CstNode | undefined;
        for (let i = 0; i < leaves.length; i++) {
            const leaf = leaves[i]!;
            if (!leaf.hidden) {
                previousCode = leaf;
                continue;
            }
            const line = leaf.range.start.line;
            if (previousCode && previousCode.range.end.line === line) continue; // a trailing comment
            const next = leaves.slice(i + 1).find(candidate => !candidate.hidden);
            const nextIndent = next ? indentationOf(lines[next.range.start.line]!) : '';
            const wanted =
                next && isKeyword(next, '}') && next.range.start.line !== line ? nextIndent + unit : nextIndent;
            const current = indentationOf(lines[line]!);
            if (current === wanted) continue;
            const shift = wanted.length - current.length;
            for (let at = line; at <= leaf.range.end.line; at++)
                lines[at] = reindent(lines[at]!, shift, at === line ? wanted : undefined);
        }
        return lines.join('\n');
    }
}

/** `lead alice   // why` becomes `lead alice // why` (Langium leaves comments on a line of code alone). */
function spaceBeforeTrailingComments(root: CstNode | undefined): TextEdit[] {
    if (!root) return [];
    const edits: TextEdit[] = [];
    let previous: CstNode | undefined;
    for (const leaf of CstUtils.flattenCst(root)) {
        if (
            leaf.hidden &&
            previous &&
            !previous.hidden &&
            previous.range.end.line === leaf.range.start.line &&
            previous.end !== leaf.offset - 1
        ) {
            edits.push({ range: { start: previous.range.end, end: leaf.range.start }, newText: ' ' });
        }
        previous = leaf;
    }
    return edits;
}

function indentationOf(line: string): string {
    return /^[ \t]*/.exec(line)![0];
}

function reindent(line: string, shift: number, exact: string | undefined): string {
    const current = indentationOf(line);
    if (exact !== undefined) return exact + line.slice(current.length);
    if (shift >= 0) return ' '.repeat(shift) + line;
    return line.slice(Math.min(current.length, -shift));
}

/**
 * The composite CST node of the node's own rule. An element's $cstNode is that of the `Element` rule
 * call, whose single child is the element's own rule.
 */
function ownComposite(node: AstNode): CompositeCstNode | undefined {
    let cst = node.$cstNode;
    while (cst && isCompositeCstNode(cst)) {
        const tokens = cst.content.filter(child => !child.hidden);
        const only = tokens[0];
        if (tokens.length !== 1 || !only || only.astNode !== node || !isCompositeCstNode(only)) return cst;
        cst = only;
    }
    return undefined;
}

function isKeyword(node: CstNode, value: string): boolean {
    return GrammarAST.isKeyword(node.grammarSource) && node.grammarSource.value === value;
}

/** Inside a block, an item starts with a child element (a lead, a measure, ...) or, in a vision, `horizon`. */
function startsItem(child: CstNode, owner: AstNode): boolean {
    if (child.astNode !== owner) return true;
    return isKeyword(child, 'horizon');
}

let formattingServices: { parse(text: string): LangiumDocument; formatter: MissionFormatter } | undefined;

/**
 * Formats Mission source text (for `mission format`): the same layout as the editor's formatter.
 * Throws when the text does not parse, so a broken file is never rewritten.
 */
export function formatDocument(text: string, options: FormattingOptions = FORMATTING_OPTIONS): string {
    if (!formattingServices) {
        const { shared, Mission } = createMissionServices();
        let count = 0;
        formattingServices = {
            parse: source =>
                shared.workspace.LangiumDocumentFactory.fromString(
                    source,
                    URI.parse(`memory:///format-${++count}.mission`)
                ),
            formatter: Mission.lsp.Formatter as MissionFormatter
        };
    }
    const document = formattingServices.parse(text);
    const { lexerErrors, parserErrors } = document.parseResult;
    const problem = lexerErrors[0]?.message ?? parserErrors[0]?.message;
    if (problem !== undefined) throw new Error(`cannot format text that does not parse: ${problem}`);
    const edits = formattingServices.formatter.formatDocument(document, {
        textDocument: { uri: document.uri.toString() },
        options
    }) as TextEdit[];
    return TextDocument.applyEdits(document.textDocument, edits);
}

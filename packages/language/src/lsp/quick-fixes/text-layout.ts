/**
 * Where inserted and removed text goes, so that a fixed file keeps its layout: an item inserted into a
 * multi-line block gets a line of its own with the block's indentation; into a one-line block it stays
 * on that line. Pure functions of the text and offsets.
 */
import { type AstNode, type CstNode, GrammarUtils, type TextDocument } from 'langium';
import type { TextEdit } from 'vscode-languageserver';

/** An item to insert, as lines; nested lines carry their indentation relative to the item. */
export type ItemLines = readonly string[];

export function lineStart(text: string, offset: number): number {
    return text.lastIndexOf('\n', offset - 1) + 1;
}

export function lineEnd(text: string, offset: number): number {
    const end = text.indexOf('\n', offset);
    return end < 0 ? text.length : end;
}

/** Whether only whitespace stands before the offset on its line. */
export function startsLine(text: string, offset: number): boolean {
    return text.slice(lineStart(text, offset), offset).trim() === '';
}

/** Whether only whitespace stands after the offset on its line. */
export function endsLine(text: string, offset: number): boolean {
    return text.slice(offset, lineEnd(text, offset)).trim() === '';
}

/** The leading whitespace of the line that holds the offset. */
export function indentOfLine(text: string, offset: number): string {
    const start = lineStart(text, offset);
    return /^[ \t]*/.exec(text.slice(start))![0];
}

/** The line break the document uses (a file written on Windows keeps its CRLF). */
export function lineBreak(text: string): string {
    return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The document's indentation step: the first indentation it uses, else two spaces (as in LANGUAGE.md). */
export function indentUnit(text: string): string {
    return /^([ \t]+)\S/m.exec(text)?.[1] ?? '  ';
}

/** The open and close braces of a block owned by the node (a mission's, a measure's, ...). */
export function braces(node: AstNode): { open: CstNode; close: CstNode } | undefined {
    const open = GrammarUtils.findNodeForKeyword(node.$cstNode, '{');
    const closes = GrammarUtils.findNodesForKeyword(node.$cstNode, '}');
    const close = closes[closes.length - 1];
    return open && close && close.offset > open.offset ? { open, close } : undefined;
}

/** The indentation of items in the block: that of an item on its own line, else one step in from the owner. */
export function itemIndent(text: string, owner: AstNode, items: readonly AstNode[]): string {
    for (const item of items) {
        const offset = item.$cstNode?.offset;
        if (offset !== undefined && startsLine(text, offset)) return indentOfLine(text, offset);
    }
    return indentOfLine(text, owner.$cstNode?.offset ?? 0) + indentUnit(text);
}

/** The item's lines joined for a block (one line each, indented) or for a one-line block. */
function render(lines: ItemLines, indent: string, inline: boolean, eol = '\n'): string {
    return inline ? lines.map(line => line.trim()).join(' ') : lines.map(line => indent + line).join(eol);
}

/** Inserts the item before an existing item of the block. */
export function insertBefore(document: TextDocument, item: AstNode, lines: ItemLines, indent: string): TextEdit {
    const text = document.getText();
    const offset = item.$cstNode!.offset;
    if (startsLine(text, offset)) {
        const at = document.positionAt(lineStart(text, offset));
        const eol = lineBreak(text);
        return { range: { start: at, end: at }, newText: render(lines, indent, false, eol) + eol };
    }
    const at = document.positionAt(offset);
    return { range: { start: at, end: at }, newText: render(lines, indent, true) + ' ' };
}

/** Inserts the item after an existing item of the block (after a `//` comment that ends its line). */
export function insertAfter(document: TextDocument, item: AstNode, lines: ItemLines, indent: string): TextEdit {
    const text = document.getText();
    const node = item.$cstNode!;
    const end = lineEnd(text, node.end);
    const rest = text.slice(node.end, end).trim();
    const eol = lineBreak(text);
    if (startsLine(text, node.offset) && (rest === '' || rest.startsWith('//'))) {
        const contentEnd = text[end - 1] === '\r' ? end - 1 : end;
        const at = document.positionAt(rest === '' ? node.end : contentEnd);
        return { range: { start: at, end: at }, newText: eol + render(lines, indent, false, eol) };
    }
    const at = document.positionAt(node.end);
    return { range: { start: at, end: at }, newText: ' ' + render(lines, indent, true) };
}

/**
 * Inserts the item as the last of an empty block: `{}` on one line becomes a block of three lines; a
 * block whose `}` has a line of its own gets the item on the line before it.
 */
export function insertIntoEmptyBlock(
    document: TextDocument,
    owner: AstNode,
    lines: ItemLines,
    indent: string
): TextEdit | undefined {
    const text = document.getText();
    const block = braces(owner);
    if (!block) return undefined;
    const { open, close } = block;
    const eol = lineBreak(text);
    if (startsLine(text, close.offset)) {
        const at = document.positionAt(lineStart(text, close.offset));
        return { range: { start: at, end: at }, newText: render(lines, indent, false, eol) + eol };
    }
    const between = text.slice(open.end, close.offset);
    if (between.trim() === '') {
        const closeIndent = indentOfLine(text, owner.$cstNode!.offset);
        return {
            range: { start: document.positionAt(open.end), end: document.positionAt(close.offset) },
            newText: eol + render(lines, indent, false, eol) + eol + closeIndent
        };
    }
    // Something (a comment) shares the line with the braces: keep it and stay on one line.
    const at = document.positionAt(close.offset);
    return { range: { start: at, end: at }, newText: ' ' + render(lines, indent, true) + ' ' };
}

/** Appends a top-level element at the end of the file, after one blank line. */
export function appendElement(document: TextDocument, lines: ItemLines): TextEdit {
    const text = document.getText();
    const at = document.positionAt(text.length);
    const eol = lineBreak(text);
    const separator = text.trim() === '' ? '' : text.endsWith(eol + eol) ? '' : text.endsWith(eol) ? eol : eol + eol;
    return { range: { start: at, end: at }, newText: separator + lines.join(eol) + eol };
}

/**
 * Removes an element of a comma-separated list: the first with the comma after it, any other with the
 * comma before it. The caller removes the whole item when the list has one element.
 */
export function removeListElement(document: TextDocument, elements: readonly CstNode[], index: number): TextEdit {
    const element = elements[index]!;
    const range =
        index === 0
            ? { start: element.offset, end: elements[1]!.offset }
            : { start: elements[index - 1]!.end, end: element.end };
    return { range: { start: document.positionAt(range.start), end: document.positionAt(range.end) }, newText: '' };
}

/** Removes a whole item: its line when it has one to itself, else the item and the spaces after it. */
export function removeItem(document: TextDocument, item: AstNode): TextEdit {
    const text = document.getText();
    const node = item.$cstNode!;
    let start = node.offset;
    let end = node.end;
    if (startsLine(text, start) && endsLine(text, end)) {
        start = lineStart(text, start);
        end = Math.min(text.length, lineEnd(text, end) + 1);
    } else {
        while (end < text.length && /[ \t]/.test(text[end]!)) end++;
    }
    return { range: { start: document.positionAt(start), end: document.positionAt(end) }, newText: '' };
}

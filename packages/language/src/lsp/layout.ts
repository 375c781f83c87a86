/**
 * The canonical layout of Mission source (docs/editors.md, "Formatting"), computed from the syntax
 * tree as the whitespace before every token and comment. Only whitespace changes: tokens and comments
 * keep their text (a comment on its own line that spans lines moves as a whole).
 *
 * - Top-level elements are separated by a blank line, except consecutive persons and teams (a roster):
 *   they keep a blank line where the author wrote one (or more), and are on consecutive lines else.
 * - A block (`{ … }` of any element or item) stays on one line when the author wrote its first item on
 *   the line of its `{` and the whole block fits in the print width on one line (Prettier's rule for
 *   objects); its items are then separated by two spaces. Otherwise it is expanded: one item per
 *   line, one level deeper, the `}` on its own line. A block inside a one-line block is on that line.
 * - A comment after code on a line stays there; consecutive lines of one indentation that end with a
 *   comment get their comments in one column, one space past the longest code of the run (as gofmt
 *   does). A comment on its own line gets the indentation of the code after it.
 */
import { type AstNode, type CstNode, CstUtils } from 'langium';
import { type Block, type Role, rolesOf } from './layout-roles.js';

export interface LayoutStyle {
    /** One level of indentation: spaces, or a tab. */
    readonly indentUnit: string;
    /** How many columns a tab advances to (for measuring lines). */
    readonly tabSize: number;
    /** The widest a line may be for a block to stay on it. */
    readonly printWidth: number;
}

/** A token or comment of the source, with the whitespace the layout puts before it. */
export interface PlacedLeaf {
    readonly leaf: CstNode;
    before: string;
    /** The source text; a comment on its own line over several lines has all its lines moved. */
    text: string;
}

export interface Layout {
    readonly leaves: PlacedLeaf[];
    /** After the last leaf: one newline (nothing when the text has no tokens or comments). */
    readonly end: string;
}

/** Between the items of a block on one line (`{ target 3  current 1 }`). */
const ITEM_SEPARATOR = '  ';

/** Consecutive elements of these kinds keep at most one blank line as written; others get one. */
const ROSTER_TYPES = new Set(['Person', 'Team']);

/** What goes before a token, comments aside. */
type Break =
    | { readonly kind: 'start' | 'end' }
    | { readonly kind: 'element'; readonly newlines: number; readonly roster: boolean }
    | { readonly kind: 'line'; readonly indent: number; readonly commentIndent: number }
    | { readonly kind: 'space'; readonly spaces: number };

export function layOut(root: AstNode, text: string, style: LayoutStyle): Layout {
    if (!root.$cstNode) return { leaves: [], end: '' };
    const leaves = CstUtils.flattenCst(root.$cstNode).toArray();
    return new LayoutBuilder(leaves, rolesOf(root), text, style).build();
}

export function layoutText(layout: Layout): string {
    return layout.leaves.map(placed => placed.before + placed.text).join('') + layout.end;
}

class LayoutBuilder {
    private readonly placed: PlacedLeaf[] = [];
    private readonly indexOf: Map<CstNode, number>;
    private readonly open: Block[] = [];
    private previousElement: string | undefined;

    constructor(
        private readonly leaves: readonly CstNode[],
        private readonly roles: ReadonlyMap<CstNode, Role>,
        private readonly source: string,
        private readonly style: LayoutStyle
    ) {
        this.indexOf = new Map(leaves.map((leaf, index) => [leaf, index]));
    }

    build(): Layout {
        let previous = -1;
        for (let index = 0; index < this.leaves.length; index++) {
            if (this.leaves[index]!.hidden) continue;
            this.placeGap(previous, index);
            previous = index;
        }
        this.placeGap(previous, this.leaves.length);
        alignTrailingComments(this.placed, this.style.tabSize);
        return { leaves: this.placed, end: this.leaves.length > 0 ? '\n' : '' };
    }

    /** Places the comments between the tokens at `from` and `to` (either may be missing), then `to`. */
    private placeGap(from: number, to: number): void {
        const token = this.leaves[to];
        const brk = this.breakBefore(from, token);
        let previous = from >= 0 ? this.leaves[from] : undefined;
        let ownLine = false;
        let lastOwnLine = false;
        for (let index = from + 1; index < to; index++) {
            const comment = this.leaves[index]!;
            const trailing = previous !== undefined && comment.range.start.line === previous.range.end.line;
            if (trailing) {
                this.place(comment, ' ', normaliseBreaks(comment.text));
            } else {
                const topLevel = brk.kind === 'start' || brk.kind === 'end' || brk.kind === 'element';
                const fewest = !ownLine && brk.kind === 'element' ? brk.newlines : 1;
                const newlines = !previous ? 0 : topLevel ? clamp(linesBetween(previous, comment), fewest, 2) : 1;
                const indentation = this.indentation(this.commentIndent(brk));
                this.place(comment, '\n'.repeat(newlines) + indentation, this.moved(comment, indentation));
                ownLine = true;
            }
            lastOwnLine = !trailing || comment.text.startsWith('//');
            previous = comment;
        }
        if (!token) return;
        const lastComment = to - 1 > from ? this.leaves[to - 1] : undefined;
        this.place(token, this.whitespaceBefore(brk, token, previous, lastComment, ownLine, lastOwnLine));
        this.enter(token);
    }

    private whitespaceBefore(
        brk: Break,
        token: CstNode,
        previous: CstNode | undefined,
        lastComment: CstNode | undefined,
        ownLine: boolean,
        lastOwnLine: boolean
    ): string {
        switch (brk.kind) {
            case 'start':
                return lastComment ? '\n'.repeat(clamp(linesBetween(lastComment, token), 1, 2)) : '';
            case 'element':
                // After a comment on its own line, and between persons and teams: a blank line if written.
                return '\n'.repeat(
                    (ownLine || brk.roster) && previous ? clamp(linesBetween(previous, token), 1, 2) : brk.newlines
                );
            case 'line':
                return '\n' + this.indentation(brk.indent);
            default: {
                if (lastOwnLine) return '\n' + this.indentation(this.depth() + 1);
                const spaces = brk.kind === 'space' ? brk.spaces : 1;
                return ' '.repeat(lastComment ? Math.max(1, spaces) : spaces);
            }
        }
    }

    private breakBefore(from: number, token: CstNode | undefined): Break {
        if (!token) return { kind: 'end' };
        const role = this.roles.get(token);
        if (from < 0) return { kind: 'start' };
        if (role?.kind === 'element') {
            const roster = ROSTER_TYPES.has(role.type) && ROSTER_TYPES.has(this.previousElement ?? '');
            return { kind: 'element', newlines: roster ? 1 : 2, roster };
        }
        if (role?.kind === 'item' && !role.block.oneLine) {
            const indent = role.block.level + 1;
            return { kind: 'line', indent, commentIndent: indent };
        }
        if (role?.kind === 'close' && !role.block.oneLine) {
            return { kind: 'line', indent: role.block.level, commentIndent: role.block.level + 1 };
        }
        return { kind: 'space', spaces: this.spaceBetween(this.leaves[from]!, token) };
    }

    /** The indentation level of a comment on its own line before a token placed by `brk`. */
    private commentIndent(brk: Break): number {
        if (brk.kind === 'line') return brk.commentIndent;
        if (brk.kind === 'space') return this.depth() + 1; // inside an item: a continuation line
        return 0;
    }

    /** Keeps track of the blocks the next token is in, deciding each block's layout at its `{`. */
    private enter(token: CstNode): void {
        const role = this.roles.get(token);
        if (role?.kind === 'element') this.previousElement = role.type;
        if (role?.kind === 'open') {
            const block = role.block;
            block.level = this.depth();
            block.oneLine = this.open.some(outer => outer.oneLine) || this.fitsOnOneLine(block);
            this.open.push(block);
        } else if (role?.kind === 'close' && this.open.at(-1) === role.block) {
            this.open.pop();
        }
    }

    /** The number of expanded blocks around the current token. */
    private depth(): number {
        return this.open.filter(block => !block.oneLine).length;
    }

    /**
     * Written with its first item on the line of its `{` (or, without items, its first comment), no
     * comment that needs a line break, and fitting in the print width at its indentation.
     */
    private fitsOnOneLine(block: Block): boolean {
        if (!block.close) return false;
        const from = this.indexOf.get(block.first)!;
        const open = this.indexOf.get(block.open)!;
        const to = this.indexOf.get(block.close)!;
        const first = block.firstItem ?? (open + 1 < to ? this.leaves[open + 1] : undefined);
        if (first && first.range.start.line !== block.open.range.end.line) return false;
        let line = this.indentation(block.level) + this.leaves[from]!.text;
        for (let index = from + 1; index <= to; index++) {
            const leaf = this.leaves[index]!;
            const previous = this.leaves[index - 1]!;
            if (leaf.hidden && breaksLine(leaf, previous)) return false;
            line += ' '.repeat(this.flatSpaces(index)) + leaf.text;
        }
        return columnAfter(0, line, this.style.tabSize) <= this.style.printWidth;
    }

    /** The spaces before the leaf at `index` when its block is on one line. */
    private flatSpaces(index: number): number {
        const leaf = this.leaves[index]!;
        if (leaf.hidden) return 1;
        let previous = index - 1;
        while (previous > 0 && this.leaves[previous]!.hidden) previous--; // a block starts with a token
        const spaces = this.spaceBetween(this.leaves[previous]!, leaf);
        return previous === index - 1 ? spaces : Math.max(1, spaces);
    }

    /** Between two tokens on one line: `{}`, `a, b`, `Grow.x`, two spaces between items, else one. */
    private spaceBetween(previous: CstNode, token: CstNode): number {
        const role = this.roles.get(token);
        const previousRole = this.roles.get(previous);
        if (role?.kind === 'tight') return 0;
        if (role?.kind === 'close' && previousRole?.kind === 'open' && previousRole.block === role.block) return 0;
        if (role?.kind === 'item' && previousRole?.kind !== 'open') return ITEM_SEPARATOR.length;
        return 1;
    }

    private indentation(level: number): string {
        return this.style.indentUnit.repeat(level);
    }

    private place(leaf: CstNode, before: string, text = leaf.text): void {
        this.placed.push({ leaf, before, text });
    }

    /** A comment on its own line over several lines: every line moves as far as the first. */
    private moved(comment: CstNode, indentation: string): string {
        const text = normaliseBreaks(comment.text);
        if (!text.includes('\n')) return text;
        const lineStart = comment.offset - comment.range.start.character;
        const was = columnAfter(0, this.source.slice(lineStart, comment.offset), this.style.tabSize);
        const shift = columnAfter(0, indentation, this.style.tabSize) - was;
        return text
            .split('\n')
            .map((line, index) => {
                if (index === 0 || shift === 0) return line;
                if (shift > 0) return ' '.repeat(shift) + line;
                const blank = /^[ \t]*/.exec(line)![0].length;
                return line.slice(Math.min(blank, -shift));
            })
            .join('\n');
    }
}

/**
 * Consecutive lines of one indentation that end with a one-line comment after code get their
 * comments in one column: one space past the widest code of the run.
 */
function alignTrailingComments(placed: PlacedLeaf[], tabSize: number): void {
    const ends: Array<{ line: number; indent: number; index: number; code: number }> = [];
    let line = 0;
    let column = 0;
    let indent = 0;
    for (let index = 0; index < placed.length; index++) {
        const { leaf, before, text } = placed[index]!;
        const code = column;
        const lineOf = line;
        ({ line, column } = advance(line, column, before, tabSize));
        if (before.includes('\n')) indent = column;
        const endsLine = index === placed.length - 1 || placed[index + 1]!.before.includes('\n');
        if (leaf.hidden && index > 0 && !before.includes('\n') && !text.includes('\n') && endsLine) {
            ends.push({ line: lineOf, indent, index, code });
        }
        ({ line, column } = advance(line, column, text, tabSize));
    }
    for (let start = 0; start < ends.length;) {
        let end = start + 1;
        while (
            end < ends.length &&
            ends[end]!.line === ends[end - 1]!.line + 1 &&
            ends[end]!.indent === ends[start]!.indent
        ) {
            end++;
        }
        const run = ends.slice(start, end);
        const column = Math.max(...run.map(entry => entry.code)) + 1;
        for (const entry of run) placed[entry.index]!.before = ' '.repeat(column - entry.code);
        start = end;
    }
}

function advance(line: number, column: number, text: string, tabSize: number): { line: number; column: number } {
    for (const char of text) {
        if (char === '\n') {
            line++;
            column = 0;
        } else {
            column = char === '\t' ? column + tabSize - (column % tabSize) : column + 1;
        }
    }
    return { line, column };
}

/** The column after `text` written from `column` (tabs to the next tab stop, a character each else). */
export function columnAfter(column: number, text: string, tabSize: number): number {
    return advance(0, column, text, tabSize).column;
}

/** A `//` comment, a comment over several lines, or one on its own line. */
function breaksLine(comment: CstNode, previous: CstNode): boolean {
    return (
        comment.text.startsWith('//') ||
        /[\r\n]/.test(comment.text) ||
        comment.range.start.line !== previous.range.end.line
    );
}

function linesBetween(previous: CstNode, next: CstNode): number {
    return next.range.start.line - previous.range.end.line;
}

function clamp(value: number, least: number, most: number): number {
    return Math.min(most, Math.max(least, value));
}

function normaliseBreaks(text: string): string {
    return text.replace(/\r\n?/g, '\n');
}

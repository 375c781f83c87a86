import type { AstNode, LangiumDocument, LangiumParser, ParseResult } from 'langium';
import type { Model } from '../generated/ast.js';
import {
    moveLeaves,
    mutableRoot,
    type PositionShift,
    setContainer,
    setRootText,
    shiftNode
} from '../langium-internals.js';

/**
 * Re-parsing a large file on every keystroke (the persons file everyone references: half a megabyte)
 * costs more than the rest of the update. A document is a sequence of top-level elements, each starting
 * with its keyword, so an edit inside some elements can be re-parsed as those elements alone: the text
 * from the first one's start to the last one's end. That slice parses standalone exactly as within the
 * file when neither the old file nor the slice has a syntax error; otherwise the caller parses it all.
 */
export interface ElementReparse {
    /** Index in `model.elements` of the first element re-parsed. */
    readonly first: number;
    /** The re-parsed elements, positioned in the new text, replacing as many elements from `first`. */
    readonly elements: readonly AstNode[];
    /** Where the edit leaves the text after the slice: how offsets, lines and columns move. */
    readonly shift: PositionShift;
}

export function reparseEditedElements(
    parser: LangiumParser,
    document: LangiumDocument,
    newText: string
): ElementReparse | undefined {
    const { parseResult } = document;
    const model = parseResult.value as Model;
    const oldText = model.$cstNode?.root.fullText;
    if (oldText === undefined || parseResult.lexerErrors.length > 0 || parseResult.parserErrors.length > 0)
        return undefined;
    const elements = model.elements;
    if (elements.length === 0) return undefined;

    // The edit: the text between the common prefix and the common suffix.
    const limit = Math.min(oldText.length, newText.length);
    let prefix = 0;
    while (prefix < limit && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    while (
        suffix < limit - prefix &&
        oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)
    )
        suffix++;
    const editEnd = oldText.length - suffix;

    const first = firstElementEndingAtOrAfter(elements, prefix);
    if (first === undefined || elements[first]!.$cstNode!.offset > prefix) return undefined;
    let last = first;
    while (elements[last]!.$cstNode!.end < editEnd) {
        if (++last >= elements.length) return undefined;
    }
    const firstCst = elements[first]!.$cstNode!;
    const lastCst = elements[last]!.$cstNode!;
    if (editEnd > lastCst.end) return undefined;

    const offsetDelta = newText.length - oldText.length;
    const sliceStart = firstCst.offset;
    const slice = newText.slice(sliceStart, lastCst.end + offsetDelta);
    const reparsed: ParseResult<Model> = parser.parse<Model>(slice);
    if (reparsed.lexerErrors.length > 0 || reparsed.parserErrors.length > 0) return undefined;
    if (reparsed.value.elements.length !== last - first + 1) return undefined;

    const start = firstCst.range.start;
    for (const element of reparsed.value.elements)
        moveLeaves(element.$cstNode!, sliceStart, start.line, start.character);
    const newLast = reparsed.value.elements.at(-1)!.$cstNode!.range.end;
    const oldLast = lastCst.range.end;
    return {
        first,
        elements: reparsed.value.elements,
        shift: {
            oldEnd: lastCst.end,
            offsetDelta,
            oldEndLine: oldLast.line,
            lineDelta: newLast.line - oldLast.line,
            columnDelta: newLast.character - oldLast.character
        }
    };
}

/**
 * Puts the re-parsed elements' syntax nodes in place of the old ones in the document's tree, and moves
 * every syntax node after them to its new position. Call before moving the new elements onto the old
 * AST nodes (transplant.ts), which repoints the old nodes' `$cstNode`.
 */
export function spliceElements(model: Model, reparse: ElementReparse, newText: string): void {
    const root = mutableRoot(model);
    const replaced = reparse.elements.map((_, i) => model.elements[reparse.first + i]!.$cstNode!);
    for (let i = root.content.indexOf(replaced.at(-1)!) + 1; i < root.content.length; i++)
        shiftNode(root.content[i]!, reparse.shift);
    replaced.forEach((old, i) => {
        const cst = reparse.elements[i]!.$cstNode!;
        setContainer(cst, root);
        root.content[root.content.indexOf(old)] = cst;
    });
    setRootText(root, newText);
}

/** The first element whose text ends at or after `offset` (elements are in text order). */
function firstElementEndingAtOrAfter(elements: readonly AstNode[], offset: number): number | undefined {
    let low = 0;
    let high = elements.length - 1;
    let found: number | undefined;
    while (low <= high) {
        const middle = (low + high) >> 1;
        const cst = elements[middle]!.$cstNode;
        if (!cst) return undefined;
        if (cst.end >= offset) {
            found = middle;
            high = middle - 1;
        } else {
            low = middle + 1;
        }
    }
    return found;
}

type Position = { readonly line: number; readonly character: number };

/**
 * The diagnostics of a document outside the re-parsed elements, at their positions in the new text;
 * those inside them are left out (the caller validates those elements again). Undefined when one cannot
 * be placed: it straddles the edited elements' bounds, or is empty right on them (it could belong to
 * either side), or points elsewhere (related information).
 */
export function diagnosticsAround<
    D extends { range: { start: Position; end: Position }; relatedInformation?: unknown }
>(diagnostics: readonly D[], start: Position, end: Position, shift: ElementReparse['shift']): D[] | undefined {
    const kept: D[] = [];
    const move = (position: Position): Position => ({
        line: position.line + shift.lineDelta,
        character: position.character + (position.line === shift.oldEndLine ? shift.columnDelta : 0)
    });
    for (const diagnostic of diagnostics) {
        const { start: from, end: to } = diagnostic.range;
        if (diagnostic.relatedInformation !== undefined) return undefined;
        if (isSame(from, to) && (isSame(from, start) || isSame(from, end))) return undefined;
        if (!isBefore(start, to)) {
            kept.push(diagnostic);
        } else if (!isBefore(from, end)) {
            kept.push({ ...diagnostic, range: { start: move(from), end: move(to) } });
        } else if (isBefore(from, start) || isBefore(end, to)) {
            return undefined;
        }
    }
    return kept;
}

function isBefore(a: Position, b: Position): boolean {
    return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function isSame(a: Position, b: Position): boolean {
    return a.line === b.line && a.character === b.character;
}

/**
 * Every read or write of a part of Langium that is not its public API, in one place. The incremental
 * engine and the fast parser need a few: a reference's target without linking it, the AST node of a
 * syntax node without the getter's fallback, syntax-node positions moved in place after an edit.
 * Nothing else in `src/` may touch a Langium field by its private name (an ESLint rule holds to it,
 * eslint.config.js), so a Langium upgrade has one file to check, and `test/langium-internals.test.ts`
 * pins each function to the installed Langium's behaviour (docs/langium-upgrade.md).
 */
import type { AstNode, CstNode, LangiumDocument, MultiReference, Reference } from 'langium';
import { isAstNode } from 'langium';

/**
 * What a reference resolved to when it was last linked, read without resolving anything: `.ref`
 * would link an unlinked reference now, which the engine must not do while deciding what to re-check.
 * Langium's `DefaultLinker` keeps it in the reference's `_ref` (an AST node, a linking error, or
 * nothing yet); so does this package's on-demand reference (`references/linker.ts`).
 */
export function linkedTarget(reference: Reference | MultiReference | undefined): AstNode | undefined {
    const target = (reference as { _ref?: unknown } | undefined)?._ref;
    return isAstNode(target) ? target : undefined;
}

/**
 * The AST node a composite syntax node stands for, or undefined when none is set yet. The public getter
 * falls back to the container's node, which would hide that an on-demand tree is not attached yet.
 */
export function ownAstNodeOf(cst: CstNode): AstNode | undefined {
    return (cst as { _astNode?: AstNode })._astNode;
}

/** Makes a composite syntax node stand for an AST node (Langium's setter, which the type does not show). */
export function setAstNodeOf(cst: CstNode, node: AstNode): void {
    (cst as { astNode: AstNode }).astNode = node;
}

/** A leaf syntax node's position fields, moved in place by the incremental re-parse. */
interface MutableLeafPosition {
    _offset: number;
    _startLine: number;
    _startColumn: number;
    _endLine: number;
    _endColumn: number;
}

/** A root syntax node as the incremental re-parse edits it: its text, children and cached range. */
export interface MutableRootCst {
    _text: string;
    content: CstNode[];
    _rangeCache?: unknown;
}

/** The root of a document's syntax tree, for splicing re-parsed elements into it. */
export function mutableRoot(model: AstNode): MutableRootCst & CstNode {
    return model.$cstNode!.root as unknown as MutableRootCst & CstNode;
}

/** Gives a document's root syntax node its new text, after the re-parsed elements were spliced in. */
export function setRootText(root: MutableRootCst, text: string): void {
    root._rangeCache = undefined;
    root._text = text;
}

/** How the text after an edited slice moved. */
export interface PositionShift {
    /** End offset of the slice in the old text: everything from here on moves. */
    readonly oldEnd: number;
    readonly offsetDelta: number;
    readonly oldEndLine: number;
    readonly lineDelta: number;
    /** For the rest of the slice's last line only. */
    readonly columnDelta: number;
}

/** Positions of a slice's syntax nodes, made absolute in the whole text. */
export function moveLeaves(node: CstNode, offset: number, line: number, column: number): void {
    forEachCstNode(node, leaf => {
        if (leaf._startLine === 0) leaf._startColumn += column;
        if (leaf._endLine === 0) leaf._endColumn += column;
        leaf._offset += offset;
        leaf._startLine += line;
        leaf._endLine += line;
    });
}

/** Moves a syntax node after the edit by the edit's offset, line and (on the same line) column change. */
export function shiftNode(node: CstNode, shift: PositionShift): void {
    forEachCstNode(node, leaf => {
        if (leaf._offset < shift.oldEnd) return;
        if (leaf._startLine === shift.oldEndLine) leaf._startColumn += shift.columnDelta;
        if (leaf._endLine === shift.oldEndLine) leaf._endColumn += shift.columnDelta;
        leaf._offset += shift.offsetDelta;
        leaf._startLine += shift.lineDelta;
        leaf._endLine += shift.lineDelta;
    });
}

/** Visits every leaf under a syntax node, clearing the composite nodes' cached ranges on the way. */
function forEachCstNode(node: CstNode, visitLeaf: (leaf: MutableLeafPosition) => void): void {
    const content = (node as { content?: CstNode[] }).content;
    if (content) {
        (node as { _rangeCache?: unknown })._rangeCache = undefined;
        for (const child of content) forEachCstNode(child, visitLeaf);
    } else {
        visitLeaf(node as unknown as MutableLeafPosition);
    }
}

/** Points a syntax node at a new container (the field is read-only in Langium's type). */
export function setContainer(node: CstNode, container: CstNode): void {
    (node as { container?: CstNode }).container = container;
}

/**
 * A stand-in document holding only references, for Langium's `processLinkingErrors`, which reads a
 * document's `references` and nothing else: validating some elements alone reports their linking
 * errors without the whole document.
 */
export function documentWithReferences(references: Reference[]): LangiumDocument {
    return { references } as unknown as LangiumDocument;
}

import { type AstNode, type CstNode, isAstNode, isReference, type Reference } from 'langium';
import { FREE_TEXT } from './model-signature.js';

/**
 * What an edit did to a document, comparing the tree parsed from the new text with the current one:
 * - `incompatible`: the structure, a name or a reference's text changed: it must be rebuilt and the
 *   documents that link into it relinked (Langium's way);
 * - `same-model`: only layout, comments and free text changed (see FREE_TEXT): no other document and no
 *   fact can tell the difference;
 * - `values-changed`: same structure, names and references, other values (a number, a date, a status)
 *   changed: no link changes, but facts do.
 */
export type EditOutcome = 'incompatible' | 'same-model' | 'values-changed';

/** Properties that name an element: changing one changes what references resolve to. */
const NAME_PROPERTY = 'name';

/** Compares the current tree of a document with the one parsed from its new text, changing nothing. */
export function compareTrees(current: AstNode, next: AstNode): EditOutcome {
    let valuesChanged = false;
    const compatible = walkPairs(current, next, {
        primitive(key, type, old, now) {
            if (sameValue(old, now)) return true;
            if (key === NAME_PROPERTY) return false;
            if (!FREE_TEXT[type]?.has(key)) valuesChanged = true;
            return true;
        }
    });
    if (!compatible) return 'incompatible';
    return valuesChanged ? 'values-changed' : 'same-model';
}

/**
 * Moves the new text's positions and values onto the current tree, keeping every node (and reference)
 * object: links from other documents, the name index and the facts keep pointing at live nodes, so
 * nothing needs relinking. Only for trees that `compareTrees` found compatible.
 */
export function transplant(current: AstNode, next: AstNode): void {
    moveCst(current, next);
    walkPairs(current, next, {
        primitive(key, _type, old, now, owner, index) {
            if (!sameValue(old, now)) {
                const values = owner as unknown as Record<string, unknown>;
                // An item of a list of values (a tags item's names): that item, not the whole list.
                if (index !== undefined) (values[key] as unknown[])[index] = now;
                else if (now === undefined) delete values[key];
                else values[key] = now;
            }
            return true;
        },
        node: moveCst,
        reference(old, now) {
            (old as { $refNode?: CstNode }).$refNode = now.$refNode;
        }
    });
}

function moveCst(old: AstNode, now: AstNode): void {
    const cst = now.$cstNode;
    (old as { $cstNode?: CstNode }).$cstNode = cst;
    if (cst) (cst as { astNode: AstNode }).astNode = old;
}

/** What a walk over two trees in step does with each pair it meets. */
interface PairVisitor {
    /**
     * A pair of primitive values (or absent ones), at `index` when they are items of a list; returns
     * whether the walk may go on.
     */
    primitive(key: string, type: string, old: unknown, now: unknown, owner: AstNode, index?: number): boolean;
    /** A pair of nodes, before their properties are walked. */
    node?(old: AstNode, now: AstNode): void;
    /** A pair of references with the same text. */
    reference?(old: Reference, now: Reference): void;
}

/**
 * Walks two trees in step. Nodes, arrays of nodes and references must match in shape (and references
 * in text); returns false as soon as they do not, or the visitor stops the walk at a primitive value.
 */
function walkPairs(old: AstNode, now: AstNode, visitor: PairVisitor): boolean {
    if (old.$type !== now.$type) return false;
    for (const key of propertyKeys(old, now)) {
        const a = (old as unknown as Record<string, unknown>)[key];
        const b = (now as unknown as Record<string, unknown>)[key];
        if (Array.isArray(a) || Array.isArray(b)) {
            if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
            for (let i = 0; i < a.length; i++) {
                if (!walkValue(key, old, a[i], b[i], visitor, i)) return false;
            }
        } else if (!walkValue(key, old, a, b, visitor)) {
            return false;
        }
    }
    return true;
}

function walkValue(key: string, owner: AstNode, a: unknown, b: unknown, visitor: PairVisitor, index?: number): boolean {
    if (isAstNode(a) || isAstNode(b)) {
        if (!isAstNode(a) || !isAstNode(b)) return false;
        visitor.node?.(a, b);
        return walkPairs(a, b, visitor);
    }
    if (isReference(a) || isReference(b)) {
        if (!isReference(a) || !isReference(b) || a.$refText !== b.$refText) return false;
        visitor.reference?.(a, b);
        return true;
    }
    return visitor.primitive(key, owner.$type, a, b, owner, index);
}

/** The AST properties of either node ($-properties are Langium's bookkeeping). */
function propertyKeys(old: AstNode, now: AstNode): Set<string> {
    const keys = new Set<string>();
    for (const key in old) if (key.charCodeAt(0) !== DOLLAR) keys.add(key);
    for (const key in now) if (key.charCodeAt(0) !== DOLLAR) keys.add(key);
    return keys;
}

function sameValue(a: unknown, b: unknown): boolean {
    if (a instanceof Date && b instanceof Date) return Object.is(a.getTime(), b.getTime());
    return Object.is(a, b);
}

const DOLLAR = 36;

import type { AstNode, Reference } from 'langium';

/**
 * Fast walks over a syntax tree, for the passes that visit every node of a large workspace (linking,
 * validation). Langium's `streamAst` and `streamReferences` build an iterator per node; these are
 * plain loops over the node's own properties. The grammar has no recursive rule, so a tree is at most
 * a handful of levels deep and recursion is safe.
 */

/** Visits `node` and every node it contains, in document order (pre-order, properties in order). */
export function forEachNode(node: AstNode, visit: (node: AstNode) => void): void {
    visit(node);
    for (const key in node) {
        if (key.charCodeAt(0) === DOLLAR) continue;
        const value = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(value)) {
            for (const item of value) {
                if (isNode(item)) forEachNode(item, visit);
            }
        } else if (isNode(value)) {
            forEachNode(value, visit);
        }
    }
}

/** Visits every reference held directly by `node` (not by the nodes it contains). */
export function forEachOwnReference(
    node: AstNode,
    visit: (reference: Reference, property: string, index: number | undefined) => void
): void {
    for (const key in node) {
        if (key.charCodeAt(0) === DOLLAR) continue;
        const value = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                const item: unknown = value[index];
                if (isReferenceValue(item)) visit(item, key, index);
            }
        } else if (isReferenceValue(value)) {
            visit(value, key, undefined);
        }
    }
}

const DOLLAR = 36; // '$': Langium's own properties ($container, $cstNode, $document, ...)

function isNode(value: unknown): value is AstNode {
    return typeof value === 'object' && value !== null && typeof (value as AstNode).$type === 'string';
}

function isReferenceValue(value: unknown): value is Reference {
    return typeof value === 'object' && value !== null && typeof (value as Reference).$refText === 'string';
}

import { type AstNode, type CstNode, isCompositeCstNode, type Reference } from 'langium';
import { forEachNode, forEachOwnReference } from '../model/walk.js';
import type { TextPosition } from './fast-scanner.js';
import { ownAstNodeOf, setAstNodeOf } from '../langium-internals.js';

/**
 * Syntax trees on demand, for one-shot checks (the CLI). A concrete syntax tree costs about as much
 * to build as the AST and doubles what a parse keeps in memory (docs/performance.md), yet a check of a
 * clean model reads it only where it reports a diagnostic. So the batch services parse to the AST alone
 * (`MissionFastParser` in its lean mode) and each node's `$cstNode` is built when first read: the top-
 * level element holding the node is parsed again from where it starts, with its syntax tree, and that
 * tree is attached to the existing nodes (which keep their identity: links and facts point at them).
 * Reading the model's own `$cstNode` builds the tree of the whole document.
 *
 * The text is the same and the parser is deterministic, so the second parse has the same shape; the
 * attachment checks that it does. Every other consumer (diagnostic ranges, outputs' source locations,
 * formatting) reads `$cstNode` and `$refNode` as usual and never knows.
 */
export interface SyntaxTreeSource {
    /** The document's text. */
    readonly text: string;
    /** Parses the whole document again, with its syntax tree. */
    parseDocument(): AstNode;
    /**
     * Parses the top-level element starting at `start` again, with its syntax tree (under a root over the whole
     * text).
     */
    parseElement(start: TextPosition): AstNode;
    /**
     * Parses one item of a top-level element of `ownerType` again (the element starts at `elementStart`), with
     * its syntax tree.
     */
    parseItem(elementStart: TextPosition, itemOffset: number, ownerType: string): AstNode;
    /** Where each top-level element starts, by its index among the model's elements. */
    readonly elementStarts: readonly TextPosition[];
}

const SOURCES = new WeakMap<AstNode, SyntaxTreeSource>();

/**
 * Where an item of a top-level element (a mission's `lead`, `crew`, `review`, ...) starts, noted on the
 * item by a lean parse: most diagnostics are on an item, whose tree is a few tokens where the
 * element's is a hundred.
 */
export const ITEM_START = '$itemStart';

/** Marks a lean-parsed model: its nodes' syntax trees come from `source` when asked for. */
export function deferSyntaxTree(model: AstNode, source: SyntaxTreeSource): void {
    SOURCES.set(model, source);
}

/**
 * The text of a top-level element, without building its syntax tree where it has none yet: then from
 * where it starts to where the next one starts (the comments between them included).
 */
export function elementText(element: AstNode): string | undefined {
    const source =
        element.$container && !Object.hasOwn(element, '$cstNode') ? SOURCES.get(element.$container) : undefined;
    if (!source) return element.$cstNode?.text;
    const index = element.$containerIndex ?? -1;
    const start = source.elementStarts[index];
    if (!start) return element.$cstNode?.text;
    return source.text.slice(start.offset, source.elementStarts[index + 1]?.offset ?? source.text.length);
}

/**
 * Where a top-level element starts (0-based line and column), without building its syntax tree where it
 * has none yet; undefined where its `$cstNode` is to be read instead (a tree already built, a full parse).
 */
export function elementStartOf(element: AstNode): TextPosition | undefined {
    const source =
        element.$container && !Object.hasOwn(element, '$cstNode') ? SOURCES.get(element.$container) : undefined;
    return source?.elementStarts[element.$containerIndex ?? -1];
}

type WritableNode = { $cstNode?: CstNode };

/**
 * A node a lean parse makes: reading `$cstNode` builds it, writing it makes it an ordinary own
 * property (which then hides the accessor). The accessor is on the prototype, not enumerable, so key
 * walks never meet it. A class rather than `Object.create`, so that V8 gives the nodes in-object room
 * for their properties.
 */
export class OnDemandNode {
    constructor(readonly $type: string) {}

    get $cstNode(): CstNode | undefined {
        materializeSyntaxOf(this as unknown as AstNode);
        return Object.getOwnPropertyDescriptor(this, '$cstNode')?.value as CstNode | undefined;
    }

    set $cstNode(value: CstNode | undefined) {
        Object.defineProperty(this, '$cstNode', { value, writable: true, enumerable: true, configurable: true });
    }
}

/** Builds the syntax tree of the element holding `node` (of the whole document for the model), once. */
export function materializeSyntaxOf(node: AstNode): void {
    let element = node;
    let item: AstNode | undefined;
    while (element.$container?.$container) {
        item = element;
        element = element.$container;
    }
    const model = element.$container ?? element;
    const source = SOURCES.get(model);
    if (source) {
        if (element === model) {
            SOURCES.delete(model);
            attach(model, source.parseDocument());
        } else if (!Object.hasOwn(element, '$cstNode')) {
            const start = source.elementStarts[element.$containerIndex ?? -1];
            if (!start) throw new Error(`syntax on demand: no start for element ${element.$containerIndex}`);
            const itemStart = item && (item as unknown as Record<string, unknown>)[ITEM_START];
            if (item && typeof itemStart === 'number') attach(item, source.parseItem(start, itemStart, element.$type));
            else attach(element, source.parseElement(start));
        }
    }
    // A node the second parse did not cover (none should be) has no syntax tree, rather than a loop.
    if (!Object.hasOwn(node, '$cstNode')) (node as WritableNode).$cstNode = undefined;
}

/** Gives the lean nodes of `lean` the syntax tree of `parsed`, its twin parsed from the same text. */
function attach(lean: AstNode, parsed: AstNode): void {
    const twins: AstNode[] = [];
    forEachNode(parsed, node => twins.push(node));
    const leanOf = new Map<AstNode, AstNode>();
    let index = 0;
    forEachNode(lean, node => {
        const twin = twins[index++];
        if (twin?.$type !== node.$type)
            throw new Error(`syntax on demand: ${node.$type} parsed again as ${twin?.$type}`);
        leanOf.set(twin, node);
        (node as WritableNode).$cstNode = twin.$cstNode;
        const refNodes: Array<CstNode | undefined> = [];
        forEachOwnReference(twin, reference => refNodes.push(reference.$refNode));
        let nth = 0;
        forEachOwnReference(node, reference => {
            (reference as Reference & { $refNode?: CstNode }).$refNode = refNodes[nth++];
        });
    });
    if (index !== twins.length) throw new Error('syntax on demand: the text parsed again to another tree');
    // Every composite CST node names its AST node: the lean one now, not its twin.
    const root = parsed.$cstNode?.root;
    if (!root) return;
    // An element's tree hangs under a root of its own, which stands for the model.
    if (lean.$container && !ownAstNodeOf(root)) setAstNodeOf(root, lean.$container);
    renameOwners(root, leanOf);
}

/** Points every composite CST node whose AST node has a lean twin at the twin (a plain walk: the tree is shallow). */
function renameOwners(cst: CstNode, leanOf: ReadonlyMap<AstNode, AstNode>): void {
    const owner = ownAstNodeOf(cst);
    const leanOwner = owner && leanOf.get(owner);
    if (leanOwner) setAstNodeOf(cst, leanOwner);
    if (isCompositeCstNode(cst)) {
        for (const child of cst.content) renameOwners(child, leanOf);
    }
}

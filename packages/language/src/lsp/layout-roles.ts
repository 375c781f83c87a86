/**
 * What each token is to the layout (layout.ts): the start of a top-level element, the start of an item
 * inside braces, the braces of a block, or a token written without a space before it.
 */
import {
    type AstNode,
    AstUtils,
    type CompositeCstNode,
    type CstNode,
    CstUtils,
    GrammarAST,
    isCompositeCstNode
} from 'langium';
import { isContribution, type Model } from '../generated/ast.js';

export interface Block {
    /** The first token of the element or item that owns the braces. */
    readonly first: CstNode;
    readonly open: CstNode;
    readonly close: CstNode | undefined;
    readonly firstItem: CstNode | undefined;
    oneLine: boolean;
    /** The indentation level of the line that holds the `{`. */
    level: number;
}

export type Role =
    | { readonly kind: 'element'; readonly type: string }
    | { readonly kind: 'item' | 'open' | 'close'; readonly block: Block }
    | { readonly kind: 'tight' };

/** The role of each token that the layout places specially. */
export function rolesOf(root: AstNode): Map<CstNode, Role> {
    const roles = new Map<CstNode, Role>();
    for (const node of AstUtils.streamAst(root)) {
        if (node === root) {
            for (const element of (root as Model).elements) {
                const first = firstToken(element.$cstNode);
                if (first) roles.set(first, { kind: 'element', type: element.$type });
            }
            continue;
        }
        const cst = ownComposite(node);
        if (!cst) continue;
        const tokens = cst.content.filter(child => !child.hidden);
        for (const token of tokens) if (isKeyword(token, ',')) roles.set(token, { kind: 'tight' });
        if (isContribution(node) && node.measure?.$refNode) {
            // `Grow.patients` without spaces around the dot.
            const name = CstUtils.flattenCst(node.measure.$refNode).filter(leaf => !leaf.hidden);
            for (const leaf of name.toArray().slice(1)) roles.set(leaf, { kind: 'tight' });
        }
        const open = tokens.findIndex(child => isKeyword(child, '{'));
        if (open < 0) continue;
        const close = tokens.findIndex((child, index) => index > open && isKeyword(child, '}'));
        const items = tokens
            .slice(open + 1, close < 0 ? undefined : close)
            .filter(child => startsItem(child, node))
            .map(child => firstToken(child))
            .filter(token => token !== undefined);
        const block: Block = {
            first: firstToken(cst)!,
            open: tokens[open]!,
            close: close < 0 ? undefined : tokens[close],
            firstItem: items[0],
            oneLine: false,
            level: 0
        };
        roles.set(block.open, { kind: 'open', block });
        if (block.close) roles.set(block.close, { kind: 'close', block });
        for (const item of items) roles.set(item, { kind: 'item', block });
    }
    return roles;
}

function firstToken(node: CstNode | undefined): CstNode | undefined {
    return node ? CstUtils.flattenCst(node).find(leaf => !leaf.hidden) : undefined;
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

/** Inside braces, an item starts with a child node (a lead, a measure, ...), `horizon` or `members`. */
function startsItem(child: CstNode, owner: AstNode): boolean {
    if (child.astNode !== owner) return true;
    return isKeyword(child, 'horizon') || isKeyword(child, 'members');
}

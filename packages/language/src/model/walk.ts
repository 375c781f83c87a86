import {
    type AstNode,
    AstUtils,
    GrammarAST,
    GrammarUtils,
    interruptAndCheck,
    isAstNode,
    isReference,
    type Reference
} from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { reflection } from '../generated/ast.js';
import { MissionLanguageGrammar } from '../generated/grammar.js';

/**
 * Fast walks over a syntax tree, for the passes that visit every node of a large workspace (linking,
 * validation). Langium's `streamAst` and `streamReferences` build an iterator per node; these are
 * plain loops over the node's own properties. The grammar has no recursive rule, so a tree is at most
 * a handful of levels deep and recursion is safe. The loops are indexed: until the JIT has optimised a
 * `for...of`, each step allocates an iterator result, and a cold check is mostly such early steps.
 */

/** Visits `node` and every node it contains, pre-order (a node's properties in the grammar's type order). */
export function forEachNode(node: AstNode, visit: (node: AstNode) => void): void {
    visit(node);
    const record = node as unknown as Record<string, unknown>;
    const children = propertiesOf(node.$type).children;
    for (let i = 0; i < children.length; i++) {
        const value = record[children[i]!];
        if (Array.isArray(value)) {
            for (let j = 0; j < value.length; j++) {
                const item: unknown = value[j];
                if (isAstNode(item)) forEachNode(item, visit);
            }
        } else if (isAstNode(value)) {
            forEachNode(value, visit);
        }
    }
}

/**
 * Node types to visit, and the types that can hold one of them somewhere below (from the grammar), so
 * that a walk for some types skips the subtrees that cannot hold any: a walk for references never
 * enters a boundary or an intent.
 */
export interface NodeTypes {
    readonly visited: ReadonlySet<string>;
    readonly holding: ReadonlySet<string>;
    /** Per type, what a walk does at a node of it: computed once, so that a walk reads one plan per node. */
    readonly plans: ReadonlyMap<string, WalkPlan>;
}

/** At a node of one type: whether to visit it, and which child properties to enter. */
interface WalkPlan {
    readonly visit: boolean;
    readonly children: readonly ChildToEnter[];
}

/** A child property that may hold a node worth entering; `checkType` when it may also hold one that is not. */
interface ChildToEnter {
    readonly property: string;
    readonly checkType: boolean;
}

/** The `NodeTypes` that visit `types` (and every type that can contain one of them). */
export function nodeTypes(types: Iterable<string>): NodeTypes {
    const visited = new Set(types);
    const holding = new Set(visited);
    const children = childTypes();
    for (let grew = true; grew;) {
        grew = false;
        for (const [type, below] of children) {
            if (!holding.has(type) && [...below].some(child => holding.has(child))) {
                holding.add(type);
                grew = true;
            }
        }
    }
    const plans = new Map<string, WalkPlan>();
    for (const type of reflection.getAllTypes()) plans.set(type, walkPlan(type, visited, holding));
    return { visited, holding, plans };
}

function walkPlan(type: string, visited: ReadonlySet<string>, holding: ReadonlySet<string>): WalkPlan {
    const assigned = childAssignments().get(type);
    const children: ChildToEnter[] = [];
    for (const property of propertiesOf(type).children) {
        // A property the grammar does not assign for this type (none here) may hold anything.
        const types = assigned?.get(property);
        if (!types) children.push({ property, checkType: true });
        else if ([...types].some(child => holding.has(child)))
            children.push({ property, checkType: ![...types].every(child => holding.has(child)) });
    }
    return { visit: visited.has(type), children };
}

/** The node types that hold a cross-reference of their own. */
export function referenceHolderTypes(): string[] {
    return reflection.getAllTypes().filter(type => propertiesOf(type).references.length > 0);
}

/** Visits `node` and the nodes it contains whose type is in `types.visited`, pre-order, as `forEachNode` would. */
export function forEachNodeOf(node: AstNode, types: NodeTypes, visit: (node: AstNode) => void): void {
    const plan = types.plans.get(node.$type) ?? walkPlan(node.$type, types.visited, types.holding);
    if (plan.visit) visit(node);
    const children = plan.children;
    if (children.length === 0) return;
    const record = node as unknown as Record<string, unknown>;
    for (let i = 0; i < children.length; i++) {
        const { property, checkType } = children[i]!;
        const value = record[property];
        if (Array.isArray(value)) {
            for (let j = 0; j < value.length; j++) {
                const item: unknown = value[j];
                if (isAstNode(item) && (!checkType || types.holding.has(item.$type))) forEachNodeOf(item, types, visit);
            }
        } else if (isAstNode(value) && (!checkType || types.holding.has(value.$type))) {
            forEachNodeOf(value, types, visit);
        }
    }
}

/** Visits every reference held directly by `node` (not by the nodes it contains). */
export function forEachOwnReference(
    node: AstNode,
    visit: (reference: Reference, property: string, index: number | undefined) => void
): void {
    const record = node as unknown as Record<string, unknown>;
    const references = propertiesOf(node.$type).references;
    for (let i = 0; i < references.length; i++) {
        const key = references[i]!;
        const value = record[key];
        if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                const item: unknown = value[index];
                if (isReference(item)) visit(item, key, index);
            }
        } else if (isReference(value)) {
            visit(value, key, undefined);
        }
    }
}

/**
 * A type's properties from the generated reflection: those that hold child nodes, and the cross-
 * references. The walks read just these rather than enumerating each node's keys (Langium's `$`
 * bookkeeping and every plain value included), which costs most of a walk on a large workspace: most
 * nodes are leaves (a window, a target) and have no child property to read at all.
 */
function propertiesOf(type: string): { children: readonly string[]; references: readonly string[] } {
    let properties = PROPERTIES.get(type);
    if (!properties) {
        const declared = Object.values(reflection.getTypeMetaData(type).properties);
        const children = childAssignments().get(type);
        properties = {
            // A type no rule makes (none here) keeps every non-reference property, to be safe.
            children: declared
                .filter(property => property.referenceType === undefined && (!children || children.has(property.name)))
                .map(property => property.name),
            references: declared.filter(property => property.referenceType !== undefined).map(property => property.name)
        };
        PROPERTIES.set(type, properties);
    }
    return properties;
}

const PROPERTIES = new Map<string, { children: readonly string[]; references: readonly string[] }>();

/**
 * Per type, the properties the grammar assigns nodes to (`p=Rule` or `p+=Rule` where Rule makes a
 * node: a parser rule that is not a datatype rule), each with the types it may hold (a union rule's
 * call: each of its types). The reflection does not say which properties hold nodes, the grammar does.
 */
function childAssignments(): Map<string, Map<string, Set<string>>> {
    if (CHILD_ASSIGNMENTS) return CHILD_ASSIGNMENTS;
    const byType = new Map<string, Map<string, Set<string>>>();
    for (const rule of MissionLanguageGrammar().rules) {
        if (!GrammarAST.isParserRule(rule) || GrammarUtils.isDataTypeRule(rule)) continue;
        const properties = new Map<string, Set<string>>();
        for (const assignment of AstUtils.streamAllContents(rule).filter(GrammarAST.isAssignment)) {
            const callee = GrammarAST.isRuleCall(assignment.terminal) ? assignment.terminal.rule.ref : undefined;
            if (!GrammarAST.isParserRule(callee) || GrammarUtils.isDataTypeRule(callee)) continue;
            let types = properties.get(assignment.feature);
            if (!types) properties.set(assignment.feature, (types = new Set()));
            for (const type of reflection.getAllSubTypes(GrammarUtils.getTypeName(callee))) types.add(type);
        }
        byType.set(GrammarUtils.getTypeName(rule), properties);
    }
    return (CHILD_ASSIGNMENTS = byType);
}

let CHILD_ASSIGNMENTS: Map<string, Map<string, Set<string>>> | undefined;

/** Per type, the types its child properties may hold. */
function childTypes(): Map<string, Set<string>> {
    return new Map(
        [...childAssignments()].map(([type, properties]) => [
            type,
            new Set([...properties.values()].flatMap(types => [...types]))
        ])
    );
}

/** How many top-level elements a pass handles between two checks for cancellation. */
const ELEMENTS_PER_SLICE = 256;

/**
 * Visits a file's top-level elements in order, checking for cancellation (and giving other work a turn)
 * once per slice of elements: Langium's passes await a check at every node, which on a large workspace
 * costs more than the pass itself. `betweenSlices` runs at each check (e.g. to settle pending work).
 */
export async function forEachElementInSlices(
    elements: readonly AstNode[],
    cancelToken: CancellationToken,
    visit: (element: AstNode) => void,
    betweenSlices?: () => Promise<void>
): Promise<void> {
    for (let i = 0; i < elements.length; i++) {
        if (i % ELEMENTS_PER_SLICE === 0) {
            await interruptAndCheck(cancelToken);
            await betweenSlices?.();
        }
        visit(elements[i]!);
    }
}

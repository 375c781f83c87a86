import { type AstNode, AstUtils, type LangiumDocument, type Reference } from 'langium';
import type { ModelFacts } from '../facts/model-facts.js';
import type { Mission } from '../generated/ast.js';
import { modelSignature } from './model-signature.js';
import { linkedTarget } from '../langium-internals.js';

/**
 * Which documents can have different diagnostics after the values of some top-level elements changed
 * (`changed`: the edited elements and those whose facts changed, see facts/fingerprints.ts), when no
 * name and no link changed. A rule reads the facts and values of the node it reports on and of nodes
 * within two references of it: a mission reads its parent and children (one reference either way), its
 * lead's load (one), its crew team's members' loads (two: mission → team → person). So: the changed
 * elements, the elements that reference them and those that reference these, and the elements they
 * reference. docs/rules.md states this for rule authors; in-place-update.test.ts holds it to fresh
 * builds.
 */
export function affectedDocuments(
    documents: readonly LangiumDocument[],
    changed: ReadonlySet<AstNode>,
    links: LinkPairs = new LinkPairs()
): Set<LangiumDocument> {
    const affected = new Set<AstNode>(changed);
    // Two passes over every resolved reference, allocating only for matches: the elements that
    // reference a changed one (and what changed ones reference), then those that reference these.
    const referrers = new Set<AstNode>();
    links.forEach(documents, (from, to) => {
        if (changed.has(to)) referrers.add(from);
        if (changed.has(from)) affected.add(to);
    });
    if (referrers.size > 0) {
        links.forEach(documents, (from, to) => {
            if (referrers.has(to)) affected.add(from);
        });
    }
    for (const referrer of referrers) affected.add(referrer);
    return documentsOf(affected);
}

/** The documents holding these nodes. */
export function documentsOf(nodes: Iterable<AstNode>): Set<LangiumDocument> {
    const result = new Set<LangiumDocument>();
    for (const node of nodes) {
        const document = AstUtils.findRootNode(node).$document;
        if (document) result.add(document);
    }
    return result;
}

/** One document's resolved references as top-level elements: `from[i]` references `to[i]`. */
interface DocumentLinks {
    /** The document's `references` array these were read from, and its length then. */
    readonly references: readonly unknown[];
    readonly count: number;
    readonly from: readonly AstNode[];
    readonly to: readonly AstNode[];
}

/**
 * Every resolved reference, as the top-level element holding it and the one it resolves into, kept per
 * document while its references are the same: Langium gives a document a new `references` array
 * whenever it unlinks it, and linking only appends to it, so the same array at the same length holds
 * the same links. An edit moved onto the current tree keeps every node, reference and target
 * (transplant.ts), so a run of value edits reads each document's links once.
 */
export class LinkPairs {
    private readonly byDocument = new WeakMap<LangiumDocument, DocumentLinks>();

    forEach(documents: readonly LangiumDocument[], visit: (from: AstNode, to: AstNode) => void): void {
        for (const document of documents) {
            const { from, to } = this.of(document);
            for (let i = 0; i < from.length; i++) visit(from[i]!, to[i]!);
        }
    }

    private of(document: LangiumDocument): DocumentLinks {
        const references = document.references;
        const known = this.byDocument.get(document);
        if (known && known.references === references && known.count === references.length) return known;
        const from: AstNode[] = [];
        const to: AstNode[] = [];
        for (const reference of references) {
            // The resolved target, read without resolving anything (`.ref` would link now).
            const target = linkedTarget(reference);
            const source = reference.$refNode?.astNode;
            if (target && source) {
                from.push(topLevel(source));
                to.push(topLevel(target));
            }
        }
        const links = { references, count: references.length, from, to };
        this.byDocument.set(document, links);
        return links;
    }
}

/** The top-level element (a child of the file's root) that holds a node. */
function topLevel(node: AstNode): AstNode {
    let current = node;
    while (current.$container?.$container) current = current.$container;
    return current;
}

/**
 * How each `supports` and `contributes to` reference relates the two missions it joins in the cascade, as
 * a number: what redundant-support and unmapped-measures ask, however far apart the two missions are (an
 * `under` edited three links above a `supports` changes no fact of either end). One pass over the
 * missions, O(1) per reference (ModelFacts.isAncestor).
 */
export function cascadeRelations(facts: ModelFacts): Map<Reference, number> {
    const relations = new Map<Reference, number>();
    forEachRelation(facts, (reference, _mission, relation) => relations.set(reference, relation));
    return relations;
}

/**
 * The missions holding a `supports` or `contributes to` reference whose relation is not what it was (or
 * that is new: a relinked reference keeps its object; a re-parsed one is new, and its document is checked
 * anyway).
 */
export function relationsChanged(
    before: ReadonlyMap<Reference, number>,
    facts: ModelFacts,
    /** Where to note every relation now (what `cascadeRelations(facts)` answers), for the next edit. */
    now?: Map<Reference, number>
): Set<Mission> {
    const holders = new Set<Mission>();
    forEachRelation(facts, (reference, mission, relation) => {
        if (before.get(reference) !== relation) holders.add(mission);
        now?.set(reference, relation);
    });
    return holders;
}

function forEachRelation(
    facts: ModelFacts,
    visit: (reference: Reference, mission: Mission, relation: number) => void
): void {
    for (const mission of facts.missions) {
        for (const supports of mission.supports) {
            for (const reference of supports.missions) {
                const supported = resolved(reference) as Mission | undefined;
                if (!supported) continue;
                const cycle = facts.cycleOf(mission);
                const relation =
                    (facts.isAncestor(supported, mission) ? ABOVE : 0) |
                    (facts.isAncestor(mission, supported) ? BELOW : 0) |
                    (cycle !== undefined && cycle === facts.cycleOf(supported) ? SAME_CYCLE : 0);
                visit(reference, mission, relation);
            }
        }
        for (const measure of mission.measures) {
            for (const contribution of measure.contributions) {
                const owner = resolved(contribution.measure)?.$container;
                if (owner?.$type !== 'Mission') continue;
                visit(contribution.measure, mission, facts.isAncestor(owner as Mission, mission) ? ABOVE : 0);
            }
        }
    }
}

/** Relation bits: the other mission is above the holder, below it, on the same cycle. */
const ABOVE = 1;
const BELOW = 2;
const SAME_CYCLE = 4;

/** A reference's target, read without resolving anything (`.ref` would link now). */
function resolved(reference: Reference | undefined): AstNode | undefined {
    return linkedTarget(reference);
}

/** What a structural edit (names, references, elements added or removed) may take away: captured before it. */
export interface ModelBefore {
    /** The facts of every mission and person (facts/fingerprints.ts). */
    readonly prints: ReadonlyMap<AstNode, string>;
    /** How each `supports` and `contributes to` relates its missions (cascadeRelations). */
    readonly relations: ReadonlyMap<Reference, number>;
    /**
     * How often the changed documents exported each name: an element elsewhere may stop (or start) being a
     * duplicate.
     */
    readonly names: ReadonlyMap<string, number>;
    /** What each element of the changed documents referenced, by kind and name: a parent may lose a child. */
    readonly targets: ReadonlyMap<string, ReadonlySet<AstNode>>;
    /** What others could see of each element of the changed documents, by kind and name (see elementView). */
    readonly views: ReadonlyMap<string, string | undefined>;
}

export function modelBefore(
    prints: ReadonlyMap<AstNode, string>,
    relations: ReadonlyMap<Reference, number>,
    changedDocuments: readonly LangiumDocument[]
): ModelBefore {
    const names = new Map<string, number>();
    const targets = new Map<string, Set<AstNode>>();
    const views = new Map<string, string | undefined>();
    for (const document of changedDocuments) {
        for (const name of exportedNames(document)) names.set(name, (names.get(name) ?? 0) + 1);
        for (const element of elementsOf(document)) {
            const key = elementKey(element);
            // Two elements of one kind and name in the file: neither can be told apart afterwards.
            views.set(key, views.has(key) ? undefined : elementView(element, prints));
        }
        for (const reference of document.references) {
            const target = linkedTarget(reference);
            const source = reference.$refNode?.astNode;
            if (!target || !source) continue;
            const key = elementKey(topLevel(source));
            const set = targets.get(key);
            if (set) set.add(topLevel(target));
            else targets.set(key, new Set([topLevel(target)]));
        }
    }
    return { prints, relations, names, targets, views };
}

/**
 * The elements a structural edit reached: the elements of the changed documents that are new or look
 * different (their text, bar free text, or their facts), those whose facts changed, those the changed
 * documents referenced before, and those sharing a name the changed documents now export more or
 * less often.
 */
export function structurallyChanged(
    before: ModelBefore,
    after: ReadonlyMap<AstNode, string>,
    changedDocuments: readonly LangiumDocument[],
    elementsNamed: (name: string) => readonly AstNode[]
): Set<AstNode> {
    const changed = new Set<AstNode>();
    const names = new Map(before.names);
    const unchanged = new Set<string>();
    const ownElements = new Set<AstNode>();
    for (const document of changedDocuments) {
        for (const element of elementsOf(document)) {
            ownElements.add(element);
            const key = elementKey(element);
            const view = before.views.get(key);
            if (view !== undefined && view === elementView(element, after)) unchanged.add(key);
            else changed.add(element);
        }
        for (const name of exportedNames(document)) names.set(name, (names.get(name) ?? 0) - 1);
    }
    // What a removed or changed element referenced may have lost it.
    for (const [key, targets] of before.targets) {
        if (!unchanged.has(key)) for (const target of targets) changed.add(target);
    }
    // Elsewhere, the same nodes as before: compare their facts.
    for (const [element, print] of after) {
        if (!ownElements.has(element) && before.prints.get(element) !== print) changed.add(element);
    }
    for (const [name, difference] of names) {
        if (difference !== 0) for (const element of elementsNamed(name)) changed.add(topLevel(element));
    }
    return changed;
}

function elementsOf(document: LangiumDocument): AstNode[] {
    return (document.parseResult.value as { elements?: AstNode[] }).elements ?? [];
}

function elementKey(element: AstNode): string {
    return `${element.$type} ${(element as { name?: string }).name ?? ''}`;
}

/** An element as other documents see it: its signature and its facts. */
function elementView(element: AstNode, prints: ReadonlyMap<AstNode, string>): string {
    return `${modelSignature(element)}\u0000${prints.get(element) ?? ''}`;
}

/** Names of the top-level elements and `Mission.measure` names of a document. */
function exportedNames(document: LangiumDocument): string[] {
    const names: string[] = [];
    for (const element of (
        document.parseResult.value as {
            elements?: Array<AstNode & { name?: string; measures?: Array<{ name?: string }> }>;
        }
    ).elements ?? []) {
        if (!element.name) continue;
        names.push(element.name);
        for (const measure of element.measures ?? []) if (measure.name) names.push(`${element.name}.${measure.name}`);
    }
    return names;
}

/**
 * Which documents a change of facts reaches (src/incremental/affected.ts), hop by hop: the changed
 * element's own document, the documents of elements that reference it (one hop: a mission whose lead is
 * a person), and of elements that reference those (two hops: a mission whose crew is a team of the person).
 * The differential suite (test/reliability/incremental-differential.test.ts) holds the same against
 * fresh builds; this pins each hop in a unit test, so that mutation testing sees it too.
 */
import { type AstNode, AstUtils, type LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import type { Model } from '../src/generated/ast.js';
import type { ModelFacts } from '../src/facts/model-facts.js';
import { factFingerprints } from '../src/facts/fingerprints.js';
import {
    affectedDocuments,
    cascadeRelations,
    LinkPairs,
    modelBefore,
    relationsChanged,
    structurallyChanged
} from '../src/incremental/affected.js';
import { TestWorkspace } from './lsp/workspace.js';

const PEOPLE = `vision Acme "Acme" { horizon 2030-12-31 }
person alice "Alice" { capacity 1 }
person bob "Bob" { capacity 1 }
team clinical "Clinical" { members bob }
`;
const LED = `mission Led "Led by alice" under Acme { lead alice }\n`;
const CREWED = `mission Crewed "Crewed by the team" under Acme { lead alice  crew clinical }\n`;
const UNRELATED = `mission Alone "No one of the people file" under Acme { }\n`;

async function workspace(): Promise<{ documents: LangiumDocument[]; named(name: string): AstNode }> {
    const files = new TestWorkspace();
    await files.set({
        'people.mission': PEOPLE,
        'led.mission': LED,
        'crewed.mission': CREWED,
        'alone.mission': UNRELATED
    });
    const documents = files.services.shared.workspace.LangiumDocuments.all.toArray();
    const named = (name: string): AstNode => {
        for (const document of documents) {
            const found = (document.parseResult.value as Model).elements.find(element => element.name === name);
            if (found) return found;
        }
        throw new Error(`no element ${name}`);
    };
    return { documents, named };
}

function names(documents: Set<LangiumDocument>): string[] {
    return [...documents].map(document => document.uri.path.split('/').at(-1)!).sort();
}

describe('affectedDocuments', () => {
    test('one hop: a person whose facts changed reaches the missions that name them', async () => {
        const { documents, named } = await workspace();
        expect(names(affectedDocuments(documents, new Set([named('alice')])))).toEqual([
            'crewed.mission',
            'led.mission',
            'people.mission'
        ]);
    });

    test('two hops: a team member reaches the missions crewed by the team, through the team', async () => {
        const { documents, named } = await workspace();
        expect(names(affectedDocuments(documents, new Set([named('bob')])))).toEqual([
            'crewed.mission',
            'people.mission'
        ]);
    });

    test('what a changed mission references is reached too; nothing reaches an unrelated file', async () => {
        const { documents, named } = await workspace();
        expect(names(affectedDocuments(documents, new Set([named('Led')])))).toEqual(['led.mission', 'people.mission']);
        expect(names(affectedDocuments(documents, new Set<AstNode>()))).toEqual([]);
    });
});

/**
 * Each document's links as top-level elements, read once while its references stay: the same array at
 * the same length (Langium replaces the array when it unlinks a document; linking appends to it).
 */
describe('LinkPairs', () => {
    const pairsOf = (links: LinkPairs, documents: LangiumDocument[]) => {
        const pairs: string[] = [];
        links.forEach(documents, (from, to) =>
            pairs.push(`${(from as { name?: string }).name} -> ${(to as { name?: string }).name}`)
        );
        return pairs.sort();
    };

    test('every resolved reference, as the elements holding it and resolving it', async () => {
        const { documents } = await workspace();
        expect(pairsOf(new LinkPairs(), documents)).toEqual([
            'Alone -> Acme',
            'Crewed -> Acme',
            'Crewed -> alice',
            'Crewed -> clinical',
            'Led -> Acme',
            'Led -> alice',
            'clinical -> bob'
        ]);
    });

    test("a document's references are read again only when its array or its length changed", async () => {
        const { documents } = await workspace();
        const crewed = documents.find(document => document.uri.path.endsWith('crewed.mission'))!;
        let reads = 0;
        for (const reference of crewed.references) {
            const refNode = reference.$refNode;
            Object.defineProperty(reference, '$refNode', {
                get: () => {
                    reads++;
                    return refNode;
                },
                configurable: true
            });
        }
        const links = new LinkPairs();
        pairsOf(links, [crewed]);
        expect(reads).toBe(3);
        pairsOf(links, [crewed]);
        expect(reads).toBe(3);
        // Relinked (a new array): read again, and what it holds now is what is answered.
        crewed.references = crewed.references.slice(0, 1);
        expect(pairsOf(links, [crewed])).toEqual(['Crewed -> Acme']);
        expect(reads).toBe(4);
        // A reference linked later is appended: the longer array is read again.
        const appended = documents.find(document => document.uri.path.endsWith('led.mission'))!.references[1]!;
        crewed.references.push(appended);
        expect(pairsOf(links, [crewed])).toEqual(['Crewed -> Acme', 'Led -> alice']);
        expect(reads).toBe(5);
    });
});

/**
 * How each `supports` and `contributes to` relates the two missions it joins (cascadeRelations), and which
 * holders a change of the cascade reaches (relationsChanged): what redundant-support and unmapped-measures
 * read, however far from the edit.
 */
describe('cascadeRelations and relationsChanged', () => {
    const CASCADE = [
        'vision Acme "Acme" { horizon 2030-12-31 }',
        'mission Grow "Grow" under Acme { measure patients "Patients" { target 10 } }',
        'mission Clinics "Clinics" under Grow { supports Grow, Site, Peer',
        '  measure opened "Opened" { target 3 contributes to Grow.patients } }',
        'mission Site "Site" under Clinics { measure built "Built" { target 1 contributes to Peer.signed } }',
        'mission Peer "Peer" under Grow { measure signed "Signed" { target 1 } }',
        'mission Loop1 "Loop 1" under Loop2 { supports Loop2, Peer }',
        'mission Loop2 "Loop 2" under Loop1 { }'
    ].join('\n');

    async function relations(text: string): Promise<{ byText: Record<string, number>; facts: ModelFacts }> {
        const files = new TestWorkspace();
        await files.set({ 'cascade.mission': text });
        const facts = files.services.Mission.facts.ModelFactsProvider.get();
        const byText: Record<string, number> = {};
        for (const [reference, relation] of cascadeRelations(facts)) {
            // Named by the element holding it (a mission's `supports`, a measure's contribution) and its text.
            const holder = (reference.$refNode?.astNode as { $container?: { name?: string } }).$container?.name;
            byText[`${holder} ${reference.$refText}`] = relation;
        }
        return { byText, facts };
    }

    test('supports above (1), below (2), beside (0), on one cycle (4); contributions above (1) or not', async () => {
        const { byText } = await relations(CASCADE);
        expect(byText).toEqual({
            'Clinics Grow': 1,
            'Clinics Site': 2,
            'Clinics Peer': 0,
            // A contribution, by the name of the measure holding it.
            'opened Grow.patients': 1,
            'built Peer.signed': 0,
            // On a cycle each mission is above and below the other, and the cycle is theirs.
            'Loop1 Loop2': 1 | 2 | 4,
            // From a cycle to a mission off it: nothing.
            'Loop1 Peer': 0
        });
    });

    test('relationsChanged names the holders whose relation is not what it was: Peer moved under Clinics', async () => {
        const before = await relations(CASCADE);
        const beforeByReference = cascadeRelations(before.facts);
        // The same references, held to a cascade in which Peer is below Clinics.
        const moved = await relations(
            CASCADE.replace('mission Peer "Peer" under Grow', 'mission Peer "Peer" under Clinics')
        );
        expect(moved.byText['Clinics Peer']).toBe(2);
        expect(moved.byText['built Peer.signed']).toBe(0);
        const now = new Map();
        const holders = relationsChanged(beforeByReference, before.facts, now);
        expect(holders.size).toBe(0);
        // What it notes on the way is every relation now: the next edit's "before".
        expect(now).toEqual(beforeByReference);
        // A fresh parse has new references: every holder is new to the old map.
        expect([...relationsChanged(beforeByReference, moved.facts)].map(m => m.name).sort()).toEqual([
            'Clinics',
            'Loop1',
            'Site'
        ]);
    });
});

/**
 * What a structural edit reached (modelBefore, then structurallyChanged after the edit): new or different
 * elements of the changed file (not those that look the same), what a removed element referenced, elements
 * elsewhere whose facts changed, and every element sharing a name the file now exports more or less often.
 */
describe('structurallyChanged', () => {
    test('B renamed B2: B2 and the other B2, what B referenced, the person B no longer loads', async () => {
        const files = new TestWorkspace();
        await files.set({
            'people.mission': 'vision Acme "Acme" { horizon 2030-12-31 }\nperson alice "Alice" { capacity 2 }\n',
            'a.mission':
                'mission A "A" under Acme { lead alice }\nmission B "B" under Acme { lead alice supports A }\n',
            'other.mission': 'mission B2 "Other B2" under Acme { }\nmission C "C" under A { }\n'
        });
        const provider = files.services.Mission.facts.ModelFactsProvider;
        const facts = provider.get();
        const before = modelBefore(factFingerprints(facts), cascadeRelations(facts), [files.document('a.mission')]);

        await files.set({ 'a.mission': 'mission A "A" under Acme { lead alice }\nmission B2 "B2" { }\n' });
        const documents = files.services.shared.workspace.LangiumDocuments.all.toArray();
        const elementsNamed = (name: string): AstNode[] =>
            documents.flatMap(document =>
                (document.parseResult.value as Model).elements.filter(element => element.name === name)
            );
        const changed = structurallyChanged(
            before,
            factFingerprints(provider.get()),
            [files.document('a.mission')],
            elementsNamed
        );
        const shown = [...changed].map(
            element =>
                `${AstUtils.getDocument(element).uri.path.split('/').at(-1)} ${(element as { name?: string }).name}`
        );
        expect(shown.sort()).toEqual([
            // Referenced by B (its third reference), its own text and facts unchanged.
            'a.mission A',
            'a.mission B2',
            'other.mission B2',
            'people.mission Acme',
            'people.mission alice'
        ]);
    });

    /** What an edit of a.mission reaches, from `first` to `then` (people.mission beside it). */
    async function reached(first: string, then: string): Promise<string[]> {
        const files = new TestWorkspace();
        await files.set({
            'people.mission':
                'vision Acme "Acme" { horizon 2030-12-31 }\nperson alice "Alice" { capacity 2 }\nperson bob "Bob"\n',
            'a.mission': first
        });
        const provider = files.services.Mission.facts.ModelFactsProvider;
        const facts = provider.get();
        const before = modelBefore(factFingerprints(facts), cascadeRelations(facts), [files.document('a.mission')]);
        await files.set({ 'a.mission': then });
        const after = factFingerprints(provider.get());
        const changed = structurallyChanged(before, after, [files.document('a.mission')], () => []);
        return [...changed].map(element => (element as { name?: string }).name ?? '?').sort();
    }

    test("a lead changed: the mission (its text), what it referenced (Acme, alice) and bob's load", async () => {
        expect(
            await reached('mission A "A" under Acme { lead alice }\n', 'mission A "A" under Acme { lead bob }\n')
        ).toEqual(['A', 'Acme', 'alice', 'bob']);
    });

    test("a parent's window moved: the child too (its text the same, its inherited window not)", async () => {
        const child = 'mission A "A" under P { }\n';
        expect(
            await reached(
                'mission P "P" under Acme { boundary { window 2026-01-01 .. 2026-12-31 } }\n' + child,
                'mission P "P" under Acme { boundary { window 2026-02-01 .. 2026-12-31 } }\n' + child
            )
        ).toEqual(['A', 'Acme', 'P']);
    });

    test('an element written again as it was, with the same facts, is not reached', async () => {
        const files = new TestWorkspace();
        const people = 'vision Acme "Acme" { horizon 2030-12-31 }\nperson alice "Alice" { capacity 2 }\n';
        await files.set({ 'people.mission': people, 'a.mission': 'mission A "A" under Acme { lead alice }\n' });
        const provider = files.services.Mission.facts.ModelFactsProvider;
        const facts = provider.get();
        const before = modelBefore(factFingerprints(facts), cascadeRelations(facts), [files.document('a.mission')]);
        await files.set({ 'a.mission': '// a comment\nmission A "A" under Acme { lead alice }\n' });
        const changed = structurallyChanged(
            before,
            factFingerprints(provider.get()),
            [files.document('a.mission')],
            () => []
        );
        expect([...changed]).toEqual([]);
    });
});

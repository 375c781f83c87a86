/**
 * The shape of the cascade: parent, children, ancestors (cycle-safe, deep chains without recursion),
 * isAncestor, cycleOf, and the facts provider's one-instance-per-build contract.
 */
import { URI } from 'langium';
import { describe, expect, it } from 'vitest';
import type { Mission } from '../src/generated/ast.js';
import { createMissionServices } from '../src/mission-module.js';
import { check, element, linkedFacts, mission } from './foundation-helpers.js';

const names = (elements: readonly { name: string }[] | undefined): string[] | undefined =>
    elements?.map(item => item.name);

const CASCADE = `
vision Acme
vision Other
mission Grow under Acme { }
mission Clinics under Grow { }
mission Recruit under Grow { }
mission North under Clinics { }
mission Lonely { }
mission Lost under Nowhere { }
mission Elsewhere under Other { }`;

describe('parent and children', () => {
    it('follows under to the parent, and lists children in model order', async () => {
        const result = await check(CASCADE);
        const { facts } = result;
        expect(facts.parentOf(mission(result, 'Clinics'))).toBe(mission(result, 'Grow'));
        expect(facts.parentOf(mission(result, 'Grow'))).toBe(element(result, 'Vision', 'Acme'));
        expect(facts.parentOf(mission(result, 'Lonely'))).toBeUndefined();
        expect(facts.parentOf(mission(result, 'Lost'))).toBeUndefined();
        expect(names(facts.childrenOf(element(result, 'Vision', 'Acme')))).toEqual(['Grow']);
        expect(names(facts.childrenOf(mission(result, 'Grow')))).toEqual(['Clinics', 'Recruit']);
        expect(names(facts.childrenOf(mission(result, 'North')))).toEqual([]);
    });

    it('collects the elements of every file', async () => {
        const result = await check({
            'a.mission': 'vision V\nperson p',
            'b.mission': 'mission M under V { }\nteam t { }'
        });
        expect(names(result.facts.visions)).toEqual(['V']);
        expect(names(result.facts.persons)).toEqual(['p']);
        expect(names(result.facts.teams)).toEqual(['t']);
        expect(names(result.facts.missions)).toEqual(['M']);
        expect(names(result.facts.childrenOf(element(result, 'Vision', 'V')))).toEqual(['M']);
    });
});

describe('ancestors and isAncestor', () => {
    it('lists the ancestors nearest first, up to the vision', async () => {
        const result = await check(CASCADE);
        expect(names(result.facts.ancestorsOf(mission(result, 'North')))).toEqual(['Clinics', 'Grow', 'Acme']);
        expect(names(result.facts.ancestorsOf(mission(result, 'Grow')))).toEqual(['Acme']);
        expect(result.facts.ancestorsOf(mission(result, 'Lonely'))).toEqual([]);
        expect(result.facts.ancestorsOf(mission(result, 'Lost'))).toEqual([]);
    });

    it('answers isAncestor for missions and visions, and never for a sibling, a descendant or itself', async () => {
        const result = await check(CASCADE);
        const { facts } = result;
        const [acme, other] = [element(result, 'Vision', 'Acme'), element(result, 'Vision', 'Other')];
        const [grow, clinics, recruit, north, lonely, elsewhere] = [
            'Grow',
            'Clinics',
            'Recruit',
            'North',
            'Lonely',
            'Elsewhere'
        ].map(name => mission(result, name)) as Mission[];
        expect(facts.isAncestor(acme, north!)).toBe(true);
        expect(facts.isAncestor(grow!, north!)).toBe(true);
        expect(facts.isAncestor(clinics!, north!)).toBe(true);
        expect(facts.isAncestor(recruit!, north!)).toBe(false);
        expect(facts.isAncestor(north!, clinics!)).toBe(false);
        expect(facts.isAncestor(grow!, grow!)).toBe(false);
        expect(facts.isAncestor(other, north!)).toBe(false);
        expect(facts.isAncestor(other, elsewhere!)).toBe(true);
        expect(facts.isAncestor(acme, lonely!)).toBe(false);
        expect(facts.isAncestor(lonely!, grow!)).toBe(false);
    });

    it('agrees with ancestorsOf on every pair', async () => {
        const result = await check(
            `${CASCADE}\nmission C1 under C3 { }\nmission C2 under C1 { }\nmission C3 under C2 { }\n` +
                'mission Below under C2 { }'
        );
        const { facts } = result;
        const targets = [...facts.visions, ...facts.missions];
        for (const descendant of facts.missions) {
            const ancestors = new Set(facts.ancestorsOf(descendant));
            const cycle = facts.cycleOf(descendant);
            for (const candidate of targets) {
                const expected = ancestors.has(candidate) || (cycle?.includes(candidate as Mission) ?? false);
                expect(facts.isAncestor(candidate, descendant), `${candidate.name} of ${descendant.name}`).toBe(
                    expected
                );
            }
        }
    });
});

describe('cycles', () => {
    const CYCLE = `
vision V
mission A under C { }
mission B under A { }
mission C under B { }
mission Below under B { }
mission Deeper under Below { }
mission Self under Self { }
mission Outside under V { }`;

    it('finds the members of a 3-cycle in under order, for each member', async () => {
        const result = await check(CYCLE);
        const { facts } = result;
        const cycle = facts.cycleOf(mission(result, 'A'))!;
        expect(new Set(names(cycle))).toEqual(new Set(['A', 'B', 'C']));
        // In `under` order: each member's parent is the next one.
        for (let i = 0; i < cycle.length; i++) expect(facts.parentOf(cycle[i]!)).toBe(cycle[(i + 1) % cycle.length]);
        expect(facts.cycleOf(mission(result, 'B'))).toBe(cycle);
        expect(facts.cycleOf(mission(result, 'Below'))).toBeUndefined();
        expect(facts.cycleOf(mission(result, 'Outside'))).toBeUndefined();
        expect(names(facts.cycleOf(mission(result, 'Self')))).toEqual(['Self']);
    });

    it('stops walking ancestors at the first mission met again', async () => {
        const result = await check(CYCLE);
        const { facts } = result;
        expect(names(facts.ancestorsOf(mission(result, 'A')))).toEqual(['C', 'B']);
        expect(names(facts.ancestorsOf(mission(result, 'Deeper')))).toEqual(['Below', 'B', 'A', 'C']);
        expect(facts.ancestorsOf(mission(result, 'Self'))).toEqual([]);
    });

    it('makes every member of a cycle an ancestor of every member and of what is below', async () => {
        const result = await check(CYCLE);
        const { facts } = result;
        const [a, b, c, below, deeper, self, outside] = ['A', 'B', 'C', 'Below', 'Deeper', 'Self', 'Outside'].map(
            name => mission(result, name)
        ) as Mission[];
        for (const x of [a!, b!, c!]) {
            for (const y of [a!, b!, c!]) expect(facts.isAncestor(x, y), `${x.name} of ${y.name}`).toBe(true);
            expect(facts.isAncestor(x, deeper!)).toBe(true);
            expect(facts.isAncestor(below!, x)).toBe(false);
            expect(facts.isAncestor(x, outside!)).toBe(false);
        }
        expect(facts.isAncestor(self!, self!)).toBe(true);
        expect(facts.isAncestor(below!, deeper!)).toBe(true);
        expect(facts.isAncestor(element(result, 'Vision', 'V'), a!)).toBe(false);
    });
});

describe('a walk into a cycle and elements from elsewhere', () => {
    it('keeps a mission that leads into a cycle off the cycle, even when it comes first', async () => {
        const result = await check(`
mission Entry under P { }
mission P under Q { }
mission Q under P { }`);
        const { facts } = result;
        expect(facts.cycleOf(mission(result, 'Entry'))).toBeUndefined();
        expect(new Set(names(facts.cycleOf(mission(result, 'P'))))).toEqual(new Set(['P', 'Q']));
        expect(facts.isAncestor(mission(result, 'Q'), mission(result, 'Entry'))).toBe(true);
        expect(facts.isAncestor(mission(result, 'Entry'), mission(result, 'P'))).toBe(false);
    });

    it('answers isAncestor with false for an element of another model', async () => {
        const result = await check('vision V\nmission M under V { }');
        const other = await check('vision V\nmission M under V { }');
        expect(result.facts.isAncestor(element(other, 'Vision', 'V'), mission(result, 'M'))).toBe(false);
        expect(result.facts.isAncestor(element(result, 'Vision', 'V'), mission(other, 'M'))).toBe(false);
        expect(result.facts.isAncestor(element(result, 'Vision', 'V'), mission(result, 'M'))).toBe(true);
    });
});

describe('deep chains', { timeout: 180_000 }, () => {
    const DEPTH = 10_000;
    // Listed deepest first, so that the first walk from each mission is as long as possible.
    const chain = (): string => {
        const lines = ['vision Root', 'mission M0 under Root { boundary { window 2026-01-01 .. 2026-12-31 } }'];
        for (let i = DEPTH - 1; i >= 1; i--) lines.push(`mission M${i} under M${i - 1} { }`);
        return lines.join('\n');
    };

    it(`handles a chain of ${DEPTH} missions without a stack overflow`, async () => {
        const result = await check(chain());
        expect(result.diagnostics).toEqual([]);
        const { facts } = result;
        const deepest = mission(result, `M${DEPTH - 1}`);
        const ancestors = facts.ancestorsOf(deepest);
        expect(ancestors).toHaveLength(DEPTH);
        expect(ancestors[0]!.name).toBe(`M${DEPTH - 2}`);
        expect(ancestors.at(-1)!.name).toBe('Root');
        expect(facts.isAncestor(mission(result, 'M0'), deepest)).toBe(true);
        expect(facts.isAncestor(deepest, mission(result, 'M0'))).toBe(false);
        expect(facts.windowOf(deepest)).toMatchObject({ source: 'inherited', from: mission(result, 'M0') });
    });

    // Facts only: validation reports the cycle on each of its 10,000 members (the rules' concern).
    it(`handles a cycle of ${DEPTH} missions`, async () => {
        const lines = [`mission M0 under M${DEPTH - 1} { }`];
        for (let i = 1; i < DEPTH; i++) lines.push(`mission M${i} under M${i - 1} { }`);
        const { facts, mission: named } = await linkedFacts(lines.join('\n'));
        expect(facts.cycleOf(named('M5000'))).toHaveLength(DEPTH);
        expect(facts.ancestorsOf(named('M5000'))).toHaveLength(DEPTH - 1);
        expect(facts.ancestorsOf(named('M5000'))[0]!.name).toBe('M4999');
        expect(facts.isAncestor(named('M1'), named('M2'))).toBe(true);
        expect(facts.isAncestor(named('M2'), named('M1'))).toBe(true);
        expect(facts.windowOf(named('M5000')).source).toBe('none');
    });
});

describe('the facts provider', () => {
    it('hands out one instance per build and a new one after a change', async () => {
        const { shared, Mission } = createMissionServices();
        const documents = shared.workspace.LangiumDocuments;
        const document = shared.workspace.LangiumDocumentFactory.fromString('mission M { }', URI.file('/w/a.mission'));
        documents.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document]);
        const first = Mission.facts.ModelFactsProvider.get();
        expect(Mission.facts.ModelFactsProvider.get()).toBe(first);
        expect(names(first.missions)).toEqual(['M']);

        const added = shared.workspace.LangiumDocumentFactory.fromString('mission N { }', URI.file('/w/b.mission'));
        documents.addDocument(added);
        await shared.workspace.DocumentBuilder.build([added]);
        const second = Mission.facts.ModelFactsProvider.get();
        expect(second).not.toBe(first);
        expect(names(second.missions)).toEqual(['M', 'N']);
    });

    it('is what checkSources returns', async () => {
        const result = await check('mission M { }');
        expect(result.facts).toBe(result.services.Mission.facts.ModelFactsProvider.get());
    });
});

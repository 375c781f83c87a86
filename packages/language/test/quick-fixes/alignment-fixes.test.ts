/** `unaligned-mission`: "Add `under X`", for visions and for missions that make a sound parent. */
import { describe, expect, it } from 'vitest';
import { actionTitled, expectFixes, fixesOf, titlesOf } from './quick-fix-helpers.js';

const PEOPLE = 'person alice { capacity 100 }\nperson bob { capacity 100 }\n';

/** A complete mission (no warnings of its own) with the given header and extra items. */
function complete(header: string, ...items: string[]): string {
    return [
        `mission ${header} {`,
        '  intent "why"',
        '  lead alice',
        ...items.map(item => `  ${item}`),
        '  measure m { target 1 }',
        '}'
    ].join('\n');
}

describe('unaligned-mission', () => {
    it('offers every vision first, then missions, and each of them fixes the diagnostic', async () => {
        const text = [
            'vision Acme { horizon 2030-12-31 }',
            'vision Beta',
            PEOPLE,
            complete('Grow under Acme'),
            complete('Solo "On its own"'),
            ''
        ].join('\n');
        const { checked, diagnostic, actions } = await fixesOf(text, 'unaligned-mission', 'Solo');
        expect(titlesOf(actions)).toEqual([
            "Add 'under Acme' (vision)",
            "Add 'under Beta' (vision)",
            "Add 'under Grow' (mission)"
        ]);
        expect(actions.some(action => action.isPreferred)).toBe(false);
        for (const action of actions) await expectFixes(checked, diagnostic, action);

        const after = await expectFixes(checked, diagnostic, actionTitled(actions, "Add 'under Acme' (vision)"));
        expect(after.files['main.mission']).toContain('mission Solo "On its own" under Acme {');
    });

    it('inserts after the name when there is no title, even right before the brace', async () => {
        const text = ['vision Acme', PEOPLE, 'mission Solo{ intent "why" lead alice measure m { target 1 } }'].join(
            '\n'
        );
        const { checked, diagnostic, actions } = await fixesOf(text, 'unaligned-mission');
        expect(titlesOf(actions)).toEqual(["Add 'under Acme' (vision)"]);
        expect(actions[0]!.isPreferred).toBe(true);
        const after = await expectFixes(checked, diagnostic, actions[0]!);
        expect(after.files['main.mission']).toContain('mission Solo under Acme{ intent');
    });

    it('never offers the mission itself or a descendant (that would be a cycle)', async () => {
        const text = [
            'vision Acme',
            PEOPLE,
            complete('Root'),
            complete('Child under Root'),
            complete('Grandchild under Child'),
            complete('Other under Acme'),
            ''
        ].join('\n');
        const { checked, diagnostic, actions } = await fixesOf(text, 'unaligned-mission', 'Root');
        expect(titlesOf(actions)).toEqual(["Add 'under Acme' (vision)", "Add 'under Other' (mission)"]);
        for (const action of actions) await expectFixes(checked, diagnostic, action);
    });

    it('leaves out parents whose window or budget the mission would not fit in', async () => {
        const text = [
            'vision Acme { horizon 2026-12-31 }',
            'vision Later { horizon 2030-12-31 }',
            PEOPLE,
            complete('Short under Later', 'boundary { window 2027-01-01 .. 2027-03-31 }'),
            complete('Wide under Later', 'boundary { window 2027-01-01 .. 2028-12-31 budget 1M GBP }'),
            complete('Euro under Later', 'boundary { budget 5M EUR }'),
            complete('Finished under Later', 'status won'),
            complete('Solo', 'boundary { window 2027-02-01 .. 2027-06-30 budget 500k GBP }'),
            ''
        ].join('\n');
        const { checked, diagnostic, actions } = await fixesOf(text, 'unaligned-mission', 'Solo');
        // Acme ends before Solo; Short's window ends before Solo's; Euro budgets in another currency.
        expect(titlesOf(actions)).toEqual(["Add 'under Later' (vision)", "Add 'under Wide' (mission)"]);
        for (const action of actions) await expectFixes(checked, diagnostic, action);
    });

    it('leaves out parents whose window the descendants that would inherit it do not fit in', async () => {
        const text = [
            'vision Acme { horizon 2030-12-31 }',
            'vision Later { horizon 2032-12-31 }',
            PEOPLE,
            complete('Solo'),
            complete('Middle under Solo'),
            complete('Deep under Middle', 'boundary { window 2031-01-01 .. 2031-06-30 }'),
            ''
        ].join('\n');
        const { checked, diagnostic, actions } = await fixesOf(text, 'unaligned-mission', 'Solo');
        expect(titlesOf(actions)).toEqual(["Add 'under Later' (vision)"]);
        await expectFixes(checked, diagnostic, actions[0]!);
    });

    it('offers missions of the same file first and caps the list', async () => {
        const others = Array.from({ length: 15 }, (_, index) => complete(`Other${index} under Acme`)).join('\n');
        const { actions } = await fixesOf(
            {
                'a.mission': ['vision Acme', PEOPLE, others].join('\n'),
                'b.mission': [complete('Near under Acme'), complete('Solo')].join('\n')
            },
            'unaligned-mission',
            'Solo',
            { path: 'b.mission' }
        );
        expect(actions).toHaveLength(11);
        expect(titlesOf(actions).slice(0, 2)).toEqual(["Add 'under Acme' (vision)", "Add 'under Near' (mission)"]);
    });

    it('offers the parent of a peer it supports before other missions', async () => {
        const text = [
            'vision Acme',
            PEOPLE,
            complete('A under Acme'),
            complete('B under Acme'),
            complete('Peer under B'),
            complete('Solo', 'supports Peer'),
            ''
        ].join('\n');
        const { actions } = await fixesOf(text, 'unaligned-mission', 'Solo');
        expect(titlesOf(actions).slice(0, 2)).toEqual(["Add 'under Acme' (vision)", "Add 'under B' (mission)"]);
    });
});

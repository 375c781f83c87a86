/** unaligned-mission and alignment-cycle (docs/rules.md, Alignment). */
import { describe, expect, it } from 'vitest';
import { at, check, expectNone, found, messagesOf } from './rule-helpers.js';

describe('unaligned-mission', () => {
    it('is an error on the name of an active mission without `under`', async () => {
        const result = await check(
            ['person alice', 'mission Grow { intent "More patients" lead alice measure patients { target 10 } }'].join(
                '\n'
            )
        );
        expect(found(result, 'unaligned-mission')).toEqual([at(result, 'error', 'Grow')]);
        expect(messagesOf(result, 'unaligned-mission')[0]).toContain('mission Grow is not aligned');
    });

    it('is a warning when the mission is staged', async () => {
        const result = await check('mission Later { status staged }');
        expect(found(result, 'unaligned-mission')).toEqual([at(result, 'warning', 'Later')]);
    });

    it('is an error for a finished mission too (only staged lowers it)', async () => {
        const result = await check('mission Done { status won }');
        expect(found(result, 'unaligned-mission')).toEqual([at(result, 'error', 'Done')]);
    });

    it('is not reported when `under` names a vision or a mission', async () => {
        const result = await check('vision Acme\nmission Grow under Acme { }\nmission Clinics under Grow { }');
        expectNone(result, 'unaligned-mission');
    });

    it('is not reported when `under` does not resolve (that is an unresolved reference only)', async () => {
        const result = await check('mission Grow under Nowhere { }');
        expectNone(result, 'unaligned-mission');
        expect(found(result, 'unresolved-reference')).toEqual([at(result, 'error', 'Nowhere')]);
    });
});

describe('alignment-cycle', () => {
    const loop = [
        'mission A under C { }',
        'mission B under A { }',
        'mission C under B { }',
        'mission D under A { }'
    ].join('\n');

    it('is an error on each `under` of the cycle, and only there', async () => {
        const result = await check(loop);
        expect(found(result, 'alignment-cycle')).toEqual([
            at(result, 'error', 'C', 0),
            at(result, 'error', 'A', 1),
            at(result, 'error', 'B', 1)
        ]);
        const messages = messagesOf(result, 'alignment-cycle');
        expect(messages[0]).toContain('A → C → B → A');
        expect(messages[1]).toContain('B → A → C → B');
    });

    it('reports a mission under itself', async () => {
        const result = await check('mission Self under Self { }');
        expect(found(result, 'alignment-cycle')).toEqual([at(result, 'error', 'Self', 1)]);
        expect(messagesOf(result, 'alignment-cycle')).toEqual(['mission Self is under itself']);
    });

    it('is not reported for a chain that ends at a vision', async () => {
        const result = await check('vision V\nmission A under V { }\nmission B under A { }\nmission C under B { }');
        expectNone(result, 'alignment-cycle');
    });

    it('does not make other parent rules speak for the missions on the cycle', async () => {
        const result = await check(
            [
                'person p',
                'mission A under B { status active ' +
                    'boundary { window 2026-01-01 .. 2026-12-31 budget 10 GBP headcount 1 } measure a { target 1 } }',
                'mission B under A { status won ' +
                    'boundary { window 2027-01-01 .. 2027-12-31 budget 20 EUR headcount 5 } measure b { target 1 } }'
            ].join('\n')
        );
        for (const code of [
            'window-outside-parent',
            'budget-exceeded',
            'currency-mismatch',
            'headcount-exceeded',
            'unmapped-measures',
            'inactive-parent'
        ] as const) {
            expectNone(result, code);
        }
        expect(found(result, 'alignment-cycle')).toHaveLength(2);
    });
});

describe('alignment-cycle on a long cycle', () => {
    it('names the first ten members of the loop and how many there are', async () => {
        const size = 2000;
        const lines = Array.from({ length: size }, (_, i) => `mission C${i} under C${(i + 1) % size} { }`);
        const result = await check(lines.join('\n'));
        const messages = messagesOf(result, 'alignment-cycle');
        expect(messages).toHaveLength(size);
        expect(messages[5]).toBe(
            'alignment cycle: C5 → C6 → C7 → C8 → C9 → C10 → C11 → C12 → C13 → C14 → … (2000 missions in all) → C5; ' +
                'one of these missions must be under a vision or a mission outside the loop'
        );
    });
});

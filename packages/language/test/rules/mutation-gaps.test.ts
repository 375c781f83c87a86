/**
 * Behaviour of the rules that mutation testing (docs/reliability.md, "Mutation testing") found no test pinning:
 * exact messages, the walk that names a cycle, references that do not resolve, repeated or invalid items.
 */
import { describe, expect, it } from 'vitest';
import { check, codesOf, messagesOf } from './rule-helpers.js';

const OUTSIDE = 'one of these missions must be under a vision or a mission outside the loop';

describe('alignment', () => {
    it("words an unaligned staged mission's warning", async () => {
        const result = await check('vision V\nmission Later { status staged }');
        expect(messagesOf(result, 'unaligned-mission')).toEqual([
            'staged mission Later is not aligned: add `under` naming the vision or mission it serves before it starts'
        ]);
    });

    it('names a short cycle once round, from each member', async () => {
        const result = await check('mission A under C\nmission B under A\nmission C under B');
        expect(messagesOf(result, 'alignment-cycle')).toEqual(
            ['A → C → B → A', 'B → A → C → B', 'C → B → A → C'].map(loop => `alignment cycle: ${loop}; ${OUTSIDE}`)
        );
    });

    it('names ten members of a long cycle and counts the rest', async () => {
        const names = Array.from({ length: 12 }, (_, index) => `M${index}`);
        const text = names.map((name, index) => `mission ${name} under ${names[(index + 1) % 12]}`).join('\n');
        const [first] = messagesOf(await check(text), 'alignment-cycle');
        expect(first).toBe(
            'alignment cycle: M0 → M1 → M2 → M3 → M4 → M5 → M6 → M7 → M8 → M9 → … (12 missions in all) → M0; ' +
                'one of these missions must be under a vision or a mission outside the loop'
        );
    });
});

describe('support', () => {
    it('says nothing of a supported name that does not resolve (the linker reports it)', async () => {
        const result = await check('vision V\nperson p\nmission A under V { lead p supports Ghost }');
        expect(codesOf(result).filter(code => code.includes('support') || code === 'unresolved-reference')).toEqual([
            'unresolved-reference'
        ]);
    });

    it('reports support of a descendant from a mission on an `under` cycle', async () => {
        const result = await check(
            [
                'person p',
                'mission A under C { lead p supports B }',
                'mission C under A { lead p }',
                'mission B under A { lead p }'
            ].join('\n')
        );
        expect(codesOf(result)).toContain('redundant-support');
    });
});

describe('review-overdue', () => {
    const mission = (reviews: string) =>
        `vision V\nperson p\nmission Grow under V { intent "i" lead p ${reviews} measure m { target 1 } }`;

    it('is reported once for a mission with its review repeated (the repetition is a syntax error)', async () => {
        const result = await check(
            mission('review every 30 days last 2026-01-01 review every 30 days last 2026-02-01'),
            '2026-11-23'
        );
        expect(codesOf(result).filter(code => code === 'review-overdue')).toEqual(['review-overdue']);
    });

    it('is not reported for a review every 0 days (a syntax error)', async () => {
        const result = await check(mission('review every 0 days last 2026-01-01'), '2026-11-23');
        expect(codesOf(result)).not.toContain('review-overdue');
    });

    it('counts a review every 1 day as valid', async () => {
        const result = await check(mission('review every 1 days last 2026-11-20'), '2026-11-23');
        expect(codesOf(result)).toContain('review-overdue');
    });
});

describe('staged-without-value', () => {
    it('says how to give the value', async () => {
        const result = await check('vision V\nmission Later under V { status staged }');
        expect(messagesOf(result, 'staged-without-value')).toEqual([
            'staged mission Later has no value, so it cannot be ranked for staging: ' +
                'add `value <amount> <currency> per week` (its cost of delay)'
        ]);
    });
});

describe('completeness', () => {
    it('says how to give an intent and a measure', async () => {
        const result = await check('vision V\nperson p\nmission Grow under V { lead p }');
        expect([...messagesOf(result, 'missing-intent'), ...messagesOf(result, 'unmeasured-mission')]).toEqual([
            'mission Grow has no intent: say why it matters with `intent "..."` (purpose, end state, key tasks)',
            'mission Grow has no measure: add a `measure` that shows when it is won'
        ]);
    });
});

describe('over-capacity on a repeated lead', () => {
    it('is reported on the lead that counts, not on its repetition (a syntax error)', async () => {
        const result = await check(
            'vision V\nperson p { capacity 0 }\n' +
                'mission Grow under V { intent "i" lead p lead p measure m { target 1 } }'
        );
        expect(messagesOf(result, 'over-capacity').filter(message => message.includes('leads'))).toHaveLength(1);
    });
});

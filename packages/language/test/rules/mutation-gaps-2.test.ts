/**
 * Behaviour of the boundary and measure rules that the second mutation run (docs/reliability.md, "Mutation
 * testing") found no test pinning: which side of a window a message names, the children counted past an `under`
 * cycle, the relative tolerance of the sums and ranges, the only item of a repeatable kind that counts, and
 * items that error recovery left without a name or number.
 */
import { describe, expect, it } from 'vitest';
import { at, check, codesOf, found, messagesOf, TODAY } from './rule-helpers.js';

/** The codes of a result without the completeness and alignment findings every bare mission here has. */
function problems(codes: readonly string[]): string[] {
    const usual = new Set(['missing-intent', 'no-lead', 'unaligned-mission', 'unmeasured-mission', 'missing-target']);
    return codes.filter(code => !usual.has(code));
}

describe('window-outside-parent', () => {
    it('names only the side a window crosses: not a start or end it shares with the parent', async () => {
        const result = await check(
            [
                'mission Grow { boundary { window 2026-01-01 .. 2026-12-31 } }',
                'mission SameStart under Grow { boundary { window 2026-01-01 .. 2027-01-31 } }',
                'mission SameEnd under Grow { boundary { window 2025-12-01 .. 2026-12-31 } }',
                'mission Both under Grow { boundary { window 2025-12-01 .. 2027-01-31 } }'
            ].join('\n'),
            TODAY
        );
        expect(found(result, 'window-outside-parent')).toEqual([
            at(result, 'error', 'window 2026-01-01 .. 2027-01-31'),
            at(result, 'error', 'window 2025-12-01 .. 2026-12-31'),
            at(result, 'error', 'window 2025-12-01 .. 2027-01-31')
        ]);
        const parent = 'the window of its parent Grow (2026-01-01 .. 2026-12-31)';
        expect(messagesOf(result, 'window-outside-parent')).toEqual([
            `the window of SameStart (2026-01-01 .. 2027-01-31) is not inside ${parent}: ` +
                'it ends 2027-01-31, after 2026-12-31',
            `the window of SameEnd (2025-12-01 .. 2026-12-31) is not inside ${parent}: ` +
                'it starts 2025-12-01, before 2026-01-01',
            `the window of Both (2025-12-01 .. 2027-01-31) is not inside ${parent}: ` +
                'it starts 2025-12-01, before 2026-01-01 and it ends 2027-01-31, after 2026-12-31'
        ]);
    });
});

describe('currency-mismatch', () => {
    it('says which currency to state the budget in', async () => {
        const result = await check(
            [
                'mission Grow { boundary { budget 1M GBP } }',
                'mission Abroad under Grow { boundary { budget 200k EUR } }'
            ].join('\n'),
            TODAY
        );
        expect(messagesOf(result, 'currency-mismatch')).toEqual([
            'the budget of Abroad is in EUR but its parent Grow budgets 1,000,000 GBP: ' +
                "state it in GBP so it counts against the parent's budget"
        ]);
    });
});

describe("a parent's budget and headcount on an `under` cycle", () => {
    it('leave out the child on the cycle and count the children off it', async () => {
        const result = await check(
            [
                'mission M under C { boundary { budget 100 GBP headcount 10 } }',
                'mission C under M { boundary { budget 80 GBP headcount 8 } }',
                'mission D under M { boundary { budget 120 GBP headcount 12 } }'
            ].join('\n'),
            TODAY
        );
        expect(found(result, 'budget-exceeded')).toEqual([at(result, 'error', 'budget 100 GBP')]);
        expect(messagesOf(result, 'budget-exceeded')).toEqual([
            'the children of M spend 120 GBP of its 100 GBP budget (20 GBP over): D 120 GBP'
        ]);
        expect(found(result, 'headcount-exceeded')).toEqual([at(result, 'warning', 'headcount 10')]);
        expect(messagesOf(result, 'headcount-exceeded')).toEqual([
            'the children of M need a headcount of 12, more than its 10: D 12'
        ]);
    });
});

describe('budget-exceeded and headcount-exceeded tolerance', () => {
    it('takes an excess of up to a billionth of the limit for floating-point dust, and reports more', async () => {
        const children = (parent: string, second: string): string[] => [
            `mission ${parent} { boundary { budget 1B GBP headcount 1_000_000_000 } }`,
            `mission ${parent}A under ${parent} { boundary { budget 600M GBP headcount 600_000_000 } }`,
            `mission ${parent}B under ${parent} { boundary { budget ${second} GBP headcount ${second} } }`
        ];
        const result = await check(
            [...children('Dust', '400_000_001'), ...children('Over', '400_000_002')].join('\n'),
            TODAY
        );
        expect(found(result, 'budget-exceeded')).toEqual([at(result, 'error', 'budget 1B GBP', 1)]);
        expect(messagesOf(result, 'budget-exceeded')).toEqual([
            'the children of Over spend 1,000,000,002 GBP of its 1,000,000,000 GBP budget (2 GBP over): ' +
                'OverA 600,000,000 GBP, OverB 400,000,002 GBP'
        ]);
        expect(found(result, 'headcount-exceeded')).toEqual([at(result, 'warning', 'headcount 1_000_000_000', 1)]);
    });
});

describe('measure-due-outside-window', () => {
    it("judges a measure's first due only, a valid date only, and not a due inside the window", async () => {
        const result = await check(
            'mission G { boundary { window 2026-01-01 .. 2026-12-31 } ' +
                'measure m { target 1 due 2026-06-01 due 2027-06-01 } measure n { target 1 due 2026-13-45 } }',
            TODAY
        );
        expect(problems(codesOf(result))).toEqual(['syntax-error', 'invalid-date']);
        expect(messagesOf(result, 'syntax-error')).toEqual(['a measure has at most one `due`; this one repeats it']);
    });
});

describe('unmapped-measures', () => {
    it("offers each of the parent's measures when it has several", async () => {
        const result = await check(
            [
                'mission Grow { measure patients { target 10 } measure clinics { target 3 } }',
                'mission Recruit under Grow { measure hired { target 40 } }'
            ].join('\n'),
            TODAY
        );
        expect(messagesOf(result, 'unmapped-measures')).toEqual([
            'none of the measures of Recruit (hired) contributes to a measure of Grow or above: ' +
                'add `contributes to` naming one of Grow.patients, Grow.clinics'
        ]);
    });
});

describe('unit-mismatch and unmapped-measures on `contributes to`', () => {
    it('judge the first `contributes to` only, and pass over one that error recovery left without a name', async () => {
        const result = await check(
            [
                'mission Grow { measure patients { target 10 unit patients } ' +
                    'measure visits { target 10 unit visits } }',
                'mission Recruit under Grow { measure hired { target 40 unit patients contributes to Grow.patients ' +
                    'contributes to Grow.visits } }',
                'mission Open under Grow { measure open { target 1 contributes to } }'
            ].join('\n'),
            TODAY
        );
        expect(problems(codesOf(result))).toEqual(['syntax-error', 'syntax-error']);
        expect(messagesOf(result, 'syntax-error')).toEqual([
            'a measure has at most one `contributes to`; this one repeats it',
            'expected a name but found the keyword `}`'
        ]);
    });
});

describe('rollup-discrepancy', () => {
    it('words values without a unit, leaves out a contribution to itself and a current without a number', async () => {
        const result = await check(
            [
                'mission Grow { measure patients { target 10 current 5 } ' +
                    'measure self { target 10 current 5 contributes to Grow.self } ' +
                    'measure broken { target 10 current } }',
                'mission Recruit under Grow { measure hired { target 40 current 8 contributes to Grow.patients } ' +
                    'measure again { target 4 current 8 contributes to Grow.self } ' +
                    'measure more { target 4 current 8 contributes to Grow.broken } }'
            ].join('\n'),
            TODAY
        );
        expect(found(result, 'rollup-discrepancy')).toEqual([
            at(result, 'warning', 'current 5'),
            at(result, 'warning', 'current 5', 1)
        ]);
        expect(messagesOf(result, 'rollup-discrepancy')).toEqual([
            'the contributors to Grow.patients report 8, more than its current 5: Recruit.hired 8',
            'the contributors to Grow.self report 8, more than its current 5: Recruit.again 8'
        ]);
        expect(problems(codesOf(result))).toEqual(['rollup-discrepancy', 'rollup-discrepancy', 'syntax-error']);
    });

    it('holds a mean of measures that go down to their range too', async () => {
        const result = await check(
            [
                'mission Cut { measure waits { baseline 30 target 10 current 25 direction down rollup mean } }',
                'mission North under Cut { measure w { baseline 30 target 10 current 20 direction down ' +
                    'contributes to Cut.waits } }',
                'mission South under Cut { measure w { baseline 30 target 10 current 22 direction down ' +
                    'contributes to Cut.waits } }'
            ].join('\n'),
            TODAY
        );
        expect(found(result, 'rollup-discrepancy')).toEqual([at(result, 'warning', 'current 25')]);
        expect(messagesOf(result, 'rollup-discrepancy')).toEqual([
            'the current of Cut.waits (25) is outside what its contributors report (20 .. 22), ' +
                'so it cannot be their mean (rollup mean): North.w 20, South.w 22'
        ]);
    });

    it('takes a sum or range missed by up to a billionth of the current for floating-point dust', async () => {
        const parent = (name: string, mode: string, current: string): string[] => [
            `mission ${name} { measure m { target 2B current 1B ${mode} } }`,
            `mission ${name}Part under ${name} { measure p { target 1B current ${current} contributes to ${name}.m } }`
        ];
        const result = await check(
            [
                ...parent('Sum', '', '1_000_000_001'),
                ...parent('Low', 'rollup mean', '1_000_000_001'),
                ...parent('High', 'rollup mean', '999_999_999'),
                ...parent('SumOver', '', '1_000_000_002'),
                ...parent('LowOver', 'rollup mean', '1_000_000_002'),
                ...parent('HighOver', 'rollup mean', '999_999_998')
            ].join('\n'),
            TODAY
        );
        expect(found(result, 'rollup-discrepancy')).toEqual(
            [3, 4, 5].map(index => at(result, 'warning', 'current 1B', index))
        );
        expect(messagesOf(result, 'rollup-discrepancy')).toEqual([
            'the contributors to SumOver.m report 1,000,000,002, more than its current 1,000,000,000: ' +
                'SumOverPart.p 1,000,000,002',
            'the current of LowOver.m (1,000,000,000) is outside what its contributors report (1,000,000,002), ' +
                'so it cannot be their mean (rollup mean): LowOverPart.p 1,000,000,002',
            'the current of HighOver.m (1,000,000,000) is outside what its contributors report (999,999,998), ' +
                'so it cannot be their mean (rollup mean): HighOverPart.p 999,999,998'
        ]);
    });
});

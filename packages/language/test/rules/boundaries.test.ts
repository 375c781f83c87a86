/**
 * window-outside-parent, budget-exceeded, currency-mismatch, headcount-exceeded and
 * measure-due-outside-window (docs/rules.md, Boundaries).
 */
import { describe, expect, it } from 'vitest';
import { at, check, expectNone, found, messagesOf } from './rule-helpers.js';

describe('window-outside-parent', () => {
    it("is an error on the window when it ends after the parent mission's window", async () => {
        const result = await check(
            [
                'mission Grow { boundary { window 2026-01-01 .. 2026-12-31 } }',
                'mission Clinics under Grow { boundary { window 2026-02-01 .. 2027-03-31 } }'
            ].join('\n')
        );
        expect(found(result, 'window-outside-parent')).toEqual([
            at(result, 'error', 'window 2026-02-01 .. 2027-03-31')
        ]);
        expect(messagesOf(result, 'window-outside-parent')).toEqual([
            'the window of Clinics (2026-02-01 .. 2027-03-31) is not inside the window of its parent Grow ' +
                '(2026-01-01 .. 2026-12-31): it ends 2027-03-31, after 2026-12-31'
        ]);
    });

    it("compares with the parent's effective window: inherited from higher up", async () => {
        const result = await check(
            [
                'mission Top { boundary { window 2026-01-01 .. 2026-06-30 } }',
                'mission Middle under Top { }',
                'mission Low under Middle { boundary { window 2025-12-01 .. 2026-03-31 } }'
            ].join('\n')
        );
        expect(found(result, 'window-outside-parent')).toEqual([
            at(result, 'error', 'window 2025-12-01 .. 2026-03-31')
        ]);
        expect(messagesOf(result, 'window-outside-parent')[0]).toContain(
            'the window of its parent Middle (2026-01-01 .. 2026-06-30, inherited from Top): ' +
                'it starts 2025-12-01, before 2026-01-01'
        );
    });

    it("compares with a vision's horizon, directly or through a parent without a window", async () => {
        const result = await check(
            [
                'vision Acme { horizon 2030-12-31 }',
                'mission Grow under Acme { boundary { window 2030-01-01 .. 2031-01-01 } }',
                'mission Plan under Acme { }',
                'mission Step under Plan { boundary { window 2030-06-01 .. 2031-06-30 } }'
            ].join('\n')
        );
        expect(found(result, 'window-outside-parent')).toEqual([
            at(result, 'error', 'window 2030-01-01 .. 2031-01-01'),
            at(result, 'error', 'window 2030-06-01 .. 2031-06-30')
        ]);
        expect(messagesOf(result, 'window-outside-parent')[0]).toContain('the horizon of its vision Acme (2030-12-31)');
        expect(messagesOf(result, 'window-outside-parent')[1]).toContain('the horizon of Acme');
    });

    it("is not reported for a window equal to the parent's, one without a window, or a broken window", async () => {
        const result = await check(
            [
                'vision Acme { horizon 2026-12-31 }',
                'mission Grow under Acme { boundary { window 2026-01-01 .. 2026-12-31 } }',
                'mission Same under Grow { boundary { window 2026-01-01 .. 2026-12-31 } }',
                'mission Inherits under Grow { }',
                'mission Broken under Grow { boundary { window 2027-01-01 .. 2026-01-01 } }',
                'mission Free { boundary { window 1999-01-01 .. 2099-12-31 } }',
                'vision Open',
                'mission Anything under Open { boundary { window 1999-01-01 .. 2099-12-31 } }'
            ].join('\n')
        );
        expectNone(result, 'window-outside-parent');
        expect(found(result, 'invalid-window')).toHaveLength(1);
    });
});

describe('budget-exceeded', () => {
    it("is an error on the parent's budget when its children's budgets in its currency add up to more", async () => {
        const result = await check(
            [
                'mission Grow { boundary { budget 1M GBP } }',
                'mission Clinics under Grow { boundary { budget 600k GBP } }',
                'mission Recruit under Grow { boundary { budget 500k GBP } }',
                'mission Abroad under Grow { boundary { budget 900k EUR } }'
            ].join('\n')
        );
        expect(found(result, 'budget-exceeded')).toEqual([at(result, 'error', 'budget 1M GBP')]);
        expect(messagesOf(result, 'budget-exceeded')).toEqual([
            'the children of Grow spend 1,100,000 GBP of its 1,000,000 GBP budget (100,000 GBP over): ' +
                'Clinics 600,000 GBP, Recruit 500,000 GBP'
        ]);
    });

    it('is not reported when the children spend exactly the budget (decimal amounts included)', async () => {
        const result = await check(
            [
                'mission Grow { boundary { budget 0.3 GBP } }',
                'mission A under Grow { boundary { budget 0.1 GBP } }',
                'mission B under Grow { boundary { budget 0.2 GBP } }',
                'mission Big { boundary { budget 2.5M GBP } }',
                'mission C under Big { boundary { budget 1.2M GBP } }',
                'mission D under Big { boundary { budget 1.3M GBP } }'
            ].join('\n')
        );
        expectNone(result, 'budget-exceeded');
    });

    it('counts only direct children', async () => {
        const result = await check(
            [
                'mission Grow { boundary { budget 100 GBP } }',
                'mission Child under Grow { boundary { budget 100 GBP } }',
                'mission Grandchild under Child { boundary { budget 100 GBP } }'
            ].join('\n')
        );
        expectNone(result, 'budget-exceeded');
    });
});

describe('currency-mismatch', () => {
    it("is an error on the child's budget when its currency differs from the parent's", async () => {
        const result = await check(
            [
                'mission Grow { boundary { budget 1M GBP } }',
                'mission Abroad under Grow { boundary { budget 200k EUR } }'
            ].join('\n')
        );
        expect(found(result, 'currency-mismatch')).toEqual([at(result, 'error', 'budget 200k EUR')]);
        expect(messagesOf(result, 'currency-mismatch')[0]).toContain(
            'the budget of Abroad is in EUR but its parent Grow budgets 1,000,000 GBP'
        );
    });

    it('is not reported for the same currency, a parent without a budget, or a broken currency', async () => {
        const result = await check(
            [
                'mission Grow { boundary { budget 1M GBP } }',
                'mission Home under Grow { boundary { budget 200k GBP } }',
                'mission Typo under Grow { boundary { budget 200k gbp } }',
                'mission Plain { }',
                'mission Abroad under Plain { boundary { budget 200k EUR } }'
            ].join('\n')
        );
        expectNone(result, 'currency-mismatch');
        expect(found(result, 'invalid-currency')).toHaveLength(1);
    });
});

describe('headcount-exceeded', () => {
    it("is a warning on the parent's headcount when the children's add up to more", async () => {
        const result = await check(
            [
                'mission Grow { boundary { headcount 40 } }',
                'mission Clinics under Grow { boundary { headcount 30 } }',
                'mission Recruit under Grow { boundary { headcount 15 } }'
            ].join('\n')
        );
        expect(found(result, 'headcount-exceeded')).toEqual([at(result, 'warning', 'headcount 40')]);
        expect(messagesOf(result, 'headcount-exceeded')).toEqual([
            'the children of Grow need a headcount of 45, more than its 40: Clinics 30, Recruit 15'
        ]);
    });

    it('is not reported when the children need exactly the headcount', async () => {
        const result = await check(
            [
                'mission Grow { boundary { headcount 40 } }',
                'mission Clinics under Grow { boundary { headcount 25 } }',
                'mission Recruit under Grow { boundary { headcount 15 } }'
            ].join('\n')
        );
        expectNone(result, 'headcount-exceeded');
    });
});

describe('measure-due-outside-window', () => {
    it("is a warning on the due date when it falls outside the mission's window", async () => {
        const result = await check(
            [
                'mission Grow {',
                '  boundary { window 2026-01-01 .. 2026-12-31 }',
                '  measure patients { target 10 due 2027-01-01 }',
                '}'
            ].join('\n')
        );
        expect(found(result, 'measure-due-outside-window')).toEqual([at(result, 'warning', '2027-01-01')]);
        expect(messagesOf(result, 'measure-due-outside-window')[0]).toBe(
            'Grow.patients is due 2027-01-01, outside the window of Grow (2026-01-01 .. 2026-12-31): ' +
                'after it ends (2026-12-31)'
        );
    });

    it("uses the effective window: inherited from the parent or a vision's horizon", async () => {
        const result = await check(
            [
                'vision Acme { horizon 2030-12-31 }',
                'mission Grow under Acme { measure m { target 1 due 2031-01-01 } }',
                'mission Clinics under Grow { boundary { window 2026-01-01 .. 2026-06-30 } }',
                'mission Site under Clinics { measure n { target 1 due 2025-12-31 } }'
            ].join('\n')
        );
        expect(found(result, 'measure-due-outside-window')).toEqual([
            at(result, 'warning', '2031-01-01'),
            at(result, 'warning', '2025-12-31')
        ]);
        expect(messagesOf(result, 'measure-due-outside-window')[1]).toContain(
            '(2026-01-01 .. 2026-06-30, inherited from Clinics): before it starts (2026-01-01)'
        );
    });

    it('is not reported on the first or last day of the window, or without any window', async () => {
        const result = await check(
            [
                'mission Grow {',
                '  boundary { window 2026-01-01 .. 2026-12-31 }',
                '  measure a { target 1 due 2026-12-31 }',
                '  measure b { target 1 due 2026-01-01 }',
                '}',
                'mission Free { measure c { target 1 due 1999-01-01 } }'
            ].join('\n')
        );
        expectNone(result, 'measure-due-outside-window');
    });
});

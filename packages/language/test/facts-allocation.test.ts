/** What a mission hands down: its children's budgets per currency and headcounts, as the boundary rules count them. */
import { describe, expect, it } from 'vitest';
import { allocationOf } from '../src/facts/allocation.js';
import { check, mission } from './foundation-helpers.js';

describe('allocation to children', () => {
    const MODEL = `
mission Parent { boundary { budget 10M GBP headcount 40 } }
mission A under Parent { boundary { budget 2.5M GBP headcount 10 } }
mission B under Parent { boundary { budget 1M GBP } }
mission C under Parent { boundary { budget 300k EUR headcount 5 } }
mission D under Parent { }
mission Leaf { boundary { budget 1 GBP } }
mission X under Y { }
mission Y under X { boundary { budget 7 GBP headcount 3 } }`;

    it('sums the direct children per currency, in order of first appearance, and their headcounts', async () => {
        const result = await check(MODEL);
        expect(allocationOf(result.facts, mission(result, 'Parent'))).toEqual({
            budgets: [
                { currency: 'GBP', amount: 3_500_000 },
                { currency: 'EUR', amount: 300_000 }
            ],
            headcount: 15,
            children: 4
        });
    });

    it('is empty without children, and leaves out children on an under cycle', async () => {
        const result = await check(MODEL);
        expect(allocationOf(result.facts, mission(result, 'Leaf'))).toEqual({ budgets: [], children: 0 });
        expect(allocationOf(result.facts, mission(result, 'X'))).toEqual({ budgets: [], children: 0 });
    });
});

/**
 * rollup-discrepancy by roll-up mode (docs/rules.md, Measures): the effective mode is the written
 * `rollup`, else `mean` for a `%` or `percent` unit, else `sum`; `mean` holds the parent's current inside
 * the contributors' lowest..highest, `none` never reports.
 */
import { describe, expect, it } from 'vitest';
import { at, check, expectNone, found, messagesOf } from './rule-helpers.js';

/** A parent measure with these items and two contributors at 91 and 97 (each unit `unit`), and a silent one. */
function rates(parentItems: string, unit = '"%"', contributorItems = ''): string {
    const contributor = (mission: string, current: string): string =>
        `mission ${mission} under Network { measure onTime { target 99 ${current} unit ${unit} ` +
        `${contributorItems} contributes to Network.hubOnTime } }`;
    return [
        `mission Network { measure hubOnTime { target 98 ${parentItems} } }`,
        contributor('North', 'current 91'),
        contributor('South', 'current 97'),
        contributor('East', '')
    ].join('\n');
}

describe('rollup-discrepancy, rollup mean', () => {
    it("is the default for a % unit: no warning when the current lies inside the contributors' range", async () => {
        // Summed, 91 + 97 = 188 would be "more than its current 94": the 179 % report.
        for (const current of ['91', '94', '97']) {
            expectNone(await check(rates(`current ${current} unit "%"`)), 'rollup-discrepancy');
        }
        expectNone(await check(rates('current 94 unit percent', 'percent')), 'rollup-discrepancy');
    });

    it('is a warning on the current when it lies below the lowest or above the highest', async () => {
        const below = await check(rates('current 90 unit "%"'));
        expect(found(below, 'rollup-discrepancy')).toEqual([at(below, 'warning', 'current 90')]);
        expect(messagesOf(below, 'rollup-discrepancy')).toEqual([
            'the current of Network.hubOnTime (90 %) is outside what its contributors report (91 % .. 97 %), ' +
                'so it cannot be their mean (rollup mean): North.onTime 91, South.onTime 97'
        ]);
        const above = await check(rates('current 97.5 unit "%"'));
        expect(found(above, 'rollup-discrepancy')).toEqual([at(above, 'warning', 'current 97.5')]);
    });

    it('is written explicitly for any unit, and then ignores direction', async () => {
        const written = await check(rates('current 50 unit score rollup mean', 'score', 'direction down'));
        expect(found(written, 'rollup-discrepancy')).toEqual([at(written, 'warning', 'current 50')]);
        expectNone(await check(rates('current 93 unit score rollup mean', 'score')), 'rollup-discrepancy');
    });

    it('names the single value when one contributor reports', async () => {
        const text = rates('current 80 unit "%"').replace('current 97', '');
        expect(messagesOf(await check(text), 'rollup-discrepancy')[0]).toContain('report (91 %)');
    });

    it('is not reported when no contributor has a current, units differ, or the parent has none', async () => {
        expectNone(await check(rates('current 10 unit "%"').replace(/current 9[17]/g, '')), 'rollup-discrepancy');
        expectNone(await check(rates('current 10 unit "%"', 'points')), 'rollup-discrepancy');
        expectNone(await check(rates('unit "%"')), 'rollup-discrepancy');
    });
});

describe('rollup-discrepancy, rollup sum', () => {
    it('is the default for other units and reports a sum above the current', async () => {
        const result = await check(rates('current 187 unit visits', 'visits'));
        expect(found(result, 'rollup-discrepancy')).toEqual([at(result, 'warning', 'current 187')]);
        expect(messagesOf(result, 'rollup-discrepancy')[0]).toBe(
            'the contributors to Network.hubOnTime report 188 visits, more than its current 187 visits: ' +
                'North.onTime 91, South.onTime 97'
        );
        expectNone(await check(rates('current 188 unit visits', 'visits')), 'rollup-discrepancy');
    });

    it('when written, sums rates too', async () => {
        const result = await check(rates('current 150 unit "%" rollup sum'));
        expect(found(result, 'rollup-discrepancy')).toEqual([at(result, 'warning', 'current 150')]);
    });

    it('is not reported when a contributor goes down', async () => {
        expectNone(await check(rates('current 1 unit visits', 'visits', 'direction down')), 'rollup-discrepancy');
    });
});

describe('rollup-discrepancy, rollup none', () => {
    it('is never reported, whatever the contributors report', async () => {
        expectNone(await check(rates('current 1 unit visits rollup none', 'visits')), 'rollup-discrepancy');
        expectNone(await check(rates('current 1 unit "%" rollup none')), 'rollup-discrepancy');
    });
});

/**
 * Measures: direction (explicit, else up when target ≥ baseline, a missing baseline counting as 0),
 * progress clamped to 0..1 in both directions and absent when it cannot be computed, a mission's
 * progress as the mean of those present, and the contributors of a measure.
 */
import { describe, expect, it } from 'vitest';
import { directionOf, meanProgress, progressOf } from '../src/facts/measures.js';
import type { Measure } from '../src/generated/ast.js';
import { check, mission } from './foundation-helpers.js';

/** The measure `m` of a mission with these measure items. */
async function measureWith(items: string): Promise<Measure> {
    const result = await check(`mission M { measure m { ${items} } }`);
    expect(result.diagnostics).toEqual([]);
    return mission(result, 'M').measures[0]!;
}

describe('direction', () => {
    it.each([
        ['baseline 0 target 10', 'up'],
        ['baseline 10 target 10', 'up'],
        ['baseline 10 target 5', 'down'],
        ['target 5', 'up'],
        ['target -5', 'down'],
        ['target 0', 'up'],
        ['baseline -10 target -5', 'up'],
        ['baseline 5', 'up'],
        ['', 'up'],
        ['baseline 0 target 10 direction down', 'down'],
        ['baseline 10 target 0 direction up', 'up']
    ])('%s → %s', async (items, expected) => {
        const measure = await measureWith(items);
        expect(directionOf(measure)).toBe(expected);
    });
});

describe('progress', () => {
    it.each([
        ['baseline 0 target 10 current 5', 0.5],
        ['target 40_000 baseline 25_000 current 31_000', 0.4],
        ['target 10 current 5', 0.5],
        ['baseline 0 target 10 current 15', 1],
        ['baseline 0 target 10 current -3', 0],
        ['baseline 0 target 10 current 0', 0],
        ['baseline 0 target 10 current 10', 1],
        ['baseline 100 target 50 current 75', 0.5],
        ['baseline 100 target 50 current 40', 1],
        ['baseline 100 target 50 current 120', 0],
        ['baseline -10 target -20 current -15', 0.5],
        ['baseline 1 target 0 current 0.25', 0.75],
        // An explicit direction does not change the arithmetic: progress is from baseline to target.
        ['baseline 0 target 10 current 5 direction down', 0.5]
    ])('%s → %s', async (items, expected) => {
        expect(progressOf(await measureWith(items))).toBeCloseTo(expected, 12);
    });

    it.each([
        ['without a current', 'baseline 0 target 10'],
        ['without a target', 'baseline 0 current 10'],
        ['when the target equals the baseline', 'baseline 10 target 10 current 12'],
        ['when the target is 0 and there is no baseline', 'target 0 current 5'],
        ['with nothing', '']
    ])('is absent (not 0) %s', async (_what, items) => {
        expect(progressOf(await measureWith(items))).toBeUndefined();
    });
});

describe('mission progress and measure facts', () => {
    it('is the mean of the progress of the measures that have one', async () => {
        const result = await check(`
mission Mixed {
  measure half { target 10 current 5 }
  measure none { target 10 }
  measure full { target 10 current 20 }
  measure flat { baseline 3 target 3 current 3 }
}
mission Nothing { measure a { target 1 } }
mission Empty { }`);
        const { facts } = result;
        expect(facts.progressOf(mission(result, 'Mixed'))).toBeCloseTo(0.75, 12);
        expect(facts.progressOf(mission(result, 'Nothing'))).toBeUndefined();
        expect(facts.progressOf(mission(result, 'Empty'))).toBeUndefined();
        const [half, none] = mission(result, 'Mixed').measures;
        expect(facts.measure(half!)).toEqual({
            direction: 'up',
            progress: 0.5,
            rollup: { mode: 'sum', written: false, reporting: 0 }
        });
        expect(facts.measure(none!).progress).toBeUndefined();
        expect(facts.measure(none!).direction).toBe('up');
    });

    it('computes the mean as a pure function', () => {
        expect(meanProgress([0.5, undefined, 1])).toBe(0.75);
        expect(meanProgress([undefined])).toBeUndefined();
        expect(meanProgress([])).toBeUndefined();
        expect(meanProgress([0])).toBe(0);
    });
});

describe('contributors', () => {
    it('lists the measures contributing to a measure, across files, in model order', async () => {
        const result = await check({
            'top.mission': 'mission Grow { measure patients { target 100 } measure other { } }',
            'a.mission':
                'mission Clinics under Grow { measure registered { contributes to Grow.patients } measure opened { } }',
            'b.mission':
                'mission Recruit under Grow { measure hired { contributes to Grow.patients } ' +
                'measure misc { contributes to Grow.other } }'
        });
        const { facts } = result;
        const [patients, other] = mission(result, 'Grow').measures;
        expect(facts.contributorsOf(patients!).map(measure => measure.name)).toEqual(['registered', 'hired']);
        expect(facts.contributorsOf(other!).map(measure => measure.name)).toEqual(['misc']);
        expect(facts.contributorsOf(mission(result, 'Clinics').measures[1]!)).toEqual([]);
    });

    it('ignores an unresolved contributes to', async () => {
        const result = await check('mission Grow { measure p { } }\nmission M { measure m { contributes to Grow.q } }');
        expect(result.facts.contributorsOf(mission(result, 'Grow').measures[0]!)).toEqual([]);
    });
});

describe('roll-up', () => {
    /** The facts of Top.t (with these items) and contributors with these currents (`-` for none). */
    async function rollupWith(items: string, currents: string[]) {
        const contributors = currents
            .map((current, index) => {
                const value = current === '-' ? '' : `current ${current}`;
                return `mission C${index} under Top { measure c { ${value} contributes to Top.t } }`;
            })
            .join('\n');
        const result = await check(`mission Top { measure t { ${items} } }\n${contributors}`);
        return result.facts.measure(mission(result, 'Top').measures[0]!).rollup;
    }

    it.each([
        ['', 'sum', false],
        ['unit patients', 'sum', false],
        ['unit "%"', 'mean', false],
        ['unit percent', 'mean', false],
        ['unit "Percent"', 'mean', false],
        ['unit "%" rollup sum', 'sum', true],
        ['unit patients rollup mean', 'mean', true],
        ['rollup none unit "%"', 'none', true]
    ])('the effective mode of { %s } is %s (written: %s)', async (items, mode, written) => {
        const rollup = await rollupWith(items, []);
        expect(rollup).toEqual({ mode, written, reporting: 0 });
    });

    it('combines the currents by the mode, a contributor without a current leaving nothing', async () => {
        expect(await rollupWith('', ['4', '-', '3.5'])).toEqual({
            mode: 'sum',
            written: false,
            reporting: 2,
            combined: 7.5,
            lowest: 3.5,
            highest: 4
        });
        expect(await rollupWith('unit "%"', ['91', '97', '-'])).toEqual({
            mode: 'mean',
            written: false,
            reporting: 2,
            combined: 94,
            lowest: 91,
            highest: 97
        });
        expect(await rollupWith('rollup none', ['1', '2'])).toEqual({
            mode: 'none',
            written: true,
            reporting: 2,
            lowest: 1,
            highest: 2
        });
    });

    it('leaves out a measure contributing to itself', async () => {
        const result = await check('mission Top { measure t { current 5 contributes to Top.t } }');
        const rollup = result.facts.measure(mission(result, 'Top').measures[0]!).rollup;
        expect(rollup).toEqual({ mode: 'sum', written: false, reporting: 0 });
    });
});

/**
 * The facts' answers pinned where the other facts suites leave a gap: absent (not undefined-valued) optional
 * fields, the facts kept per instance (asking twice gives the same object), a person's load timeline, the
 * order of missions running together, the roll-up in words, the staging order of ranked against unrankable
 * and of equal names, and the day-window helpers at their edges.
 */
import { describe, expect, it } from 'vitest';
import { allocationOf } from '../src/facts/allocation.js';
import { loadSteps, loadTimeline } from '../src/facts/load-timeline.js';
import { rollupText } from '../src/facts/measures.js';
import { stagingQueue } from '../src/facts/staging.js';
import { supportersOf } from '../src/facts/supports.js';
import { ALL_TIME, isAllTime, overlaps } from '../src/facts/windows.js';
import { todayFrom } from '../src/model/dates.js';
import { check, element, mission } from './foundation-helpers.js';

const day = (iso: string): number => todayFrom(iso);
const window = (start: string, end: string) => ({ start: day(start), end: day(end) });

describe('allocation without headcounts', () => {
    it('leaves the headcount out (no key) when no child states one', async () => {
        const result = await check(`
mission Parent { }
mission A under Parent { boundary { budget 2 GBP } }`);
        expect(allocationOf(result.facts, mission(result, 'Parent'))).toStrictEqual({
            budgets: [{ currency: 'GBP', amount: 2 }],
            children: 1
        });
    });
});

describe('load timeline of a person', () => {
    const MODEL = `
person alice
person idle { capacity 3 }
mission Late { lead alice boundary { window 2026-03-01 .. 2026-06-30 } }
mission Early { lead alice boundary { window 2026-01-01 .. 2026-03-31 } }
mission Staged { lead alice status staged boundary { window 2026-01-01 .. 2026-12-31 } }`;

    it('steps through the active missions by stretch of days, missions running together in model order', async () => {
        const result = await check(MODEL);
        const steps = loadTimeline(result.facts, element(result, 'Person', 'alice'));
        expect(steps.map(step => ({ ...step, items: step.items.map(item => item.name) }))).toEqual([
            { start: day('2026-01-01'), end: day('2026-02-28'), load: 1, items: ['Early'] },
            { start: day('2026-03-01'), end: day('2026-03-31'), load: 2, items: ['Late', 'Early'] },
            { start: day('2026-04-01'), end: day('2026-06-30'), load: 1, items: ['Late'] }
        ]);
    });

    it('gives the items running together in the order given, not the order they start', () => {
        expect(
            loadSteps([
                { item: 'c', window: { start: 3, end: 9 } },
                { item: 'b', window: { start: 2, end: 9 } },
                { item: 'a', window: { start: 1, end: 9 } }
            ])
        ).toEqual([
            { start: 1, end: 1, load: 1, items: ['a'] },
            { start: 2, end: 2, load: 2, items: ['b', 'a'] },
            { start: 3, end: 9, load: 3, items: ['c', 'b', 'a'] }
        ]);
    });

    it('gives a person on no mission an empty load and no steps', async () => {
        const result = await check(MODEL);
        const idle = element(result, 'Person', 'idle');
        expect(result.facts.loadOf(idle)).toStrictEqual({
            person: idle,
            capacity: 3,
            missions: [],
            assignments: [],
            load: 0,
            counted: []
        });
        expect(loadTimeline(result.facts, idle)).toEqual([]);
    });
});

describe('roll-up', () => {
    const MODEL = `
mission Top { measure plain { } measure rate { unit percent } measure kept { rollup none } }
mission A under Top {
  measure a { current 4 contributes to Top.plain }
  measure r { current 91 contributes to Top.rate }
}
mission B under Top {
  measure b { current 3.5 contributes to Top.plain }
  measure r { current 97 contributes to Top.rate }
}
mission C under Top { measure k { current 1 contributes to Top.kept } }
mission D under Top { measure l { current 2 contributes to Top.kept } }`;

    it('says the combined value without a unit, and the unit a rate defaults to mean for', async () => {
        const result = await check(MODEL);
        const [plain, rate] = mission(result, 'Top').measures;
        expect(rollupText(result.facts.measure(plain!).rollup, undefined)).toBe(
            'sum (the default): 7.5 from 2 contributors'
        );
        expect(rollupText(result.facts.measure(rate!).rollup, 'percent')).toBe(
            'mean (the default for percent): 94 percent from 2 contributors'
        );
    });

    it('names % as the default of a mean roll-up given without a unit', () => {
        expect(rollupText({ mode: 'mean', written: false, reporting: 0 }, undefined)).toBe(
            'mean (the default for %): no contributor reports a current'
        );
    });

    it('leaves the combined value out (no key) when the mode is none', async () => {
        const result = await check(MODEL);
        const kept = mission(result, 'Top').measures[2]!;
        expect(result.facts.measure(kept).rollup).toStrictEqual({
            mode: 'none',
            written: true,
            reporting: 2,
            lowest: 1,
            highest: 2
        });
    });
});

describe('facts kept per facts instance', () => {
    const MODEL = `
mission M { boundary { window 2026-01-01 .. 2026-12-31 } measure m { target 10 current 5 } }
mission S { supports M }`;

    it('answers the same measure facts, pace and supporters object when asked twice', async () => {
        const result = await check(MODEL);
        const { facts } = result;
        const measure = mission(result, 'M').measures[0]!;
        expect(facts.measure(measure)).toBe(facts.measure(measure));
        const pace = facts.paceOn(day('2026-07-01'));
        expect(pace.measure(measure)).toBe(pace.measure(measure));
        const supporters = supportersOf(facts, mission(result, 'M'));
        expect(supporters.map(item => item.name)).toEqual(['S']);
        expect(supportersOf(facts, mission(result, 'M'))).toBe(supporters);
    });
});

describe('pace of a measure that cannot have one', () => {
    it('has its span only: no expected, progress or pace keys', async () => {
        const result = await check('mission Open { measure m { target 10 } }');
        const measure = mission(result, 'Open').measures[0]!;
        expect(result.facts.paceOn(day('2026-07-01')).measure(measure)).toStrictEqual({ span: ALL_TIME });
    });
});

describe('staging queue', () => {
    it('ranks a ranked mission before an unrankable one written first, whatever their names', async () => {
        const result = await check(`
mission Alpha { status staged }
mission Zulu { status staged value 1k GBP per week boundary { window 2026-01-01 .. 2026-01-07 } }`);
        expect(stagingQueue(result.facts).map(entry => entry.mission.name)).toEqual(['Zulu', 'Alpha']);
    });

    it('keeps unrankable missions of one name in model order, and leaves their absent fields out', async () => {
        const result = await check(`
mission Dup { status staged value 1k GBP per week }
mission Dup { status staged }`);
        const [first, second] = result.facts.missions;
        expect(stagingQueue(result.facts)).toStrictEqual([
            { mission: first, costOfDelayPerWeek: 1000, currency: 'GBP' },
            { mission: second }
        ]);
    });
});

describe('day-window helpers at their edges', () => {
    it('overlap on a shared last day, in either order, and not when one ends before the other starts', () => {
        expect(overlaps(window('2026-01-31', '2026-02-28'), window('2026-01-01', '2026-01-31'))).toBe(true);
        expect(overlaps(window('2026-02-01', '2026-02-28'), window('2026-01-01', '2026-01-31'))).toBe(false);
        expect(overlaps(window('2026-01-01', '2026-01-31'), window('2026-02-01', '2026-02-28'))).toBe(false);
    });

    it('are all time only when open at both ends', () => {
        expect(isAllTime(ALL_TIME)).toBe(true);
        expect(isAllTime({ start: Number.NEGATIVE_INFINITY, end: day('2026-01-01') })).toBe(false);
        expect(isAllTime({ start: day('2026-01-01'), end: Number.POSITIVE_INFINITY })).toBe(false);
        expect(isAllTime(window('2026-01-01', '2026-12-31'))).toBe(false);
    });
});

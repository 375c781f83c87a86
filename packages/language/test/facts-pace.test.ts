/**
 * Expected progress and pace (LANGUAGE.md): the span from the mission's effective window start to the
 * measure's `due` (else the window end), the fraction of it elapsed by today (today counted, clamped),
 * on track down to expected − 0.10, won at progress 1, none without progress or a bounded span; a
 * mission's pace is its worst measure's, won only when every paced measure is won.
 */
import { describe, expect, it } from 'vitest';
import { expectedProgress, paceFrom, worstPace } from '../src/facts/pace.js';
import { todayFrom } from '../src/model/dates.js';
import { check, mission } from './foundation-helpers.js';

const day = (iso: string): number => todayFrom(iso);

describe('expected progress', () => {
    const span = { start: day('2026-01-01'), end: day('2026-01-10') };

    it.each([
        ['2025-12-31', 0],
        ['2026-01-01', 0.1],
        ['2026-01-05', 0.5],
        ['2026-01-10', 1],
        ['2026-03-01', 1]
    ])('on %s of a 10-day span: %s', (today, expected) => {
        expect(expectedProgress(span, day(today))).toBeCloseTo(expected, 12);
    });

    it('a one-day span expects nothing before its day and everything from it on', () => {
        const one = { start: day('2026-05-05'), end: day('2026-05-05') };
        expect(expectedProgress(one, day('2026-05-04'))).toBe(0);
        expect(expectedProgress(one, day('2026-05-05'))).toBe(1);
        expect(expectedProgress(one, day('2026-05-06'))).toBe(1);
    });

    it('is absent for an unbounded span or one that ends before it starts', () => {
        expect(expectedProgress({ start: Number.NEGATIVE_INFINITY, end: day('2026-01-10') }, day('2026-01-05'))).toBe(
            undefined
        );
        expect(expectedProgress({ start: day('2026-01-01'), end: Number.POSITIVE_INFINITY }, day('2026-01-05'))).toBe(
            undefined
        );
        expect(expectedProgress({ start: day('2026-01-10'), end: day('2026-01-01') }, day('2026-01-05'))).toBe(
            undefined
        );
    });
});

describe('pace of a progress', () => {
    it.each([
        [0.45, 0.55, 'on-track'],
        [0.449, 0.55, 'behind'],
        [0.7, 0.3, 'on-track'],
        [0, 0.1, 'on-track'],
        [0, 0.11, 'behind'],
        [1, 1, 'won'],
        [1, 0, 'won'],
        [0.99, 1, 'on-track'],
        [0.89, 1, 'behind']
    ])('progress %s against %s expected → %s', (progress, expected, pace) => {
        expect(paceFrom(progress, expected)).toBe(pace);
    });

    it('is absent without a progress or an expected progress', () => {
        expect(paceFrom(undefined, 0.5)).toBe(undefined);
        expect(paceFrom(0.5, undefined)).toBe(undefined);
    });

    it('of a mission: the worst, won only when every paced measure is won', () => {
        expect(worstPace(['won', 'on-track', 'behind'])).toBe('behind');
        expect(worstPace(['won', 'on-track', undefined])).toBe('on-track');
        expect(worstPace(['won', undefined, 'won'])).toBe('won');
        expect(worstPace([undefined])).toBe(undefined);
        expect(worstPace([])).toBe(undefined);
    });
});

describe('pace in the facts', () => {
    const model = `
vision V { horizon 2027-12-31 }
mission M under V {
  boundary { window 2026-01-01 .. 2026-12-31 }
  measure due { baseline 0 target 100 current 40 due 2026-01-10 }
  measure year { baseline 0 target 100 current 40 }
  measure done { baseline 0 target 10 current 10 }
  measure unmeasured { baseline 0 target 10 }
}
mission Open { measure m { baseline 0 target 10 current 5 } }
mission Child under M { measure m { target 10 current 9 due 2026-02-01 } }
`;

    it('reads the span from the due, else the effective window end; today from the argument', async () => {
        const result = await check(model);
        const m = mission(result, 'M');
        const pace = result.facts.paceOn(day('2026-04-01'));
        const [due, year, done, unmeasured] = m.measures.map(measure => pace.measure(measure));
        expect(due).toMatchObject({ expected: 1, pace: 'behind' });
        expect(due!.span).toEqual({ start: day('2026-01-01'), end: day('2026-01-10') });
        expect(year!.expected).toBeCloseTo(91 / 365, 12);
        expect(year!.pace).toBe('on-track');
        expect(done!.pace).toBe('won');
        expect(unmeasured!.pace).toBe(undefined);
        expect(unmeasured!.expected).toBeCloseTo(91 / 365, 12);
        expect(pace.mission(m)).toBe('behind');
        // Inherited window start, own due.
        expect(pace.measure(mission(result, 'Child').measures[0]!)).toMatchObject({ pace: 'on-track' });
        // No window anywhere: an unbounded span has no expected progress and no pace.
        const open = pace.measure(mission(result, 'Open').measures[0]!);
        expect(open.expected).toBe(undefined);
        expect(open.pace).toBe(undefined);
        expect(pace.mission(mission(result, 'Open'))).toBe(undefined);
    });

    it('follows the day asked: a new today is a new answer from the same facts', async () => {
        const result = await check(model);
        const year = mission(result, 'M').measures[1]!;
        expect(result.facts.paceOn(day('2025-06-01')).measure(year)).toMatchObject({ expected: 0, pace: 'on-track' });
        expect(result.facts.paceOn(day('2026-12-31')).measure(year)).toMatchObject({ expected: 1, pace: 'behind' });
        const again = result.facts.paceOn(day('2026-12-31'));
        expect(again).toBe(result.facts.paceOn(day('2026-12-31')));
        expect(again.mission(mission(result, 'Child'))).toBe('on-track');
    });
});

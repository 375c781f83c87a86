/**
 * Load per person: the sweep over window endpoints (inclusive windows), assignments as lead, crew
 * and through teams counted once per mission, only active missions, and the missions counted in the peak.
 */
import { describe, expect, it } from 'vitest';
import { sweepLoad } from '../src/facts/load.js';
import { ALL_TIME, type DayWindow } from '../src/facts/windows.js';
import { parseDate, toDay } from '../src/model/dates.js';
import { check, element, mission } from './foundation-helpers.js';

const day = (iso: string): number => toDay(parseDate(iso))!;
const w = (start: string, end: string): DayWindow => ({ start: day(start), end: day(end) });
const items = (...windows: Array<[string, DayWindow]>) => windows.map(([item, window]) => ({ item, window }));

describe('sweepLoad', () => {
    it('is 0 without items', () => {
        expect(sweepLoad([], 1)).toEqual({ peak: 0, counted: [] });
    });

    it('counts windows touching on one day as overlapping', () => {
        const result = sweepLoad(items(['a', w('2026-01-01', '2026-01-31')], ['b', w('2026-01-31', '2026-02-28')]), 1);
        expect(result).toEqual({ peak: 2, counted: ['a', 'b'] });
    });

    it('does not count windows one day apart as overlapping', () => {
        expect(sweepLoad(items(['a', w('2026-01-01', '2026-01-30')], ['b', w('2026-01-31', '2026-02-28')]), 1)).toEqual(
            { peak: 1, counted: [] }
        );
    });

    it('finds the peak and only the items that are part of an overload', () => {
        const result = sweepLoad(
            items(
                ['a', w('2026-01-01', '2026-03-31')],
                ['b', w('2026-02-01', '2026-04-30')],
                ['c', w('2026-06-01', '2026-07-31')],
                ['d', w('2026-03-15', '2026-03-20')]
            ),
            1
        );
        expect(result.peak).toBe(3);
        expect(result.counted).toEqual(['a', 'b', 'd']);
    });

    it('counts nothing while the load stays within the capacity', () => {
        expect(sweepLoad(items(['a', w('2026-01-01', '2026-03-31')], ['b', w('2026-02-01', '2026-04-30')]), 2)).toEqual(
            { peak: 2, counted: [] }
        );
    });

    it('handles open-ended windows (all time) with finite ones', () => {
        const result = sweepLoad(
            items(['all', ALL_TIME], ['jan', w('2026-01-01', '2026-01-31')], ['late', w('2027-01-01', '2027-01-31')]),
            1
        );
        expect(result.peak).toBe(2);
        expect(result.counted).toEqual(['all', 'jan', 'late']);
        expect(sweepLoad(items(['x', ALL_TIME], ['y', ALL_TIME], ['z', ALL_TIME]), 2)).toEqual({
            peak: 3,
            counted: ['x', 'y', 'z']
        });
        expect(
            sweepLoad(
                items(
                    ['x', { start: Number.NEGATIVE_INFINITY, end: day('2026-01-01') }],
                    ['y', { start: day('2026-01-02'), end: Number.POSITIVE_INFINITY }]
                ),
                1
            ).peak
        ).toBe(1);
    });

    it('does not count an item that only overlaps others while the load is within capacity', () => {
        // capacity 2: a, b, c overlap in February only; e overlaps a alone in March.
        const result = sweepLoad(
            items(
                ['a', w('2026-01-01', '2026-03-31')],
                ['b', w('2026-02-01', '2026-02-28')],
                ['c', w('2026-02-10', '2026-02-20')],
                ['e', w('2026-03-01', '2026-03-31')]
            ),
            2
        );
        expect(result).toEqual({ peak: 3, counted: ['a', 'b', 'c'] });
    });

    it('counts an item that meets only a later overloaded run, not an earlier one it starts on the end of', () => {
        // capacity 1: a, b overload days 0..4 (run [0, 5)); c (days 5..7) and d (days 7..9) overload day 7
        // (run [7, 8)).
        const byDays = (...windows: Array<[string, number, number]>) =>
            windows.map(([item, start, end]) => ({ item, window: { start, end } }));
        expect(sweepLoad(byDays(['a', 0, 4], ['b', 0, 4], ['c', 5, 7], ['d', 7, 9]), 1)).toEqual({
            peak: 2,
            counted: ['a', 'b', 'c', 'd']
        });
        // c starts on the day the only run ends, and e ends the day before a run starts: neither is counted.
        expect(sweepLoad(byDays(['a', 0, 4], ['b', 0, 4], ['c', 5, 9]), 1).counted).toEqual(['a', 'b']);
        expect(sweepLoad(byDays(['e', 0, 4], ['f', 5, 9], ['g', 5, 9]), 1).counted).toEqual(['f', 'g']);
    });

    it('sorts the days of a person on many missions given in any order', () => {
        // 20 missions (the long-list path), in descending order; days 0..19, each one day long, and two more
        // overlapping day 3 only.
        const many = Array.from({ length: 20 }, (_, i) => ({
            item: `m${19 - i}`,
            window: { start: 19 - i, end: 19 - i }
        }));
        const result = sweepLoad([...many, { item: 'x', window: { start: 3, end: 3 } }], 1);
        expect(result).toEqual({ peak: 2, counted: ['m3', 'x'] });
        const short = sweepLoad(
            [
                { item: 'late', window: { start: 9, end: 9 } },
                { item: 'early', window: { start: 1, end: 2 } },
                { item: 'mid', window: { start: 2, end: 9 } }
            ],
            1
        );
        expect(short).toEqual({ peak: 2, counted: ['late', 'early', 'mid'] });
    });

    it('is linear-ish: 100,000 items in well under a few seconds', () => {
        const many = Array.from({ length: 100_000 }, (_, i) => ({ item: i, window: { start: i, end: i + 1 } }));
        const started = performance.now();
        const result = sweepLoad(many, 1);
        expect(performance.now() - started).toBeLessThan(3000);
        expect(result.peak).toBe(2);
        expect(result.counted).toHaveLength(100_000);
    });
});

describe('load of a person', () => {
    const PEOPLE = `
person alice
person bob { capacity 2 }
person cara
person dan
team ops { members bob, cara }
`;

    it('counts a person on lead and crew of one mission once', async () => {
        const result = await check(`${PEOPLE}\nmission M { lead alice crew alice crew alice }`);
        const load = result.facts.loadOf(element(result, 'Person', 'alice'));
        expect(load.load).toBe(1);
        expect(load.missions.map(item => item.name)).toEqual(['M']);
        expect(load.assignments.map(assignment => assignment.role)).toEqual(['lead', 'crew', 'crew']);
        expect(load.counted).toEqual([]);
    });

    it('counts a person through a team, and once when also named directly', async () => {
        const result = await check(`${PEOPLE}\nmission A { crew ops }\nmission B { lead cara crew ops }`);
        const cara = result.facts.loadOf(element(result, 'Person', 'cara'));
        expect(cara.missions.map(item => item.name)).toEqual(['A', 'B']);
        expect(cara.load).toBe(2);
        expect(
            cara.assignments.filter(assignment => assignment.role === 'team').map(assignment => assignment.team?.name)
        ).toEqual(['ops', 'ops']);
        expect(cara.counted.map(item => item.name)).toEqual(['A', 'B']);
        const bob = result.facts.loadOf(element(result, 'Person', 'bob'));
        expect([bob.load, bob.capacity, bob.counted]).toEqual([2, 2, []]);
    });

    it('counts only active missions', async () => {
        const result = await check(`${PEOPLE}
mission Staged { lead dan status staged }
mission Won { lead dan status won }
mission Lost { lead dan status lost }
mission Abandoned { lead dan status abandoned }
mission Running { lead dan }`);
        const dan = result.facts.loadOf(element(result, 'Person', 'dan'));
        expect(dan.load).toBe(1);
        expect(dan.counted).toEqual([]);
        // Every mission the person is on is still listed.
        expect(dan.missions).toHaveLength(5);
    });

    it('uses the effective windows: inherited, and all time without one', async () => {
        const result = await check(`${PEOPLE}
mission Parent { boundary { window 2026-01-01 .. 2026-03-31 } }
mission Child under Parent { lead alice }
mission Later { lead alice boundary { window 2026-04-01 .. 2026-06-30 } }
mission Touching { lead cara boundary { window 2026-03-31 .. 2026-04-30 } }
mission Inherits under Parent { lead cara }`);
        const alice = result.facts.loadOf(element(result, 'Person', 'alice'));
        expect([alice.load, alice.counted]).toEqual([1, []]);
        const cara = result.facts.loadOf(element(result, 'Person', 'cara'));
        expect([cara.load, cara.counted.map(item => item.name)]).toEqual([2, ['Touching', 'Inherits']]);
    });

    it('counts the missions in the peak, not the ones outside it', async () => {
        const result = await check(`${PEOPLE}
mission Grow { lead alice boundary { window 2026-01-01 .. 2026-12-31 } }
mission Clinics { lead alice boundary { window 2026-02-01 .. 2026-09-30 } }
mission Later { lead alice boundary { window 2027-01-01 .. 2027-12-31 } }`);
        const alice = element(result, 'Person', 'alice');
        const load = result.facts.loadOf(alice);
        expect(load.load).toBe(2);
        expect(load.capacity).toBe(1);
        expect(load.counted.map(item => item.name)).toEqual(['Grow', 'Clinics']);
        expect(result.facts.isCountedInPeak(alice, mission(result, 'Grow'))).toBe(true);
        expect(result.facts.isCountedInPeak(alice, mission(result, 'Later'))).toBe(false);
    });

    it('gives a person on no mission a load of 0 and the default capacity', async () => {
        const result = await check(PEOPLE);
        expect(result.facts.loadOf(element(result, 'Person', 'dan'))).toMatchObject({
            load: 0,
            capacity: 1,
            missions: [],
            counted: []
        });
    });

    it('ignores unresolved lead and crew references', async () => {
        const result = await check(`${PEOPLE}\nmission M { lead ghost crew ghost, alice }`);
        expect(result.facts.loadOf(element(result, 'Person', 'alice')).load).toBe(1);
    });

    it('counts only the first lead of a mission with a repeated lead', async () => {
        const result = await check(`${PEOPLE}\nmission M { lead alice lead dan }`);
        expect(result.facts.loadOf(element(result, 'Person', 'dan')).missions).toEqual([]);
    });
});

/**
 * Effective windows (own, inherited from the nearest ancestor with one, a vision's horizon, all time),
 * broken windows treated as absent, cycles; and the day-window helpers and `active`.
 */
import { describe, expect, it } from 'vitest';
import { ALL_TIME, contains, isAllTime, overlaps } from '../src/facts/windows.js';
import { parseDate, toDay } from '../src/model/dates.js';
import { check, element, mission } from './foundation-helpers.js';

const day = (iso: string): number => toDay(parseDate(iso))!;
const window = (start: string, end: string) => ({ start: day(start), end: day(end) });

describe('effective window', () => {
    const MODEL = `
vision Acme { horizon 2030-12-31 }
vision Open
mission Grow under Acme { boundary { window 2026-01-01 .. 2026-12-31 } }
mission Clinics under Grow { boundary { budget 5 GBP } }
mission North under Clinics { }
mission South under Clinics { boundary { window 2026-03-01 .. 2026-04-30 } }
mission Direct under Acme { }
mission Below under Direct { }
mission Free under Open { }
mission Alone { }
mission Orphan under Nowhere { }`;

    it('is the own window when the mission has one', async () => {
        const result = await check(MODEL);
        expect(result.facts.windowOf(mission(result, 'Grow'))).toEqual({
            ...window('2026-01-01', '2026-12-31'),
            source: 'own',
            from: mission(result, 'Grow')
        });
        expect(result.facts.windowOf(mission(result, 'South'))).toMatchObject({
            ...window('2026-03-01', '2026-04-30'),
            source: 'own'
        });
    });

    it('is inherited from the nearest ancestor with a window', async () => {
        const result = await check(MODEL);
        const grow = mission(result, 'Grow');
        expect(result.facts.windowOf(mission(result, 'Clinics'))).toEqual({
            ...window('2026-01-01', '2026-12-31'),
            source: 'inherited',
            from: grow
        });
        expect(result.facts.windowOf(mission(result, 'North'))).toEqual({
            ...window('2026-01-01', '2026-12-31'),
            source: 'inherited',
            from: grow
        });
    });

    it("runs from all time to the vision's horizon when no mission on the way has a window", async () => {
        const result = await check(MODEL);
        const acme = element(result, 'Vision', 'Acme');
        const expected = { start: Number.NEGATIVE_INFINITY, end: day('2030-12-31'), source: 'vision', from: acme };
        expect(result.facts.windowOf(mission(result, 'Direct'))).toEqual(expected);
        expect(result.facts.windowOf(mission(result, 'Below'))).toEqual(expected);
    });

    it('spans all time without any window or horizon on the way', async () => {
        const result = await check(MODEL);
        for (const name of ['Free', 'Alone', 'Orphan']) {
            const effective = result.facts.windowOf(mission(result, name));
            expect(effective, name).toMatchObject({ ...ALL_TIME, source: 'none' });
            expect(effective.from).toBeUndefined();
            expect(isAllTime(effective)).toBe(true);
        }
    });

    it('treats a window with an invalid date or starting after its end as absent', async () => {
        const result = await check(`
vision V { horizon 2030-01-01 }
mission P under V { boundary { window 2026-01-01 .. 2026-06-30 } }
mission BadDate under P { boundary { window 2026-02-30 .. 2026-03-31 } }
mission Reversed under P { boundary { window 2026-05-01 .. 2026-04-01 } }
mission BadTop under V { boundary { window 2026-01-01 .. 2026-13-01 } }`);
        expect(result.diagnostics.map(diagnostic => diagnostic.code)).toEqual([
            'invalid-date',
            'invalid-window',
            'invalid-date'
        ]);
        const p = mission(result, 'P');
        expect(result.facts.windowOf(mission(result, 'BadDate'))).toEqual({
            ...window('2026-01-01', '2026-06-30'),
            source: 'inherited',
            from: p
        });
        expect(result.facts.windowOf(mission(result, 'Reversed'))).toEqual({
            ...window('2026-01-01', '2026-06-30'),
            source: 'inherited',
            from: p
        });
        expect(result.facts.windowOf(mission(result, 'BadTop'))).toMatchObject({
            end: day('2030-01-01'),
            source: 'vision'
        });
    });

    it('treats an invalid horizon as absent', async () => {
        const result = await check('vision V { horizon 2026-02-30 }\nmission M under V { }');
        expect(result.facts.windowOf(mission(result, 'M'))).toMatchObject({ ...ALL_TIME, source: 'none' });
    });

    it('accepts a one-day window', async () => {
        const result = await check('mission M { boundary { window 2026-05-05 .. 2026-05-05 } }');
        expect(result.diagnostics).toEqual([]);
        expect(result.facts.windowOf(mission(result, 'M'))).toMatchObject({
            start: day('2026-05-05'),
            end: day('2026-05-05'),
            source: 'own'
        });
    });

    it('does not depend on the order of the missions in the files', async () => {
        const result = await check({
            'a.mission': 'mission Leaf under Middle { }',
            'b.mission': 'mission Middle under Top { }\nmission Top { boundary { window 2026-01-01 .. 2026-02-01 } }'
        });
        expect(result.facts.windowOf(mission(result, 'Leaf'))).toMatchObject({
            source: 'inherited',
            from: mission(result, 'Top')
        });
    });

    describe('on a cycle', () => {
        it('goes around the cycle from the member with a window', async () => {
            const result = await check(`
mission A under C { }
mission B under A { boundary { window 2026-01-01 .. 2026-03-31 } }
mission C under B { }
mission Child under A { }`);
            const b = mission(result, 'B');
            expect(result.facts.windowOf(b)).toMatchObject({ source: 'own', from: b });
            // C is under B, A under C: both inherit B's window.
            for (const name of ['A', 'C', 'Child']) {
                expect(result.facts.windowOf(mission(result, name)), name).toEqual({
                    ...window('2026-01-01', '2026-03-31'),
                    source: 'inherited',
                    from: b
                });
            }
        });

        it('takes the nearest window going up when several members have one', async () => {
            const result = await check(`
mission A under C { boundary { window 2026-01-01 .. 2026-01-31 } }
mission B under A { }
mission C under B { boundary { window 2026-03-01 .. 2026-03-31 } }`);
            expect(result.facts.windowOf(mission(result, 'B'))).toMatchObject({
                source: 'inherited',
                from: mission(result, 'A')
            });
            expect(result.facts.windowOf(mission(result, 'A'))).toMatchObject({ source: 'own' });
            expect(result.facts.windowOf(mission(result, 'C'))).toMatchObject({ source: 'own' });
        });

        it('spans all time when no member has a window', async () => {
            const result = await check(
                'mission A under B { }\nmission B under A { }\nmission Self under Self { }\nmission Child under B { }'
            );
            for (const name of ['A', 'B', 'Self', 'Child']) {
                expect(result.facts.windowOf(mission(result, name)), name).toMatchObject({
                    ...ALL_TIME,
                    source: 'none'
                });
            }
        });
    });
});

describe('day windows', () => {
    it('overlap when they share a day, inclusive on both ends', () => {
        expect(overlaps(window('2026-01-01', '2026-01-31'), window('2026-01-31', '2026-02-28'))).toBe(true);
        expect(overlaps(window('2026-01-01', '2026-01-30'), window('2026-01-31', '2026-02-28'))).toBe(false);
        expect(overlaps(ALL_TIME, window('2026-01-01', '2026-01-01'))).toBe(true);
    });

    it('contain a window inside them, edges included', () => {
        expect(contains(window('2026-01-01', '2026-12-31'), window('2026-01-01', '2026-12-31'))).toBe(true);
        expect(contains(window('2026-01-01', '2026-12-31'), window('2025-12-31', '2026-06-30'))).toBe(false);
        expect(contains(ALL_TIME, window('2026-01-01', '2026-12-31'))).toBe(true);
        expect(contains(window('2026-01-01', '2026-12-31'), ALL_TIME)).toBe(false);
    });
});

describe('status and active', () => {
    it.each([
        ['active', true, false],
        ['staged', false, false],
        ['won', false, true],
        ['lost', false, true],
        ['abandoned', false, true]
    ])('status %s: active %s, finished %s', async (status, active, finished) => {
        const result = await check(`mission M { status ${status} }`);
        const m = mission(result, 'M');
        expect([result.facts.statusOf(m), result.facts.isActive(m), result.facts.isFinished(m)]).toEqual([
            status,
            active,
            finished
        ]);
    });

    it('is active without a status', async () => {
        const result = await check('mission M { }');
        expect(result.facts.isActive(mission(result, 'M'))).toBe(true);
        expect(result.facts.statusOf(mission(result, 'M'))).toBe('active');
    });
});

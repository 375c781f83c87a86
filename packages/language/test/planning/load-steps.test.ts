/**
 * The load step function agrees with a day-by-day count on random windows and additions: the load on a
 * day, the first day at or over a limit in a range, and the first day under it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LoadSteps } from '../../src/planning/load-steps.js';

const DAYS = 60;
const windowArbitrary = fc
    .tuple(fc.integer({ min: 0, max: DAYS }), fc.integer({ min: 0, max: 20 }), fc.boolean())
    .map(([start, length, open]) => ({ start, end: open ? Number.POSITIVE_INFINITY : start + length }));

describe('LoadSteps', () => {
    it('answers as a day-by-day count does', () => {
        fc.assert(
            fc.property(
                fc.array(windowArbitrary, { maxLength: 8 }),
                fc.array(windowArbitrary, { maxLength: 4 }),
                fc.integer({ min: 0, max: 3 }),
                fc.integer({ min: 0, max: DAYS }),
                fc.integer({ min: 0, max: 30 }),
                (initial, added, limit, from, span) => {
                    const steps = new LoadSteps(initial);
                    for (const window of added) steps.add(window);
                    const all = [...initial, ...added];
                    const load = (day: number): number => all.filter(w => w.start <= day && day <= w.end).length;
                    // Past the last finite day every load is constant: the open windows only.
                    const horizon = DAYS + 60;
                    for (let day = 0; day <= horizon; day++) expect(steps.loadOn(day), `day ${day}`).toBe(load(day));
                    let atLeast: number | undefined;
                    for (let day = from; day <= from + span; day++)
                        if (load(day) >= limit) {
                            atLeast = day;
                            break;
                        }
                    expect(steps.firstDayAtLeast(from, from + span, limit)).toBe(atLeast);
                    let below = Number.POSITIVE_INFINITY;
                    for (let day = from; day <= horizon; day++)
                        if (load(day) < limit) {
                            below = day;
                            break;
                        }
                    expect(steps.firstDayBelow(from, limit)).toBe(below);
                }
            ),
            { numRuns: 500 }
        );
    });
});

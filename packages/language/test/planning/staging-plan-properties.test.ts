/**
 * Property tests of the staging plan on random models: no planned mission puts anyone over capacity on
 * any day of its planned window (counting the active missions and every planned mission, checked day by
 * day), and none starts before today or leaves its parent's window.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { missionPeople, planStaging } from '../../src/planning/staging-plan.js';
import { dayToIso, parseDate, toDay } from '../../src/model/dates.js';
import { linkedFacts } from '../foundation-helpers.js';

const BASE = toDay(parseDate('2027-01-01'))!;
const iso = (offset: number): string => dayToIso(BASE + offset);

const missionArbitrary = fc.record({
    start: fc.integer({ min: 0, max: 60 }),
    length: fc.integer({ min: 0, max: 30 }),
    lead: fc.integer({ min: 0, max: 3 }),
    crew: fc.subarray([0, 1, 2, 3], { maxLength: 2 }),
    byTeam: fc.boolean(),
    value: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined })
});

const modelArbitrary = fc.record({
    capacities: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 4 }),
    active: fc.array(missionArbitrary, { maxLength: 8 }),
    staged: fc.array(missionArbitrary, { minLength: 1, maxLength: 8 }),
    parent: fc.record({ start: fc.integer({ min: -20, max: 20 }), length: fc.integer({ min: 10, max: 120 }) }),
    today: fc.integer({ min: 0, max: 30 })
});

type Generated = typeof modelArbitrary extends fc.Arbitrary<infer T> ? T : never;

function modelText(model: Generated): string {
    const lines = ['vision V', 'team squad { members p0, p1 }'];
    model.capacities.forEach((capacity, index) => lines.push(`person p${index} { capacity ${capacity} }`));
    const parentEnd = model.parent.start + model.parent.length;
    lines.push(`mission P under V { status won boundary { window ${iso(model.parent.start)} .. ${iso(parentEnd)} } }`);
    const mission = (name: string, status: string, m: Generated['active'][number]): string => {
        const crew = [...m.crew.map(index => `p${index}`), ...(m.byTeam ? ['squad'] : [])];
        return (
            `mission ${name} under P { status ${status} lead p${m.lead}` +
            (crew.length > 0 ? ` crew ${crew.join(', ')}` : '') +
            (m.value === undefined ? '' : ` value ${m.value} GBP per week`) +
            ` boundary { window ${iso(m.start)} .. ${iso(m.start + m.length)} } }`
        );
    };
    model.active.forEach((m, index) => lines.push(mission(`A${index}`, 'active', m)));
    model.staged.forEach((m, index) => lines.push(mission(`S${index}`, 'staged', m)));
    return lines.join('\n');
}

describe('the staging plan on random models', () => {
    it('never puts anyone over capacity, never starts before today, never leaves the parent window', async () => {
        let planned = 0;
        let waited = 0;
        await fc.assert(
            fc.asyncProperty(modelArbitrary, async model => {
                const { facts } = await linkedFacts(modelText(model));
                const today = BASE + model.today;
                const plan = planStaging(facts, { today });
                const parentStart = BASE + model.parent.start;
                const parentEnd = parentStart + model.parent.length;
                // Day-by-day loads: active missions, then each planned mission as the plan adds it.
                const load = new Map<string, number>();
                const bump = (person: string, start: number, end: number): void => {
                    for (let d = start; d <= end; d++)
                        load.set(`${person}@${d}`, (load.get(`${person}@${d}`) ?? 0) + 1);
                };
                for (const mission of facts.missions.filter(m => facts.isActive(m))) {
                    const window = facts.windowOf(mission);
                    for (const person of missionPeople(mission)) bump(person.name, window.start, window.end);
                }
                for (const entry of plan.entries) {
                    if (entry.start === undefined) continue;
                    planned++;
                    if (entry.waitsFor.length > 0) waited++;
                    expect(entry.start).toBeGreaterThanOrEqual(today);
                    expect(entry.start).toBeGreaterThanOrEqual(parentStart);
                    expect(entry.end).toBeLessThanOrEqual(parentEnd);
                    expect(entry.end! - entry.start).toBe(entry.window.end - entry.window.start);
                    for (const person of missionPeople(entry.mission)) {
                        bump(person.name, entry.start, entry.end!);
                        const capacity = model.capacities[Number(person.name.slice(1))]!;
                        for (let d = entry.start; d <= entry.end!; d++)
                            expect(
                                load.get(`${person.name}@${d}`),
                                `${entry.name} ${person.name} on ${d}`
                            ).toBeLessThanOrEqual(capacity);
                    }
                }
                expect(plan.entries.length).toBe(model.staged.length);
            }),
            { numRuns: 150 }
        );
        // The property held on plans that had something to hold it on.
        expect(planned).toBeGreaterThan(50);
        expect(waited).toBeGreaterThan(10);
    });
});

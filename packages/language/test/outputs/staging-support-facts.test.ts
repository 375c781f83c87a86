import { describe, expect, test } from 'vitest';
import { costOfDelayPerWeek, stagingQueue, WEEKS_PER_MONTH } from '../../src/facts/staging.js';
import { supportedBy, supportersOf } from '../../src/facts/supports.js';
import { checkText } from './output-helpers.js';

describe('staging queue (CD3)', () => {
    const model = `
        vision V { horizon 2027-12-31 }
        mission A under V { status staged value 10k GBP per week boundary { window 2026-01-01 .. 2026-01-14 } }
        mission B under V { status staged value 52k GBP per month boundary { window 2026-01-01 .. 2026-01-07 } }
        mission C under V { status staged boundary { window 2026-01-01 .. 2026-01-07 } }
        mission D under V { status staged value 1k GBP per week }
        mission E under V { status active value 99k GBP per week }
        mission F { status staged value 1k GBP per week }
    `;

    test('cost of delay per week: a month is 52/12 weeks', async () => {
        const { facts } = await checkText(model);
        const byName = (name: string) => facts.missions.find(mission => mission.name === name)!;
        expect(costOfDelayPerWeek(byName('A'))).toBe(10_000);
        expect(costOfDelayPerWeek(byName('B'))).toBeCloseTo((52_000 * 12) / 52, 9);
        expect(WEEKS_PER_MONTH).toBeCloseTo(4.333, 3);
        expect(costOfDelayPerWeek(byName('C'))).toBeUndefined();
    });

    test('staged missions ranked by CD3; unrankable last by name; active ones left out', async () => {
        const output = await checkText(model);
        const queue = stagingQueue(output.facts);
        expect(queue.map(entry => entry.mission.name)).toEqual(['B', 'A', 'C', 'D', 'F']);
        expect(queue[0]).toMatchObject({ windowWeeks: 1, currency: 'GBP' });
        expect(queue[0]!.cd3).toBeCloseTo(12_000, 6);
        expect(queue[1]).toMatchObject({ windowWeeks: 2, cd3: 5000 });
        // D inherits the vision's horizon: an open start, so it cannot be ranked.
        expect(queue[3]!.windowWeeks).toBeUndefined();
        expect(queue[3]!.cd3).toBeUndefined();
        expect(queue[2]!.costOfDelayPerWeek).toBeUndefined();
        expect(stagingQueue(output.facts)).toBe(queue); // computed once per facts
    });

    test('the unrankable come last by name, not in the order they are written', async () => {
        const { facts } = await checkText(`
            vision V { horizon 2027-12-31 }
            mission Zeta under V { status staged }
            mission Ranked under V { status staged value 1k GBP per week boundary { window 2026-01-01 .. 2026-01-07 } }
            mission Alpha under V { status staged value 5k GBP per week }
            mission Mid under V { status staged }
        `);
        expect(stagingQueue(facts).map(entry => entry.mission.name)).toEqual(['Ranked', 'Alpha', 'Mid', 'Zeta']);
    });
});

describe('supporters', () => {
    test('the reverse of supports, once each, unresolved left out', async () => {
        const { facts } = await checkText(`
            mission A { supports B, C, B }
            mission B { supports C, Nowhere }
            mission C { }
        `);
        const [a, b, c] = facts.missions;
        expect(supportedBy(a!).map(m => m.name)).toEqual(['B', 'C']);
        expect(supportedBy(b!).map(m => m.name)).toEqual(['C']);
        expect(supportersOf(facts, c!).map(m => m.name)).toEqual(['A', 'B']);
        expect(supportersOf(facts, a!)).toEqual([]);
    });
});

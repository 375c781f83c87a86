import { describe, expect, it } from 'vitest';
import { planStaging, type PlanOptions, type StagingPlan } from '../../src/planning/staging-plan.js';
import { PlanOptionError } from '../../src/planning/what-if.js';
import { parseDate, toDay, dayToIso } from '../../src/model/dates.js';
import { linkedFacts } from '../foundation-helpers.js';

const day = (text: string): number => toDay(parseDate(text))!;
const TODAY = day('2026-12-01');

const MODEL = `
vision V { horizon 2028-12-31 }
person alice { capacity 1 }
person bob { capacity 1 }
person carol { capacity 2 }
team ops { members bob, carol }
mission Grow under V { lead alice boundary { window 2026-01-01 .. 2027-02-28 } }
mission Clinics under V { lead bob boundary { window 2026-06-01 .. 2027-04-30 } }
mission Next under V {
    status staged
    lead alice
    value 10k GBP per week
    boundary { window 2026-01-01 .. 2026-03-31 }
}
mission Later under V {
    status staged
    lead carol crew ops
    value 1k GBP per week
    boundary { window 2026-01-01 .. 2026-01-31 }
}
mission Short under Grow {
    status staged
    lead carol
    boundary { window 2026-01-01 .. 2026-12-31 }
}
`;

async function plan(options: Partial<PlanOptions> = {}, text = MODEL): Promise<StagingPlan> {
    const { facts } = await linkedFacts(text);
    return planStaging(facts, { today: TODAY, ...options });
}

function rows(result: StagingPlan): string[] {
    return result.entries.map(entry =>
        entry.unplannable
            ? `${entry.rank} ${entry.name} unplannable (${entry.unplannable.reason}): ${entry.unplannable.message}`
            : `${entry.rank} ${entry.name} ${dayToIso(entry.start!)}..${dayToIso(entry.end!)}` +
              entry.waitsFor.map(wait => ` waits for ${wait.person} until ${dayToIso(wait.on)}`).join('')
    );
}

describe('planStaging', () => {
    it('starts each staged mission, in queue order, when its people free up, for its window length', async () => {
        expect(rows(await plan())).toEqual([
            '1 Next 2027-03-01..2027-05-29 waits for alice until 2027-03-01',
            '2 Later 2027-05-01..2027-05-31 waits for bob until 2027-05-01',
            '3 Short unplannable (parent-window): ' +
                'it does not fit in the window of Grow (2026-01-01..2027-02-28) from today on'
        ]);
    });

    it('applies what-if options: finish, delay, activate and capacity', async () => {
        expect(rows(await plan({ finish: [{ mission: 'Grow', on: day('2026-12-31') }] }))[0]).toBe(
            '1 Next 2027-01-01..2027-03-31 waits for alice until 2027-01-01'
        );
        expect(rows(await plan({ capacity: [{ person: 'alice', capacity: 2 }] }))[0]).toBe(
            '1 Next 2026-12-01..2027-02-28'
        );
        expect(rows(await plan({ delay: [{ mission: 'Clinics', by: { amount: 1, unit: 'm' } }] }))[1]).toBe(
            '2 Later 2027-05-31..2027-06-30 waits for bob until 2027-05-31'
        );
        const activated = await plan({
            activate: ['Next'],
            delay: [{ mission: 'Next', by: { amount: 12, unit: 'm' } }]
        });
        expect(activated.entries.map(entry => entry.name)).toEqual(['Later', 'Short']);
        expect(activated.overCapacity).toEqual([{ person: 'alice', capacity: 1, load: 2, missions: ['Grow', 'Next'] }]);
    });

    it('delays a staged mission from today', async () => {
        expect(rows(await plan({ delay: [{ mission: 'Later', by: { amount: 8, unit: 'w' } }] }))[1]).toBe(
            '2 Later 2027-05-01..2027-05-31 waits for bob until 2027-05-01'
        );
        expect(rows(await plan({ delay: [{ mission: 'Next', by: { amount: 30, unit: 'w' } }] }))[0]).toBe(
            '1 Next 2027-06-29..2027-09-26'
        );
    });

    it('names who is full when a mission fits nowhere', async () => {
        const text = `${MODEL}
mission Forever under V { lead dave }
person dave
mission Stuck under V { status staged lead dave boundary { window 2026-01-01 .. 2026-01-10 } }`;
        expect(rows(await plan({}, text)).at(-1)).toBe(
            '4 Stuck unplannable (full): dave is full until 2028-12-31, too late for the window of V'
        );
    });

    it('ends when someone is full forever, open windows included', async () => {
        const text = `vision Open
person dave
mission Forever under Open { lead dave }
mission Waiting under Open { status staged lead dave }
mission Bounded under Open { status staged lead dave boundary { window 2026-01-01 .. 2026-01-10 } }`;
        expect(rows(await plan({}, text))).toEqual([
            '1 Bounded unplannable (full): dave is full',
            '2 Waiting unplannable (full): dave is full'
        ]);
    });

    it('says "did you mean" for an unknown name', async () => {
        await expect(plan({ activate: ['Grox'] })).rejects.toThrow(
            new PlanOptionError("--activate Grox: no mission is named 'Grox': did you mean 'Grow'?")
        );
        await expect(plan({ capacity: [{ person: 'alise', capacity: 2 }] })).rejects.toThrow(/did you mean 'alice'/);
    });
});

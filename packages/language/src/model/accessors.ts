/**
 * Items that a mission, boundary, measure or person holds at most once are parsed into arrays (so a
 * repeat can be reported); these accessors give the one that counts: the first.
 */
import type {
    Boundary,
    Budget,
    Headcount,
    Intent,
    Lead,
    Measure,
    Mission,
    Person,
    Review,
    Value,
    Window
} from '../generated/ast.js';

export type MissionStatusName = 'staged' | 'active' | 'won' | 'lost' | 'abandoned';

export const FINISHED_STATUSES: ReadonlySet<MissionStatusName> = new Set(['won', 'lost', 'abandoned']);

export function statusOf(mission: Mission): MissionStatusName {
    return (mission.statuses[0]?.value as MissionStatusName | undefined) ?? 'active';
}

export function intentOf(mission: Mission): Intent | undefined {
    return mission.intents[0];
}

export function leadOf(mission: Mission): Lead | undefined {
    return mission.leads[0];
}

export function reviewOf(mission: Mission): Review | undefined {
    return mission.reviews[0];
}

export function valueOf(mission: Mission): Value | undefined {
    return mission.values[0];
}

export function boundaryOf(mission: Mission): Boundary | undefined {
    return mission.boundaries[0];
}

export function windowOf(mission: Mission): Window | undefined {
    return boundaryOf(mission)?.windows[0];
}

export function budgetOf(mission: Mission): Budget | undefined {
    return boundaryOf(mission)?.budgets[0];
}

export function headcountOf(mission: Mission): Headcount | undefined {
    return boundaryOf(mission)?.headcounts[0];
}

/** A person's capacity: how many active missions at once; 1 when not given. */
export function capacityOf(person: Person): number {
    return person.capacities[0]?.value ?? 1;
}

export function baselineOf(measure: Measure): number | undefined {
    return measure.baselines[0]?.value;
}

export function targetOf(measure: Measure): number | undefined {
    return measure.targets[0]?.value;
}

export function currentOf(measure: Measure): number | undefined {
    return measure.currents[0]?.value;
}

export function unitOf(measure: Measure): string | undefined {
    const unit = measure.units[0];
    return unit ? (unit.name ?? unit.text) : undefined;
}

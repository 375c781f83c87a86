/**
 * Items that a mission, boundary, measure or person holds at most once are parsed into arrays (so a
 * repeat can be reported); these accessors give the one that counts: the first.
 *
 * A value that the syntax checks reject (`budget -5 GBP`, `headcount 1.5`, `capacity -1`, `review every
 * 0 days`, `value -3 GBP per week`: a syntax-error, docs/language-decisions.md) or that error recovery
 * left without a number is reported once, as that syntax error, and is absent here: no rule, fact or
 * output computes anything from it.
 */
import type {
    Boundary,
    Budget,
    Headcount,
    Intent,
    Lead,
    Link,
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

/** A number that can be counted with: finite (error recovery may leave it undefined). */
function isNumber(value: number | undefined): value is number {
    return typeof value === 'number' && Number.isFinite(value);
}

/** An amount of money: a number, 0 or more (a negative one is a syntax error). */
export function isValidAmount(amount: number | undefined): amount is number {
    return isNumber(amount) && amount >= 0;
}

/** A count (headcount, capacity): a whole number, 0 or more; `review every`: at least 1. */
export function isValidCount(count: number | undefined, minimum = 0): count is number {
    return isNumber(count) && Number.isInteger(count) && count >= minimum;
}

export function reviewOf(mission: Mission): Review | undefined {
    const review = mission.reviews[0];
    return review && isValidCount(review.every, 1) ? review : undefined;
}

export function valueOf(mission: Mission): Value | undefined {
    const value = mission.values[0];
    return value && isValidAmount(value.amount) ? value : undefined;
}

export function boundaryOf(mission: Mission): Boundary | undefined {
    return mission.boundaries[0];
}

export function windowOf(mission: Mission): Window | undefined {
    return boundaryOf(mission)?.windows[0];
}

export function budgetOf(mission: Mission): Budget | undefined {
    const budget = boundaryOf(mission)?.budgets[0];
    return budget && isValidAmount(budget.amount) ? budget : undefined;
}

export function headcountOf(mission: Mission): Headcount | undefined {
    const headcount = boundaryOf(mission)?.headcounts[0];
    return headcount && isValidCount(headcount.count) ? headcount : undefined;
}

/** A person's capacity: how many active missions at once; 1 when not given (or not a whole number, 0 or more). */
export function capacityOf(person: Person): number {
    const capacity = person.capacities[0]?.value;
    return isValidCount(capacity) ? capacity : 1;
}

export function baselineOf(measure: Measure): number | undefined {
    const value = measure.baselines[0]?.value;
    return isNumber(value) ? value : undefined;
}

export function targetOf(measure: Measure): number | undefined {
    const value = measure.targets[0]?.value;
    return isNumber(value) ? value : undefined;
}

export function currentOf(measure: Measure): number | undefined {
    const value = measure.currents[0]?.value;
    return isNumber(value) ? value : undefined;
}

export function unitOf(measure: Measure): string | undefined {
    const unit = measure.units[0];
    return unit ? (unit.name ?? unit.text) : undefined;
}

export type RollupModeName = 'sum' | 'mean' | 'none';

/**
 * The roll-up mode written in the measure (the first `rollup` item), or undefined when none is written
 * (or error recovery left it without a value). The effective mode (the default by unit) is a fact.
 */
export function rollupOf(measure: Measure): RollupModeName | undefined {
    const value = measure.rollups[0]?.value;
    return value === 'sum' || value === 'mean' || value === 'none' ? value : undefined;
}

/** The mission's tags, from all its `tags` items, in order, each once (error recovery may leave a name out). */
export function tagsOf(mission: Mission): string[] {
    const tags: string[] = [];
    const seen = new Set<string>();
    for (const item of mission.tags) {
        for (const name of item.names) {
            if (typeof name !== 'string' || name.length === 0 || seen.has(name)) continue;
            seen.add(name);
            tags.push(name);
        }
    }
    return tags;
}

/** The mission's `link` items that have a URL, in order. Whether the URL may become a link is `linkTarget`'s call. */
export function linksOf(mission: Mission): Link[] {
    return mission.links.filter(link => typeof link.url === 'string');
}

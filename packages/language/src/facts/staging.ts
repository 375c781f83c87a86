import type { Mission } from '../generated/ast.js';
import { valueOf } from '../model/accessors.js';
import type { ModelFacts } from './model-facts.js';

/** A month of delay is 52/12 weeks, so a cost per month is 12/52 of it per week. */
export const WEEKS_PER_MONTH = 52 / 12;

export interface StagingEntry {
    readonly mission: Mission;
    /** The cost of delay per week (`value`, a monthly value converted); absent without a value. */
    readonly costOfDelayPerWeek?: number;
    readonly currency?: string;
    /** The length of the effective window in weeks (inclusive days / 7); absent for an open window. */
    readonly windowWeeks?: number;
    /** CD3: cost of delay per week divided by the window length in weeks; absent when either is absent. */
    readonly cd3?: number;
}

/** Cost of delay per week of a mission's `value`; undefined without one. */
export function costOfDelayPerWeek(mission: Mission): number | undefined {
    const value = valueOf(mission);
    if (!value || !Number.isFinite(value.amount)) return undefined;
    return value.period === 'month' ? value.amount / WEEKS_PER_MONTH : value.amount;
}

const stagingCache = new WeakMap<ModelFacts, readonly StagingEntry[]>();

/**
 * The staging queue: staged missions ranked by CD3, highest first (equal CD3 in model order); missions that
 * cannot be ranked (no value, or an open window) come last by name, as LANGUAGE.md's staging plan says, so
 * moving a mission between files never reorders them.
 */
export function stagingQueue(facts: ModelFacts): readonly StagingEntry[] {
    const cached = stagingCache.get(facts);
    if (cached) return cached;
    const entries = facts.missions
        .filter(mission => facts.statusOf(mission) === 'staged')
        .map(mission => stagingEntry(facts, mission));
    const ranked = entries
        .map((entry, index) => ({ entry, index }))
        .sort((a, b) => compareQueued(a.entry, b.entry) || a.index - b.index)
        .map(({ entry }) => entry);
    stagingCache.set(facts, ranked);
    return ranked;
}

function compareQueued(a: StagingEntry, b: StagingEntry): number {
    if (a.cd3 !== undefined && b.cd3 !== undefined) return b.cd3 - a.cd3;
    if (a.cd3 !== undefined) return -1;
    if (b.cd3 !== undefined) return 1;
    const nameA = a.mission.name;
    const nameB = b.mission.name;
    return nameA < nameB ? -1 : nameA > nameB ? 1 : 0;
}

function stagingEntry(facts: ModelFacts, mission: Mission): StagingEntry {
    const cost = costOfDelayPerWeek(mission);
    const window = facts.windowOf(mission);
    const finite = Number.isFinite(window.start) && Number.isFinite(window.end);
    const windowWeeks = finite ? (window.end - window.start + 1) / 7 : undefined;
    const currency = valueOf(mission)?.currency;
    return {
        mission,
        ...(cost === undefined ? {} : { costOfDelayPerWeek: cost }),
        ...(currency === undefined ? {} : { currency }),
        ...(windowWeeks === undefined ? {} : { windowWeeks }),
        ...(cost !== undefined && windowWeeks !== undefined ? { cd3: cost / windowWeeks } : {})
    };
}

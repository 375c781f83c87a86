/**
 * The staging planner's what-if options (`--activate`, `--finish --on`, `--delay --by`, `--capacity`),
 * their parsing from the command line's words, and the durations they shift windows by.
 */
import type { Mission, Person } from '../generated/ast.js';
import { didYouMean } from '../references/suggestions.js';
import type { DayNumber } from '../model/dates.js';

/** A length of time: days, weeks or calendar months. */
export interface Duration {
    readonly amount: number;
    readonly unit: 'd' | 'w' | 'm';
}

export interface WhatIf {
    /** Missions taken as active (with their windows), whatever their status. */
    readonly activate?: readonly string[];
    /** Missions taken as finished on a day (default today): their people are free from the day after. */
    readonly finish?: ReadonlyArray<{ readonly mission: string; readonly on?: DayNumber }>;
    /** Missions whose window moves later (a staged mission's earliest start moves as much). */
    readonly delay?: ReadonlyArray<{ readonly mission: string; readonly by: Duration }>;
    /** Capacities used instead of the model's. */
    readonly capacity?: ReadonlyArray<{ readonly person: string; readonly capacity: number }>;
}

/** A what-if option that names no element of the model, or a value that cannot be read. */
export class PlanOptionError extends Error {}

const DURATION = /^([0-9]{1,5})([dwm])$/;

/** `8w`, `30d`, `2m`; throws PlanOptionError for anything else. */
export function parseDuration(text: string): Duration {
    const match = DURATION.exec(text.trim());
    if (!match) throw new PlanOptionError(`not a duration: '${text}' (expected a number and d, w or m, e.g. 8w)`);
    return { amount: Number(match[1]), unit: match[2] as Duration['unit'] };
}

/** `alice=2`; throws PlanOptionError for anything else. */
export function parseCapacity(text: string): { person: string; capacity: number } {
    const match = /^([^=\s]+)=([0-9]{1,4})$/.exec(text.trim());
    if (!match) throw new PlanOptionError(`not a capacity: '${text}' (expected PERSON=NUMBER, e.g. alice=2)`);
    return { person: match[1]!, capacity: Number(match[2]) };
}

const MS_PER_DAY = 86_400_000;

/** The day moved later by the duration; months are calendar months (31 Jan + 1m = 28 or 29 Feb). */
export function addDuration(day: DayNumber, duration: Duration): DayNumber {
    if (!Number.isFinite(day)) return day;
    if (duration.unit === 'd') return day + duration.amount;
    if (duration.unit === 'w') return day + 7 * duration.amount;
    const date = new Date(day * MS_PER_DAY);
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + duration.amount;
    const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    return Math.round(Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)) / MS_PER_DAY);
}

export function durationText(duration: Duration): string {
    return `${duration.amount}${duration.unit}`;
}

/** The what-if options with their names resolved; unknown names throw PlanOptionError with "did you mean". */
export interface ResolvedWhatIf {
    readonly activate: ReadonlySet<Mission>;
    readonly finish: ReadonlyMap<Mission, DayNumber>;
    readonly delay: ReadonlyMap<Mission, Duration>;
    readonly capacity: ReadonlyMap<Person, number>;
}

export function resolveWhatIf(
    whatIf: WhatIf,
    missions: readonly Mission[],
    persons: readonly Person[],
    today: DayNumber
): ResolvedWhatIf {
    const missionsByName = byName(missions);
    const personsByName = byName(persons);
    const missionNamed = (option: string, name: string): Mission[] => {
        const found = missionsByName.get(name);
        if (found) return found;
        throw new PlanOptionError(
            `${option} ${name}: no mission is named '${name}'${didYouMean(name, missionsByName.keys())}`
        );
    };
    const activate = new Set<Mission>();
    for (const name of whatIf.activate ?? []) for (const m of missionNamed('--activate', name)) activate.add(m);
    const finish = new Map<Mission, DayNumber>();
    for (const { mission, on } of whatIf.finish ?? [])
        for (const m of missionNamed('--finish', mission)) finish.set(m, on ?? today);
    const delay = new Map<Mission, Duration>();
    for (const { mission, by } of whatIf.delay ?? [])
        for (const m of missionNamed('--delay', mission)) delay.set(m, by);
    const capacity = new Map<Person, number>();
    for (const { person, capacity: value } of whatIf.capacity ?? []) {
        const found = personsByName.get(person);
        if (!found) {
            const hint = didYouMean(person, personsByName.keys());
            throw new PlanOptionError(`--capacity ${person}=${value}: no person is named '${person}'${hint}`);
        }
        for (const p of found) capacity.set(p, value);
    }
    return { activate, finish, delay, capacity };
}

function byName<T extends { name?: string }>(elements: readonly T[]): Map<string, T[]> {
    const map = new Map<string, T[]>();
    for (const element of elements) {
        if (!element.name) continue;
        const list = map.get(element.name);
        if (list) list.push(element);
        else map.set(element.name, [element]);
    }
    return map;
}

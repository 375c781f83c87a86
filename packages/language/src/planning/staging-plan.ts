/**
 * The staging plan (LANGUAGE.md "Staging plan"): staged missions in staging-queue order, each given the
 * earliest start on or after today at which, for its whole window length, its lead and crew stay within
 * capacity given the active missions and the missions planned before it, with the shifted window inside
 * its parent's window. A pure function of the facts and the what-if options; it never changes a file.
 *
 * Each person's load is a step function (`LoadSteps`) built once from their active missions and added
 * to as missions are planned; a mission's start only moves forward, to the day the person who is full
 * frees up, so planning costs a few binary searches and the steps a window spans, never pairs of missions.
 */
import type { Mission, Person } from '../generated/ast.js';
import { isMission, isVision } from '../generated/ast.js';
import type { ModelFacts } from '../facts/model-facts.js';
import { sweepLoad } from '../facts/load.js';
import { stagingQueue } from '../facts/staging.js';
import { ALL_TIME, type DayWindow, visionWindow } from '../facts/windows.js';
import { nameOf } from '../references/kinds.js';
import { type DayNumber, dayToIso } from '../model/dates.js';
import { compactWindow } from '../model/wording.js';
import { LoadSteps } from './load-steps.js';
import { addDuration, type ResolvedWhatIf, resolveWhatIf, type WhatIf } from './what-if.js';

export interface PlanOptions extends WhatIf {
    readonly today: DayNumber;
}

/** A person the start waited for, and the day they free up. */
export interface FreedPerson {
    readonly person: string;
    readonly on: DayNumber;
}

export type UnplannableReason = 'full' | 'parent-window' | 'window-ended';

export interface PlanEntry {
    readonly mission: Mission;
    readonly name: string;
    /** 1-based place in the staging queue. */
    readonly rank: number;
    readonly cd3?: number;
    /** The lead and crew (a team's members), each once, lead first. */
    readonly people: readonly string[];
    /** The effective window as written (after what-if delays). */
    readonly window: DayWindow;
    /** The planned window: absent when unplannable; `end` is +Infinity for a window with no end. */
    readonly start?: DayNumber;
    readonly end?: DayNumber;
    /** The people the start waited for, each with the day they free up (latest last). */
    readonly waitsFor: readonly FreedPerson[];
    readonly unplannable?: { readonly reason: UnplannableReason; readonly person?: string; readonly message: string };
}

/** A person whose load from today on exceeds their capacity (with the what-if options applied). */
export interface OverCapacity {
    readonly person: string;
    readonly capacity: number;
    readonly load: number;
    /** The active missions counted in the peak, in model order. */
    readonly missions: readonly string[];
}

export interface StagingPlan {
    readonly today: DayNumber;
    readonly entries: readonly PlanEntry[];
    readonly overCapacity: readonly OverCapacity[];
}

/** Plans the staged missions; what-if options naming no mission or person throw PlanOptionError. */
export function planStaging(facts: ModelFacts, options: PlanOptions): StagingPlan {
    const { today } = options;
    const whatIf = resolveWhatIf(options, facts.missions, facts.persons, today);
    const scenario = new Scenario(facts, whatIf);
    const steps = new Map<Person, LoadSteps>();
    const stepsOf = (person: Person): LoadSteps => {
        let found = steps.get(person);
        if (!found) steps.set(person, (found = new LoadSteps(scenario.activeWindows(person))));
        return found;
    };

    const entries: PlanEntry[] = [];
    for (const queued of stagingQueue(facts)) {
        const mission = queued.mission;
        if (scenario.statusOf(mission) !== 'staged') continue;
        const people = missionPeople(mission);
        const window = scenario.windowOf(mission);
        const parentWindow = scenario.parentWindowOf(mission);
        const delay = whatIf.delay.get(mission);
        const earliest = Math.max(today, parentWindow.start, delay ? addDuration(today, delay) : today);
        const bounded = Number.isFinite(window.start) && Number.isFinite(window.end);
        const span = bounded ? window.end - window.start : 0;
        const endFor = (start: DayNumber): DayNumber => (bounded ? start + span : window.end);
        const latestStart = bounded ? parentWindow.end - span : Math.min(window.end, parentWindow.end);
        const base = {
            mission,
            name: nameOf(mission),
            rank: entries.length + 1,
            ...(queued.cd3 === undefined ? {} : { cd3: queued.cd3 }),
            people: people.map(nameOf),
            window
        };
        if (earliest > latestStart || (!bounded && window.end > parentWindow.end)) {
            const unplannable = windowReason(facts, mission, bounded || window.end >= earliest, parentWindow);
            entries.push({ ...base, waitsFor: [], unplannable });
            continue;
        }
        const waits = new Map<Person, DayNumber>();
        let start = earliest;
        let full: Person | undefined;
        for (let clean = false; !clean && !full;) {
            clean = true;
            for (const person of people) {
                const capacity = scenario.capacityOf(person);
                const blocked = stepsOf(person).firstDayAtLeast(start, endFor(start), capacity);
                if (blocked === undefined) continue;
                start = stepsOf(person).firstDayBelow(blocked, capacity);
                waits.set(person, start);
                clean = false;
                if (start > latestStart || start === Number.POSITIVE_INFINITY) full = person;
                break;
            }
        }
        if (full) {
            const freeOn = waits.get(full)!;
            const message = Number.isFinite(freeOn)
                ? `${nameOf(full)} is full until ${dayToIso(freeOn - 1)}, too late for ${windowLimit(facts, mission)}`
                : `${nameOf(full)} is full`;
            entries.push({ ...base, waitsFor: [], unplannable: { reason: 'full', person: nameOf(full), message } });
            continue;
        }
        const end = endFor(start);
        for (const person of people) stepsOf(person).add({ start, end });
        const waitsFor = [...waits]
            .map(([person, on]) => ({ person: nameOf(person), on }))
            .sort((a, b) => a.on - b.on || a.person.localeCompare(b.person));
        entries.push({ ...base, start, end, waitsFor });
    }
    return { today, entries, overCapacity: scenario.overCapacity(today) };
}

const plans = new WeakMap<ModelFacts, StagingPlan>();

/**
 * The plan without what-if options on a day, kept per facts for the last day asked: the code lens asks
 * per document, the plan covers the whole model.
 */
export function stagingPlanOn(facts: ModelFacts, today: DayNumber): StagingPlan {
    const cached = plans.get(facts);
    if (cached?.today === today) return cached;
    const plan = planStaging(facts, { today });
    plans.set(facts, plan);
    return plan;
}

/** The people a start waited for on the day it starts ("when bob frees up"): empty when it starts at once. */
export function freedOnStart(entry: PlanEntry): string[] {
    return entry.waitsFor.filter(wait => wait.on === entry.start).map(wait => wait.person);
}

/** The lead and crew of a mission (a team counts each member), each once, lead first. */
export function missionPeople(mission: Mission): Person[] {
    const people = new Set<Person>();
    const lead = mission.leads[0]?.person?.ref;
    if (lead) people.add(lead);
    for (const crew of mission.crews) {
        for (const member of crew.members) {
            const target = member?.ref;
            if (target?.$type === 'Person') people.add(target);
            else if (target?.$type === 'Team')
                for (const person of target.members) if (person?.ref) people.add(person.ref);
        }
    }
    return [...people];
}

/** The model as the what-if options change it: statuses, windows and capacities. */
class Scenario {
    constructor(
        private readonly facts: ModelFacts,
        private readonly whatIf: ResolvedWhatIf
    ) {}

    statusOf(mission: Mission): 'staged' | 'active' | 'finished' {
        if (this.whatIf.finish.has(mission)) return 'finished';
        if (this.whatIf.activate.has(mission) || this.facts.isActive(mission)) return 'active';
        return this.facts.statusOf(mission) === 'staged' ? 'staged' : 'finished';
    }

    /** The effective window, moved by a delay and cut at a finish day (the finish day still counts). */
    windowOf(mission: Mission): DayWindow {
        const written = this.facts.windowOf(mission);
        const delay = this.whatIf.delay.get(mission);
        const moved = delay
            ? { start: addDuration(written.start, delay), end: addDuration(written.end, delay) }
            : written;
        const finish = this.whatIf.finish.get(mission);
        return finish === undefined ? moved : { start: moved.start, end: Math.min(moved.end, finish) };
    }

    parentWindowOf(mission: Mission): DayWindow {
        const parent = this.facts.parentOf(mission);
        if (isMission(parent)) return this.windowOf(parent);
        if (isVision(parent)) return visionWindow(parent);
        return ALL_TIME;
    }

    capacityOf(person: Person): number {
        return this.whatIf.capacity.get(person) ?? this.facts.loadOf(person).capacity;
    }

    /** The windows of the person's active missions (a finished mission's up to its finish day). */
    activeWindows(person: Person): DayWindow[] {
        const windows: DayWindow[] = [];
        for (const mission of this.facts.loadOf(person).missions) {
            if (!this.countsInLoad(mission)) continue;
            const window = this.windowOf(mission);
            if (window.start <= window.end) windows.push(window);
        }
        return windows;
    }

    /** Every person whose load from today on exceeds their capacity: one sweep per person. */
    overCapacity(today: DayNumber): OverCapacity[] {
        const over: OverCapacity[] = [];
        for (const person of this.facts.persons) {
            const items: Array<{ item: Mission; window: DayWindow }> = [];
            for (const mission of this.facts.loadOf(person).missions) {
                if (!this.countsInLoad(mission)) continue;
                const window = this.windowOf(mission);
                const start = Math.max(window.start, today);
                if (start <= window.end) items.push({ item: mission, window: { start, end: window.end } });
            }
            const capacity = this.capacityOf(person);
            const { peak, counted } = sweepLoad(items, capacity);
            if (peak > capacity)
                over.push({ person: nameOf(person), capacity, load: peak, missions: counted.map(nameOf) });
        }
        return over;
    }

    /** Active, or finished by what-if after running (active or activated): it counts until its finish day. */
    private countsInLoad(mission: Mission): boolean {
        if (this.whatIf.finish.has(mission)) return this.whatIf.activate.has(mission) || this.facts.isActive(mission);
        return this.statusOf(mission) === 'active';
    }
}

/** Why a mission fits nowhere before anyone's load is read: its parent's window, or its own open-start window's end. */
function windowReason(
    facts: ModelFacts,
    mission: Mission,
    endNotPassed: boolean,
    parentWindow: DayWindow
): NonNullable<PlanEntry['unplannable']> {
    const parent = facts.parentOf(mission);
    if (!endNotPassed) {
        const end = dayToIso(facts.windowOf(mission).end);
        return { reason: 'window-ended', message: `its window ends ${end}, before it could start` };
    }
    const name = parent ? nameOf(parent) : 'the parent';
    return {
        reason: 'parent-window',
        message: `it does not fit in the window of ${name} (${compactWindow(parentWindow)}) from today on`
    };
}

function windowLimit(facts: ModelFacts, mission: Mission): string {
    const parent = facts.parentOf(mission);
    return parent ? `the window of ${nameOf(parent)}` : 'its window';
}

import type { AlignmentTarget, Measure, Mission, Model, Person, Team, Vision } from '../generated/ast.js';
import { capacityOf, FINISHED_STATUSES, type MissionStatusName, statusOf } from '../model/accessors.js';
import { Cascade, type EffectiveWindow } from './cascade.js';
import { sweepLoad } from './load.js';
import {
    directionOf,
    meanProgress,
    type MeasureDirection,
    type MeasureRollup,
    progressOf,
    rollupOver
} from './measures.js';
import { PaceFacts } from './pace.js';
import type { DayNumber } from '../model/dates.js';

/** How a person is on a mission: as its lead, in its crew by name, or in its crew through a team. */
export type AssignmentRole = 'lead' | 'crew' | 'team';

export interface Assignment {
    readonly mission: Mission;
    readonly role: AssignmentRole;
    /** For 'team': the team that brings the person onto the mission. */
    readonly team?: Team;
}

export interface PersonLoad {
    readonly person: Person;
    readonly capacity: number;
    /** Every mission the person is on (lead or crew, directly or through a team), once each, in model order. */
    readonly missions: readonly Mission[];
    /** Every way the person is on a mission (a person may be lead and crew of one mission). */
    readonly assignments: readonly Assignment[];
    /** The largest number of concurrent active missions at any one moment. */
    readonly load: number;
    /** The active missions that, at some moment, are among more concurrent missions than the capacity. */
    readonly counted: readonly Mission[];
}

export interface MeasureFacts {
    readonly direction: MeasureDirection;
    /** Progress from baseline to target as a fraction 0..1; absent when it cannot be computed. */
    readonly progress?: number;
    /** How its contributors combine (the effective `rollup` mode) and what they combine to. */
    readonly rollup: MeasureRollup;
}

/**
 * The derived facts of one checked model: computed once per build from the linked ASTs of every
 * document, and read by rules, hover, code lens and every output. Nothing here knows about rules,
 * outputs or the LSP.
 */
export class ModelFacts {
    readonly visions: readonly Vision[];
    readonly persons: readonly Person[];
    readonly teams: readonly Team[];
    readonly missions: readonly Mission[];
    readonly cascade: Cascade;
    private readonly loads = new Map<Person, PersonLoad>();
    private readonly measureFacts = new Map<Measure, MeasureFacts>();
    private readonly missionProgress = new Map<Mission, number | undefined>();
    private readonly contributors = new Map<Measure, Measure[]>();
    /** Per person, the missions counted in the peak as a set (built on first question). */
    private readonly countedSets = new Map<Person, ReadonlySet<Mission>>();
    /** The pace facts of the last day asked: a new day (a setting changed, midnight passed) gets new ones. */
    private lastPace: PaceFacts | undefined;

    constructor(models: Iterable<Model>) {
        const visions: Vision[] = [];
        const persons: Person[] = [];
        const teams: Team[] = [];
        const missions: Mission[] = [];
        for (const model of models) {
            const elements = model.elements;
            for (let i = 0; i < elements.length; i++) {
                const element = elements[i]!;
                switch (element.$type) {
                    case 'Vision':
                        visions.push(element);
                        break;
                    case 'Person':
                        persons.push(element);
                        break;
                    case 'Team':
                        teams.push(element);
                        break;
                    case 'Mission':
                        missions.push(element);
                        break;
                }
            }
        }
        this.visions = visions;
        this.persons = persons;
        this.teams = teams;
        this.missions = missions;
        this.cascade = new Cascade(visions, missions);
        this.computeContributors(missions);
        this.computeLoads(persons, missions);
    }

    parentOf(mission: Mission): AlignmentTarget | undefined {
        return this.cascade.parentOf(mission);
    }

    childrenOf(element: AlignmentTarget): readonly Mission[] {
        return this.cascade.childrenOf(element);
    }

    ancestorsOf(mission: Mission): AlignmentTarget[] {
        return this.cascade.ancestorsOf(mission);
    }

    isAncestor(ancestor: AlignmentTarget, mission: Mission): boolean {
        return this.cascade.isAncestor(ancestor, mission);
    }

    cycleOf(mission: Mission): readonly Mission[] | undefined {
        return this.cascade.cycleOf(mission);
    }

    windowOf(mission: Mission): EffectiveWindow {
        return this.cascade.effectiveWindow(mission);
    }

    statusOf(mission: Mission): MissionStatusName {
        return statusOf(mission);
    }

    isActive(mission: Mission): boolean {
        return statusOf(mission) === 'active';
    }

    isFinished(mission: Mission): boolean {
        return FINISHED_STATUSES.has(statusOf(mission));
    }

    loadOf(person: Person): PersonLoad {
        return this.loads.get(person) ?? emptyLoad(person);
    }

    /** Whether the mission is among those counted in the person's peak (false when not over capacity). */
    isCountedInPeak(person: Person, mission: Mission): boolean {
        let counted = this.countedSets.get(person);
        if (!counted) {
            counted = new Set(this.loadOf(person).counted);
            this.countedSets.set(person, counted);
        }
        return counted.has(mission);
    }

    /** Computed on first question and kept: a check reads few of them, the outputs every one. */
    measure(measure: Measure): MeasureFacts {
        let facts = this.measureFacts.get(measure);
        if (!facts) {
            facts = {
                direction: directionOf(measure),
                progress: progressOf(measure),
                rollup: rollupOver(measure, this.contributorsOf(measure))
            };
            this.measureFacts.set(measure, facts);
        }
        return facts;
    }

    /** The mean progress of the mission's measures (computed on first question and kept). */
    progressOf(mission: Mission): number | undefined {
        if (this.missionProgress.has(mission)) return this.missionProgress.get(mission);
        const progress = meanProgress(mission.measures.map(measure => this.measure(measure).progress));
        this.missionProgress.set(mission, progress);
        return progress;
    }

    /**
     * Expected progress and pace on `today` (the settings' day, which the facts do not hold: the same
     * facts serve any day, so a change of `today` needs no rebuild). Kept for the last day asked.
     */
    paceOn(today: DayNumber): PaceFacts {
        if (this.lastPace?.today !== today) this.lastPace = new PaceFacts(this, today);
        return this.lastPace;
    }

    /** The measures whose `contributes to` names this measure, in model order. */
    contributorsOf(measure: Measure): readonly Measure[] {
        return this.contributors.get(measure) ?? NO_MEASURES;
    }

    /** Who contributes to what: the one measure fact that needs every measure to answer. */
    private computeContributors(missions: readonly Mission[]): void {
        for (let i = 0; i < missions.length; i++) {
            const measures = missions[i]!.measures;
            for (let j = 0; j < measures.length; j++) {
                const measure = measures[j]!;
                const target = measure.contributions[0]?.measure?.ref;
                if (target) {
                    const list = this.contributors.get(target);
                    if (list) list.push(measure);
                    else this.contributors.set(target, [measure]);
                }
            }
        }
    }

    /** One pass over every lead and crew reference, then a sweep per person over window endpoints. */
    private computeLoads(persons: readonly Person[], missions: readonly Mission[]): void {
        const assignments = new Map<Person, Assignment[]>();
        const add = (person: Person | undefined, assignment: Assignment): void => {
            if (!person) return;
            const list = assignments.get(person);
            if (list) list.push(assignment);
            else assignments.set(person, [assignment]);
        };
        for (let i = 0; i < missions.length; i++) {
            const mission = missions[i]!;
            const lead = mission.leads[0];
            if (lead) add(lead.person?.ref, { mission, role: 'lead' });
            const crews = mission.crews;
            for (let j = 0; j < crews.length; j++) {
                const members = crews[j]!.members;
                for (let k = 0; k < members.length; k++) {
                    const target = members[k]?.ref;
                    if (target?.$type === 'Person') add(target, { mission, role: 'crew' });
                    else if (target?.$type === 'Team') {
                        for (const person of target.members) add(person?.ref, { mission, role: 'team', team: target });
                    }
                }
            }
        }
        for (let i = 0; i < persons.length; i++) {
            const person = persons[i]!;
            const personAssignments = assignments.get(person);
            if (!personAssignments) continue;
            // A person's assignments come mission by mission (the loop above), so one mission's are adjacent.
            const personMissions: Mission[] = [];
            const active: Array<{ item: Mission; window: EffectiveWindow }> = [];
            for (let j = 0; j < personAssignments.length; j++) {
                const mission = personAssignments[j]!.mission;
                if (personMissions[personMissions.length - 1] === mission) continue;
                personMissions.push(mission);
                if (this.isActive(mission)) active.push({ item: mission, window: this.windowOf(mission) });
            }
            const capacity = capacityOf(person);
            const { peak, counted } = sweepLoad(active, capacity);
            this.loads.set(person, {
                person,
                capacity,
                missions: personMissions,
                assignments: personAssignments,
                load: peak,
                counted
            });
        }
    }
}

/** What a measure nobody contributes to has (shared and frozen: asked about per measure). */
const NO_MEASURES: readonly Measure[] = Object.freeze([]);

function emptyLoad(person: Person): PersonLoad {
    return { person, capacity: capacityOf(person), missions: [], assignments: [], load: 0, counted: [] };
}

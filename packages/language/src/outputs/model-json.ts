/**
 * The JSON model (`mission compile`): every element with its references resolved to names, the facts
 * of the checked model, all diagnostics, and where each element is. Described by
 * packages/language/schema/mission-model.schema.json. Keys are written in a fixed order and absent
 * values are `null`, so two compiles of similar models diff line by line.
 */
import type { MissionDiagnostic } from '../api/check.js';
import { costOfDelayPerWeek, stagingQueue } from '../facts/staging.js';
import { supportedBy, supportersOf } from '../facts/supports.js';
import type { AlignmentTarget, Measure, Mission, Person, Team, Vision } from '../generated/ast.js';
import {
    baselineOf, boundaryOf, budgetOf, capacityOf, currentOf, headcountOf, intentOf, leadOf, reviewOf, targetOf, unitOf, valueOf, windowOf
} from '../model/accessors.js';
import { isValidDate, dateToIso, toDay } from '../syntax/dates.js';
import { isoOrNull, type OutputModel, type ProblemCounts, type SourceLocation } from './output-model.js';

export const MODEL_JSON_FORMAT = 'mission-model';
export const MODEL_JSON_VERSION = 1;

export interface ModelJson {
    readonly format: typeof MODEL_JSON_FORMAT;
    readonly version: number;
    readonly today: string | null;
    readonly files: readonly string[];
    readonly visions: readonly object[];
    readonly persons: readonly object[];
    readonly teams: readonly object[];
    readonly missions: readonly object[];
    readonly stagingQueue: readonly object[];
    readonly diagnostics: readonly MissionDiagnostic[];
    readonly summary: object;
}

export function buildModelJson(model: OutputModel): ModelJson {
    const { facts } = model;
    return {
        format: MODEL_JSON_FORMAT,
        version: MODEL_JSON_VERSION,
        today: model.today ?? null,
        files: [...model.files],
        visions: facts.visions.map(vision => visionJson(model, vision)),
        persons: facts.persons.map(person => personJson(model, person)),
        teams: facts.teams.map(team => teamJson(model, team)),
        missions: facts.missions.map(mission => missionJson(model, mission)),
        stagingQueue: stagingQueue(facts).map((entry, index) => ({
            rank: index + 1,
            mission: entry.mission.name,
            costOfDelayPerWeek: entry.costOfDelayPerWeek ?? null,
            currency: entry.currency ?? null,
            windowWeeks: entry.windowWeeks ?? null,
            cd3: entry.cd3 ?? null
        })),
        diagnostics: [...model.diagnostics],
        summary: { ...model.summary }
    };
}

/** The JSON text: 2-space indentation and a final newline. */
export function modelJsonText(model: OutputModel): string {
    return JSON.stringify(buildModelJson(model), null, 2) + '\n';
}

function visionJson(model: OutputModel, vision: Vision): object {
    return {
        name: vision.name,
        title: vision.title ?? null,
        horizon: dateOrNull(vision.horizon),
        children: model.facts.childrenOf(vision).map(child => child.name),
        problems: problems(model.problemsOf(vision)),
        source: source(model.sourceOf(vision))
    };
}

function personJson(model: OutputModel, person: Person): object {
    const load = model.facts.loadOf(person);
    return {
        name: person.name,
        title: person.title ?? null,
        role: person.roles[0]?.text ?? null,
        capacity: capacityOf(person),
        load: load.load,
        overCapacity: load.load > load.capacity,
        missions: load.missions.map(mission => mission.name),
        counted: load.counted.map(mission => mission.name),
        assignments: load.assignments.map(assignment => ({
            mission: assignment.mission.name,
            role: assignment.role,
            team: assignment.team?.name ?? null
        })),
        problems: problems(model.problemsOf(person)),
        source: source(model.sourceOf(person))
    };
}

function teamJson(model: OutputModel, team: Team): object {
    return {
        name: team.name,
        title: team.title ?? null,
        members: resolvedNames(team.members.map(member => member.ref)),
        problems: problems(model.problemsOf(team)),
        source: source(model.sourceOf(team))
    };
}

function missionJson(model: OutputModel, mission: Mission): object {
    const { facts } = model;
    const parent = facts.parentOf(mission);
    const intent = intentOf(mission);
    const boundary = boundaryOf(mission);
    const window = windowOf(mission);
    const budget = budgetOf(mission);
    const effective = facts.windowOf(mission);
    const review = reviewOf(mission);
    const value = valueOf(mission);
    const cycle = facts.cycleOf(mission);
    return {
        name: mission.name,
        title: mission.title ?? null,
        parent: parent?.name ?? null,
        parentKind: parent ? kindOf(parent) : null,
        ancestors: facts.ancestorsOf(mission).map(ancestor => ancestor.name),
        children: facts.childrenOf(mission).map(child => child.name),
        cycle: cycle ? cycle.map(member => member.name) : null,
        status: facts.statusOf(mission),
        active: facts.isActive(mission),
        intent: intent ? {
            statement: intent.statement,
            endStates: intent.endStates.map(item => item.text),
            keyTasks: intent.keyTasks.map(item => item.text)
        } : null,
        lead: leadOf(mission)?.person.ref?.name ?? null,
        crew: mission.crews.flatMap(crew => crew.members.flatMap(member => member.ref ? [{ name: member.ref.name, kind: member.ref.$type === 'Team' ? 'team' : 'person' }] : [])),
        boundary: boundary ? {
            window: window ? { start: dateOrNull(window.start), end: dateOrNull(window.end) } : null,
            budget: budget ? { amount: budget.amount, currency: budget.currency } : null,
            headcount: headcountOf(mission)?.count ?? null,
            must: boundary.rules.filter(rule => !rule.negated).map(rule => rule.text),
            mustNot: boundary.rules.filter(rule => rule.negated).map(rule => rule.text)
        } : null,
        effectiveWindow: {
            start: isoOrNull(effective.start),
            end: isoOrNull(effective.end),
            source: effective.source,
            from: effective.from?.name ?? null
        },
        measures: mission.measures.map(measure => measureJson(model, mission, measure)),
        progress: facts.progressOf(mission) ?? null,
        supports: supportedBy(mission).map(target => target.name),
        supportedBy: supportersOf(facts, mission).map(supporter => supporter.name),
        review: review ? { every: review.every, last: dateOrNull(review.last) } : null,
        value: value ? { amount: value.amount, currency: value.currency, period: value.period, perWeek: costOfDelayPerWeek(mission) ?? null } : null,
        problems: problems(model.problemsOf(mission)),
        source: source(model.sourceOf(mission))
    };
}

function measureJson(model: OutputModel, mission: Mission, measure: Measure): object {
    const measureFacts = model.facts.measure(measure);
    const target = measure.contributions[0]?.measure.ref;
    return {
        name: measure.name,
        qualifiedName: `${mission.name}.${measure.name}`,
        title: measure.title ?? null,
        baseline: baselineOf(measure) ?? null,
        target: targetOf(measure) ?? null,
        current: currentOf(measure) ?? null,
        unit: unitOf(measure) ?? null,
        due: dateOrNull(measure.dues[0]?.date),
        direction: measureFacts.direction,
        progress: measureFacts.progress ?? null,
        contributesTo: target ? qualifiedName(target) : null,
        contributors: model.facts.contributorsOf(measure).map(qualifiedName),
        source: source(model.sourceOf(measure))
    };
}

function qualifiedName(measure: Measure): string {
    return `${measure.$container.name}.${measure.name}`;
}

function kindOf(target: AlignmentTarget): 'vision' | 'mission' {
    return target.$type === 'Vision' ? 'vision' : 'mission';
}

function resolvedNames(elements: ReadonlyArray<{ name: string } | undefined>): string[] {
    return elements.flatMap(element => (element ? [element.name] : []));
}

function dateOrNull(date: Date | undefined): string | null {
    return isValidDate(date) && toDay(date) !== undefined ? dateToIso(date) : null;
}

function problems(counts: ProblemCounts): object {
    return { errors: counts.errors, warnings: counts.warnings, infos: counts.infos };
}

function source(location: SourceLocation): object {
    return { file: location.file, line: location.line, column: location.column, endLine: location.endLine, endColumn: location.endColumn };
}

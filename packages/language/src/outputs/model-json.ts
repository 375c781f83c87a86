/**
 * The JSON model (`mission compile`): every element with its references resolved to names, the facts
 * of the checked model, all diagnostics, and where each element is. Described by
 * packages/language/schema/mission-model.schema.json. Keys are written in a fixed order and absent
 * values are `null`, so two compiles of similar models diff line by line.
 */
import type { MissionDiagnostic } from '../validation/diagnostics.js';
import { costOfDelayPerWeek, stagingQueue } from '../facts/staging.js';
import { supportedBy, supportersOf } from '../facts/supports.js';
import type { AlignmentTarget, Measure, Mission, Person, Team, Vision } from '../generated/ast.js';
import {
    baselineOf,
    boundaryOf,
    budgetOf,
    capacityOf,
    currentOf,
    headcountOf,
    intentOf,
    leadOf,
    linksOf,
    reviewOf,
    tagsOf,
    targetOf,
    unitOf,
    valueOf,
    windowOf
} from '../model/accessors.js';
import { qualifiedName } from '../model/wording.js';
import { isValidDate, dateToIso, toDay } from '../model/dates.js';
import { isoOrNull, type OutputModel, type ProblemCounts, type SourceLocation } from './output-model.js';
import { isSelected, selectByTag } from './tag-selection.js';

export const MODEL_JSON_FORMAT = 'mission-model';
export const MODEL_JSON_VERSION = 1;

/** An element of the JSON model: its name, and the fields the schema describes. */
export interface NamedJson {
    readonly name: string;
    readonly [field: string]: unknown;
}

export interface ModelJson {
    readonly format: typeof MODEL_JSON_FORMAT;
    readonly version: number;
    readonly today: string | null;
    readonly files: readonly string[];
    readonly visions: readonly object[];
    readonly persons: readonly NamedJson[];
    readonly teams: readonly object[];
    readonly missions: readonly object[];
    readonly stagingQueue: readonly object[];
    readonly diagnostics: readonly MissionDiagnostic[];
    readonly summary: object;
}

export interface ModelJsonOptions {
    /**
     * Only the missions with this tag and, marked `"context": true`, their ancestors (and only the visions
     * above them); the staging queue keeps the tagged missions. An UnknownTagError when no mission has it.
     */
    readonly tag?: string;
}

export function buildModelJson(model: OutputModel, options: ModelJsonOptions = {}): ModelJson {
    const { facts } = model;
    const selection = options.tag === undefined ? undefined : selectByTag(facts, options.tag);
    const missions = facts.missions.filter(
        mission => isNamed(mission) && (!selection || isSelected(selection, mission))
    );
    return {
        format: MODEL_JSON_FORMAT,
        version: MODEL_JSON_VERSION,
        today: model.today ?? null,
        ...(selection ? { tag: selection.tag } : {}),
        files: [...model.files],
        // An element that error recovery left without a name cannot be referred to: it is not in the JSON.
        visions: facts.visions
            .filter(vision => isNamed(vision) && (!selection || selection.context.has(vision)))
            .map(vision => visionJson(model, vision)),
        persons: facts.persons.filter(isNamed).map(person => personJson(model, person)),
        teams: facts.teams.filter(isNamed).map(team => teamJson(model, team)),
        missions: missions.map(mission => ({
            ...missionJson(model, mission),
            ...(selection ? { context: !selection.tagged.has(mission) } : {})
        })),
        stagingQueue: stagingQueue(facts)
            .filter(entry => isNamed(entry.mission) && (!selection || selection.tagged.has(entry.mission)))
            .map((entry, index) => ({
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
export function modelJsonText(model: OutputModel, options: ModelJsonOptions = {}): string {
    return JSON.stringify(buildModelJson(model, options), null, 2) + '\n';
}

function visionJson(model: OutputModel, vision: Vision): object {
    return {
        name: vision.name,
        title: vision.title ?? null,
        horizon: dateOrNull(vision.horizon),
        children: names(model.facts.childrenOf(vision)),
        problems: problems(model.problemsOf(vision)),
        source: source(model.sourceOf(vision))
    };
}

function personJson(model: OutputModel, person: Person): NamedJson {
    const load = model.facts.loadOf(person);
    return {
        name: person.name,
        title: person.title ?? null,
        role: person.roles[0]?.text ?? null,
        capacity: capacityOf(person),
        load: load.load,
        overCapacity: load.load > load.capacity,
        missions: names(load.missions),
        counted: names(load.counted),
        assignments: load.assignments
            .filter(assignment => isNamed(assignment.mission))
            .map(assignment => ({
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
        ancestors: names(facts.ancestorsOf(mission)),
        children: names(facts.childrenOf(mission)),
        cycle: cycle ? names(cycle) : null,
        status: facts.statusOf(mission),
        active: facts.isActive(mission),
        // Error recovery can leave an item without its parts: such an item counts as absent.
        intent:
            intent?.statement !== undefined
                ? {
                      statement: intent.statement,
                      endStates: texts(intent.endStates),
                      keyTasks: texts(intent.keyTasks)
                  }
                : null,
        lead: leadOf(mission)?.person?.ref?.name ?? null,
        crew: mission.crews.flatMap(crew =>
            crew.members.flatMap(member =>
                isNamed(member?.ref)
                    ? [{ name: member.ref.name, kind: member.ref.$type === 'Team' ? 'team' : 'person' }]
                    : []
            )
        ),
        boundary: boundary
            ? {
                  window: window ? { start: dateOrNull(window.start), end: dateOrNull(window.end) } : null,
                  budget:
                      budget?.amount !== undefined && budget.currency !== undefined
                          ? { amount: budget.amount, currency: budget.currency }
                          : null,
                  headcount: headcountOf(mission)?.count ?? null,
                  must: texts(boundary.rules.filter(rule => !rule.negated)),
                  mustNot: texts(boundary.rules.filter(rule => rule.negated))
              }
            : null,
        effectiveWindow: {
            start: isoOrNull(effective.start),
            end: isoOrNull(effective.end),
            source: effective.source,
            from: effective.from?.name ?? null
        },
        measures: mission.measures.filter(isNamed).map(measure => measureJson(model, mission, measure)),
        progress: facts.progressOf(mission) ?? null,
        pace: model.pace.mission(mission) ?? null,
        supports: names(supportedBy(mission)),
        supportedBy: names(supportersOf(facts, mission)),
        tags: tagsOf(mission),
        // As written: whether a URL may become a link is for the consumer to check (invalid-link reports it).
        links: linksOf(mission).map(link =>
            link.label === undefined ? { url: link.url } : { url: link.url, label: link.label }
        ),
        review: review?.every !== undefined ? { every: review.every, last: dateOrNull(review.last) } : null,
        value:
            value?.amount !== undefined && value.currency !== undefined && value.period !== undefined
                ? {
                      amount: value.amount,
                      currency: value.currency,
                      period: value.period,
                      perWeek: costOfDelayPerWeek(mission) ?? null
                  }
                : null,
        problems: problems(model.problemsOf(mission)),
        source: source(model.sourceOf(mission))
    };
}

function measureJson(model: OutputModel, mission: Mission, measure: Measure): object {
    const measureFacts = model.facts.measure(measure);
    const pace = model.pace.measure(measure);
    const target = measure.contributions[0]?.measure?.ref;
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
        expected: pace.expected ?? null,
        pace: pace.pace ?? null,
        rollup: {
            mode: measureFacts.rollup.mode,
            written: measureFacts.rollup.written,
            combined: measureFacts.rollup.combined ?? null
        },
        contributesTo: target && isNamed(target) && isNamed(target.$container) ? qualifiedName(target) : null,
        contributors: model.facts
            .contributorsOf(measure)
            .filter(contributor => isNamed(contributor) && isNamed(contributor.$container))
            .map(qualifiedName),
        source: source(model.sourceOf(measure))
    };
}

function kindOf(target: AlignmentTarget): 'vision' | 'mission' {
    return target.$type === 'Vision' ? 'vision' : 'mission';
}

function resolvedNames(elements: ReadonlyArray<{ name: string } | undefined>): string[] {
    return elements.flatMap(element => (isNamed(element) ? [element.name] : []));
}

function isNamed<T extends { name?: string }>(element: T | undefined): element is T & { name: string } {
    return typeof element?.name === 'string' && element.name.length > 0;
}

/** The names of elements, leaving out any that error recovery left without one. */
function names(elements: ReadonlyArray<{ name?: string }>): string[] {
    return elements.flatMap(element => (isNamed(element) ? [element.name] : []));
}

/** The texts of items (end states, key tasks, rules), leaving out any without one. */
function texts(items: ReadonlyArray<{ text?: string }>): string[] {
    return items.flatMap(item => (typeof item.text === 'string' ? [item.text] : []));
}

function dateOrNull(date: Date | undefined): string | null {
    return isValidDate(date) && toDay(date) !== undefined ? dateToIso(date) : null;
}

function problems(counts: ProblemCounts): object {
    return { errors: counts.errors, warnings: counts.warnings, infos: counts.infos };
}

function source(location: SourceLocation): object {
    return {
        file: location.file,
        line: location.line,
        column: location.column,
        endLine: location.endLine,
        endColumn: location.endColumn
    };
}

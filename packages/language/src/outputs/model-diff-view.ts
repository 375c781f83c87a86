/**
 * What the model diff reads of one checked model (`diffViewOf`): each mission's compared parts and
 * facts (status, progress: from the model's facts, never derived here), the body that tells a rename,
 * and where each element is (to put each diagnostic on its element). Lighter than the JSON model,
 * which also computes loads, ancestry and the staging queue: a diff of 10,000 missions builds two.
 */
import type { MissionDiagnostic } from '../validation/diagnostics.js';
import type { Element, Measure, Mission } from '../generated/ast.js';
import { budgetOf, currentOf, baselineOf, headcountOf, leadOf, targetOf, windowOf } from '../model/accessors.js';
import { dateToIso, isValidDate, toDay } from '../model/dates.js';
import type { OutputModel, SourceLocation } from './output-model.js';

export interface DiffView {
    readonly missions: readonly MissionView[];
    /** Visions, persons and teams: where they are. */
    readonly elements: ReadonlyArray<{
        readonly kind: 'vision' | 'person' | 'team';
        readonly name: string;
        readonly source: SourceLocation;
    }>;
    readonly diagnostics: readonly MissionDiagnostic[];
}

export interface MissionView {
    readonly name: string;
    readonly title: string | null;
    /** The resolved parent (a vision or a mission), or null. */
    readonly parent: string | null;
    readonly status: string;
    readonly lead: string | null;
    /** The crew's persons and teams by name, each once, sorted. */
    readonly crew: readonly string[];
    readonly budget: { readonly amount: number; readonly currency: string } | null;
    readonly window: { readonly start: string | null; readonly end: string | null } | null;
    readonly headcount: number | null;
    readonly measures: readonly MeasureView[];
    /**
     * Everything written in the mission but its name, as comparable text: the same for a renamed
     * mission. Made when asked: the diff asks only for the missions added and removed.
     */
    readonly body: () => string;
    readonly source: SourceLocation;
}

export interface MeasureView {
    readonly name: string;
    readonly baseline: number | null;
    readonly target: number | null;
    readonly current: number | null;
    readonly progress: number | null;
    readonly source: SourceLocation;
}

export function diffViewOf(model: OutputModel): DiffView {
    const { facts } = model;
    const elements: Array<DiffView['elements'][number]> = [];
    const add = (kind: 'vision' | 'person' | 'team', list: readonly Element[]) => {
        for (const element of list)
            if (named(element)) elements.push({ kind, name: element.name, source: model.sourceOf(element) });
    };
    add('vision', facts.visions);
    add('person', facts.persons);
    add('team', facts.teams);
    const missions = facts.missions.filter(named).map((mission): MissionView => {
        const window = windowOf(mission);
        const budget = budgetOf(mission);
        return {
            name: mission.name,
            title: mission.title ?? null,
            parent: facts.parentOf(mission)?.name ?? null,
            status: facts.statusOf(mission),
            lead: leadOf(mission)?.person?.ref?.name ?? null,
            crew: [
                ...new Set(
                    mission.crews.flatMap(crew =>
                        crew.members.flatMap(member => (named(member?.ref) ? [member.ref.name] : []))
                    )
                )
            ].sort(),
            budget:
                budget?.amount !== undefined && budget.currency !== undefined
                    ? { amount: budget.amount, currency: budget.currency }
                    : null,
            window: window ? { start: iso(window.start), end: iso(window.end) } : null,
            headcount: headcountOf(mission)?.count ?? null,
            measures: mission.measures.filter(named).map(measure => measureView(model, measure)),
            body: () => bodyOf(mission),
            source: model.sourceOf(mission)
        };
    });
    return { missions, elements, diagnostics: model.diagnostics };
}

function measureView(model: OutputModel, measure: Measure): MeasureView {
    return {
        name: measure.name,
        baseline: baselineOf(measure) ?? null,
        target: targetOf(measure) ?? null,
        current: currentOf(measure) ?? null,
        progress: model.facts.measure(measure).progress ?? null,
        source: model.sourceOf(measure)
    };
}

/**
 * The mission's syntax tree as JSON, without its name: its title, its `under` and every item as
 * written (references as their text, values as read), whatever items the grammar has. Comments,
 * layout and positions are not in the tree.
 */
function bodyOf(mission: Mission): string {
    return JSON.stringify(mission, function (this: unknown, key: string, value: unknown) {
        if (key.startsWith('$') && key !== '$type') return undefined;
        if (key === 'name' && this === mission) return undefined;
        if (
            typeof value === 'object' &&
            value !== null &&
            typeof (value as { $refText?: unknown }).$refText === 'string'
        )
            return (value as { $refText: string }).$refText;
        return value;
    });
}

function iso(date: Date | undefined): string | null {
    return isValidDate(date) && toDay(date) !== undefined ? dateToIso(date) : null;
}

function named<T extends { name?: string }>(element: T | undefined): element is T & { name: string } {
    return typeof element?.name === 'string' && element.name.length > 0;
}

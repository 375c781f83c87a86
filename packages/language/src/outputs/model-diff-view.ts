/**
 * What the model diff reads of one checked model (`diffViewOf`): each mission's compared parts and
 * facts (status, progress: from the model's facts, never derived here), the body that tells a rename,
 * and the element each diagnostic is on. Lighter than the JSON model,
 * which also computes loads, ancestry and the staging queue: a diff of 10,000 missions builds two.
 */
import type { MissionDiagnostic } from '../validation/diagnostics.js';
import { isMission, type Measure, type Mission } from '../generated/ast.js';
import { budgetOf, currentOf, baselineOf, headcountOf, leadOf, targetOf, windowOf } from '../model/accessors.js';
import { dateToIso, isValidDate, toDay } from '../model/dates.js';
import type { OutputModel, SourceLocation } from './output-model.js';

export interface DiffView {
    readonly missions: readonly MissionView[];
    /** Every diagnostic of the model, with the element that holds it (put there by the model's own check). */
    readonly diagnostics: readonly LocatedDiagnostic[];
}

export interface LocatedDiagnostic {
    readonly diagnostic: MissionDiagnostic;
    /** The innermost named element whose text holds the diagnostic's start, or null (the file's). */
    readonly element: DiagnosticElement | null;
}

export type DiagnosticElement =
    | { readonly kind: 'vision' | 'person' | 'team' | 'mission'; readonly name: string }
    | { readonly kind: 'measure'; readonly name: string; readonly mission: string };

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
}

export interface MeasureView {
    readonly name: string;
    readonly baseline: number | null;
    readonly target: number | null;
    readonly current: number | null;
    readonly progress: number | null;
}

export function diffViewOf(model: OutputModel): DiffView {
    const { facts } = model;
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
            body: () => bodyOf(mission)
        };
    });
    const diagnostics = model.diagnostics.map(diagnostic => ({
        diagnostic,
        element: elementHolding(model, diagnostic)
    }));
    return { missions, diagnostics };
}

/**
 * The element a diagnostic is on for the diff: the top-level element holding its start (the model's
 * own assignment, which reads positions only where diagnostics are), then a measure of a mission.
 */
function elementHolding(model: OutputModel, diagnostic: MissionDiagnostic): DiagnosticElement | null {
    const element = model.elementOf(diagnostic);
    if (!named(element)) return null;
    if (!isMission(element)) return { kind: KINDS[element.$type], name: element.name };
    const measure = element.measures.find(
        candidate => named(candidate) && holds(model.sourceOf(candidate), diagnostic)
    );
    return measure
        ? { kind: 'measure', name: measure.name!, mission: element.name }
        : { kind: 'mission', name: element.name };
}

const KINDS = { Vision: 'vision', Person: 'person', Team: 'team' } as const;

function holds(source: SourceLocation, at: { line: number; column: number }): boolean {
    const before = (a: { line: number; column: number }, b: { line: number; column: number }) =>
        a.line - b.line || a.column - b.column;
    return before(source, at) <= 0 && before(at, { line: source.endLine, column: source.endColumn }) <= 0;
}

function measureView(model: OutputModel, measure: Measure): MeasureView {
    return {
        name: measure.name,
        baseline: baselineOf(measure) ?? null,
        target: targetOf(measure) ?? null,
        current: currentOf(measure) ?? null,
        progress: model.facts.measure(measure).progress ?? null
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

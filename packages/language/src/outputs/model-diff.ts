/**
 * The model diff (`mission diff`, LANGUAGE.md "Diff"): two checked models compared as models, not as
 * text. It reads each model's diff view (`diffViewOf`, model-diff-view.ts), whose facts (status,
 * progress) were computed by that model's own check, and never derives a fact itself.
 *
 * Missions are matched by name. A mission removed from the old model and one added in the new model
 * are a rename when they have the same body (every item written in the mission's block, its title and
 * its `under` as written; not its name, comments, layout, position or any fact) and no other removed
 * or added mission has that body. Diagnostics are matched by code and element (the innermost element whose
 * text holds the diagnostic's start: a measure, else a top-level element, else the file), preferring
 * equal messages, never by line: moving a mission to another line or file changes nothing.
 */
import type { MissionDiagnostic } from '../validation/diagnostics.js';
import type { DiffView, MissionView } from './model-diff-view.js';

export const MODEL_DIFF_FORMAT = 'mission-diff';
export const MODEL_DIFF_VERSION = 1;

export interface ModelDiff {
    readonly format: typeof MODEL_DIFF_FORMAT;
    readonly version: number;
    readonly missions: {
        readonly added: readonly MissionSummary[];
        readonly removed: readonly MissionSummary[];
        readonly renamed: ReadonlyArray<{ readonly from: string; readonly to: string }>;
        /** Missions in both models (by name, or renamed) with at least one change; by name in the new model. */
        readonly changed: readonly MissionChanges[];
    };
    readonly diagnostics: {
        readonly introduced: readonly DiffDiagnostic[];
        readonly fixed: readonly DiffDiagnostic[];
    };
}

export interface MissionSummary {
    readonly name: string;
    readonly title: string | null;
    readonly parent: string | null;
    readonly status: string;
}

export interface MissionChanges {
    readonly name: string;
    readonly changes: readonly MissionChange[];
}

export interface BudgetJson {
    readonly amount: number;
    readonly currency: string;
}

export interface WindowJson {
    readonly start: string | null;
    readonly end: string | null;
}

/** A measure's figures and its progress (a fact of its model), or null where it is absent. */
export interface MeasureFigures {
    readonly baseline: number | null;
    readonly target: number | null;
    readonly current: number | null;
    readonly progress: number | null;
}

/**
 * One change, always as before → after (null: absent), so that the reverse diff swaps them.
 * `measure` changes name the measure; a measure added has `before` null, one removed `after` null.
 */
export type MissionChange =
    | { readonly kind: 'parent' | 'status' | 'lead'; readonly before: string | null; readonly after: string | null }
    | { readonly kind: 'crew'; readonly before: readonly string[]; readonly after: readonly string[] }
    | { readonly kind: 'budget'; readonly before: BudgetJson | null; readonly after: BudgetJson | null }
    | { readonly kind: 'window'; readonly before: WindowJson | null; readonly after: WindowJson | null }
    | { readonly kind: 'headcount'; readonly before: number | null; readonly after: number | null }
    | {
          readonly kind: 'measure';
          readonly measure: string;
          readonly before: MeasureFigures | null;
          readonly after: MeasureFigures | null;
      };

export interface DiffDiagnostic extends MissionDiagnostic {
    /** The element the diagnostic is on, in its own model: `mission Grow`, `measure Grow.users`; null: none. */
    readonly element: string | null;
}

export interface ModelDiffOptions {
    /**
     * How a file is named for matching the diagnostics outside every element (default: as it is). Two
     * folders compared name their files relative to each folder, so that `old/a.mission` is `new/a.mission`.
     */
    readonly fileKey?: { readonly before?: (file: string) => string; readonly after?: (file: string) => string };
}

/** Compares two checked models. A model compared with itself gives an empty diff. */
export function diffModels(before: DiffView, after: DiffView, options: ModelDiffOptions = {}): ModelDiff {
    const oldMissions = byName(before.missions);
    const newMissions = byName(after.missions);
    const removed = [...oldMissions.values()].filter(mission => !newMissions.has(mission.name));
    const added = [...newMissions.values()].filter(mission => !oldMissions.has(mission.name));
    const renamed = pairRenames(removed, added);
    const renamedFrom = new Set(renamed.map(pair => pair.from));
    const renamedTo = new Set(renamed.map(pair => pair.to));
    const newNameOf = new Map(renamed.map(pair => [pair.from, pair.to]));
    const changed: MissionChanges[] = [];
    for (const mission of newMissions.values()) {
        const previous = oldMissions.get(mission.name);
        if (!previous) continue;
        const changes = missionChanges(previous, mission, newNameOf);
        if (changes.length > 0) changed.push({ name: mission.name, changes });
    }
    const diagnostics = diffDiagnostics(before, after, newNameOf, options);
    return normalized({
        format: MODEL_DIFF_FORMAT,
        version: MODEL_DIFF_VERSION,
        missions: {
            added: added.filter(mission => !renamedTo.has(mission.name)).map(summary),
            removed: removed.filter(mission => !renamedFrom.has(mission.name)).map(summary),
            renamed,
            changed
        },
        diagnostics
    });
}

/** True when the diff says nothing changed. */
export function isEmptyDiff(diff: ModelDiff): boolean {
    const { missions, diagnostics } = diff;
    return (
        missions.added.length + missions.removed.length + missions.renamed.length + missions.changed.length === 0 &&
        diagnostics.introduced.length + diagnostics.fixed.length === 0
    );
}

/** The reverse diff (new → old): what `diffModels(after, before)` gives. */
export function invertDiff(diff: ModelDiff): ModelDiff {
    // A renamed mission has the same body on both sides, so it is never among the changed ones.
    return normalized({
        ...diff,
        missions: {
            added: diff.missions.removed,
            removed: diff.missions.added,
            renamed: diff.missions.renamed.map(pair => ({ from: pair.to, to: pair.from })),
            changed: diff.missions.changed.map(entry => ({
                name: entry.name,
                changes: entry.changes.map(change => ({ ...change, before: change.after, after: change.before }))
            })) as MissionChanges[]
        },
        diagnostics: { introduced: diff.diagnostics.fixed, fixed: diff.diagnostics.introduced }
    });
}

function pairRenames(
    removed: readonly MissionView[],
    added: readonly MissionView[]
): Array<{ from: string; to: string }> {
    if (removed.length === 0 || added.length === 0) return [];
    const groups = new Map<string, { removed: MissionView[]; added: MissionView[] }>();
    const groupOf = (body: string) => {
        let group = groups.get(body);
        if (!group) groups.set(body, (group = { removed: [], added: [] }));
        return group;
    };
    for (const mission of removed) groupOf(mission.body()).removed.push(mission);
    for (const mission of added) groupOf(mission.body()).added.push(mission);
    const pairs: Array<{ from: string; to: string }> = [];
    for (const group of groups.values())
        if (group.removed.length === 1 && group.added.length === 1)
            pairs.push({ from: group.removed[0]!.name, to: group.added[0]!.name });
    return pairs;
}

function missionChanges(
    before: MissionView,
    after: MissionView,
    newNameOf: ReadonlyMap<string, string>
): MissionChange[] {
    const changes: MissionChange[] = [];
    const parentBefore = before.parent === null ? null : (newNameOf.get(before.parent) ?? before.parent);
    if (parentBefore !== after.parent) changes.push({ kind: 'parent', before: before.parent, after: after.parent });
    if (before.status !== after.status) changes.push({ kind: 'status', before: before.status, after: after.status });
    if (before.lead !== after.lead) changes.push({ kind: 'lead', before: before.lead, after: after.lead });
    if (!sameJson(before.crew, after.crew)) changes.push({ kind: 'crew', before: before.crew, after: after.crew });
    if (!sameJson(before.budget, after.budget))
        changes.push({ kind: 'budget', before: before.budget, after: after.budget });
    if (!sameJson(before.window, after.window))
        changes.push({ kind: 'window', before: before.window, after: after.window });
    if (before.headcount !== after.headcount)
        changes.push({ kind: 'headcount', before: before.headcount, after: after.headcount });
    const measuresBefore = byName(before.measures);
    const measuresAfter = byName(after.measures);
    for (const name of [...new Set([...measuresBefore.keys(), ...measuresAfter.keys()])].sort()) {
        const old = measuresBefore.get(name);
        const now = measuresAfter.get(name);
        const figuresBefore = old ? figures(old) : null;
        const figuresAfter = now ? figures(now) : null;
        if (!sameJson(figuresBefore, figuresAfter))
            changes.push({ kind: 'measure', measure: name, before: figuresBefore, after: figuresAfter });
    }
    return changes;
}

function figures(measure: MeasureFigures): MeasureFigures {
    return {
        baseline: measure.baseline,
        target: measure.target,
        current: measure.current,
        progress: measure.progress
    };
}

function summary(mission: MissionView): MissionSummary {
    return { name: mission.name, title: mission.title, parent: mission.parent, status: mission.status };
}

function diffDiagnostics(
    before: DiffView,
    after: DiffView,
    newNameOf: ReadonlyMap<string, string>,
    options: ModelDiffOptions
): ModelDiff['diagnostics'] {
    const oldKeyed = keyedDiagnostics(before, options.fileKey?.before, newNameOf);
    const newKeyed = keyedDiagnostics(after, options.fileKey?.after, new Map());
    const unmatchedOld = new Set(oldKeyed);
    const unmatchedNew = new Set(newKeyed);
    // Equal messages first, then any diagnostic of the same code on the same element, in order of position.
    for (const withMessage of [true, false]) {
        const waiting = new Map<string, Keyed[]>();
        for (const keyed of unmatchedOld) {
            const key = withMessage ? `${keyed.key}\n${keyed.diagnostic.message}` : keyed.key;
            const list = waiting.get(key);
            if (list) list.push(keyed);
            else waiting.set(key, [keyed]);
        }
        for (const keyed of unmatchedNew) {
            const key = withMessage ? `${keyed.key}\n${keyed.diagnostic.message}` : keyed.key;
            const match = waiting.get(key)?.shift();
            if (!match) continue;
            unmatchedOld.delete(match);
            unmatchedNew.delete(keyed);
        }
    }
    return {
        introduced: [...unmatchedNew].map(keyed => keyed.diagnostic),
        fixed: [...unmatchedOld].map(keyed => keyed.diagnostic)
    };
}

interface Keyed {
    readonly key: string;
    readonly diagnostic: DiffDiagnostic;
}

/** Each diagnostic with its matching key: code and element (renamed missions under their new names). */
function keyedDiagnostics(
    model: DiffView,
    fileKey: ((file: string) => string) | undefined,
    newNameOf: ReadonlyMap<string, string>
): Keyed[] {
    return model.diagnostics.map(({ diagnostic, element: found }) => {
        let key: string;
        if (!found) key = `file ${fileKey ? fileKey(diagnostic.file) : diagnostic.file}`;
        else if (found.kind === 'mission') key = `mission ${newNameOf.get(found.name) ?? found.name}`;
        else if (found.kind === 'measure')
            key = `measure ${newNameOf.get(found.mission) ?? found.mission}.${found.name}`;
        else key = `${found.kind} ${found.name}`;
        const element = found
            ? `${found.kind} ${found.kind === 'measure' ? `${found.mission}.` : ''}${found.name}`
            : null;
        return { key: `${diagnostic.code}\n${key}`, diagnostic: { ...diagnostic, element } };
    });
}

/** Sorted lists, so that a diff and the reverse of its reverse are equal. */
function normalized(diff: ModelDiff): ModelDiff {
    const byNameOf = <T extends { name: string }>(list: readonly T[]) =>
        [...list].sort((a, b) => order(a.name, b.name));
    return {
        format: diff.format,
        version: diff.version,
        missions: {
            added: byNameOf(diff.missions.added),
            removed: byNameOf(diff.missions.removed),
            renamed: [...diff.missions.renamed].sort((a, b) => order(a.to, b.to)),
            changed: byNameOf(diff.missions.changed)
        },
        diagnostics: {
            introduced: [...diff.diagnostics.introduced].sort(compareDiagnostics),
            fixed: [...diff.diagnostics.fixed].sort(compareDiagnostics)
        }
    };
}

function compareDiagnostics(a: DiffDiagnostic, b: DiffDiagnostic): number {
    return (
        order(a.file, b.file) ||
        a.line - b.line ||
        a.column - b.column ||
        order(a.code, b.code) ||
        order(a.message, b.message)
    );
}

function order(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

function byName<T extends { name: string }>(elements: readonly T[]): Map<string, T> {
    return new Map(elements.map(element => [element.name, element]));
}

function sameJson(a: unknown, b: unknown): boolean {
    return JSON.stringify(a) === JSON.stringify(b);
}

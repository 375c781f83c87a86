/**
 * Workspaces built around the dependency paths of the rule catalog (LANGUAGE.md), for the differential
 * test of the editor's incremental re-checking (test/reliability/incremental-differential.test.ts).
 *
 * A workspace is a plan: visions, persons, teams and missions, each in a file of its own unless the plan
 * says otherwise, rendered one item per line. Each path starts from a skeleton (the elements and links of
 * the path) whose values are then drawn at random; edits change one value (a capacity, a window, a
 * budget, a currency, a status, a measure's current, unit or roll-up: the editor's in-place path) or one
 * link (`under`, `lead`, `crew`, `members`, `supports`, `contributes to`: its structural path). Values
 * come from small sets, so that most edits switch a diagnostic on or off somewhere else.
 */
import fc from 'fast-check';

export type Status = 'active' | 'staged' | 'won' | 'abandoned';

export interface MeasurePlan {
    readonly name: string;
    current?: number;
    unit?: string;
    rollup?: 'sum' | 'mean' | 'none';
    contributes?: string;
}

export interface MissionPlan {
    readonly kind: 'mission';
    readonly name: string;
    readonly file: string;
    under?: string;
    lead?: string;
    crew: string[];
    status: Status;
    /** 1 + an index of WINDOWS; absent: no window of its own. */
    window?: number;
    budget?: number;
    currency: string;
    headcount?: number;
    measures: MeasurePlan[];
    supports: string[];
}

export interface PersonPlan {
    readonly kind: 'person';
    readonly name: string;
    readonly file: string;
    capacity: number;
}

export interface TeamPlan {
    readonly kind: 'team';
    readonly name: string;
    readonly file: string;
    members: string[];
}

export interface VisionPlan {
    readonly kind: 'vision';
    readonly name: string;
    readonly file: string;
    horizon?: string;
}

export type ElementPlan = MissionPlan | PersonPlan | TeamPlan | VisionPlan;

export interface WorkspacePlan {
    readonly elements: ElementPlan[];
}

/** Windows that overlap, nest, touch, lie apart, and one before today (2026-11-23). */
export const WINDOWS: ReadonlyArray<readonly [string, string]> = [
    ['2027-01-01', '2027-12-31'],
    ['2027-03-01', '2027-06-30'],
    ['2027-06-30', '2027-09-30'],
    ['2027-10-01', '2028-03-31'],
    ['2026-01-01', '2026-06-30']
];
const HORIZONS = [undefined, '2027-12-31', '2027-06-30', '2030-12-31'];
const STATUSES: readonly Status[] = ['active', 'active', 'staged', 'won', 'abandoned'];
const AMOUNTS = [10, 30, 50, 100];
const CURRENCIES = ['GBP', 'EUR'];
const HEADCOUNTS = [2, 5, 10];
const CURRENTS = [1, 4, 9, 20];
const UNITS = [undefined, 'pts', 'hrs', '%'];
const ROLLUPS = [undefined, 'sum', 'mean', 'none'] as const;

/**
 * One edit of a plan. Either a random one: which element, which of its fields, and a number to choose
 * the new value by; or one of the path's hops (`hop`: an index into the hops given to `applyEdits`).
 */
export type PlanEdit =
    | { readonly element: number; readonly field: number; readonly value: number }
    | { readonly hop: number; readonly value: number };

/** A random edit of any element. */
export const randomEdit: fc.Arbitrary<PlanEdit> = fc.record({ element: fc.nat(), field: fc.nat(), value: fc.nat() });

/** A random edit, or (one in two) an edit at one of the path's hops. */
export const planEdit: fc.Arbitrary<PlanEdit> = fc.oneof(randomEdit, fc.record({ hop: fc.nat(), value: fc.nat() }));

/** A field of a dependency path to edit: an element by name, and among which targets for a link. */
export interface Hop {
    readonly element: string;
    readonly field: FieldName;
    readonly targets?: readonly string[];
}

/** Sets a field from a number; `targets` are the names a link may take (default: every fitting element). */
type Field = (plan: WorkspacePlan, element: ElementPlan, value: number, targets?: readonly string[]) => void;

const pick = <T>(items: readonly T[], value: number): T => items[value % items.length]!;
/** The candidates whose bit is set in `value` (a list of links drawn from a number). */
const subset = <T>(items: readonly T[], value: number): T[] => items.filter((_, index) => (value >> index) & 1);
const names = (plan: WorkspacePlan, ...kinds: Array<ElementPlan['kind']>): string[] =>
    plan.elements.filter(element => kinds.includes(element.kind)).map(element => element.name);
const measureOf = (mission: MissionPlan, value: number): MeasurePlan | undefined =>
    mission.measures.length === 0 ? undefined : pick(mission.measures, value);
const onMeasure =
    (set: (measure: MeasurePlan, value: number) => void): Field =>
    (_, mission, value) => {
        const measure = measureOf(mission as MissionPlan, value >> 4);
        if (measure) set(measure, value);
    };

/** Edits that keep every name and link: the editor moves them onto the current tree (in place). */
const VALUE_FIELDS = {
    horizon: (_, vision, value) => ((vision as VisionPlan).horizon = pick(HORIZONS, value)),
    capacity: (_, person, value) => ((person as PersonPlan).capacity = 1 + (value % 3)),
    status: (_, mission, value) => ((mission as MissionPlan).status = pick(STATUSES, value)),
    window: (_, mission, value) => ((mission as MissionPlan).window = value % (WINDOWS.length + 1) || undefined),
    budget: (_, mission, value) => ((mission as MissionPlan).budget = pick([undefined, ...AMOUNTS], value)),
    currency: (_, mission, value) => ((mission as MissionPlan).currency = pick(CURRENCIES, value)),
    headcount: (_, mission, value) => ((mission as MissionPlan).headcount = pick([undefined, ...HEADCOUNTS], value)),
    current: onMeasure((measure, value) => (measure.current = pick(CURRENTS, value))),
    unit: onMeasure((measure, value) => (measure.unit = pick(UNITS, value))),
    rollup: onMeasure((measure, value) => (measure.rollup = pick(ROLLUPS, value)))
} satisfies Record<string, Field>;

/** Edits of a link or of an element's presence in a list: the editor rebuilds and relinks. */
const LINK_FIELDS = {
    members: (plan, team, value, targets) =>
        ((team as TeamPlan).members = subset(targets ?? names(plan, 'person'), value)),
    under: (plan, mission, value, targets) =>
        ((mission as MissionPlan).under = pick(targets ?? names(plan, 'vision', 'mission'), value)),
    lead: (plan, mission, value, targets) =>
        ((mission as MissionPlan).lead = pick([undefined, ...(targets ?? names(plan, 'person'))], value)),
    crew: (plan, mission, value, targets) =>
        ((mission as MissionPlan).crew = subset(targets ?? names(plan, 'person', 'team'), value)),
    supports: (plan, mission, value, targets) =>
        ((mission as MissionPlan).supports = subset(targets ?? names(plan, 'mission'), value)),
    contributes: (plan, mission, value, targets) => {
        const measure = measureOf(mission as MissionPlan, value >> 8);
        const all = plan.elements.flatMap(element =>
            element.kind === 'mission' ? element.measures.map(m => `${element.name}.${m.name}`) : []
        );
        if (measure) measure.contributes = pick([undefined, ...(targets ?? all)], value);
    }
} satisfies Record<string, Field>;

export type FieldName = keyof typeof VALUE_FIELDS | keyof typeof LINK_FIELDS;
const FIELDS: Record<FieldName, Field> = { ...VALUE_FIELDS, ...LINK_FIELDS };

const FIELDS_OF: Record<ElementPlan['kind'], { values: FieldName[]; links: FieldName[] }> = {
    vision: { values: ['horizon'], links: [] },
    person: { values: ['capacity'], links: [] },
    team: { values: [], links: ['members'] },
    mission: {
        values: ['status', 'window', 'budget', 'currency', 'headcount', 'current', 'unit', 'rollup'],
        links: ['under', 'under', 'lead', 'crew', 'supports', 'contributes']
    }
};

/**
 * Applies an edit to a copy of the plan. `links` allows random link edits (one in four random edits
 * then is one); without it only values change, so the skeleton's paths stay as they are. Hops are
 * applied as they are.
 */
export function applyEdit(
    plan: WorkspacePlan,
    edit: PlanEdit,
    links: boolean,
    hops: readonly Hop[] = []
): WorkspacePlan {
    const next = structuredClone(plan) as WorkspacePlan;
    let element: ElementPlan;
    let fields: FieldName[];
    let field: number;
    let targets: readonly string[] | undefined;
    if ('hop' in edit) {
        if (hops.length === 0) return next;
        const hop = pick(hops, edit.hop);
        element = next.elements.find(candidate => candidate.name === hop.element)!;
        fields = [hop.field];
        field = 0;
        targets = hop.targets;
    } else {
        element = pick(next.elements, edit.element);
        const { values, links: linkFields } = FIELDS_OF[element.kind];
        const useLink = links && linkFields.length > 0 && (values.length === 0 || edit.field % 4 === 3);
        fields = useLink ? linkFields : values;
        field = edit.field >> 2;
    }
    const was = JSON.stringify(element);
    // An edit that would change nothing (the same value drawn, a measure field of a mission without
    // measures) takes the next field and value instead, a few times.
    for (let attempt = 0; attempt < 8 && fields.length > 0 && JSON.stringify(element) === was; attempt++) {
        FIELDS[pick(fields, field + attempt)](next, element, edit.value + attempt, targets);
    }
    return next;
}

export function applyEdits(
    plan: WorkspacePlan,
    edits: readonly PlanEdit[],
    links: boolean,
    hops: readonly Hop[] = []
): WorkspacePlan {
    return edits.reduce((current, edit) => applyEdit(current, edit, links, hops), plan);
}

/** The text of every file of the plan, one item per line, elements in plan order. */
export function renderPlan(plan: WorkspacePlan): Record<string, string> {
    const files: Record<string, string> = {};
    for (const element of plan.elements) {
        files[element.file] = (files[element.file] ?? '') + renderElement(element) + '\n';
    }
    return files;
}

function renderElement(element: ElementPlan): string {
    switch (element.kind) {
        case 'vision':
            return (
                `vision ${element.name} "${element.name}"` + (element.horizon ? ` { horizon ${element.horizon} }` : '')
            );
        case 'person':
            return `person ${element.name} "${element.name}" { capacity ${element.capacity} }`;
        case 'team':
            return `team ${element.name} "${element.name}" { ${listed('members', element.members)}}`;
        case 'mission':
            return renderMission(element);
    }
}

function listed(keyword: string, items: readonly string[]): string {
    return items.length === 0 ? '' : `${keyword} ${items.join(', ')} `;
}

function renderMission(mission: MissionPlan): string {
    const lines = [`mission ${mission.name} "${mission.name}"${mission.under ? ` under ${mission.under}` : ''} {`];
    lines.push(`  intent "the intent of ${mission.name}"`);
    if (mission.lead) lines.push(`  lead ${mission.lead}`);
    if (mission.crew.length > 0) lines.push(`  crew ${mission.crew.join(', ')}`);
    lines.push(`  status ${mission.status}`);
    const window = mission.window === undefined ? undefined : WINDOWS[mission.window - 1];
    const boundary = [
        window ? `window ${window[0]} .. ${window[1]}` : '',
        mission.budget === undefined ? '' : `budget ${mission.budget}k ${mission.currency}`,
        mission.headcount === undefined ? '' : `headcount ${mission.headcount}`
    ].filter(part => part !== '');
    if (boundary.length > 0) lines.push(`  boundary { ${boundary.join(' ')} }`);
    for (const measure of mission.measures) {
        const parts = [
            'target 10',
            measure.current === undefined ? '' : `current ${measure.current}`,
            measure.unit === undefined ? '' : `unit ${measure.unit === '%' ? '"%"' : measure.unit}`,
            measure.rollup === undefined ? '' : `rollup ${measure.rollup}`,
            measure.contributes === undefined ? '' : `contributes to ${measure.contributes}`
        ].filter(part => part !== '');
        lines.push(`  measure ${measure.name} { ${parts.join(' ')} }`);
    }
    if (mission.supports.length > 0) lines.push(`  supports ${mission.supports.join(', ')}`);
    lines.push('}');
    return lines.join('\n');
}

/** Skeleton builders: each element in a file of its own (`<name>.mission`) unless `file` is given. */
export function vision(name: string, file = `${name}.mission`): VisionPlan {
    return { kind: 'vision', name, file };
}

export function person(name: string, file = `${name}.mission`): PersonPlan {
    return { kind: 'person', name, file, capacity: 1 };
}

export function team(name: string, members: string[], file = `${name}.mission`): TeamPlan {
    return { kind: 'team', name, file, members };
}

export function mission(
    name: string,
    links: Partial<Pick<MissionPlan, 'under' | 'lead' | 'crew' | 'supports' | 'window'>> & {
        measures?: Array<Pick<MeasurePlan, 'name' | 'contributes'>>;
        file?: string;
    } = {}
): MissionPlan {
    return {
        kind: 'mission',
        name,
        file: links.file ?? `${name}.mission`,
        under: links.under,
        lead: links.lead,
        crew: links.crew ?? [],
        status: 'active',
        window: links.window,
        currency: 'GBP',
        measures: (links.measures ?? []).map(measure => ({ ...measure })),
        supports: links.supports ?? []
    };
}

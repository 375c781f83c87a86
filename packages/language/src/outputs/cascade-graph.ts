/**
 * The cascade as a graph, the one shape every diagram format draws: visions at the top, each mission
 * below its parent, and `supports` between missions. Built from the facts (children, status,
 * progress), walking down from the roots with a visited set, so cycles and 100k missions are fine.
 */
import type { PaceName } from '../facts/pace.js';
import { supportedBy } from '../facts/supports.js';
import type { Mission, Vision } from '../generated/ast.js';
import { leadOf, type MissionStatusName, tagsOf } from '../model/accessors.js';
import { percent } from '../model/wording.js';
import { didYouMean } from '../references/suggestions.js';
import { dateToIso, isValidDate } from '../model/dates.js';
import type { OutputModel } from './output-model.js';
import { isSelected, selectByTag, type TagSelection } from './tag-selection.js';

// `--tag` is an option of every output that draws the cascade: its names go out with the graph's.
export { isSelected, modelTags, selectByTag, type TagSelection, UnknownTagError } from './tag-selection.js';

export interface CascadeNode {
    /** A stable id for the formats (`n0`, `n1`, ...), never model text. */
    readonly id: string;
    readonly kind: 'vision' | 'mission';
    readonly element: Vision | Mission;
    readonly name: string;
    readonly title?: string;
    readonly lead?: string;
    readonly status?: MissionStatusName;
    /** A vision's horizon, YYYY-MM-DD. */
    readonly horizon?: string;
    /** 0..1, absent when the mission has no measure with progress. */
    readonly progress?: number;
    /** The mission's pace on the model's today (its worst measure's); absent when none is paced. */
    readonly pace?: PaceName;
    readonly hasErrors: boolean;
    /** The codes of the errors in its text, each once, in the diagnostics' order (absent when none). */
    readonly errorCodes?: readonly string[];
    /** The codes of the warnings in its text, each once (absent when none, and on a context node). */
    readonly warningCodes?: readonly string[];
    /** With `depth`: how many missions below it are not drawn (absent when none is hidden). */
    readonly hiddenBelow?: number;
    /** A mission's tags, in order (absent when none). */
    readonly tags?: readonly string[];
    /** With `tag`: an ancestor shown for context only (drawn greyed). */
    readonly context?: boolean;
    /** Levels below the root it was reached from (a root is 0). */
    readonly depth: number;
}

export interface CascadeEdge {
    readonly from: string;
    readonly to: string;
    /** `under`: parent → child; `supports`: supporter → supported (drawn dashed). */
    readonly kind: 'under' | 'supports';
}

export interface CascadeGraph {
    readonly nodes: readonly CascadeNode[];
    readonly edges: readonly CascadeEdge[];
}

export type Direction = 'TB' | 'LR';

export interface CascadeOptions {
    /** Only this vision or mission and what is below it. */
    readonly root?: string;
    /** Only this many levels below the root(s); 0 is the roots alone. */
    readonly depth?: number;
    /** Draw `supports` edges (default true). */
    readonly supports?: boolean;
    /** Only the missions with this tag, and their ancestors for context (an UnknownTagError when none has it). */
    readonly tag?: string;
}

export class UnknownRootError extends Error {
    /** `names`: every vision's and mission's name, for "did you mean". */
    constructor(
        readonly root: string,
        names: Iterable<string | undefined> = []
    ) {
        super(`no vision or mission is named '${root}'${didYouMean(root, names)}`);
    }
}

export function buildCascadeGraph(model: OutputModel, options: CascadeOptions = {}): CascadeGraph {
    const { facts } = model;
    const selection = options.tag === undefined ? undefined : selectByTag(facts, options.tag);
    const shown = (element: Vision | Mission): boolean => !selection || isSelected(selection, element);
    const roots: Array<Vision | Mission> = [];
    if (options.root !== undefined) {
        const root =
            facts.visions.find(vision => vision.name === options.root) ??
            facts.missions.find(mission => mission.name === options.root);
        if (!root)
            throw new UnknownRootError(options.root, [
                ...facts.visions.map(vision => vision.name),
                ...facts.missions.map(mission => mission.name)
            ]);
        roots.push(root);
    } else if (selection) {
        // The topmost shown elements: every shown parent is an ancestor of a tagged mission, so shown too.
        roots.push(...facts.visions.filter(shown));
        roots.push(...facts.missions.filter(mission => shown(mission) && !facts.parentOf(mission)));
    } else {
        roots.push(...facts.visions);
        roots.push(...facts.missions.filter(mission => !facts.parentOf(mission)));
    }

    const nodes: CascadeNode[] = [];
    const edges: CascadeEdge[] = [];
    const idOf = new Map<Vision | Mission, string>();
    const maxDepth = options.depth ?? Number.POSITIVE_INFINITY;
    const codes = problemCodes(model);
    const add = (element: Vision | Mission, depth: number, hiddenBelow = 0): string => {
        const id = `n${nodes.length}`;
        idOf.set(element, id);
        nodes.push(nodeOf(model, element, id, depth, selection, codes.get(element), hiddenBelow));
        return id;
    };
    // Breadth first, so each level is complete before the next and ids follow the cascade.
    let frontier: Array<Vision | Mission> = [];
    for (const root of roots) {
        if (idOf.has(root)) continue;
        add(root, 0);
        frontier.push(root);
    }
    const walk = (startDepth: number): void => {
        for (let depth = startDepth; frontier.length > 0 && depth < maxDepth; depth++) {
            const next: Array<Vision | Mission> = [];
            for (const parent of frontier) {
                for (const child of facts.childrenOf(parent)) {
                    if (!shown(child)) continue;
                    if (!idOf.has(child)) {
                        add(child, depth + 1);
                        next.push(child);
                    }
                    edges.push({ from: idOf.get(parent)!, to: idOf.get(child)!, kind: 'under' });
                }
            }
            frontier = next;
        }
    };
    walk(0);
    if (frontier.length > 0) {
        // `depth` cut the walk: each node on the last level says how many missions below it are not drawn.
        for (const element of frontier) {
            const hidden = hiddenBelow(element, facts, shown, idOf);
            if (hidden === 0) continue;
            const index = Number(idOf.get(element)!.slice(1));
            nodes[index] = { ...nodes[index]!, hiddenBelow: hidden };
        }
    }
    if (options.root === undefined && options.depth === undefined) {
        // Missions on an `under` cycle are reached from no root: draw each cycle from one member.
        for (const mission of facts.missions) {
            if (idOf.has(mission) || !shown(mission)) continue;
            add(mission, 0);
            frontier = [mission];
            walk(0);
        }
    }
    if (options.supports !== false) {
        for (const [element, id] of idOf) {
            if (element.$type !== 'Mission') continue;
            for (const target of supportedBy(element)) {
                const targetId = idOf.get(target);
                if (targetId) edges.push({ from: id, to: targetId, kind: 'supports' });
            }
        }
    }
    return { nodes, edges };
}

/** The missions below an element that the walk did not reach (each once, cycles and all). */
function hiddenBelow(
    element: Vision | Mission,
    facts: OutputModel['facts'],
    shown: (element: Vision | Mission) => boolean,
    drawn: ReadonlyMap<Vision | Mission, string>
): number {
    const seen = new Set<Vision | Mission>([element]);
    const stack: Array<Vision | Mission> = [element];
    let count = 0;
    while (stack.length > 0) {
        for (const child of facts.childrenOf(stack.pop()!)) {
            if (seen.has(child) || drawn.has(child) || !shown(child)) continue;
            seen.add(child);
            count++;
            stack.push(child);
        }
    }
    return count;
}

interface Codes {
    errors: string[];
    warnings: string[];
}

/** The codes of the errors and warnings in each element's text, in one pass over the diagnostics. */
function problemCodes(model: OutputModel): Map<object, Codes> {
    const byElement = new Map<object, Codes>();
    for (const diagnostic of model.diagnostics) {
        if (diagnostic.severity !== 'error' && diagnostic.severity !== 'warning') continue;
        const element = model.elementOf(diagnostic);
        if (!element) continue;
        let codes = byElement.get(element);
        if (!codes) byElement.set(element, (codes = { errors: [], warnings: [] }));
        const list = diagnostic.severity === 'error' ? codes.errors : codes.warnings;
        if (!list.includes(diagnostic.code)) list.push(diagnostic.code);
    }
    return byElement;
}

function nodeOf(
    model: OutputModel,
    element: Vision | Mission,
    id: string,
    depth: number,
    selection: TagSelection | undefined,
    codes: Codes | undefined,
    hidden: number
): CascadeNode {
    // Error recovery can leave an element without a name (a syntax error is reported); it is still drawn.
    const base = {
        id,
        element,
        name: element.name ?? '(unnamed)',
        hasErrors: model.hasErrors(element),
        ...(codes && codes.errors.length > 0 ? { errorCodes: codes.errors } : {}),
        // A `--tag` view's context node (greyed, there to place the tagged ones) is not marked for its warnings.
        ...(codes && codes.warnings.length > 0 && !selection?.context.has(element)
            ? { warningCodes: codes.warnings }
            : {}),
        ...(hidden > 0 ? { hiddenBelow: hidden } : {}),
        depth,
        ...(selection?.context.has(element) ? { context: true } : {}),
        ...(element.title ? { title: element.title } : {})
    };
    if (element.$type === 'Vision') {
        return {
            ...base,
            kind: 'vision',
            ...(isValidDate(element.horizon) ? { horizon: dateToIso(element.horizon) } : {})
        };
    }
    const lead = leadOf(element)?.person?.ref?.name;
    const progress = model.facts.progressOf(element);
    const pace = model.pace.mission(element);
    const tags = tagsOf(element);
    return {
        ...base,
        kind: 'mission',
        status: model.facts.statusOf(element),
        ...(lead ? { lead } : {}),
        ...(progress === undefined ? {} : { progress }),
        ...(pace === undefined ? {} : { pace }),
        ...(tags.length === 0 ? {} : { tags })
    };
}

/** The colours of a node by status (fill, border, text), shared by every format so they agree. */
export const STATUS_COLORS: Record<MissionStatusName | 'vision', { fill: string; stroke: string; text: string }> = {
    vision: { fill: '#1f2a44', stroke: '#1f2a44', text: '#ffffff' },
    active: { fill: '#e6f0fb', stroke: '#2f6fb5', text: '#14233a' },
    staged: { fill: '#f3f4f6', stroke: '#8a8f98', text: '#2b2f36' },
    won: { fill: '#e5f5ea', stroke: '#2e8b57', text: '#123821' },
    lost: { fill: '#f4eef1', stroke: '#8e5a6a', text: '#3f2129' },
    abandoned: { fill: '#efede8', stroke: '#9e9a8f', text: '#45423b' }
};

export const ERROR_COLOR = '#d00000';
/** The outline of a node whose text has warnings and no error (amber, as the report's warning badge). */
export const WARNING_COLOR = '#b7791f';

/** `errors: no-lead, budget-exceeded`: which rules a node breaks (the codes, each once). */
export function errorsText(codes: readonly string[]): string {
    if (codes.length === 0) return 'errors';
    return `${codes.length === 1 ? 'error' : 'errors'}: ${codes.join(', ')}`;
}

/** `⚠ warning: stale-review`. */
export function warningsText(codes: readonly string[]): string {
    return `⚠ ${codes.length === 1 ? 'warning' : 'warnings'}: ${codes.join(', ')}`;
}

/** `+3 below`: missions under a node that `--depth` does not draw. */
export function hiddenText(count: number): string {
    return `+${count} below`;
}
/** The marker of a mission behind its pace (amber: a warning, not an error). */
export const BEHIND_COLOR = '#b7791f';
export const BEHIND_TEXT = '⚠ behind';
/** Context nodes of a `--tag` view: greyed, whatever their status. */
export const CONTEXT_COLORS = { fill: '#f7f7f8', stroke: '#c5c8ce', text: '#9a9ea6' };

/** `#north #clinics`: a mission's tags on a diagram node. */
export function tagsText(tags: readonly string[]): string {
    return tags.map(tag => `#${tag}`).join(' ');
}
export const SUPPORT_COLOR = '#7a5cc2';

/** `40%`; absent progress is shown as `no progress`. */
export function progressText(progress: number | undefined): string {
    return progress === undefined ? 'no progress' : percent(progress);
}

/** Splits text into lines of at most `width` characters at spaces (a longer word stays whole). */
export function wrapWords(text: string, width: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
        if (line && line.length + 1 + word.length > width) {
            lines.push(line);
            line = word;
        } else {
            line = line ? `${line} ${word}` : word;
        }
    }
    if (line) lines.push(line);
    return lines;
}

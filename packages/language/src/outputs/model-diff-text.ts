/**
 * The model diff as text (the terminal) and as Markdown (a pull-request comment). Both say the same
 * things in the same order: missions added, removed, renamed, then each changed mission, then the
 * diagnostics introduced and fixed.
 */
import { money, moneyChange, percent, windowRange } from '../model/wording.js';
import { formatNumber } from '../model/numbers.js';
import { markdownText } from '../model/escape.js';
import {
    type DiffDiagnostic,
    isEmptyDiff,
    type MeasureFigures,
    type MissionChange,
    type MissionSummary,
    type ModelDiff,
    type WindowJson
} from './model-diff.js';

/** What the diff says when the two models are the same. */
export const NO_MODEL_DIFFERENCES = 'no differences between the two models';

export function modelDiffText(diff: ModelDiff): string {
    if (isEmptyDiff(diff)) return `${NO_MODEL_DIFFERENCES}\n`;
    const lines = diffLines(diff, plainText);
    const shown = lines.map(line =>
        line.level === 0 ? line.text : `  ${line.sign ? `${line.sign} ` : ''}${line.text}`
    );
    return shown.join('\n') + '\n';
}

export function modelDiffMarkdown(diff: ModelDiff, heading = '## Mission model diff'): string {
    if (isEmptyDiff(diff)) return `${heading}\n\n${NO_MODEL_DIFFERENCES}.\n`;
    const out: string[] = [heading];
    for (const line of diffLines(diff, markdownText)) {
        if (line.level === 0) out.push('', `**${line.text}**`, '');
        else out.push(`- ${line.text}`);
    }
    return out.join('\n') + '\n';
}

interface Line {
    readonly level: 0 | 1;
    readonly text: string;
    /** In text, a list item's mark: + added or introduced, - removed or fixed (Markdown's section says it). */
    readonly sign?: '+' | '-';
}

function diffLines(diff: ModelDiff, escape: (text: string) => string): Line[] {
    const lines: Line[] = [];
    const section = (title: string, items: readonly string[], sign?: '+' | '-') => {
        if (items.length === 0) return;
        lines.push({ level: 0, text: `${title} (${items.length})` });
        for (const item of items) lines.push({ level: 1, text: item, sign });
    };
    const { missions, diagnostics } = diff;
    section(
        'missions added',
        missions.added.map(mission => describeMission(mission, escape)),
        '+'
    );
    section(
        'missions removed',
        missions.removed.map(mission => describeMission(mission, escape)),
        '-'
    );
    section(
        'missions renamed',
        missions.renamed.map(pair => `${escape(pair.from)} → ${escape(pair.to)}`)
    );
    for (const mission of missions.changed) {
        lines.push({ level: 0, text: `mission ${escape(mission.name)}` });
        for (const change of mission.changes) lines.push({ level: 1, text: describeChange(change, escape) });
    }
    section(
        'diagnostics introduced',
        diagnostics.introduced.map(diagnostic => describeDiagnostic(diagnostic, escape)),
        '+'
    );
    section(
        'diagnostics fixed',
        diagnostics.fixed.map(diagnostic => describeDiagnostic(diagnostic, escape)),
        '-'
    );
    return lines;
}

function describeMission(mission: MissionSummary, escape: (text: string) => string): string {
    const title = mission.title === null ? '' : ` "${escape(mission.title)}"`;
    const parent = mission.parent === null ? '' : ` under ${escape(mission.parent)}`;
    return `${escape(mission.name)}${title}${parent} (${mission.status})`;
}

function describeChange(change: MissionChange, escape: (text: string) => string): string {
    const name = (value: string | null) => (value === null ? 'none' : escape(value));
    switch (change.kind) {
        case 'parent':
            return `under: ${name(change.before)} → ${name(change.after)}`;
        case 'status':
        case 'lead':
            return `${change.kind}: ${name(change.before)} → ${name(change.after)}`;
        case 'crew': {
            const added = change.after.filter(member => !change.before.includes(member)).map(m => `+${escape(m)}`);
            const removed = change.before.filter(member => !change.after.includes(member)).map(m => `-${escape(m)}`);
            return `crew: ${[...added, ...removed].join(', ')}`;
        }
        case 'budget': {
            const { before, after } = change;
            const show = (budget: typeof before) => (budget === null ? 'none' : money(budget.amount, budget.currency));
            const delta =
                before && after && before.currency === after.currency
                    ? ` (${moneyChange(after.amount - before.amount, after.currency)})`
                    : '';
            return `budget: ${show(before)} → ${show(after)}${delta}`;
        }
        case 'window':
            return `window: ${windowText(change.before)} → ${windowText(change.after)}${windowMove(change)}`;
        case 'headcount':
            return `headcount: ${change.before ?? 'none'} → ${change.after ?? 'none'}`;
        case 'measure':
            return measureChange(change.measure, change.before, change.after, escape);
    }
}

function measureChange(
    measure: string,
    before: MeasureFigures | null,
    after: MeasureFigures | null,
    escape: (text: string) => string
): string {
    if (before === null) return `measure ${escape(measure)} added${figuresText(after!)}`;
    if (after === null) return `measure ${escape(measure)} removed`;
    const parts: string[] = [];
    for (const field of ['baseline', 'target', 'current'] as const)
        if (before[field] !== after[field]) parts.push(`${field} ${figure(before[field])} → ${figure(after[field])}`);
    parts.push(`progress ${progressText(before.progress)} → ${progressText(after.progress)}`);
    return `measure ${escape(measure)}: ${parts.join(', ')}`;
}

function figuresText(figures: MeasureFigures): string {
    const parts = (['baseline', 'target', 'current'] as const)
        .filter(field => figures[field] !== null)
        .map(field => `${field} ${figure(figures[field])}`);
    if (figures.progress !== null) parts.push(`progress ${progressText(figures.progress)}`);
    return parts.length > 0 ? `: ${parts.join(', ')}` : '';
}

function describeDiagnostic(diagnostic: DiffDiagnostic, escape: (text: string) => string): string {
    const where = `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`;
    return escape(`${where} ${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}`);
}

function windowText(window: WindowJson | null): string {
    return window === null ? 'none' : windowRange(window.start, window.end, '?');
}

/** How far each end of a window moved, in days, when both windows have it. */
function windowMove(change: { before: WindowJson | null; after: WindowJson | null }): string {
    const moves: string[] = [];
    for (const end of ['start', 'end'] as const) {
        const before = change.before?.[end];
        const after = change.after?.[end];
        if (!before || !after || before === after) continue;
        const days = Math.round((Date.parse(after) - Date.parse(before)) / 86_400_000);
        moves.push(`${end} ${signed(days)} ${Math.abs(days) === 1 ? 'day' : 'days'}`);
    }
    return moves.length > 0 ? ` (${moves.join(', ')})` : '';
}

function figure(value: number | null): string {
    return value === null ? 'none' : formatNumber(value);
}

function progressText(progress: number | null): string {
    return progress === null ? 'none' : percent(progress);
}

function signed(value: number): string {
    return value > 0 ? `+${formatNumber(value)}` : formatNumber(value);
}

function plainText(text: string): string {
    // eslint-disable-next-line no-control-regex -- control characters would reach a terminal as commands
    return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

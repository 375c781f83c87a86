/**
 * The staging plan as a table (text, Markdown, rows for CSV), as JSON, and as the short line a code
 * lens shows. Dates are `YYYY-MM-DD`; an open end is "open" in tables and null in JSON.
 */
import { markdownText } from '../model/escape.js';
import { dayToIso } from '../model/dates.js';
import { freedOnStart, type PlanEntry, type StagingPlan } from './staging-plan.js';

export const PLAN_COLUMNS = ['rank', 'mission', 'start', 'end', 'waits for', 'note'] as const;

function dayText(day: number | undefined): string {
    if (day === undefined) return '';
    return Number.isFinite(day) ? dayToIso(day) : 'open';
}

/** "bob frees up 2027-03-01; carol frees up 2027-04-01". */
export function waitsText(entry: PlanEntry): string {
    return entry.waitsFor.map(wait => `${wait.person} frees up ${dayText(wait.on)}`).join('; ');
}

/** One row of strings per staged mission, in PLAN_COLUMNS order. */
export function planRows(plan: StagingPlan): string[][] {
    return plan.entries.map(entry => [
        String(entry.rank),
        entry.name,
        dayText(entry.start),
        dayText(entry.end),
        waitsText(entry),
        entry.unplannable ? `unplannable: ${entry.unplannable.message}` : ''
    ]);
}

/** "could start 2027-03-01 when bob frees up" / "unplannable: alice is full ...": the code lens's words. */
export function planSummary(entry: PlanEntry, today: number): string {
    if (entry.unplannable) return `unplannable: ${entry.unplannable.message}`;
    const freed = freedOnStart(entry);
    const when = freed.length > 0 ? ` when ${freed.join(' and ')} ${freed.length === 1 ? 'frees' : 'free'} up` : '';
    return `could start ${dayText(entry.start)}${entry.start === today ? ' (today)' : ''}${when}`;
}

function overCapacityLines(plan: StagingPlan): string[] {
    return plan.overCapacity.map(
        over =>
            `${over.person} would be on ${over.load} concurrent active missions (capacity ${over.capacity}): ` +
            over.missions.join(', ')
    );
}

/** Aligned columns for a terminal, then who would go over capacity. */
export function planText(plan: StagingPlan): string {
    const lines = [`Staging plan from ${dayToIso(plan.today)}`];
    if (plan.entries.length === 0) lines.push('No staged missions.');
    else {
        const table = [[...PLAN_COLUMNS], ...planRows(plan)];
        const widths = PLAN_COLUMNS.map((_, column) => Math.max(...table.map(row => row[column]!.length)));
        for (const row of table)
            lines.push(
                row
                    .map((cell, i) => cell.padEnd(widths[i]!))
                    .join('  ')
                    .trimEnd()
            );
    }
    const over = overCapacityLines(plan);
    lines.push('', over.length === 0 ? 'Nobody would be over capacity.' : 'Over capacity:', ...over.map(l => `  ${l}`));
    return `${lines.join('\n')}\n`;
}

/** A Markdown table (model text escaped), then who would go over capacity. */
export function planMarkdown(plan: StagingPlan): string {
    const lines = [`## Staging plan from ${dayToIso(plan.today)}`, ''];
    if (plan.entries.length === 0) lines.push('No staged missions.');
    else {
        lines.push(`| ${PLAN_COLUMNS.join(' | ')} |`, `|${PLAN_COLUMNS.map(() => ' --- ').join('|')}|`);
        for (const row of planRows(plan)) lines.push(`| ${row.map(cell => markdownText(cell)).join(' | ')} |`);
    }
    const over = overCapacityLines(plan);
    lines.push('', over.length === 0 ? 'Nobody would be over capacity.' : '### Over capacity', '');
    for (const line of over) lines.push(`- ${markdownText(line)}`);
    return `${lines.join('\n').trimEnd()}\n`;
}

export interface PlanJson {
    readonly today: string;
    readonly missions: ReadonlyArray<{
        readonly rank: number;
        readonly name: string;
        readonly cd3: number | null;
        readonly people: readonly string[];
        readonly start: string | null;
        readonly end: string | null;
        readonly waitsFor: ReadonlyArray<{ readonly person: string; readonly on: string | null }>;
        readonly unplannable: {
            readonly reason: string;
            readonly person: string | null;
            readonly message: string;
        } | null;
    }>;
    readonly overCapacity: StagingPlan['overCapacity'];
}

const isoOrNull = (day: number | undefined): string | null =>
    day === undefined || !Number.isFinite(day) ? null : dayToIso(day);

export function planJson(plan: StagingPlan): PlanJson {
    return {
        today: dayToIso(plan.today),
        missions: plan.entries.map(entry => ({
            rank: entry.rank,
            name: entry.name,
            cd3: entry.cd3 ?? null,
            people: entry.people,
            start: isoOrNull(entry.start),
            end: isoOrNull(entry.end),
            waitsFor: entry.waitsFor.map(wait => ({ person: wait.person, on: isoOrNull(wait.on) })),
            unplannable: entry.unplannable
                ? {
                      reason: entry.unplannable.reason,
                      person: entry.unplannable.person ?? null,
                      message: entry.unplannable.message
                  }
                : null
        })),
        overCapacity: plan.overCapacity
    };
}

/**
 * The staging plan as a Gantt chart: one row per staged mission in queue order, a bar from its planned
 * start to its end (an open end runs to the chart's edge), month ticks, and the unplannable with their
 * reason. Hand-made SVG with presentation attributes only (no style attributes, so a page with a strict
 * Content-Security-Policy shows it); every piece of model text goes through `xmlText`.
 */
import { xmlText } from '../model/escape.js';
import { dayToIso } from '../model/dates.js';
import { planSummary } from './plan-output.js';
import type { StagingPlan } from './staging-plan.js';

const LABEL_WIDTH = 220;
const CHART_WIDTH = 720;
const ROW_HEIGHT = 24;
const TOP = 34;
const MAX_LABEL = 30;
const MS_PER_DAY = 86_400_000;

/** The first day of each month after `from` up to `to`. */
function monthStarts(from: number, to: number): number[] {
    const days: number[] = [];
    const date = new Date(from * MS_PER_DAY);
    let year = date.getUTCFullYear();
    let month = date.getUTCMonth() + 1;
    for (;;) {
        const day = Math.round(Date.UTC(year, month, 1) / MS_PER_DAY);
        if (day > to) return days;
        days.push(day);
        if (++month === 12) {
            month = 0;
            year++;
        }
    }
}

function shortened(text: string, max = MAX_LABEL): string {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function planGanttSvg(plan: StagingPlan): string {
    const planned = plan.entries.filter(entry => entry.start !== undefined);
    const finiteEnds = planned.map(entry => entry.end!).filter(end => Number.isFinite(end));
    const from = plan.today;
    // At least 90 days shown; an open end runs a month past the last finite end.
    const to = Math.max(from + 90, ...finiteEnds.map(end => end + 30));
    const x = (day: number): number => LABEL_WIDTH + ((Math.min(day, to) - from) / (to - from)) * CHART_WIDTH;
    const rows = Math.max(plan.entries.length, 1);
    const height = TOP + rows * ROW_HEIGHT + 10;
    const width = LABEL_WIDTH + CHART_WIDTH + 10;
    const parts: string[] = [
        `<svg xmlns="http://www.w3.org/2000/svg" class="gantt" width="${width}" height="${height}" ` +
            `viewBox="0 0 ${width} ${height}" role="img" aria-label="Staging plan from ${dayToIso(from)}" ` +
            `font-family="sans-serif" font-size="12">`,
        `<title>Staging plan from ${dayToIso(from)}</title>`
    ];
    const ticks = monthStarts(from, to);
    const every = Math.max(1, Math.ceil(ticks.length / 12));
    ticks.forEach((day, index) => {
        const at = x(day).toFixed(1);
        parts.push(`<line x1="${at}" y1="${TOP - 6}" x2="${at}" y2="${height - 10}" stroke="#ddd"/>`);
        if (index % every === 0)
            parts.push(`<text x="${at}" y="${TOP - 12}" fill="#555">${dayToIso(day).slice(0, 7)}</text>`);
    });
    parts.push(
        `<line x1="${x(from)}" y1="${TOP - 6}" x2="${x(from)}" y2="${height - 10}" stroke="#c00"/>`,
        `<text x="${x(from) + 3}" y="12" fill="#c00">today ${dayToIso(from)}</text>`
    );
    if (plan.entries.length === 0)
        parts.push(`<text x="${LABEL_WIDTH}" y="${TOP + 16}" fill="#555">No staged missions.</text>`);
    plan.entries.forEach((entry, index) => {
        const y = TOP + index * ROW_HEIGHT;
        const summary = xmlText(`${entry.name}: ${planSummary(entry, plan.today)}`);
        parts.push(
            `<g class="${entry.unplannable ? 'unplannable' : 'planned'}"><title>${summary}</title>`,
            `<text x="6" y="${y + 16}" fill="#222">${xmlText(`${entry.rank}. ${shortened(entry.name)}`)}</text>`
        );
        if (entry.start === undefined) {
            const reason = xmlText(shortened(`unplannable: ${entry.unplannable?.message ?? ''}`, 110));
            parts.push(`<text x="${LABEL_WIDTH + 4}" y="${y + 16}" fill="#a33">${reason}</text></g>`);
            return;
        }
        const left = x(entry.start);
        const right = x(Number.isFinite(entry.end!) ? entry.end! + 1 : to);
        parts.push(
            `<rect x="${left.toFixed(1)}" y="${y + 4}" width="${Math.max(2, right - left).toFixed(1)}" ` +
                `height="${ROW_HEIGHT - 8}" rx="3" fill="#3b7dd8"/></g>`
        );
    });
    parts.push('</svg>');
    return `${parts.join('\n')}\n`;
}

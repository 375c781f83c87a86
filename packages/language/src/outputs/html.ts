/** HTML text escaping for the report: every piece of model text goes through `html`. */
import type { StagingEntry } from '../facts/staging.js';
import { formatNumber } from '../model/numbers.js';
import { money } from '../model/wording.js';

export function html(text: string | number): string {
    return String(text)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
}

/** A horizontal bar as inline SVG (no style attributes, so a strict CSP needs no 'unsafe-inline'). */
export function barSvg(fraction: number | undefined, kind: string, label: string): string {
    const width = fraction === undefined ? 0 : Math.max(0, Math.min(1, fraction)) * 100;
    return (
        `<svg class="bar ${html(kind)}" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" ` +
        `aria-label="${html(label)}">` +
        `<rect class="track" x="0" y="0" width="100" height="8" rx="4"/>` +
        (width > 0 ? `<rect class="fill" x="0" y="0" width="${width.toFixed(2)}" height="8" rx="4"/>` : '') +
        '</svg>'
    );
}

/**
 * A staged mission's figures as three table cells (cost of delay a week, window in weeks, CD3), the
 * same in the report's staging queue and the site's.
 */
export function stagingFigureCells(entry: StagingEntry): string {
    const value =
        entry.costOfDelayPerWeek === undefined
            ? '<span class="none">no value</span>'
            : html(money(entry.costOfDelayPerWeek, entry.currency ?? ''));
    const weeks =
        entry.windowWeeks === undefined ? '<span class="none">open</span>' : html(formatNumber(entry.windowWeeks));
    const cd3 = entry.cd3 === undefined ? '<span class="none">—</span>' : `<b>${html(formatNumber(entry.cd3))}</b>`;
    return `<td class="num">${value}</td><td class="num">${weeks}</td><td class="num">${cd3}</td>`;
}

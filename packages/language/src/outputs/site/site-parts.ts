/** Fragments several pages show: badges, progress, a measure's row, a mission's tags and links, diagnostics. */
import { rollupText } from '../../facts/measures.js';
import { type PaceName, paceText } from '../../facts/pace.js';
import type { Measure, Mission } from '../../generated/ast.js';
import { baselineOf, currentOf, linksOf, tagsOf, targetOf, unitOf } from '../../model/accessors.js';
import { linkableUrl } from '../../model/links.js';
import { percent } from '../../model/wording.js';
import { dateToIso, isValidDate } from '../../model/dates.js';
import { formatNumber } from '../../model/numbers.js';
import type { MissionDiagnostic } from '../../validation/diagnostics.js';
import { barSvg, html } from '../html.js';
import type { SiteContext } from './site-context.js';
import { elementLink } from './site-page.js';

export function statusBadge(status: string): string {
    return `<span class="status ${html(status)}">${html(status)}</span>`;
}

export function paceBadge(pace: PaceName | undefined): string {
    return pace ? `<span class="pace ${pace}">${html(paceText(pace))}</span>` : '';
}

export function progressCell(progress: number | undefined, label: string): string {
    if (progress === undefined) return '<span class="none">no progress</span>';
    const bar = barSvg(progress, progress >= 1 ? 'done' : 'progress', label);
    return `${bar}<span class="pct">${percent(progress)}</span>`;
}

export function numberCell(value: number | undefined): string {
    return value === undefined ? '<td class="num none">—</td>' : `<td class="num">${html(formatNumber(value))}</td>`;
}

/** The pace badge and the expected progress it was judged against; "no span" for an unbounded one. */
export function measurePaceCell(site: SiteContext, measure: Measure): string {
    const { pace, expected } = site.model.pace.measure(measure);
    if (expected === undefined) return '<span class="none">no span</span>';
    return `${pace ? `${paceBadge(pace)} ` : ''}<span class="none">${percent(expected)} expected</span>`;
}

export const MEASURE_HEAD =
    '<tr><th>Measure</th><th class="num">Baseline</th><th class="num">Current</th><th class="num">Target</th>' +
    '<th>Unit</th><th>Due</th><th>Progress</th><th>Pace</th></tr>';

/**
 * A measure's row: values, due, progress and pace, what it contributes to and how it rolls up (links to
 * the missions of the measures named). `cellClass` indents the first cell on the scorecard.
 */
export function measureRow(site: SiteContext, from: string, measure: Measure, cellClass = ''): string {
    const { facts } = site.model;
    const { progress, direction, rollup } = facts.measure(measure);
    const target = measure.contributions[0]?.measure?.ref;
    const contributors = facts.contributorsOf(measure);
    const notes = [
        ...(measure.title ? [`<span class="none">${html(measure.title)}</span>`] : []),
        ...(target ? [`<span class="none">→ ${measureLink(site, from, target)}</span>`] : []),
        ...(direction === 'down' ? ['<span class="none">(lower is better)</span>'] : [])
    ];
    const rollsUp =
        rollup.written || contributors.length > 0
            ? `<br><span class="none rollup">rolls up by ${html(rollupText(rollup, unitOf(measure)))}` +
              (contributors.length > 0
                  ? `: from ${contributors.map(contributor => measureLink(site, from, contributor)).join(', ')}`
                  : '') +
              '</span>'
            : '';
    const due = measure.dues[0]?.date;
    const numbers = [baselineOf(measure), currentOf(measure), targetOf(measure)].map(numberCell).join('');
    return (
        `<tr class="measure"><td${cellClass ? ` class="${cellClass}"` : ''}>${html(measure.name ?? '')} ` +
        `${notes.join(' ')}${rollsUp}</td>${numbers}` +
        `<td>${html(unitOf(measure) ?? '')}</td><td class="date">${isValidDate(due) ? dateToIso(due) : ''}</td>` +
        `<td class="progress">${progressCell(progress, `${measure.name ?? ''} progress`)}</td>` +
        `<td class="pace">${measurePaceCell(site, measure)}</td></tr>`
    );
}

/** `Mission.measure`, linked to the mission's page. */
function measureLink(site: SiteContext, from: string, measure: Measure): string {
    const mission = measure.$container;
    return `${elementLink(site.paths, from, mission)}.${html(measure.name ?? '')}`;
}

/** Tags as chips; links as real links only for what `linkableUrl` accepts (https, http, mailto), else text. */
export function tagsAndLinks(mission: Mission): { tags: string; links: string } {
    const tags = tagsOf(mission).map(tag => `<span class="tag">#${html(tag)}</span>`);
    const links = linksOf(mission).map(link => {
        const label = html(link.label ?? link.url);
        const href = linkableUrl(link.url);
        return href
            ? `<a class="link" href="${html(href)}" rel="noopener noreferrer">${label}</a>`
            : `<span class="link none">${label}${link.label ? ` (${html(link.url)})` : ''}</span>`;
    });
    return { tags: tags.join(' '), links: links.join(' ') };
}

/** A table of diagnostics; with `linkElements`, each links to the page of the element it concerns. */
export function diagnosticsTable(
    site: SiteContext,
    from: string,
    diagnostics: readonly MissionDiagnostic[],
    linkElements: boolean
): string {
    if (diagnostics.length === 0) return '<p class="empty">No problems found.</p>';
    const rows = diagnostics.map(diagnostic => {
        const element = linkElements ? site.model.elementOf(diagnostic) : undefined;
        const concerns = linkElements
            ? `<td>${element ? elementLink(site.paths, from, element) : '<span class="none">—</span>'}</td>`
            : '';
        return (
            `<tr><td><span class="sev ${diagnostic.severity}">${diagnostic.severity}</span></td>` +
            `<td><code>${html(diagnostic.code)}</code></td>${concerns}` +
            `<td class="loc">${html(diagnostic.file)}:${diagnostic.line}:${diagnostic.column}</td>` +
            `<td>${html(diagnostic.message)}</td></tr>`
        );
    });
    const concerns = linkElements ? '<th>Concerns</th>' : '';
    return table(`<tr><th>Severity</th><th>Code</th>${concerns}<th>Where</th><th>Message</th></tr>`, rows);
}

/** A table with a head row (HTML) and body rows (HTML). */
export function table(head: string, rows: readonly string[]): string {
    return `<table>\n<thead>${head}</thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

/** A card: a section with a heading, an optional note and a body. */
export function card(id: string, heading: string, body: string, note?: string): string {
    return `<section class="card" id="${id}">
<h2>${heading}</h2>
${note ? `<p class="note">${note}</p>\n` : ''}${body}
</section>`;
}

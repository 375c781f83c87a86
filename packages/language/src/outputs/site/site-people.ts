/**
 * The people: an index of every person (load against capacity) and team, and a page per person: their
 * missions with their role, pace and line of sight (1-up and 2-up), their load over time against capacity,
 * and the brief as `mission brief` writes it (a Markdown file beside the page).
 */
import { type LoadStep, loadTimeline } from '../../facts/load-timeline.js';
import type { Mission, Person } from '../../generated/ast.js';
import { type DayNumber, dayToIso } from '../../model/dates.js';
import { formatNumber } from '../../model/numbers.js';
import { windowRange } from '../../model/wording.js';
import { barSvg, html } from '../html.js';
import { footerOf, type SiteContext } from './site-context.js';
import { anchorName, elementLink, page, relative, type SitePage } from './site-page.js';
import { card, diagnosticsTable, paceBadge, statusBadge, table } from './site-parts.js';

const PATH = 'people.html';

export function peoplePage(site: SiteContext): SitePage {
    const { facts } = site.model;
    const rows = facts.persons.map(person => {
        const load = facts.loadOf(person);
        const over = load.load > load.capacity;
        const fill = load.capacity > 0 ? load.load / load.capacity : 1;
        return (
            `<tr><td class="person"><b>${elementLink(site.paths, PATH, person)}</b>` +
            `${person.title ? ` <span class="none">${html(person.title)}</span>` : ''}</td>` +
            `<td class="num${over ? ' over' : ''}">${load.load} / ${html(formatNumber(load.capacity))}</td>` +
            `<td>${barSvg(fill, over ? 'over' : 'load', `${person.name ?? ''} load`)}</td>` +
            `<td class="num">${load.missions.length}</td></tr>`
        );
    });
    const persons =
        rows.length === 0
            ? '<p class="empty">The model has no persons.</p>'
            : '<table>\n<thead><tr><th>Person</th><th class="num">Load</th><th></th><th class="num">Missions</th>' +
              `</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
    const teams = facts.teams.map(
        team =>
            `<li id="team-${anchorName(team.name)}"><b>${html(team.name ?? '(unnamed)')}</b>` +
            `${team.title ? ` <span class="none">${html(team.title)}</span>` : ''}: ` +
            (team.members
                .map(member => member?.ref)
                .filter(person => person !== undefined)
                .map(person => elementLink(site.paths, PATH, person))
                .join(', ') || '<span class="none">no members</span>') +
            teamDiagnostics(site, team) +
            '</li>'
    );
    const main = [
        card(
            'persons',
            'People: load against capacity',
            persons,
            'Load is the largest number of concurrent active missions a person leads or crews.'
        ),
        card(
            'teams',
            'Teams',
            teams.length === 0 ? '<p class="empty">No teams.</p>' : `<ul class="plain">${teams.join('')}</ul>`
        )
    ];
    return page(
        {
            title: `People · ${site.title}`,
            path: PATH,
            nav: 'people',
            header: `<h1>People</h1>`,
            main: main.join('\n'),
            footer: footerOf(site)
        },
        site
    );
}

function teamDiagnostics(site: SiteContext, team: Parameters<SiteContext['diagnosticsOf']>[0]): string {
    const count = site.diagnosticsOf(team).length;
    return count === 0
        ? ''
        : ` <a href="${relative(PATH, 'diagnostics.html')}">${count} problem${count === 1 ? '' : 's'}</a>`;
}

/** The person's page and, beside it, their brief in Markdown (`brief`: `renderBrief`'s text). */
export function personPages(site: SiteContext, person: Person, brief: string): SitePage[] {
    const path = site.paths.pageOf(person)!;
    const { facts } = site.model;
    const load = facts.loadOf(person);
    const over = load.load > load.capacity;
    const role = person.roles[0]?.text;
    const briefPath = path.replace(/\.html$/, '.md');
    const header = [
        `<h1>${html(person.name ?? '(unnamed)')}` +
            `${person.title ? ` <span class="more">${html(person.title)}</span>` : ''}</h1>`,
        `<p class="vision">${role ? `${html(role)} · ` : ''}capacity ${html(formatNumber(load.capacity))} · ` +
            `load ${load.load}${over ? ' · <b>over capacity</b>' : ''}</p>`
    ].join('\n');
    const missionRows = load.missions.map(mission => {
        const roles = [
            ...new Set(
                load.assignments
                    .filter(assignment => assignment.mission === mission)
                    .map(a => (a.role === 'team' ? `crew (team ${a.team?.name ?? ''})` : a.role))
            )
        ];
        const ancestors = facts
            .ancestorsOf(mission)
            .slice(0, 2)
            .map(ancestor => elementLink(site.paths, path, ancestor));
        const counted = facts.isCountedInPeak(person, mission) ? ' class="counted"' : '';
        return (
            `<tr><td${counted}><b>${elementLink(site.paths, path, mission)}</b>` +
            `${mission.title ? ` <span class="none">${html(mission.title)}</span>` : ''}</td>` +
            `<td>${html(roles.join(', '))}</td><td>${statusBadge(facts.statusOf(mission))}</td>` +
            `<td class="date">${html(windowRange(facts.windowOf(mission).start, facts.windowOf(mission).end))}</td>` +
            `<td>${paceBadge(site.model.pace.mission(mission))}</td>` +
            `<td>${ancestors.length > 0 ? ancestors.join(' ‹ ') : '<span class="none">—</span>'}</td></tr>`
        );
    });
    const missions =
        missionRows.length === 0
            ? '<p class="empty">On no missions.</p>'
            : table(
                  '<tr><th>Mission</th><th>Role</th><th>Status</th><th>Window</th><th>Pace</th>' +
                      '<th>1 up ‹ 2 up</th></tr>',
                  missionRows
              );
    const timelineSteps = loadTimeline(facts, person);
    const steps = timelineSteps.map(step => {
        const stepOver = step.load > load.capacity;
        const fill = load.capacity > 0 ? step.load / load.capacity : 1;
        return (
            `<tr><td class="date">${html(windowRange(step.start, step.end))}</td>` +
            `<td class="num${stepOver ? ' over' : ''}">${step.load} / ${html(formatNumber(load.capacity))}</td>` +
            `<td>${barSvg(fill, stepOver ? 'over' : 'load', 'load')}</td>` +
            `<td>${step.items.map(mission => elementLink(site.paths, path, mission)).join(', ')}</td></tr>`
        );
    });
    const timeline =
        steps.length === 0
            ? '<p class="empty">No active missions.</p>'
            : loadChartSvg(timelineSteps, load.capacity, site.today) +
              table('<tr><th>Days</th><th class="num">Load</th><th></th><th>Active missions</th></tr>', steps);
    const main = [
        card('missions', 'Missions', missions, 'Red: counted in a peak over capacity.'),
        card(
            'load',
            'Load over time',
            timeline,
            'The number of active missions on each day (blue) against capacity (dashed red line), red where over; ' +
                'below, each stretch of days with the same active missions running.'
        ),
        card(
            'brief',
            'Brief',
            `<p><a href="${html(relative(path, briefPath))}">The brief in Markdown</a> ` +
                '(vision, intents 1 up and 2 up, boundaries, measures, mutual support), ' +
                'as <code>mission brief</code> writes it.</p>'
        ),
        card('diagnostics', 'Diagnostics', diagnosticsTable(site, path, site.diagnosticsOf(person), false))
    ];
    return [
        page(
            {
                title: `${person.name ?? '(unnamed)'} · ${site.title}`,
                path,
                header,
                main: main.join('\n'),
                footer: footerOf(site)
            },
            site
        ),
        { path: briefPath, content: brief }
    ];
}

const CHART = { width: 760, height: 220, left: 44, right: 20, top: 16, bottom: 34 };

/**
 * A person's load over time as a step chart against their capacity, drawn here (no script): the active
 * missions on each day, the stretches over capacity in red, the capacity as a dashed line, today dotted.
 * Open windows run to the chart's edges. Only numbers and dates are written into it.
 */
export function loadChartSvg(steps: ReadonlyArray<LoadStep<Mission>>, capacity: number, today: DayNumber): string {
    const finite = steps.flatMap(step => [step.start, step.end + 1]).filter(day => Number.isFinite(day));
    let first = finite.length > 0 ? Math.min(...finite) : today - 30;
    let last = finite.length > 0 ? Math.max(...finite) : today + 30;
    if (steps.some(step => step.start === Number.NEGATIVE_INFINITY)) first = Math.min(first, today) - 30;
    if (steps.some(step => step.end === Number.POSITIVE_INFINITY)) last = Math.max(last, today) + 30;
    if (last <= first) last = first + 1;
    const peak = Math.max(1, capacity, ...steps.map(step => step.load));
    const top = Math.ceil(peak * 1.15);
    const { width, height, left, right, top: topMargin, bottom } = CHART;
    const x = (day: number): number =>
        left + ((Math.max(first, Math.min(last, day)) - first) / (last - first)) * (width - left - right);
    const y = (load: number): number => height - bottom - (load / top) * (height - topMargin - bottom);
    const n = (value: number): string => value.toFixed(1);
    const base = y(0);
    let path = '';
    let previous: number | undefined;
    for (const step of steps) {
        const x0 = x(step.start);
        const x1 = x(step.end + 1);
        path += previous === undefined ? `M${n(x0)} ${n(base)}` : previous === x0 ? '' : `V${n(base)}H${n(x0)}`;
        path += `V${n(y(step.load))}H${n(x1)}`;
        previous = x1;
    }
    path += `V${n(base)}Z`;
    const over = steps
        .filter(step => step.load > capacity)
        .map(step => {
            const x0 = x(step.start);
            return (
                `<rect class="over" x="${n(x0)}" y="${n(y(step.load))}" width="${n(x(step.end + 1) - x0)}" ` +
                `height="${n(y(capacity) - y(step.load))}"/>`
            );
        });
    const tickStep = Math.max(1, Math.ceil(top / 5));
    const yTicks: string[] = [];
    for (let value = 0; value <= top; value += tickStep)
        yTicks.push(
            `<line class="axis" x1="${left - 4}" x2="${left}" y1="${n(y(value))}" y2="${n(y(value))}"/>` +
                `<text x="${left - 8}" y="${n(y(value) + 4)}" text-anchor="end">${value}</text>`
        );
    const xTicks: string[] = [];
    const count = 5;
    for (let i = 0; i <= count; i++) {
        const day = Math.round(first + ((last - first) * i) / count);
        const anchor = i === 0 ? 'start' : i === count ? 'end' : 'middle';
        xTicks.push(
            `<line class="axis" x1="${n(x(day))}" x2="${n(x(day))}" y1="${n(base)}" y2="${n(base + 4)}"/>` +
                `<text x="${n(x(day))}" y="${n(base + 18)}" text-anchor="${anchor}">${dayToIso(day)}</text>`
        );
    }
    const todayLine =
        today >= first && today <= last
            ? `<line class="today" x1="${n(x(today))}" x2="${n(x(today))}" y1="${topMargin}" y2="${n(base)}"/>` +
              `<text x="${n(x(today) + 4)}" y="${topMargin + 10}">today</text>`
            : '';
    const label = `Load over time from ${dayToIso(first)} to ${dayToIso(last)}: peak ${peak}, capacity ${capacity}`;
    return (
        `<svg class="load-chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${html(label)}">` +
        `<path class="load" d="${path}"/>${over.join('')}` +
        `<line class="axis" x1="${left}" x2="${width - right}" y1="${n(base)}" y2="${n(base)}"/>` +
        `<line class="axis" x1="${left}" x2="${left}" y1="${topMargin}" y2="${n(base)}"/>` +
        yTicks.join('') +
        xTicks.join('') +
        `<line class="capacity" x1="${left}" x2="${width - right}" y1="${n(y(capacity))}" y2="${n(y(capacity))}"/>` +
        `<text class="capacity-label" x="${width - right}" y="${n(y(capacity) - 5)}" text-anchor="end">` +
        `capacity ${html(formatNumber(capacity))}</text>` +
        todayLine +
        '</svg>'
    );
}

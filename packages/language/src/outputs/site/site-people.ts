/**
 * The people: an index of every person (load against capacity) and team, and a page per person: their
 * missions with their role, pace and line of sight (1-up and 2-up), their load over time against capacity,
 * and the brief as `mission brief` writes it (a Markdown file beside the page).
 */
import { loadTimeline } from '../../facts/load-timeline.js';
import type { Person } from '../../generated/ast.js';
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
    const steps = loadTimeline(facts, person).map(step => {
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
            : table('<tr><th>Days</th><th class="num">Load</th><th></th><th>Active missions</th></tr>', steps);
    const main = [
        card('missions', 'Missions', missions, 'Red: counted in a peak over capacity.'),
        card('load', 'Load over time', timeline, 'Each stretch of days with the same active missions running.'),
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

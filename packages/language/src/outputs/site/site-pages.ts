/**
 * The site's overview pages: the cascade (the Graphviz figure, each node a link to its page, and the
 * visions), the scorecard (every mission in cascade order, indented, with its measures and pace), the
 * staging queue and plan, and every diagnostic linked to the element it concerns.
 */
import { type PaceName, paceText } from '../../facts/pace.js';
import { stagingQueue } from '../../facts/staging.js';
import type { Mission } from '../../generated/ast.js';
import { leadOf, tagsOf } from '../../model/accessors.js';
import { planGanttSvg } from '../../planning/plan-gantt.js';
import { planRows } from '../../planning/plan-output.js';
import { stagingPlanOn } from '../../planning/staging-plan.js';
import { dateToIso, isValidDate } from '../../model/dates.js';
import { counted, problemCounts } from '../../model/numbers.js';
import { cascadeOrder } from '../cascade-order.js';
import { html, stagingFigureCells } from '../html.js';
import { inlineSvg } from '../svg.js';
import { footerOf, type SiteContext } from './site-context.js';
import { anchorName, elementLink, page, type SitePage } from './site-page.js';
import { dataIsland } from './site-script.js';
import { card, diagnosticsTable, measureRow, paceBadge, progressCell, statusBadge, table } from './site-parts.js';

export function indexPage(
    site: SiteContext,
    cascadeSvg: string | undefined,
    cascadeNote: string | undefined
): SitePage {
    const { facts, summary } = site.model;
    const visions = facts.visions.map(
        vision =>
            `<p class="vision" id="vision-${anchorName(vision.name)}">` +
            `Vision <b>${html(vision.name ?? '(unnamed)')}</b>` +
            `${vision.title ? ` — ${html(vision.title)}` : ''}` +
            (isValidDate(vision.horizon) ? ` <span class="horizon">horizon ${dateToIso(vision.horizon)}</span>` : '') +
            `${site.diagnosticsOf(vision).length > 0 ? ' <a href="diagnostics.html">has problems</a>' : ''}</p>`
    );
    const header = [
        `<h1>${html(site.title)}</h1>`,
        ...visions,
        `<div class="chips"><span class="chip"><b>${facts.missions.length}</b>missions</span>` +
            `<span class="chip"><b>${facts.persons.length}</b>people</span>` +
            `<span class="chip error"><b>${summary.errors}</b>errors</span>` +
            `<span class="chip warning"><b>${summary.warnings}</b>warnings</span></div>`
    ].join('\n');
    const figure = cascadeSvg
        ? inlineSvg(cascadeSvg)
        : `<p class="empty">${html(cascadeNote ?? 'No cascade diagram.')}</p>`;
    const main = card(
        'cascade',
        'Cascade',
        `${cascadeTools(site)}\n<div class="cascade">${figure}</div>`,
        'Visions on top, missions below their parents; dashed arrows are mutual support; red outlines mark ' +
            'missions with errors. Click a mission for its page. Drag to pan, scroll (or +, −, 0 on the figure) ' +
            'to zoom; search and filters highlight the missions that match.'
    );
    return page(
        {
            title: site.title,
            path: 'index.html',
            nav: 'cascade',
            header,
            main,
            footer: footerOf(site),
            script: dataIsland(cascadeData(site))
        },
        site
    );
}

/**
 * The search box, the filters and the zoom buttons, hidden until the script shows them (without the script
 * they would do nothing). The filters' choices are the model's own tags, statuses, leads and paces, escaped.
 */
function cascadeTools(site: SiteContext): string {
    const { facts, pace } = site.model;
    const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort((a, b) => a.localeCompare(b));
    const tags = sorted(facts.missions.flatMap(mission => tagsOf(mission)));
    const statuses = sorted(facts.missions.map(mission => facts.statusOf(mission)));
    const leads = sorted(
        facts.missions.flatMap(mission => {
            const name = leadOf(mission)?.person?.ref?.name;
            return name ? [name] : [];
        })
    );
    const paces = sorted(facts.missions.flatMap(mission => pace.mission(mission) ?? []));
    const select = (key: string, any: string, values: readonly string[], label = (value: string) => value): string =>
        `<select id="filter-${key}" aria-label="Filter by ${key}"${values.length === 0 ? ' disabled' : ''}>` +
        `<option value="">${any}</option>` +
        values.map(value => `<option value="${html(value)}">${html(label(value))}</option>`).join('') +
        '</select>';
    return (
        '<div class="tools" id="cascade-tools" hidden>' +
        '<input type="search" id="find-name" placeholder="Search name or title" ' +
        'aria-label="Search missions by name or title" autocomplete="off">' +
        select('tag', 'any tag', tags, tag => `#${tag}`) +
        select('status', 'any status', statuses) +
        select('lead', 'any lead', leads) +
        select('pace', 'any pace', paces, value => paceText(value as PaceName)) +
        '<span id="find-count" aria-live="polite"></span>' +
        '<span class="zoom"><button type="button" data-zoom="in" aria-label="Zoom in">+</button>' +
        '<button type="button" data-zoom="out" aria-label="Zoom out">−</button>' +
        '<button type="button" data-zoom="fit">Fit</button></span></div>\n' +
        '<ol class="found" id="find-results" hidden aria-label="Matching missions"></ol>'
    );
}

/**
 * What the script searches and filters by: each mission's name, title, tags, status, lead, pace and page (every
 * mission, also those a `--depth` figure leaves out), each vision's name and title.
 */
function cascadeData(site: SiteContext): {
    missions: Array<[string, string, string[], string, string, string, string]>;
    visions: Array<[string, string]>;
} {
    const { facts, pace } = site.model;
    return {
        missions: facts.missions.map(mission => [
            mission.name ?? '',
            mission.title ?? '',
            tagsOf(mission),
            facts.statusOf(mission),
            leadOf(mission)?.person?.ref?.name ?? '',
            pace.mission(mission) ?? '',
            site.paths.pageOf(mission) ?? ''
        ]),
        visions: facts.visions.map(vision => [vision.name ?? '', vision.title ?? ''])
    };
}

export function scorecardPage(site: SiteContext): SitePage {
    const path = 'scorecard.html';
    const rows: string[] = [];
    for (const { element, depth } of cascadeOrder(site.model.facts)) {
        const indent = `indent-${depth > 7 ? 'deep' : depth}`;
        if (element.$type === 'Vision') {
            rows.push(
                `<tr class="group"${sortKeys(element.name)}><td colspan="6" class="${indent}">` +
                    `Vision ${elementLink(site.paths, path, element)}` +
                    `${element.title ? `<span class="title">${html(element.title)}</span>` : ''}</td>` +
                    '<td></td><td></td></tr>'
            );
            continue;
        }
        rows.push(missionRow(site, path, element, indent));
        const measureIndent = `indent-${depth + 1 > 7 ? 'deep' : depth + 1}`;
        for (const measure of element.measures) rows.push(measureRow(site, path, measure, measureIndent));
    }
    const scorecard =
        rows.length === 0
            ? '<p class="empty">The model has no missions.</p>'
            : table(SCORECARD_HEAD, rows).replace('<table>', '<table class="scorecard">');
    const note =
        'Every mission in cascade order, its measures below it. ' +
        'Progress is (current − baseline) ÷ (target − baseline), ' +
        "clamped to 0–100%; a mission's is the mean of its measures'. Pace compares progress with the share of the " +
        "measure's span elapsed by today: on track down to 10 points below it, behind under that. " +
        'Sort by name, progress or pace with the column heads (a third click restores the cascade order).';
    return page(
        {
            title: `Scorecard · ${site.title}`,
            path,
            nav: 'scorecard',
            header:
                `<h1>Scorecard</h1>\n<p class="vision">${html(site.title)}` +
                `${site.model.today ? ` · ${html(site.model.today)}` : ''}</p>`,
            main: card('scorecard', 'Measures of success', scorecard, note),
            footer: footerOf(site),
            script: ''
        },
        site
    );
}

/** The scorecard's head: the measure's columns, the name, progress and pace ones sortable by the script. */
const SCORECARD_HEAD =
    '<tr><th data-sort="name">Measure</th><th class="num">Baseline</th><th class="num">Current</th>' +
    '<th class="num">Target</th><th>Unit</th><th>Due</th><th data-sort="progress">Progress</th>' +
    '<th data-sort="pace">Pace</th></tr>';

/** Pace as a number to sort by: behind first. */
const PACE_RANK: Record<PaceName, number> = { behind: 0, 'on-track': 1, won: 2 };

/** The sort keys of a scorecard row (a vision's or a mission's) as `data-` attributes. */
function sortKeys(name: string | undefined, progress?: number, pace?: PaceName): string {
    return (
        ` data-name="${html(name ?? '')}"` +
        (progress === undefined ? '' : ` data-progress="${progress}"`) +
        (pace === undefined ? '' : ` data-pace="${PACE_RANK[pace]}"`)
    );
}

function missionRow(site: SiteContext, path: string, mission: Mission, indent: string): string {
    const { facts } = site.model;
    const lead = leadOf(mission)?.person?.ref;
    const problems = site.model.problemsOf(mission);
    const marks =
        problems.errors > 0
            ? ' <span class="sev error">errors</span>'
            : problems.warnings > 0
              ? ' <span class="sev warning">warnings</span>'
              : '';
    const progress = facts.progressOf(mission);
    const keys = sortKeys(mission.name, progress, site.model.pace.mission(mission));
    return (
        `<tr class="group"${keys}><td colspan="6" class="${indent}">${elementLink(site.paths, path, mission)}` +
        `${mission.title ? `<span class="title">${html(mission.title)}</span>` : ''}` +
        ` ${statusBadge(facts.statusOf(mission))}` +
        `${lead ? ` <span class="none">lead ${html(lead.name ?? '')}</span>` : ''}${marks}</td>` +
        `<td class="progress">${progressCell(progress, 'mission progress')}</td>` +
        `<td class="pace">${paceBadge(site.model.pace.mission(mission))}</td></tr>`
    );
}

export function stagingPage(site: SiteContext): SitePage {
    const path = 'staging.html';
    const { facts } = site.model;
    const queue = stagingQueue(facts).map(
        (entry, index) =>
            `<tr><td><span class="rank${entry.cd3 === undefined ? ' unranked' : ''}">${index + 1}</span></td>` +
            `<td><b>${elementLink(site.paths, path, entry.mission)}</b></td>${stagingFigureCells(entry)}</tr>`
    );
    const plan = stagingPlanOn(facts, site.today);
    const planTable = planRows(plan).map((row, index) => {
        const mission = plan.entries[index]!.mission;
        const cells = row.map((cell, column) => (column === 1 ? elementLink(site.paths, path, mission) : html(cell)));
        return `<tr>${cells.map(cell => `<td>${cell}</td>`).join('')}</tr>`;
    });
    const body =
        queue.length === 0
            ? '<p class="empty">No staged missions.</p>'
            : table(
                  '<tr><th>#</th><th>Mission</th><th class="num">Cost of delay / week</th>' +
                      '<th class="num">Window (weeks)</th><th class="num">CD3</th></tr>',
                  queue
              );
    const planBody =
        planTable.length === 0
            ? '<p class="empty">Nothing to plan.</p>'
            : table(
                  '<tr><th>#</th><th>Mission</th><th>Start</th><th>End</th><th>Waits for</th><th>Note</th></tr>',
                  planTable
              ) + `\n<div class="gantt">${planGanttSvg(plan)}</div>`;
    const main = [
        card(
            'queue',
            'Staging queue',
            body,
            'Staged missions ranked by CD3: cost of delay per week ÷ window length in weeks.'
        ),
        card(
            'plan',
            'Staging plan',
            planBody,
            'Each staged mission at the earliest start on or after today when its lead and crew have capacity for ' +
                "its whole window, inside its parent's window (<code>mission plan</code>)."
        )
    ];
    return page(
        {
            title: `Staging · ${site.title}`,
            path,
            nav: 'staging',
            header: '<h1>Staging</h1>',
            main: main.join('\n'),
            footer: footerOf(site)
        },
        site
    );
}

export function diagnosticsPage(site: SiteContext, banner?: string): SitePage {
    const path = 'diagnostics.html';
    const { summary } = site.model;
    const note = `${problemCounts(summary)} in ${counted(summary.files, 'file')}.`;
    return page(
        {
            title: `Diagnostics · ${site.title}`,
            path,
            nav: 'diagnostics',
            header: '<h1>Diagnostics</h1>',
            main:
                (banner ?? '') +
                card('diagnostics', 'Diagnostics', diagnosticsTable(site, path, site.model.diagnostics, true), note),
            footer: footerOf(site)
        },
        site
    );
}

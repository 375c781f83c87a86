/**
 * A mission's page: where it sits (its ancestors), its intent, lead and crew, boundaries beside what its
 * children are allocated, window, measures with progress and pace, children, mutual support both ways,
 * review, links, tags and its diagnostics. Every fact is read from the facts; model text is escaped.
 */
import { allocationOf } from '../../facts/allocation.js';
import { supportedBy, supportersOf } from '../../facts/supports.js';
import type { Mission } from '../../generated/ast.js';
import { budgetOf, headcountOf, intentOf, leadOf } from '../../model/accessors.js';
import { reviewStateText } from '../../planning/reviews.js';
import { formatNumber } from '../../model/numbers.js';
import { money, windowRange } from '../../model/wording.js';
import { html } from '../html.js';
import { footerOf, type SiteContext } from './site-context.js';
import { elementLink, page, type SitePage } from './site-page.js';
import {
    card,
    diagnosticsTable,
    MEASURE_HEAD,
    measureRow,
    paceBadge,
    progressCell,
    statusBadge,
    tagsAndLinks
} from './site-parts.js';

export function missionPage(site: SiteContext, mission: Mission): SitePage {
    const path = site.paths.pageOf(mission)!;
    const { facts } = site.model;
    const link = (element: Parameters<typeof elementLink>[2]): string => elementLink(site.paths, path, element);
    const ancestors = facts
        .ancestorsOf(mission)
        .slice()
        .reverse()
        .map(ancestor => link(ancestor));
    const { tags, links } = tagsAndLinks(mission);
    const name = html(mission.name ?? '(unnamed)');
    const header = [
        `<p class="crumbs">${ancestors.length > 0 ? ancestors.join(' › ') + ' › ' : ''}${name}</p>`,
        `<h1>${name}${mission.title ? ` <span class="more">${html(mission.title)}</span>` : ''}</h1>`,
        `<div class="chips">${statusBadge(facts.statusOf(mission))} ${paceBadge(site.model.pace.mission(mission))}` +
            ` ${tags}</div>`
    ].join('\n');
    const sections = [
        intentSection(mission),
        card('people', 'Lead and crew', peopleFacts(site, path, mission)),
        card('boundaries', 'Boundaries', boundaryFacts(site, mission)),
        measuresSection(site, path, mission),
        card('relations', 'Cascade and mutual support', relationFacts(site, path, mission)),
        card('more', 'Review and links', reviewAndLinks(site, mission, links)),
        card(
            'diagnostics',
            'Diagnostics',
            diagnosticsTable(site, path, site.diagnosticsOf(mission), false),
            where(site, mission)
        )
    ];
    return page(
        {
            title: `${mission.name ?? '(unnamed)'} · ${site.title}`,
            path,
            header,
            main: sections.join('\n'),
            footer: footerOf(site)
        },
        site
    );
}

function where(site: SiteContext, mission: Mission): string {
    const source = site.model.sourceOf(mission);
    return `Defined at <code>${html(source.file)}:${source.line}:${source.column}</code>.`;
}

function intentSection(mission: Mission): string {
    const intent = intentOf(mission);
    if (!intent) return card('intent', 'Intent', '<p class="empty">No intent stated.</p>');
    const items = [
        ...intent.endStates.map(item => `<li><b>End state:</b> ${html(item.text ?? '')}</li>`),
        ...intent.keyTasks.map(item => `<li><b>Key task:</b> ${html(item.text ?? '')}</li>`)
    ];
    const list = items.length > 0 ? `<ul class="plain">${items.join('')}</ul>` : '';
    return card('intent', 'Intent', `<blockquote class="intent">${html(intent.statement ?? '')}</blockquote>${list}`);
}

function peopleFacts(site: SiteContext, path: string, mission: Mission): string {
    const lead = leadOf(mission)?.person?.ref;
    const crew: string[] = [];
    for (const item of mission.crews) {
        for (const member of item.members) {
            const target = member?.ref;
            if (!target) continue;
            const members =
                target.$type === 'Team'
                    ? ` <span class="none">(team: ${target.members
                          .map(person => person?.ref)
                          .filter(person => person !== undefined)
                          .map(person => elementLink(site.paths, path, person))
                          .join(', ')})</span>`
                    : '';
            crew.push(elementLink(site.paths, path, target) + members);
        }
    }
    return definitionList([
        ['Lead', lead ? elementLink(site.paths, path, lead) : '<span class="none">no lead</span>'],
        ['Crew', crew.length > 0 ? crew.join(', ') : '<span class="none">none</span>']
    ]);
}

function boundaryFacts(site: SiteContext, mission: Mission): string {
    const { facts } = site.model;
    const window = facts.windowOf(mission);
    const windowFrom =
        window.source === 'own'
            ? ''
            : window.source === 'none'
              ? ''
              : ` <span class="none">(from ${html(window.from?.name ?? '')})</span>`;
    const allocation = allocationOf(facts, mission);
    const budget = budgetOf(mission);
    const headcount = headcountOf(mission);
    const handedDown = allocation.budgets.map(b => html(money(b.amount, b.currency))).join(' + ');
    const rows: Array<[string, string]> = [
        [
            'Window',
            window.source === 'none'
                ? '<span class="none">none</span>'
                : html(windowRange(window.start, window.end)) + windowFrom
        ],
        [
            'Budget',
            (budget ? html(money(budget.amount, budget.currency ?? '')) : '<span class="none">none</span>') +
                (allocation.children > 0
                    ? ` <span class="none">· to its children: ${handedDown || 'none stated'}</span>`
                    : '')
        ],
        [
            'Headcount',
            (headcount ? html(formatNumber(headcount.count)) : '<span class="none">none</span>') +
                (allocation.children > 0
                    ? ` <span class="none">· to its children: ${
                          allocation.headcount === undefined ? 'none stated' : html(formatNumber(allocation.headcount))
                      }</span>`
                    : '')
        ]
    ];
    for (const rule of mission.boundaries[0]?.rules ?? [])
        rows.push([rule.negated ? 'Must not' : 'Must', html(rule.text ?? '')]);
    return definitionList(rows);
}

function measuresSection(site: SiteContext, path: string, mission: Mission): string {
    const progress = site.model.facts.progressOf(mission);
    const pace = paceBadge(site.model.pace.mission(mission));
    const summary = `<p>Progress ${progressCell(progress, 'mission progress')} ${pace}</p>`;
    const body =
        mission.measures.length === 0
            ? '<p class="empty">No measures.</p>'
            : `${summary}<table>\n<thead>${MEASURE_HEAD}</thead>\n<tbody>\n${mission.measures
                  .map(measure => measureRow(site, path, measure))
                  .join('\n')}\n</tbody>\n</table>`;
    return card(
        'measures',
        'Measures of success',
        body,
        "Pace compares progress with the share of the measure's span elapsed by today; " +
            "a mission's pace is its worst measure's."
    );
}

function relationFacts(site: SiteContext, path: string, mission: Mission): string {
    const { facts } = site.model;
    const list = (missions: readonly Mission[]): string =>
        missions.length === 0
            ? '<span class="none">none</span>'
            : missions.map(other => elementLink(site.paths, path, other)).join(', ');
    const parent = facts.parentOf(mission);
    const cycle = facts.cycleOf(mission);
    return definitionList([
        ['Under', parent ? elementLink(site.paths, path, parent) : '<span class="none">nothing (not aligned)</span>'],
        ['Children', list(facts.childrenOf(mission))],
        ['Supports', list(supportedBy(mission))],
        ['Supported by', list(supportersOf(facts, mission))],
        ...(cycle ? ([['Cycle', list(cycle)]] as Array<[string, string]>) : [])
    ]);
}

function reviewAndLinks(site: SiteContext, mission: Mission, links: string): string {
    const review = site.reviewOf(mission);
    return definitionList([
        [
            'Review',
            review
                ? `${html(reviewStateText(review, site.today))} <span class="none">(every ${review.every} days)</span>`
                : '<span class="none">no review rhythm</span>'
        ],
        ['Links', links || '<span class="none">none</span>']
    ]);
}

function definitionList(rows: ReadonlyArray<[string, string]>): string {
    return `<dl class="facts">${rows.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('')}</dl>`;
}

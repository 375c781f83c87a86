import type { AstNode, MaybePromise } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { ModelFactsProvider } from '../facts/facts-provider.js';
import type { ModelFacts } from '../facts/model-facts.js';
import { type PaceFacts, paceText } from '../facts/pace.js';
import type { Measure, Mission, Person, Team, Vision } from '../generated/ast.js';
import { intentOf, leadOf, linksOf, tagsOf, unitOf } from '../model/accessors.js';
import { rollupText } from '../facts/measures.js';
import { linkableUrl } from '../model/links.js';
import type { MissionServices } from '../mission-module.js';
import type { MissionSettings } from '../validation/settings.js';
import { dateToIso, isValidDate } from '../model/dates.js';
import {
    effectiveWindowText,
    loadText,
    measurePaceText,
    measureRange,
    pathText,
    percent,
    qualifiedName
} from './describe.js';

/** At most this many names in a list of a hover; the rest are counted. */
const LIST_LIMIT = 12;

/**
 * Hover on a declaration or a reference shows what the facts know about the element: a mission's
 * intent, lead, status, effective window, progress and path to the vision; a person's load against
 * capacity and their missions; a measure's baseline → current → target and what it contributes to.
 */
export class MissionHoverProvider extends AstNodeHoverProvider {
    private readonly facts: ModelFactsProvider;
    private readonly settings: MissionSettings;

    constructor(services: MissionServices) {
        super(services);
        this.facts = services.facts.ModelFactsProvider;
        this.settings = services.config.Settings;
    }

    protected override getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        const facts = this.facts.get();
        switch (node.$type) {
            case 'Mission':
                return missionHover(facts, node as Mission, facts.paceOn(this.settings.today));
            case 'Person':
                return personHover(facts, node as Person);
            case 'Measure':
                return measureHover(facts, node as Measure, facts.paceOn(this.settings.today));
            case 'Vision':
                return visionHover(facts, node as Vision);
            case 'Team':
                return teamHover(node as Team);
            default:
                return undefined;
        }
    }
}

function heading(kind: string, name: string, title: string | undefined): string {
    return `**${kind} ${name}**${title ? ` — ${markdown(title)}` : ''}`;
}

/** The model's own text, shown as text: Markdown's special characters escaped. */
function markdown(text: string): string {
    return text.replace(/[\\`*_[\]<>|~#]/g, character => `\\${character}`);
}

function list(names: readonly string[]): string {
    const shown = names.slice(0, LIST_LIMIT).join(', ');
    return names.length > LIST_LIMIT ? `${shown} and ${names.length - LIST_LIMIT} more` : shown;
}

export function missionHover(facts: ModelFacts, mission: Mission, pace?: PaceFacts): string {
    const lines = [heading('mission', mission.name, mission.title)];
    const intent = intentOf(mission);
    if (intent?.statement !== undefined) lines.push(`*Intent:* ${markdown(intent.statement)}`);
    const lead = leadOf(mission)?.person;
    const leadText = lead?.ref ? lead.ref.name : lead ? `${lead.$refText} (unresolved)` : 'none';
    lines.push(`Lead: ${leadText} · status ${facts.statusOf(mission)}`);
    lines.push(`Window: ${effectiveWindowText(facts.windowOf(mission))}`);
    const progress = facts.progressOf(mission);
    const measured = mission.measures.filter(measure => facts.measure(measure).progress !== undefined).length;
    lines.push(
        progress === undefined
            ? `Progress: none measured (${mission.measures.length} measure${mission.measures.length === 1 ? '' : 's'})`
            : `Progress: ${percent(progress)} (mean of ${measured} measure${measured === 1 ? '' : 's'})`
    );
    const missionPace = pace?.mission(mission);
    if (missionPace) lines.push(`Pace: ${paceText(missionPace)} (its worst measure's)`);
    const children = facts.childrenOf(mission);
    if (children.length > 0) lines.push(`Sub-missions: ${list(children.map(child => child.name))}`);
    const tags = tagsOf(mission);
    if (tags.length > 0) lines.push(`Tags: ${markdown(tags.join(', '))}`);
    const links = linksOf(mission).map(linkMarkdown);
    if (links.length > 0) lines.push(`Links: ${links.join(' · ')}`);
    lines.push(`Path: ${pathText(facts, mission)}`);
    return lines.join('\n\n');
}

/**
 * A `link` as a Markdown link when its URL may be one (`linkableUrl`), its label escaped; otherwise the
 * URL as plain text, so no other scheme is ever clickable. The destination is the normalised URL in
 * angle brackets: it holds no space, `<` or `>` (percent-encoded), so it cannot end early.
 */
function linkMarkdown(link: { url: string; label?: string }): string {
    const target = linkableUrl(link.url);
    const label = markdown(link.label ?? link.url);
    return target ? `[${label}](<${target}>)` : `${label} (${markdown(link.url)}: not a link)`;
}

export function personHover(facts: ModelFacts, person: Person): string {
    const load = facts.loadOf(person);
    const lines = [heading('person', person.name, person.title)];
    const over = load.load > load.capacity ? ' — **over capacity**' : '';
    lines.push(`${loadText(load)}${over}`);
    if (load.missions.length === 0) {
        lines.push('On no mission');
    } else {
        const roles = load.missions.map(mission => {
            const how = load.assignments
                .filter(assignment => assignment.mission === mission)
                .map(assignment =>
                    assignment.role === 'team' ? `crew via ${assignment.team?.name}` : assignment.role
                );
            return `${mission.name} (${[...new Set(how)].join(', ')}, ${facts.statusOf(mission)})`;
        });
        lines.push(`Missions: ${list(roles)}`);
    }
    if (load.counted.length > 0) lines.push(`Counted in the peak: ${list(load.counted.map(mission => mission.name))}`);
    return lines.join('\n\n');
}

export function measureHover(facts: ModelFacts, measure: Measure, pace?: PaceFacts): string {
    const measureFacts = facts.measure(measure);
    const lines = [heading('measure', qualifiedName(measure), measure.title)];
    lines.push(`${measureRange(measure)} (baseline → current → target, direction ${measureFacts.direction})`);
    lines.push(`Progress: ${measureFacts.progress === undefined ? 'none' : percent(measureFacts.progress)}`);
    const paceLine = pace && measurePaceText(pace, measure);
    if (paceLine) lines.push(`Pace: ${paceLine}`);
    const target = measure.contributions[0]?.measure;
    if (target)
        lines.push(`Contributes to: ${target.ref ? qualifiedName(target.ref) : `${target.$refText} (unresolved)`}`);
    const contributors = facts.contributorsOf(measure);
    if (contributors.length > 0) lines.push(`Contributors: ${list(contributors.map(qualifiedName))}`);
    if (contributors.length > 0 || measureFacts.rollup.written)
        lines.push(`Roll-up: ${rollupText(measureFacts.rollup, unitOf(measure))}`);
    return lines.join('\n\n');
}

export function visionHover(facts: ModelFacts, vision: Vision): string {
    const lines = [heading('vision', vision.name, vision.title)];
    if (isValidDate(vision.horizon)) lines.push(`Horizon: ${dateToIso(vision.horizon)}`);
    const children = facts.childrenOf(vision);
    lines.push(children.length === 0 ? 'No mission under it' : `Missions: ${list(children.map(child => child.name))}`);
    return lines.join('\n\n');
}

export function teamHover(team: Team): string {
    const members = team.members.map(member => member.ref?.name ?? member.$refText);
    return [
        heading('team', team.name, team.title),
        members.length === 0 ? 'No members' : `Members: ${list(members)}`
    ].join('\n\n');
}

/**
 * The brief (`mission brief --person NAME`): one person's line of sight in Markdown. For each of their
 * missions: the intent, the intents one and two levels up (Mission Leadership's 1-up and 2-up), the
 * boundaries, the measures, and the peers they support or who support them. Model text is
 * Markdown-escaped, so a title cannot turn into markup or links.
 */
import type { AssignmentRole } from '../facts/model-facts.js';
import { rollupText } from '../facts/measures.js';
import { paceText } from '../facts/pace.js';
import { supportedBy, supportersOf } from '../facts/supports.js';
import type { AlignmentTarget, Measure, Mission, Person, Vision } from '../generated/ast.js';
import {
    baselineOf,
    budgetOf,
    currentOf,
    headcountOf,
    intentOf,
    leadOf,
    linksOf,
    tagsOf,
    targetOf,
    unitOf
} from '../model/accessors.js';
import { money, percent, qualifiedName, windowRange } from '../model/wording.js';
import { linkableUrl } from '../model/links.js';
import { dateToIso, isValidDate } from '../model/dates.js';
import { didYouMean } from '../references/suggestions.js';
import { formatNumber } from '../model/numbers.js';
import { markdownText } from '../model/escape.js';
import type { OutputModel } from './output-model.js';

export class UnknownPersonError extends Error {
    /** `names`: every person's name, for "did you mean". */
    constructor(
        readonly person: string,
        names: Iterable<string | undefined> = []
    ) {
        super(`no person is named '${person}'${didYouMean(person, names)}`);
    }
}

export function renderBrief(model: OutputModel, personId: string): string {
    const { facts } = model;
    const person = facts.persons.find(candidate => candidate.name === personId);
    if (!person)
        throw new UnknownPersonError(
            personId,
            facts.persons.map(candidate => candidate.name)
        );
    const load = facts.loadOf(person);
    const out: string[] = [];
    out.push(`# Brief for ${personName(person)}`, '');
    const role = person.roles[0]?.text;
    const facts1 = [
        ...(role ? [md(role)] : []),
        `capacity ${formatNumber(load.capacity)}`,
        `load ${load.load}${load.load > load.capacity ? ' — **over capacity**' : ''}`,
        ...(model.today ? [`as of ${model.today}`] : [])
    ];
    out.push(`_${facts1.join(' · ')}_`, '');

    const visions = visionsAbove(model, load.missions);
    out.push('## Vision', '');
    if (visions.length === 0) out.push('No vision is above your missions.', '');
    for (const vision of visions) {
        const title = vision.title ? ` — ${md(vision.title)}` : '';
        const horizon = isValidDate(vision.horizon) ? ` (horizon ${dateToIso(vision.horizon)})` : '';
        out.push(`**${md(vision.name)}**${title}${horizon}`, '');
    }

    out.push('## Your missions', '');
    if (load.missions.length === 0) out.push(`${personName(person)} is on no missions.`, '');
    for (const mission of load.missions) out.push(...missionSection(model, person, mission));
    return (
        out
            .join('\n')
            .replace(/\n{3,}/g, '\n\n')
            .trimEnd() + '\n'
    );
}

function missionSection(model: OutputModel, person: Person, mission: Mission): string[] {
    const { facts } = model;
    const out: string[] = [];
    out.push(`### ${md(mission.name)}${mission.title ? ` — ${md(mission.title)}` : ''}`, '');
    const roles = roleText(facts.loadOf(person).assignments.filter(assignment => assignment.mission === mission));
    const window = facts.windowOf(mission);
    const windowText =
        window.source === 'none'
            ? 'no window'
            : windowRange(window.start, window.end) +
              (window.source === 'own' ? '' : ` (from ${md(window.from?.name ?? '')})`);
    const progress = facts.progressOf(mission);
    const progressText = progress === undefined ? 'none yet' : percent(progress);
    out.push(`- **Your role:** ${roles}`);
    const pace = model.pace.mission(mission);
    out.push(
        `- **Status:** ${facts.statusOf(mission)} · **Window:** ${windowText} · **Progress:** ${progressText}` +
            (pace ? ` · **Pace:** ${paceText(pace)}` : '')
    );
    const lead = leadOf(mission)?.person?.ref;
    if (lead && lead !== person) out.push(`- **Lead:** ${personName(lead)}`);
    const tags = tagsOf(mission);
    if (tags.length > 0) out.push(`- **Tags:** ${tags.map(tag => md(`#${tag}`)).join(', ')}`);
    const links = linksOf(mission);
    if (links.length > 0) out.push(`- **Links:** ${links.map(linkText).join(' · ')}`);
    out.push('');

    out.push('**Intent**', '');
    out.push(...intentLines(mission), '');

    const ancestors = facts.ancestorsOf(mission).slice(0, 2);
    if (ancestors.length > 0) {
        out.push('**Line of sight**', '');
        ancestors.forEach((ancestor, index) =>
            out.push(`- ${index === 0 ? '1 up' : '2 up'}: ${ancestorLine(ancestor)}`)
        );
        out.push('');
    }

    out.push('**Boundaries**', '');
    out.push(...boundaryLines(mission), '');

    out.push('**Measures**', '');
    if (mission.measures.length === 0) out.push('No measures.');
    else out.push(...measureTable(model, mission));
    out.push('');

    const supports = supportedBy(mission);
    const supporters = supportersOf(facts, mission);
    out.push('**Mutual support**', '');
    out.push(`- Supports: ${supports.length === 0 ? 'none' : supports.map(peerText).join('; ')}`);
    out.push(`- Supported by: ${supporters.length === 0 ? 'none' : supporters.map(peerText).join('; ')}`);
    out.push('');
    return out;
}

function roleText(assignments: ReadonlyArray<{ role: AssignmentRole; team?: { name: string } }>): string {
    const parts = new Set<string>();
    for (const assignment of assignments) {
        if (assignment.role === 'lead') parts.add('lead');
        else if (assignment.role === 'crew') parts.add('crew');
        else parts.add(`crew (team ${md(assignment.team?.name ?? '')})`);
    }
    return [...parts].join(', ');
}

function intentLines(mission: Mission): string[] {
    const intent = intentOf(mission);
    if (!intent) return ['No intent stated.'];
    return [
        `> ${md(intent.statement)}`,
        ...(intent.endStates.length + intent.keyTasks.length > 0 ? [''] : []),
        ...intent.endStates.map(item => `- End state: ${md(item.text)}`),
        ...intent.keyTasks.map(item => `- Key task: ${md(item.text)}`)
    ];
}

function ancestorLine(ancestor: AlignmentTarget): string {
    if (ancestor.$type === 'Vision')
        return `vision **${md(ancestor.name)}**${ancestor.title ? ` — ${md(ancestor.title)}` : ''}`;
    const intent = intentOf(ancestor);
    const lead = leadOf(ancestor)?.person?.ref;
    const title = ancestor.title ? ` — ${md(ancestor.title)}` : '';
    return (
        `**${md(ancestor.name)}**${title}${lead ? ` (lead ${personName(lead)})` : ''}` +
        (intent ? `: intent “${md(intent.statement)}”` : ': no intent stated')
    );
}

function boundaryLines(mission: Mission): string[] {
    const lines: string[] = [];
    const budget = budgetOf(mission);
    const headcount = headcountOf(mission);
    const window = mission.boundaries[0]?.windows[0];
    if (window && isValidDate(window.start) && isValidDate(window.end))
        lines.push(`- Window: ${windowRange(dateToIso(window.start), dateToIso(window.end))}`);
    if (budget?.amount !== undefined) lines.push(`- Budget: ${money(budget.amount, md(budget.currency))}`);
    if (headcount?.count !== undefined) lines.push(`- Headcount: ${formatNumber(headcount.count)}`);
    for (const rule of mission.boundaries[0]?.rules ?? [])
        lines.push(`- ${rule.negated ? 'Must not' : 'Must'}: ${md(rule.text)}`);
    return lines.length === 0 ? ['No boundaries set.'] : lines;
}

function measureTable(model: OutputModel, mission: Mission): string[] {
    const rows = mission.measures.map(measure => {
        const { progress } = model.facts.measure(measure);
        const target = measure.contributions[0]?.measure?.ref;
        const cells = [
            `${md(measure.name)}${measure.title ? ` — ${md(measure.title)}` : ''}${rollsUp(model, measure)}`,
            num(baselineOf(measure)),
            num(currentOf(measure)),
            num(targetOf(measure)),
            md(unitOf(measure) ?? ''),
            dueOf(measure),
            progress === undefined ? '—' : percent(progress),
            measurePace(model, measure),
            target ? md(qualifiedName(target)) : '—'
        ];
        return `| ${cells.join(' | ')} |`;
    });
    return [
        '| Measure | Baseline | Current | Target | Unit | Due | Progress | Pace | Contributes to |',
        '|---|---:|---:|---:|---|---|---:|---|---|',
        ...rows
    ];
}

/** ` (rolls up by mean (the default for %): 93.5 % from 2 contributors)` for a measure that rolls up. */
function rollsUp(model: OutputModel, measure: Measure): string {
    const { rollup } = model.facts.measure(measure);
    if (!rollup.written && model.facts.contributorsOf(measure).length === 0) return '';
    return ` (rolls up by ${md(rollupText(rollup, unitOf(measure)))})`;
}

/** `behind (55% expected)`; the expectation alone without progress; `—` without a bounded span. */
function measurePace(model: OutputModel, measure: Measure): string {
    const { pace, expected } = model.pace.measure(measure);
    if (expected === undefined) return '—';
    const shown = `${percent(expected)} expected`;
    return pace ? `${paceText(pace)} (${shown})` : shown;
}

/**
 * `[label](url)` for what `linkableUrl` accepts (https, http, mailto), with the characters that could end
 * the destination percent-encoded; anything else (`javascript:`...) as escaped text, never a link.
 */
function linkText(link: { url: string; label?: string }): string {
    const href = linkableUrl(link.url);
    if (!href) return link.label ? `${md(link.label)} (${md(link.url)})` : md(link.url);
    const destination = href.replace(
        /[()<>[\]\\`"' ]/g,
        character => `%${character.charCodeAt(0).toString(16).toUpperCase()}`
    );
    return `[${md(link.label ?? link.url)}](${destination})`;
}

function peerText(peer: Mission): string {
    const lead = leadOf(peer)?.person?.ref;
    const led = lead ? ` (lead ${personName(lead)})` : '';
    return `**${md(peer.name)}**${peer.title ? ` — ${md(peer.title)}` : ''}${led}`;
}

/** The visions at the top of the person's missions' cascades (all visions when none is above them). */
function visionsAbove(model: OutputModel, missions: readonly Mission[]): Vision[] {
    const found = new Set<Vision>();
    for (const mission of missions) {
        const top = model.facts.ancestorsOf(mission).at(-1);
        if (top?.$type === 'Vision') found.add(top);
    }
    return found.size > 0 ? [...found] : [...model.facts.visions];
}

function dueOf(measure: Measure): string {
    const due = measure.dues[0]?.date;
    return isValidDate(due) ? dateToIso(due) : '—';
}

function num(value: number | undefined): string {
    return value === undefined ? '—' : formatNumber(value);
}

/**
 * How the brief names a person, the same at every mention (the heading, a mission's lead, the leads one
 * and two levels up and of the peers): the title with the id, `Alice Smith (alice)`, or the id alone
 * for a person without a title. The title is what a reader knows; the id is what the model, `--person`
 * and the other outputs use.
 */
function personName(person: Person): string {
    const id = md(person.name ?? '');
    return person.title ? `${md(person.title)} (${id})` : id;
}

/** Error recovery can leave a name or text undefined: it is shown as nothing. */
function md(text: string | undefined): string {
    return markdownText(text ?? '');
}

/**
 * How the editor features (completion details, hover, code lens, inlay hints) put facts into words.
 * They only format what the facts layer computed; nothing here derives a fact.
 */
import type { EffectiveWindow } from '../facts/cascade.js';
import type { ModelFacts, PersonLoad } from '../facts/model-facts.js';
import { type PaceFacts, paceText } from '../facts/pace.js';
import type { Element, Measure, Mission, Team } from '../generated/ast.js';
import { baselineOf, currentOf, targetOf, unitOf } from '../model/accessors.js';
import { dateToIso, isValidDate } from '../model/dates.js';
import { formatNumber } from '../model/numbers.js';
import { windowOrigin } from '../validation/rules/describe.js';

export { windowOrigin };

/** `load 2 / capacity 1`. */
export function loadText(load: PersonLoad): string {
    return `load ${load.load} / capacity ${load.capacity}`;
}

import { percent, windowPhrase } from '../model/wording.js';

export { percent, qualifiedName } from '../model/wording.js';

/** `25,000 → 31,000 → 40,000 patients` (baseline → current → target); a missing baseline is 0. */
export function measureRange(measure: Measure): string {
    const value = (n: number | undefined): string => (n === undefined ? '?' : formatNumber(n));
    const unit = unitOf(measure);
    const values = [baselineOf(measure) ?? 0, currentOf(measure), targetOf(measure)].map(value).join(' → ');
    return `${values}${unit ? ` ${unit}` : ''}`;
}

/**
 * `behind: 40% done, 55% expected by today (2026-01-01 .. 2026-06-30)`; undefined when the measure's
 * span is unbounded (no expected progress).
 */
export function measurePaceText(pace: PaceFacts, measure: Measure): string | undefined {
    const { expected, progress, pace: name, span } = pace.measure(measure);
    if (expected === undefined) return undefined;
    const done = progress === undefined ? 'no progress' : `${percent(progress)} done`;
    return `${name ? paceText(name) : 'none'}: ${done}, ${percent(expected)} expected by today (${windowPhrase(span)})`;
}

/** `2026-01-01 .. 2026-12-31 (inherited from Grow)`. */
export function effectiveWindowText(window: EffectiveWindow): string {
    return window.source === 'own' ? windowPhrase(window) : `${windowPhrase(window)} (${windowOrigin(window)})`;
}

/** The vision-ward path: `Clinics → Grow → Acme`. */
export function pathText(facts: ModelFacts, mission: Mission): string {
    return [mission, ...facts.ancestorsOf(mission)].map(element => element.name).join(' → ');
}

/** One line about an element, for completion details and symbol details. */
export function elementDetail(facts: ModelFacts, element: Element | Measure): string {
    const parts: string[] = [];
    if ('title' in element && element.title) parts.push(element.title);
    switch (element.$type) {
        case 'Person':
            parts.push(loadText(facts.loadOf(element)));
            break;
        case 'Team':
            parts.push(memberCount(element));
            break;
        case 'Mission': {
            parts.push(facts.statusOf(element));
            const progress = facts.progressOf(element);
            if (progress !== undefined) parts.push(percent(progress));
            break;
        }
        case 'Vision':
            if (isValidDate(element.horizon)) parts.push(`horizon ${dateToIso(element.horizon)}`);
            break;
        case 'Measure':
            parts.push(measureRange(element));
            break;
    }
    return parts.join(' · ');
}

function memberCount(team: Team): string {
    return team.members.length === 1 ? '1 member' : `${team.members.length} members`;
}

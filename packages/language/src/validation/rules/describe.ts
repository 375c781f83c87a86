/**
 * Small text helpers shared by the rules, so that every message names elements, dates and amounts the
 * same way: `2026-02-01 .. 2026-09-30`, `1,100,000 GBP`, `Grow, Clinics and 3 more`.
 */
import type { Measure } from '../../generated/ast.js';
import type { EffectiveWindow } from '../../facts/cascade.js';
import type { DayWindow } from '../../facts/windows.js';
import { type DayNumber, dayToIso } from '../../model/dates.js';
import { formatNumber } from '../../model/numbers.js';
import { nameOf } from '../../references/kinds.js';

/** A day, with open ends as words. */
export function dayText(day: DayNumber): string {
    if (day === Number.NEGATIVE_INFINITY) return 'the beginning of time';
    if (day === Number.POSITIVE_INFINITY) return 'the end of time';
    return dayToIso(day);
}

/** `2026-02-01 .. 2026-09-30`; an open start reads `until 2030-12-31`. */
export function windowText(window: DayWindow): string {
    if (window.start === Number.NEGATIVE_INFINITY && window.end === Number.POSITIVE_INFINITY) return 'all time';
    if (window.start === Number.NEGATIVE_INFINITY) return `until ${dayText(window.end)}`;
    if (window.end === Number.POSITIVE_INFINITY) return `from ${dayText(window.start)}`;
    return `${dayText(window.start)} .. ${dayText(window.end)}`;
}

/** Where an effective window comes from, as a phrase: `its own`, `inherited from Grow`, `the horizon of Acme`. */
export function windowOrigin(window: EffectiveWindow): string {
    switch (window.source) {
        case 'own':
            return 'its own window';
        case 'inherited':
            return `inherited from ${window.from?.name ?? 'an ancestor'}`;
        case 'vision':
            return `the horizon of ${window.from?.name ?? 'its vision'}`;
        case 'none':
            return 'no window';
    }
}

export function money(amount: number, currency: string): string {
    return `${formatNumber(amount)} ${currency}`;
}

/** `Grow, Clinics and Recruit`; after `max` names, `and N more`. */
export function nameList(names: readonly string[], max = 10): string {
    if (names.length <= max) return names.join(', ');
    return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

/** The names of elements as `nameList` gives them, reading only the names it shows (lists may be long). */
export function namesOf(elements: ReadonlyArray<{ readonly name: string }>, max = 10): string {
    const shown = elements
        .slice(0, max)
        .map(element => nameOf(element))
        .join(', ');
    return elements.length > max ? `${shown} and ${elements.length - max} more` : shown;
}

/** A measure's qualified name, `Grow.patients`. */
export function measureName(measure: Measure): string {
    return `${nameOf(measure.$container)}.${nameOf(measure)}`;
}

/** `1 day` / `3 days`. */
export function days(count: number): string {
    return count === 1 ? '1 day' : `${formatNumber(count)} days`;
}

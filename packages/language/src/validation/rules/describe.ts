/**
 * Small text helpers shared by the rules, so that every message names elements and counts the same
 * way: `Grow, Clinics and 3 more`, `3 days`. Days, windows and amounts of money are written by the
 * wording module (model/wording.ts), as in the editor features and outputs.
 */
import type { Measure } from '../../generated/ast.js';
import type { EffectiveWindow } from '../../facts/cascade.js';
import { formatNumber } from '../../model/numbers.js';
import { nameOf } from '../../references/kinds.js';

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

import type { Measure } from '../generated/ast.js';
import { baselineOf, currentOf, targetOf } from '../model/accessors.js';

export type MeasureDirection = 'up' | 'down';

/** Explicit `direction`, else up when the target is at least the baseline (a missing baseline is 0). */
export function directionOf(measure: Measure): MeasureDirection {
    const explicit = measure.directions[0]?.value;
    if (explicit === 'up' || explicit === 'down') return explicit;
    const target = targetOf(measure);
    return target === undefined || target >= (baselineOf(measure) ?? 0) ? 'up' : 'down';
}

/**
 * `(current - baseline) / (target - baseline)` clamped to 0..1, for either direction; absent (not 0)
 * without a current or a target, or when the target equals the baseline.
 */
export function progressOf(measure: Measure): number | undefined {
    const baseline = baselineOf(measure) ?? 0;
    const target = targetOf(measure);
    const current = currentOf(measure);
    if (current === undefined || target === undefined || target === baseline) return undefined;
    return Math.min(1, Math.max(0, (current - baseline) / (target - baseline)));
}

/** The mean of the progress values that exist; undefined when none does. */
export function meanProgress(values: Iterable<number | undefined>): number | undefined {
    let sum = 0;
    let count = 0;
    for (const value of values) {
        if (value !== undefined) {
            sum += value;
            count++;
        }
    }
    return count === 0 ? undefined : sum / count;
}

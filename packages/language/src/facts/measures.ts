import type { Measure } from '../generated/ast.js';
import { baselineOf, currentOf, type RollupModeName, rollupOf, targetOf, unitOf } from '../model/accessors.js';
import { counted, formatNumber } from '../model/numbers.js';

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

/** Units whose values are rates: their contributors are averaged, not added, unless a mode is written. */
const RATE_UNITS: ReadonlySet<string> = new Set(['%', 'percent']);

/** How a measure's contributors combine (LANGUAGE.md, `rollup`), and what they combine to. */
export interface MeasureRollup {
    /** The effective mode: the written `rollup`, else `mean` when the unit is `%` or `percent`, else `sum`. */
    readonly mode: RollupModeName;
    /** Whether the mode is written in the measure (false: the default by unit). */
    readonly written: boolean;
    /** How many contributors (the measure itself left out) have a `current`. */
    readonly reporting: number;
    /**
     * The contributors' currents combined by the mode: their sum (`sum`) or their mean (`mean`); absent for
     * `none`, or when no contributor has a current.
     */
    readonly combined?: number;
    /** The lowest and highest current among the contributors, when one has a current. */
    readonly lowest?: number;
    readonly highest?: number;
}

/** The effective roll-up mode of a measure (see MeasureRollup.mode). */
export function rollupModeOf(measure: Measure): RollupModeName {
    const written = rollupOf(measure);
    if (written) return written;
    const unit = unitOf(measure);
    return unit !== undefined && RATE_UNITS.has(unit.toLowerCase()) ? 'mean' : 'sum';
}

/** The measure's roll-up over its contributors (a measure contributing to itself is left out). */
export function rollupOver(measure: Measure, contributors: readonly Measure[]): MeasureRollup {
    const mode = rollupModeOf(measure);
    const written = rollupOf(measure) !== undefined;
    let sum = 0;
    let reporting = 0;
    let lowest = Number.POSITIVE_INFINITY;
    let highest = Number.NEGATIVE_INFINITY;
    for (const contributor of contributors) {
        if (contributor === measure) continue;
        const current = currentOf(contributor);
        if (current === undefined) continue;
        sum += current;
        reporting++;
        lowest = Math.min(lowest, current);
        highest = Math.max(highest, current);
    }
    if (reporting === 0) return { mode, written, reporting };
    const combined = mode === 'sum' ? sum : mode === 'mean' ? sum / reporting : undefined;
    return combined === undefined
        ? { mode, written, reporting, lowest, highest }
        : { mode, written, reporting, combined, lowest, highest };
}

/**
 * How a measure rolls up, in words, for hover, the report and the brief: `mean (the default for %): 94 %
 * from 2 contributors`, `sum (written): 7,000 patients from 3 contributors`, `none: contributors not combined`.
 */
export function rollupText(rollup: MeasureRollup, unit: string | undefined): string {
    const mode = rollup.written
        ? `${rollup.mode} (written)`
        : rollup.mode === 'mean'
          ? `mean (the default for ${unit ?? '%'})`
          : 'sum (the default)';
    if (rollup.mode === 'none') return `${mode}: contributors not combined`;
    if (rollup.combined === undefined) return `${mode}: no contributor reports a current`;
    const inUnit = unit === undefined ? '' : ` ${unit}`;
    return `${mode}: ${formatNumber(rollup.combined)}${inUnit} from ${counted(rollup.reporting, 'contributor')}`;
}

/**
 * How the model's values are written for people, the same in rules, editor features and outputs: a
 * measure's qualified name, a fraction as a percentage. Each output escapes the result for its target.
 */
import type { Measure } from '../generated/ast.js';

/** A measure's name as other elements write it: `Grow.patients` (LANGUAGE.md, "Names"). */
export function qualifiedName(measure: Measure): string {
    return `${measure.$container.name}.${measure.name}`;
}

/** `42%`; a fraction 0..1. */
export function percent(fraction: number): string {
    return `${Math.round(fraction * 100)}%`;
}

import type { Mission, Vision } from '../generated/ast.js';
import { windowOf } from '../model/accessors.js';
import { type DayNumber, toDay } from '../model/dates.js';

/** An inclusive range of days; an open end is -Infinity or +Infinity. */
export interface DayWindow {
    readonly start: DayNumber;
    readonly end: DayNumber;
}

export const ALL_TIME: DayWindow = Object.freeze({ start: Number.NEGATIVE_INFINITY, end: Number.POSITIVE_INFINITY });

/**
 * The mission's own window when it is usable: both dates real and start not after end. A broken window
 * is reported once (invalid-date / invalid-window) and otherwise treated as absent.
 */
export function ownWindow(mission: Mission): DayWindow | undefined {
    const window = windowOf(mission);
    if (!window) return undefined;
    const start = toDay(window.start);
    const end = toDay(window.end);
    if (start === undefined || end === undefined || start > end) return undefined;
    return { start, end };
}

/** A vision's window runs from all time to its horizon (all time when it has none or it is invalid). */
export function visionWindow(vision: Vision): DayWindow {
    const horizon = toDay(vision.horizon);
    return horizon === undefined ? ALL_TIME : { start: Number.NEGATIVE_INFINITY, end: horizon };
}

export function overlaps(a: DayWindow, b: DayWindow): boolean {
    return a.start <= b.end && b.start <= a.end;
}

export function contains(outer: DayWindow, inner: DayWindow): boolean {
    return outer.start <= inner.start && inner.end <= outer.end;
}

export function isAllTime(window: DayWindow): boolean {
    return window.start === Number.NEGATIVE_INFINITY && window.end === Number.POSITIVE_INFINITY;
}

import type { DayWindow } from './windows.js';

export interface LoadSweep<T> {
    /** The largest number of items whose windows overlap at one moment. */
    readonly peak: number;
    /** The items that, at some moment, are among more overlapping items than the capacity allows. */
    readonly counted: T[];
}

/**
 * A sweep over window endpoints: O(n log n) for n items, never pairwise. Windows are inclusive, so an
 * item ending on day d and one starting on day d overlap, and one starting on d + 1 does not.
 */
export function sweepLoad<T>(items: ReadonlyArray<{ item: T; window: DayWindow }>, capacity: number): LoadSweep<T> {
    if (items.length === 0) return { peak: 0, counted: [] };
    // An item occupies [start, end + 1); at equal days, departures are processed before arrivals.
    const events: Array<{ day: number; delta: 1 | -1 }> = [];
    for (const { window } of items) {
        events.push({ day: window.start, delta: 1 });
        if (window.end !== Number.POSITIVE_INFINITY) events.push({ day: window.end + 1, delta: -1 });
    }
    events.sort((a, b) => a.day - b.day || a.delta - b.delta);

    let open = 0;
    let peak = 0;
    const overloaded: DayWindow[] = []; // disjoint, ascending [start, end) runs where open > capacity
    let runStart: number | undefined;
    for (let i = 0; i < events.length; i++) {
        const event = events[i]!;
        open += event.delta;
        const lastAtThisDay = i + 1 === events.length || events[i + 1]!.day !== event.day;
        if (!lastAtThisDay) continue;
        peak = Math.max(peak, open);
        if (open > capacity && runStart === undefined) runStart = event.day;
        if (open <= capacity && runStart !== undefined) {
            overloaded.push({ start: runStart, end: event.day });
            runStart = undefined;
        }
    }
    if (runStart !== undefined) overloaded.push({ start: runStart, end: Number.POSITIVE_INFINITY });
    if (overloaded.length === 0) return { peak, counted: [] };

    const counted = items.filter(({ window }) => touchesAny(overloaded, window.start, window.end + 1)).map(({ item }) => item);
    return { peak, counted };
}

/** Whether [from, to) meets any of the ascending disjoint half-open runs (binary search). */
function touchesAny(runs: readonly DayWindow[], from: number, to: number): boolean {
    let low = 0;
    let high = runs.length - 1;
    // The first run whose end is after `from`.
    while (low < high) {
        const middle = (low + high) >> 1;
        if (runs[middle]!.end > from) high = middle;
        else low = middle + 1;
    }
    const run = runs[low]!;
    return run.end > from && run.start < to;
}

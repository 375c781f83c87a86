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
    // An item occupies [start, end + 1): arrivals on the start days, departures on the days after the
    // ends. Two sorted lists of days rather than sorted event objects: this runs once per person.
    const arrivals: number[] = [];
    const departures: number[] = [];
    for (let i = 0; i < items.length; i++) {
        const window = items[i]!.window;
        arrivals.push(window.start);
        if (window.end !== Number.POSITIVE_INFINITY) departures.push(window.end + 1);
    }
    sortDays(arrivals);
    sortDays(departures);

    let open = 0;
    let peak = 0;
    const overloaded: DayWindow[] = []; // disjoint, ascending [start, end) runs where open > capacity
    let runStart: number | undefined;
    for (let a = 0, d = 0; a < arrivals.length || d < departures.length;) {
        const day =
            d < departures.length && (a === arrivals.length || departures[d]! <= arrivals[a]!)
                ? departures[d]!
                : arrivals[a]!;
        // At equal days, departures before arrivals; the count is read once the day's events are in.
        while (d < departures.length && departures[d] === day) {
            open--;
            d++;
        }
        while (a < arrivals.length && arrivals[a] === day) {
            open++;
            a++;
        }
        peak = Math.max(peak, open);
        if (open > capacity && runStart === undefined) runStart = day;
        if (open <= capacity && runStart !== undefined) {
            overloaded.push({ start: runStart, end: day });
            runStart = undefined;
        }
    }
    if (runStart !== undefined) overloaded.push({ start: runStart, end: Number.POSITIVE_INFINITY });
    if (overloaded.length === 0) return { peak, counted: [] };

    const counted: T[] = [];
    for (let i = 0; i < items.length; i++) {
        const { item, window } = items[i]!;
        if (touchesAny(overloaded, window.start, window.end + 1)) counted.push(item);
    }
    return { peak, counted };
}

/**
 * Ascending, in place. Most people are on a handful of missions: insertion sort, without the
 * comparator calls and scratch space of `Array.prototype.sort`, which is kept for long lists.
 */
function sortDays(days: number[]): void {
    if (days.length > 16) {
        days.sort((a, b) => a - b);
        return;
    }
    for (let i = 1; i < days.length; i++) {
        const day = days[i]!;
        let j = i - 1;
        for (; j >= 0 && days[j]! > day; j--) days[j + 1] = days[j]!;
        days[j + 1] = day;
    }
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

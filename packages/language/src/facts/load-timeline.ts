/**
 * A person's load over time: how many of their active missions run on each stretch of days. The same
 * missions and windows as the peak of `ModelFacts.loadOf` (active missions, effective windows, inclusive
 * ends), as steps rather than one number, for questions such as "who is over capacity next quarter?".
 */
import type { Mission, Person } from '../generated/ast.js';
import type { ModelFacts } from './model-facts.js';
import type { DayWindow } from './windows.js';

/** One stretch of days with the same missions running: `end` inclusive, +Infinity when open. */
export interface LoadStep<T> {
    readonly start: number;
    readonly end: number;
    readonly load: number;
    /** The items running on these days, in the order given. */
    readonly items: readonly T[];
}

/**
 * The stretches of days on which at least one item runs, in order, each with the items running then:
 * a sweep over the window endpoints (O(n log n) plus the size of the answer), never pairwise.
 * Stretches with nothing running are left out; an item with no start (-Infinity) runs from the first.
 */
export function loadSteps<T>(items: ReadonlyArray<{ item: T; window: DayWindow }>): Array<LoadStep<T>> {
    // An item occupies [start, end + 1): it arrives on its start day and leaves on the day after its end.
    const arrivals = items.map((_, index) => index).sort((a, b) => items[a]!.window.start - items[b]!.window.start);
    const departures = arrivals
        .filter(index => items[index]!.window.end !== Number.POSITIVE_INFINITY)
        .sort((a, b) => items[a]!.window.end - items[b]!.window.end);
    const running = new Set<number>();
    const steps: Array<LoadStep<T>> = [];
    let a = 0;
    let d = 0;
    while (a < arrivals.length || d < departures.length) {
        const nextArrival = a < arrivals.length ? items[arrivals[a]!]!.window.start : Number.POSITIVE_INFINITY;
        const nextDeparture = d < departures.length ? items[departures[d]!]!.window.end + 1 : Number.POSITIVE_INFINITY;
        const day = Math.min(nextArrival, nextDeparture);
        while (d < departures.length && items[departures[d]!]!.window.end + 1 === day) running.delete(departures[d++]!);
        while (a < arrivals.length && items[arrivals[a]!]!.window.start === day) running.add(arrivals[a++]!);
        const following = Math.min(
            a < arrivals.length ? items[arrivals[a]!]!.window.start : Number.POSITIVE_INFINITY,
            d < departures.length ? items[departures[d]!]!.window.end + 1 : Number.POSITIVE_INFINITY
        );
        if (running.size > 0) {
            const order = [...running].sort((x, y) => x - y);
            steps.push({ start: day, end: following - 1, load: order.length, items: order.map(i => items[i]!.item) });
        }
    }
    return steps;
}

/** The person's load over time: their active missions (as counted for `loadOf`) by stretch of days. */
export function loadTimeline(facts: ModelFacts, person: Person): Array<LoadStep<Mission>> {
    const active = facts
        .loadOf(person)
        .missions.filter(mission => facts.isActive(mission))
        .map(mission => ({ item: mission, window: facts.windowOf(mission) }));
    return loadSteps(active);
}

/**
 * One person's load over time as a step function that the staging planner reads and adds to: sorted
 * breakpoints, each with the load from that day until the next breakpoint (zero before the first).
 * Built by one sweep over the person's windows; a query or an addition binary-searches its first day
 * and walks only the steps it spans, so a plan never compares missions pairwise.
 */
import type { DayNumber } from '../model/dates.js';
import type { DayWindow } from '../facts/windows.js';

export class LoadSteps {
    /** Ascending days on which the load changes (may start at -Infinity). */
    private readonly days: number[] = [];
    /** `loads[i]`: the load from `days[i]` until the day before `days[i + 1]`. */
    private readonly loads: number[] = [];

    /** The step function of these inclusive windows (a window ending at +Infinity never leaves). */
    constructor(windows: Iterable<DayWindow> = []) {
        const changes = new Map<number, number>();
        for (const window of windows) {
            changes.set(window.start, (changes.get(window.start) ?? 0) + 1);
            const leave = window.end + 1;
            if (leave !== Number.POSITIVE_INFINITY) changes.set(leave, (changes.get(leave) ?? 0) - 1);
        }
        let load = 0;
        for (const day of [...changes.keys()].sort((a, b) => a - b)) {
            load += changes.get(day)!;
            this.days.push(day);
            this.loads.push(load);
        }
    }

    /** The load on a day. */
    loadOn(day: DayNumber): number {
        const index = this.stepAt(day);
        return index < 0 ? 0 : this.loads[index]!;
    }

    /** The first day of [from, to] (inclusive, `to` may be +Infinity) on which the load is at least `limit`. */
    firstDayAtLeast(from: DayNumber, to: DayNumber, limit: number): DayNumber | undefined {
        if (limit <= 0) return from;
        let index = this.stepAt(from);
        if (index < 0) index = 0;
        else if (this.loads[index]! >= limit) return from;
        else index++;
        for (; index < this.days.length && this.days[index]! <= to; index++) {
            if (this.loads[index]! >= limit) return this.days[index]!;
        }
        return undefined;
    }

    /** The first day on or after `from` on which the load is below `limit`; +Infinity when none is. */
    firstDayBelow(from: DayNumber, limit: number): DayNumber {
        if (limit <= 0) return Number.POSITIVE_INFINITY;
        let index = this.stepAt(from);
        if (index < 0 || this.loads[index]! < limit) return from;
        for (index++; index < this.days.length; index++) {
            if (this.loads[index]! < limit) return this.days[index]!;
        }
        return Number.POSITIVE_INFINITY;
    }

    /** One more mission on every day of the inclusive window. */
    add(window: DayWindow): void {
        const first = this.breakAt(window.start);
        const leave = window.end + 1;
        const last = leave === Number.POSITIVE_INFINITY ? this.days.length : this.breakAt(leave);
        for (let index = first; index < last; index++) this.loads[index]!++;
    }

    /** The index of the step holding the day: the last breakpoint on or before it; -1 before the first. */
    private stepAt(day: DayNumber): number {
        let low = 0;
        let high = this.days.length;
        while (low < high) {
            const middle = (low + high) >> 1;
            if (this.days[middle]! <= day) low = middle + 1;
            else high = middle;
        }
        return low - 1;
    }

    /** Makes the day a breakpoint (keeping the load it has) and returns its index. */
    private breakAt(day: DayNumber): number {
        const index = this.stepAt(day);
        if (index >= 0 && this.days[index] === day) return index;
        this.days.splice(index + 1, 0, day);
        this.loads.splice(index + 1, 0, index < 0 ? 0 : this.loads[index]!);
        return index + 1;
    }
}

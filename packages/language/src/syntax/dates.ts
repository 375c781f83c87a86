/**
 * Dates are calendar days. The AST holds a `Date` at UTC midnight (an invalid `Date` for text such as
 * `2026-02-30`); the facts work with day numbers (days since 1970-01-01), which compare and subtract
 * as plain integers. Open window ends are -Infinity / +Infinity.
 */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;

const DATE_TEXT = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

/** Parses `YYYY-MM-DD`; returns an invalid Date (NaN time) when it is not a real calendar date. */
export function parseDate(text: string): Date {
    if (!DATE_TEXT.test(text)) return new Date(Number.NaN);
    // Digits by char code: a workspace has tens of thousands of dates, and this runs per date parsed.
    const digit = (index: number): number => text.charCodeAt(index) - 48;
    const year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
    const month = digit(5) * 10 + digit(6);
    const day = digit(8) * 10 + digit(9);
    const date = new Date(Date.UTC(year, month - 1, day));
    // Date.UTC rolls 2026-02-30 over into March; a real date survives the round trip.
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
        return new Date(Number.NaN);
    }
    return date;
}

export function isValidDate(date: Date | undefined): date is Date {
    return date instanceof Date && !Number.isNaN(date.getTime());
}

/** The day number of a valid date, or undefined for a missing or invalid one. */
export function toDay(date: Date | undefined): DayNumber | undefined {
    return isValidDate(date) ? Math.round(date.getTime() / MS_PER_DAY) : undefined;
}

export function dayToIso(day: DayNumber): string {
    return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function dateToIso(date: Date): string {
    return date.toISOString().slice(0, 10);
}

/** Today's day number from `YYYY-MM-DD`, or the system date (UTC) when no text is given. */
export function todayFrom(text: string | undefined, now: Date = new Date()): DayNumber {
    if (text) {
        const day = toDay(parseDate(text));
        if (day === undefined) throw new Error(`not a calendar date: ${text}`);
        return day;
    }
    return Math.floor(now.getTime() / MS_PER_DAY);
}

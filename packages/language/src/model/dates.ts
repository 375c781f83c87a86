/**
 * Dates are calendar days. The AST holds a `Date` at UTC midnight (an invalid `Date` for text such as
 * `2026-02-30`); the facts work with day numbers (days since 1970-01-01), which compare and subtract
 * as plain integers. Open window ends are -Infinity / +Infinity.
 */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;

const DATE_TEXT = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Parses `YYYY-MM-DD`; returns an invalid Date (NaN time) when it is not a real calendar date. */
export function parseDate(text: string): Date {
    if (!DATE_TEXT.test(text)) return new Date(Number.NaN);
    // Digits by char code: a workspace has tens of thousands of dates, and this runs per date parsed.
    const digit = (index: number): number => text.charCodeAt(index) - 48;
    const year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
    const month = digit(5) * 10 + digit(6);
    const day = digit(8) * 10 + digit(9);
    // A real day of a real month; years before 100 are not taken (Date.UTC reads 0-99 as 1900-1999).
    const leapDay = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 1 : 0;
    if (year < 100 || month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]! + leapDay)
        return new Date(Number.NaN);
    return new Date(Date.UTC(year, month - 1, day));
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

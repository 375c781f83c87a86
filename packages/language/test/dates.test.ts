/** Dates (src/model/dates.ts): a date is real exactly when the calendar has that day. */
import { describe, expect, it } from 'vitest';
import { parseDate } from '../src/model/dates.js';

/** The definition: the day survives a round trip through the calendar (years before 100 are not taken). */
function isCalendarDay(year: number, month: number, day: number): boolean {
    const date = new Date(Date.UTC(2000, 0, 1));
    date.setUTCFullYear(year, month - 1, day);
    return (
        year >= 100 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    );
}

describe('parseDate', () => {
    it('takes exactly the days of the calendar, leap days included', () => {
        let valid = 0;
        for (let year = 0; year < 2500; year += 1) {
            for (const month of [0, 1, 2, 4, 12, 13]) {
                for (const day of [0, 1, 28, 29, 30, 31, 32]) {
                    const text = [year, month, day]
                        .map((part, index) => String(part).padStart(index === 0 ? 4 : 2, '0'))
                        .join('-');
                    const parsed = parseDate(text);
                    const expected = isCalendarDay(year, month, day);
                    expect(!Number.isNaN(parsed.getTime()), text).toBe(expected);
                    if (expected) {
                        expect(parsed.toISOString().slice(0, 10), text).toBe(text);
                        valid++;
                    }
                }
            }
        }
        expect(valid).toBeGreaterThan(10000);
        expect(parseDate('2024-02-29').toISOString()).toBe('2024-02-29T00:00:00.000Z');
        expect(Number.isNaN(parseDate('2100-02-29').getTime())).toBe(true);
        expect(Number.isNaN(parseDate('2026-1-01').getTime())).toBe(true);
    });
});

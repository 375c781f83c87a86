/**
 * How the model's values are written for people, the same in rules, editor features and outputs: a
 * measure's qualified name, a fraction as a percentage, a day and a window, an amount of money. Each
 * output escapes the result for its target. Where two places write a value differently on purpose (a
 * message's words vs a table cell), each form is here under its own name.
 */
import type { Measure } from '../generated/ast.js';
import { type DayNumber, dayToIso } from './dates.js';
import { formatNumber } from './numbers.js';

/** A measure's name as other elements write it: `Grow.patients` (LANGUAGE.md, "Names"). */
export function qualifiedName(measure: Measure): string {
    return `${measure.$container.name}.${measure.name}`;
}

/** `42%`; a fraction 0..1. */
export function percent(fraction: number): string {
    return `${Math.round(fraction * 100)}%`;
}

/** Days from one to another, both included; an open end is -Infinity / +Infinity (facts/windows.ts). */
export interface DaySpan {
    readonly start: DayNumber;
    readonly end: DayNumber;
}

/** A day in a message: `2026-03-01`, with open ends as words (`the beginning of time`, `the end of time`). */
export function dayPhrase(day: DayNumber): string {
    if (day === Number.NEGATIVE_INFINITY) return 'the beginning of time';
    if (day === Number.POSITIVE_INFINITY) return 'the end of time';
    return dayToIso(day);
}

/**
 * A window in a message or an editor feature: `2026-02-01 .. 2026-09-30`; an open end in words:
 * `until 2030-12-31`, `from 2026-01-01`, `all time`.
 */
export function windowPhrase(window: DaySpan): string {
    if (window.start === Number.NEGATIVE_INFINITY && window.end === Number.POSITIVE_INFINITY) return 'all time';
    if (window.start === Number.NEGATIVE_INFINITY) return `until ${dayPhrase(window.end)}`;
    if (window.end === Number.POSITIVE_INFINITY) return `from ${dayPhrase(window.start)}`;
    return `${dayPhrase(window.start)} .. ${dayPhrase(window.end)}`;
}

/** One end of a window: a day number, a `YYYY-MM-DD` text, or none (an open or unknown end). */
export type WindowEnd = DayNumber | string | null | undefined;

function endText(end: WindowEnd, unknown: string): string {
    if (typeof end === 'string') return end;
    return end !== null && end !== undefined && Number.isFinite(end) ? dayToIso(end) : unknown;
}

/**
 * A window as the language writes it, `2026-02-01 .. 2026-09-30`, where an end that is open or not
 * known reads `unknown` (`…` unless given): the brief, the MCP tools, the diff (`?` for a broken date).
 */
export function windowRange(start: WindowEnd, end: WindowEnd, unknown = '…'): string {
    return `${endText(start, unknown)} .. ${endText(end, unknown)}`;
}

/** A window without spaces, `2026-01-01..2027-06-30` (`…` for an open end): the staging plan's reasons. */
export function compactWindow(window: DaySpan): string {
    return `${endText(window.start, '…')}..${endText(window.end, '…')}`;
}

/** An amount of money: `1,100,000 GBP` (grouped digits, up to 2 decimals, then the currency). */
export function money(amount: number, currency: string): string {
    return `${formatNumber(amount)} ${currency}`;
}

/** A change of an amount, signed: `+200,000 GBP`, `-5,000 GBP`, `0 GBP`. */
export function moneyChange(change: number, currency: string): string {
    return `${change > 0 ? '+' : ''}${money(change, currency)}`;
}

/**
 * The wording module (src/model/wording.ts): every form of a day, a window, an amount and a fraction
 * that rules, editor features and outputs write, pinned here once.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDate, toDay } from '../src/model/dates.js';
import {
    compactWindow,
    dayPhrase,
    money,
    moneyChange,
    percent,
    windowPhrase,
    windowRange
} from '../src/model/wording.js';

const day = (iso: string): number => toDay(parseDate(iso))!;
const OPEN_START = Number.NEGATIVE_INFINITY;
const OPEN_END = Number.POSITIVE_INFINITY;

describe('days and windows', () => {
    it('writes a day as YYYY-MM-DD and an open end in words', () => {
        expect(dayPhrase(day('2026-03-01'))).toBe('2026-03-01');
        expect(dayPhrase(OPEN_START)).toBe('the beginning of time');
        expect(dayPhrase(OPEN_END)).toBe('the end of time');
    });

    it('writes a window in a message with its open ends as words', () => {
        const start = day('2026-02-01');
        const end = day('2026-09-30');
        expect(windowPhrase({ start, end })).toBe('2026-02-01 .. 2026-09-30');
        expect(windowPhrase({ start: OPEN_START, end })).toBe('until 2026-09-30');
        expect(windowPhrase({ start, end: OPEN_END })).toBe('from 2026-02-01');
        expect(windowPhrase({ start: OPEN_START, end: OPEN_END })).toBe('all time');
    });

    it('writes a window as the language does, an unknown end as … or the given mark', () => {
        expect(windowRange(day('2026-01-01'), day('2026-12-31'))).toBe('2026-01-01 .. 2026-12-31');
        expect(windowRange('2026-01-01', null)).toBe('2026-01-01 .. …');
        expect(windowRange(undefined, OPEN_END)).toBe('… .. …');
        expect(windowRange(null, '2027-06-30', '?')).toBe('? .. 2027-06-30');
        expect(compactWindow({ start: day('2026-01-01'), end: OPEN_END })).toBe('2026-01-01..…');
    });
});

describe('amounts and fractions', () => {
    it('groups digits, keeps at most two decimals and names the currency', () => {
        expect(money(1_100_000, 'GBP')).toBe('1,100,000 GBP');
        expect(money(2_500.5, 'EUR')).toBe('2,500.5 EUR');
        expect(moneyChange(200_000, 'GBP')).toBe('+200,000 GBP');
        expect(moneyChange(-5_000, 'GBP')).toBe('-5,000 GBP');
        expect(moneyChange(0, 'GBP')).toBe('0 GBP');
    });

    it('rounds a fraction to a whole percentage', () => {
        expect(percent(0.456)).toBe('46%');
        expect(percent(1.79)).toBe('179%');
        expect(percent(0)).toBe('0%');
    });
});

/** Every TypeScript source under a folder. */
function sources(folder: string): string[] {
    return readdirSync(folder).flatMap(name => {
        const path = join(folder, name);
        if (statSync(path).isDirectory()) return name === 'generated' ? [] : sources(path);
        return name.endsWith('.ts') ? [path] : [];
    });
}

describe('one wording module', () => {
    const roots = ['src', '../mcp/src', '../cli/src'].map(root => join(import.meta.dirname, '..', root));
    // The starter model writes source text in the language's own syntax, not words for people.
    const writers = [join('model', 'wording.ts'), join('outputs', 'starter-model.ts')];
    const files = roots.flatMap(sources).filter(file => !writers.some(writer => file.endsWith(writer)));

    it('no other module writes a percentage, an amount with its currency or a window of its own', () => {
        const ownForms = [
            { what: 'a percentage', pattern: /Math\.round\([^)]*\* 100\)/ },
            { what: 'an amount and its currency', pattern: /formatNumber\([^)]*\)\)?\} \$\{[^}]*currency/ },
            { what: 'a window', pattern: /\$\{[^}]*(?:start|Start)[^}]*\} \.\. \$\{[^}]*(?:end|End)[^}]*\}/ }
        ];
        const found = files.flatMap(file => {
            const text = readFileSync(file, 'utf8');
            return ownForms.filter(form => form.pattern.test(text)).map(form => `${file}: ${form.what}`);
        });
        expect(found).toEqual([]);
    });
});

/**
 * The lexical rules of LANGUAGE.md: comments, strings and their escapes, IDs, keywords as names,
 * numbers (exact, with suffixes), dates (real calendar days at UTC midnight).
 */
import { describe, expect, it } from 'vitest';
import { parseDate, toDay } from '../src/model/dates.js';
import { parseNumberLiteral } from '../src/model/numbers.js';
import { invalidEscapes, unescapeString } from '../src/syntax/value-converter.js';
import {
    baselineOf,
    budgetOf,
    capacityOf,
    currentOf,
    headcountOf,
    reviewOf,
    targetOf,
    unitOf,
    valueOf
} from '../src/model/accessors.js';
import { check, element, expectClean, mission, summaryOf } from './foundation-helpers.js';

describe('comments and whitespace', () => {
    it('ignores line and block comments, including multi-line blocks and comments between tokens', async () => {
        const result = await expectClean(
            [
                '// a line comment',
                '/* a block',
                '   over lines */ person a /* inside */ "A" // trailing',
                'person/**/b{capacity/* x */2}',
                '\tmission\r\nM\t{ lead a }'
            ].join('\n')
        );
        expect(element(result, 'Person', 'a').title).toBe('A');
        expect(capacityOf(element(result, 'Person', 'b'))).toBe(2);
        expect(mission(result, 'M').leads[0]!.person.ref?.name).toBe('a');
    });

    it('does not treat // inside a string as a comment', async () => {
        const result = await expectClean('vision V "see https://example.org /* not a comment */"');
        expect(element(result, 'Vision', 'V').title).toBe('see https://example.org /* not a comment */');
    });

    it('reports an unclosed block comment', async () => {
        const result = await check('person a /* never closed');
        expect(result.diagnostics.map(diagnostic => diagnostic.code)).toContain('syntax-error');
    });
});

describe('strings', () => {
    it('resolves \\" and \\\\ escapes', async () => {
        const result = await expectClean(String.raw`vision V "say \"hi\" to C:\\path"`);
        expect(element(result, 'Vision', 'V').title).toBe('say "hi" to C:\\path');
    });

    it('keeps an empty string', async () => {
        const result = await expectClean('vision V ""');
        expect(element(result, 'Vision', 'V').title).toBe('');
    });

    it('reports an invalid escape such as \\n as a syntax-error on the escape', async () => {
        const result = await check(String.raw`vision V "line\nbreak" person p "ok \t"`);
        expect(summaryOf(result)).toEqual([String.raw`syntax-error [\n]`, String.raw`syntax-error [\t]`]);
        expect(result.diagnostics[0]!.message).toContain('\\n');
    });

    it('reports an invalid escape on the right line and column in a later line', async () => {
        const result = await check('person a\n  vision V "x \\q"');
        expect(result.diagnostics.map(d => [d.code, d.line, d.column, d.endColumn])).toEqual([
            ['syntax-error', 2, 15, 17]
        ]);
    });

    it('does not let a string span lines', async () => {
        const result = await check('vision V "first\nsecond"\nperson p');
        expect(result.diagnostics.length).toBeGreaterThan(0);
        expect(result.diagnostics.every(diagnostic => diagnostic.code === 'syntax-error')).toBe(true);
        // The first error is on the opening quote of the broken string, and says what is wrong.
        expect([result.diagnostics[0]!.line, result.diagnostics[0]!.column]).toEqual([1, 10]);
        expect(result.diagnostics[0]!.message).toMatch(/string/);
    });

    it('reports an unterminated string', async () => {
        const result = await check('person p "unterminated');
        expect(result.diagnostics[0]).toMatchObject({ code: 'syntax-error', line: 1, column: 10 });
    });

    it('unescapes and finds bad escapes as pure functions', () => {
        expect(unescapeString(String.raw`"a\"b\\c"`)).toBe('a"b\\c');
        expect(invalidEscapes(String.raw`"a\"b\\c"`)).toEqual([]);
        expect(invalidEscapes(String.raw`"a\nb\\\t"`)).toEqual([
            { offset: 2, escape: '\\n' },
            { offset: 7, escape: '\\t' }
        ]);
    });
});

describe('IDs and keywords as names', () => {
    it('accepts _ and - in IDs, and a leading _', async () => {
        const result = await expectClean(
            'person a_b-c\nperson _x\nperson team-lead_2\nmission M { lead a_b-c crew _x, team-lead_2 }'
        );
        expect(mission(result, 'M').crews[0]!.members.map(member => member.ref?.name)).toEqual(['_x', 'team-lead_2']);
    });

    it('takes an ID that starts with a keyword as one ID', async () => {
        const result = await expectClean('person leader\nperson lead-x\nmission M { lead leader crew lead-x }');
        expect(mission(result, 'M').leads[0]!.person.ref?.name).toBe('leader');
    });

    it('does not accept an ID starting with a digit or -', async () => {
        expect(summaryOf(await check('person 1a'))).toContain('syntax-error [1]');
        expect((await check('person -a')).diagnostics.map(d => d.code)).toContain('syntax-error');
    });

    // Keywords are reserved (LANGUAGE.md: "an ID may not be a keyword"); the one exception is a
    // measure's unit, where `days`, `week` and `month` are natural units (docs/language-decisions.md).
    it.each([
        ['a person', 'person lead', 'lead'],
        ['a measure', 'mission M { measure value { } }', 'value'],
        ['a mission', 'mission status { }', 'status'],
        ['a reference', 'person p\nmission M { lead status }', 'status']
    ])('does not let a keyword name %s: a syntax-error on the keyword', async (_what, text, keyword) => {
        const result = await check(text);
        expect(summaryOf(result)[0]).toBe(`syntax-error [${keyword}]`);
        expect(result.diagnostics[0]!.message).toContain(`\`${keyword}\``);
    });

    it('lets a unit be one of the time words days, week, month', async () => {
        const result = await expectClean(
            'mission M { measure a { unit days } measure b { unit week } measure c { unit month } ' +
                'measure d { unit "per cent" } }'
        );
        expect(mission(result, 'M').measures.map(measure => unitOf(measure))).toEqual([
            'days',
            'week',
            'month',
            'per cent'
        ]);
    });

    it('keeps names case-sensitive', async () => {
        const result = await check('person Alice\nmission M { lead alice }');
        expect(summaryOf(result)).toEqual(['unresolved-reference [alice]']);
    });
});

describe('numbers', () => {
    const measureValues = async (items: string): Promise<Array<number | undefined>> => {
        const result = await expectClean(`mission M { measure m { ${items} } }`);
        const measure = mission(result, 'M').measures[0]!;
        return [baselineOf(measure), targetOf(measure), currentOf(measure)];
    };

    it.each([
        ['40000', 40_000],
        ['40_000', 40_000],
        ['2.5', 2.5],
        ['120k', 120_000],
        ['2.5M', 2_500_000],
        ['1.1M', 1_100_000],
        ['1_000_001', 1_000_001],
        ['3B', 3_000_000_000],
        ['0.5k', 500],
        ['1.2345k', 1234.5],
        ['0.000001M', 1],
        ['1_000.25', 1000.25],
        ['-5', -5],
        ['-2.5M', -2_500_000],
        ['0', 0]
    ])('%s is exactly %d', async (text, expected) => {
        expect(parseNumberLiteral(text)).toBe(expected);
        expect(await measureValues(`target ${text}`)).toEqual([undefined, expected, undefined]);
    });

    it('allows a leading - for baseline, target and current', async () => {
        expect(await measureValues('baseline -10 target -2.5 current -1_000')).toEqual([-10, -2.5, -1000]);
    });

    it('keeps budget and value amounts exact', async () => {
        const result = await expectClean(
            'mission M { boundary { budget 1.1M GBP headcount 40 } value 2.5k EUR per week }'
        );
        expect(budgetOf(mission(result, 'M'))?.amount).toBe(1_100_000);
        expect(headcountOf(mission(result, 'M'))?.count).toBe(40);
        expect(valueOf(mission(result, 'M'))?.amount).toBe(2500);
    });

    it('rejects a negative budget and a negative value', async () => {
        const budget = await check('mission M { boundary { budget -5 GBP } }');
        expect(summaryOf(budget)).toEqual(['syntax-error [-5]']);
        expect(budget.diagnostics[0]!.message).toContain('cannot be negative');
        expect(summaryOf(await check('mission M { value -1k GBP per week }'))).toEqual(['syntax-error [-1k]']);
    });

    it.each([
        ['a fractional capacity', 'person p { capacity 1.5 }', '1.5'],
        ['a negative capacity', 'person p { capacity -1 }', '-1'],
        ['a fractional headcount', 'mission M { boundary { headcount 2.5 } }', '2.5'],
        ['a negative headcount', 'mission M { boundary { headcount -2 } }', '-2'],
        ['fractional review days', 'mission M { review every 2.5 days }', '2.5'],
        ['zero review days', 'mission M { review every 0 days }', '0'],
        ['negative review days', 'mission M { review every -7 days }', '-7']
    ])('rejects %s as a syntax-error on the number', async (_what, text, number) => {
        const result = await check(text);
        expect(summaryOf(result)).toEqual([`syntax-error [${number}]`]);
        expect(result.diagnostics[0]!.message).toMatch(/whole number/);
    });

    it('accepts whole numbers written with a suffix where a whole number is expected', async () => {
        const result = await expectClean(
            'person p { capacity 2 }\nmission M { boundary { headcount 1.5k } review every 1_0 days }'
        );
        expect(capacityOf(element(result, 'Person', 'p'))).toBe(2);
        expect(headcountOf(mission(result, 'M'))?.count).toBe(1500);
        expect(reviewOf(mission(result, 'M'))?.every).toBe(10);
    });

    it('accepts a zero headcount and capacity', async () => {
        await expectClean('person p { capacity 0 }\nmission M { boundary { headcount 0 } }');
    });
});

describe('dates', () => {
    it('parses real dates into Date objects at UTC midnight', async () => {
        const result = await expectClean(
            'vision V { horizon 2026-02-28 }\nvision L { horizon 2024-02-29 }\nvision Y { horizon 2000-01-01 }'
        );
        const horizon = element(result, 'Vision', 'V').horizon!;
        expect(horizon).toBeInstanceOf(Date);
        expect(horizon.toISOString()).toBe('2026-02-28T00:00:00.000Z');
        expect([
            horizon.getUTCHours(),
            horizon.getUTCMinutes(),
            horizon.getUTCSeconds(),
            horizon.getUTCMilliseconds()
        ]).toEqual([0, 0, 0, 0]);
        expect(element(result, 'Vision', 'L').horizon!.toISOString()).toBe('2024-02-29T00:00:00.000Z');
        expect(element(result, 'Vision', 'Y').horizon!.getTime()).toBe(Date.UTC(2000, 0, 1));
    });

    it.each(['2026-02-30', '2026-13-01', '2025-02-29', '2026-04-31', '2026-00-10', '2026-01-00', '2026-01-32'])(
        'reports %s as invalid-date, not a syntax error',
        async date => {
            const result = await check(`vision V { horizon ${date} }`);
            expect(summaryOf(result)).toEqual([`invalid-date [${date}]`]);
            expect(result.diagnostics[0]!.message).toContain(date);
            expect(Number.isNaN(element(result, 'Vision', 'V').horizon!.getTime())).toBe(true);
        }
    );

    it('checks the dates of windows, due and review last', async () => {
        const result = await check(
            'mission M { boundary { window 2026-02-30 .. 2026-13-01 } review every 7 days last 2026-02-29 ' +
                'measure m { due 2026-06-31 } }'
        );
        expect(summaryOf(result)).toEqual([
            'invalid-date [2026-02-30]',
            'invalid-date [2026-13-01]',
            'invalid-date [2026-02-29]',
            'invalid-date [2026-06-31]'
        ]);
    });

    it('lexes a window with no spaces around ..', async () => {
        const result = await expectClean('mission M { boundary { window 2026-01-01..2026-12-31 } }');
        expect(mission(result, 'M').boundaries[0]!.windows[0]!.end.toISOString()).toBe('2026-12-31T00:00:00.000Z');
    });

    it('parses and converts dates as pure functions', () => {
        expect(parseDate('2024-02-29').getTime()).toBe(Date.UTC(2024, 1, 29));
        expect(Number.isNaN(parseDate('2023-02-29').getTime())).toBe(true);
        expect(Number.isNaN(parseDate('2026-1-01').getTime())).toBe(true);
        expect(toDay(parseDate('1970-01-02'))).toBe(1);
        expect(toDay(parseDate('2026-02-30'))).toBeUndefined();
        expect(toDay(undefined)).toBeUndefined();
    });
});

describe('currencies', () => {
    it('accepts three capital letters and reports anything else as invalid-currency', async () => {
        await expectClean('mission M { boundary { budget 1 GBP } value 1 USD per week }');
        const result = await check(
            'mission M { boundary { budget 1 gbp } value 1 EURO per week }\nmission N { value 1 E1R per month }'
        );
        expect(summaryOf(result)).toEqual([
            'invalid-currency [gbp]',
            'invalid-currency [EURO]',
            'invalid-currency [E1R]'
        ]);
    });
});

/** How counts read in every text output: `1 error`, `2 warnings`, `1 info` (the JSON keeps `infos`). */
import { describe, expect, it } from 'vitest';
import { counted, formatNumber, problemCounts } from '../src/model/numbers.js';
import { check } from './rules/rule-helpers.js';

describe('counted', () => {
    it('is singular for exactly one, plural otherwise, with grouped digits', () => {
        expect([counted(0, 'error'), counted(1, 'error'), counted(2, 'error'), counted(1200, 'mission')]).toEqual([
            '0 errors',
            '1 error',
            '2 errors',
            '1,200 missions'
        ]);
        expect([counted(1, 'info', 'info'), counted(3, 'info', 'info')]).toEqual(['1 info', '3 info']);
    });
});

describe('formatNumber', () => {
    // Whole numbers are grouped by hand (no ICU data loaded); they must read exactly as en-US Intl writes them.
    const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

    it('groups whole numbers exactly as Intl en-US does, signs and edges included', () => {
        const edges = [0, -0, 1, -1, 999, 1000, -1000, 999_999, 1_000_000, -12_345_678, Number.MAX_SAFE_INTEGER];
        const sample = Array.from({ length: 400 }, (_, index) => Math.trunc(Math.sin(index + 1) * 10 ** (index % 16)));
        for (const value of [...edges, -Number.MAX_SAFE_INTEGER, ...sample])
            expect(formatNumber(value), String(value)).toBe(intl.format(value));
        const written = [formatNumber(1_100_000), formatNumber(-0), formatNumber(-42_000)];
        expect(written).toEqual(['1,100,000', '-0', '-42,000']);
    });

    it('keeps up to two decimals of fractions and large numbers through Intl', () => {
        expect([formatNumber(2.5), formatNumber(1234.5678), formatNumber(-0.125), formatNumber(2 ** 60)]).toEqual([
            '2.5',
            '1,234.57',
            '-0.13',
            intl.format(2 ** 60)
        ]);
    });
});

describe('problemCounts', () => {
    it('words the summary of a check, never "infos"', () => {
        expect(problemCounts({ errors: 1, warnings: 1, infos: 1 })).toBe('1 error, 1 warning, 1 info');
        expect(problemCounts({ errors: 0, warnings: 2, infos: 5 })).toBe('0 errors, 2 warnings, 5 info');
    });
});

describe('messages with counts', () => {
    it('over-capacity for one mission says "1 concurrent active mission"', async () => {
        const result = await check(
            'vision V\nperson p { capacity 0 }\nmission A under V { intent "i" lead p measure m { target 1 } }'
        );
        expect(result.diagnostics.map(diagnostic => diagnostic.message)).toContain(
            'p is on 1 concurrent active mission (capacity 0): A'
        );
    });
});

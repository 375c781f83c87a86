/**
 * Every rule code of the catalog has a rule that fires: examples/broken/<code>.mission produces that
 * code, and exactly the (code, line) pairs its `// expect:` header lists, checked on 2026-11-23.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG, type DiagnosticCode } from '../../src/validation/codes.js';
import { check } from './rule-helpers.js';

const RULE_CODES = (Object.keys(CATALOG) as DiagnosticCode[]).filter(
    code => !('fixed' in CATALOG[code]) && code !== 'invalid-config'
);

describe('examples/broken for every rule code', () => {
    it('covers all 23 rule codes', () => {
        expect(RULE_CODES).toHaveLength(23);
    });

    it.each(RULE_CODES)('%s', async code => {
        const text = readFileSync(new URL(`../../../../examples/broken/${code}.mission`, import.meta.url), 'utf8');
        const expected = [...text.matchAll(/^\/\/ expect: (\S+) (\d+):\d+ \w+$/gm)].map(
            match => `${match[1]} ${match[2]}`
        );
        const result = await check({ [`${code}.mission`]: text }, '2026-11-23');
        const actual = result.diagnostics.map(diagnostic => `${diagnostic.code} ${diagnostic.line}`);
        expect(actual.sort()).toEqual(expected.sort());
        expect(new Set(result.diagnostics.map(diagnostic => diagnostic.code))).toEqual(new Set([code]));
    });
});

/**
 * The catalog (validation/codes.ts) is LANGUAGE.md's rule catalog: the same codes, in the same order,
 * with the same default severities. Every rule code of the catalog has a rule that fires:
 * examples/broken/<code>.mission produces that code, and exactly the (code, line) pairs its `// expect:`
 * header lists, checked on 2026-11-23.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG, type DiagnosticCode, isDiagnosticCode } from '../../src/validation/codes.js';
import { check } from './rule-helpers.js';

const RULE_CODES = (Object.keys(CATALOG) as DiagnosticCode[]).filter(
    code => !('fixed' in CATALOG[code]) && code !== 'invalid-config'
);

/** The contract, kept beside the repository (../shared/LANGUAGE.md): CI lays a copy of shared/ there. */
const CONTRACT = new URL('../../../../../shared/LANGUAGE.md', import.meta.url);

/** The rows of the contract's rule catalog table: `| \`code\` | severity | ...`, as `code severity`. */
function contractCatalog(): string[] {
    if (!existsSync(CONTRACT)) {
        throw new Error(`the contract is not beside the repository at ${CONTRACT.pathname}: check out shared/`);
    }
    const section =
        readFileSync(CONTRACT, 'utf8')
            .split(/^## Rule catalog$/m)[1]
            ?.split(/^## /m)[0] ?? '';
    return [...section.matchAll(/^\| `([a-z-]+)` \| (error|warning|info)\b/gm)].map(match => `${match[1]} ${match[2]}`);
}

describe('the rule catalog', () => {
    it("is LANGUAGE.md's table: every code, in order, with its default severity", () => {
        const contract = contractCatalog();
        expect(contract.length).toBeGreaterThan(20);
        const catalog = (Object.keys(CATALOG) as DiagnosticCode[]).map(code => `${code} ${CATALOG[code].severity}`);
        expect(catalog).toEqual(contract);
    });
});

describe('examples/broken for every rule code', () => {
    it('has a broken example for each rule code of the catalog, and no other', () => {
        const broken = readdirSync(new URL('../../../../examples/broken/', import.meta.url))
            .filter(name => name.endsWith('.mission'))
            .map(name => name.slice(0, -'.mission'.length))
            .filter(code => isDiagnosticCode(code) && RULE_CODES.includes(code));
        expect(broken.sort()).toEqual([...RULE_CODES].sort());
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

/**
 * The complete example of LANGUAGE.md, checked on 2026-11-23, gives exactly the two diagnostics the
 * contract names: unmapped-measures (warning) and staged-without-value (info), both on Recruit's name.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from './rule-helpers.js';

const EXAMPLE = readFileSync(new URL('../../../../test/fixtures/language-example.mission', import.meta.url), 'utf8');

/** The contract, kept beside the repository (../shared/LANGUAGE.md): CI lays a copy of shared/ there. */
const CONTRACT = new URL('../../../../../shared/LANGUAGE.md', import.meta.url);

describe('the complete example of LANGUAGE.md', () => {
    it('is the fixture, word for word: the first ```mission block of ../shared/LANGUAGE.md', () => {
        if (!existsSync(CONTRACT)) {
            throw new Error(`the contract is not beside the repository at ${CONTRACT.pathname}: check out shared/`);
        }
        const block = /```mission\n([\s\S]*?)```/.exec(readFileSync(CONTRACT, 'utf8'));
        expect(block?.[1]).toBe(EXAMPLE);
    });

    it('gives exactly unmapped-measures and staged-without-value on Recruit', async () => {
        const result = await check({ 'acme.mission': EXAMPLE }, '2026-11-23');
        const lines = EXAMPLE.split('\n');
        const line = lines.findIndex(text => text.startsWith('mission Recruit')) + 1;
        const column = lines[line - 1]!.indexOf('Recruit') + 1;
        const where = { file: 'acme.mission', line, column, endLine: line, endColumn: column + 'Recruit'.length };
        expect(result.diagnostics.map(({ message: _message, ...rest }) => rest)).toEqual([
            { ...where, severity: 'info', code: 'staged-without-value' },
            { ...where, severity: 'warning', code: 'unmapped-measures' }
        ]);
        expect(result.summary).toEqual({ files: 1, errors: 0, warnings: 1, infos: 1 });
    });

    it('gives nothing else on another day either, while reviews are on time', async () => {
        const result = await check({ 'acme.mission': EXAMPLE }, '2026-12-01');
        expect(result.diagnostics.map(diagnostic => diagnostic.code)).toEqual([
            'staged-without-value',
            'unmapped-measures'
        ]);
        const late = await check({ 'acme.mission': EXAMPLE }, '2026-12-02');
        expect(late.diagnostics.map(diagnostic => diagnostic.code)).toContain('review-overdue');
    });
});

/** The one list of skips `npm test` accepts (test/allowed-skips.mjs): everything else fails the run. */
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module of the test runner, without type declarations
import { ALLOWED_SKIPS, isAllowedSkip } from './allowed-skips.mjs';

describe('allowed skips', () => {
    it('are the electron suite without a VS Code download and npm audit without its endpoint, with reasons', () => {
        expect(ALLOWED_SKIPS.map((skip: { suite?: string; test?: string }) => skip.suite ?? skip.test)).toEqual([
            'vscode-electron',
            'npm audit --omit=dev'
        ]);
        for (const skip of ALLOWED_SKIPS) expect((skip as { why: string }).why.length).toBeGreaterThan(20);
        expect(isAllowedSkip({ suite: 'vscode-electron', reason: 'no download' })).toBe(true);
        const audit = 'production dependencies npm audit --omit=dev reports no high or critical advisory';
        expect(isAllowedSkip({ suite: 'unit', test: audit })).toBe(true);
    });

    it('do not include a browser test, a whole editor suite or a test of the electron suite by name', () => {
        expect(isAllowedSkip({ suite: 'unit', test: 'mission report the language example renders' })).toBe(false);
        expect(isAllowedSkip({ suite: 'neovim', reason: 'no neovim' })).toBe(false);
        expect(isAllowedSkip({ suite: 'e2e', reason: 'no Chromium' })).toBe(false);
        expect(isAllowedSkip({ suite: 'any-date', reason: 'no faketime' })).toBe(false);
        expect(isAllowedSkip({ suite: 'vscode-electron', test: '1 of its tests' })).toBe(false);
    });
});

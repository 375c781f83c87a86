/**
 * The README's sample model gives what the README says of it, whatever the date the test runs on: clean as of
 * 2026-11-23, and one `review-overdue` on Grow's review on any later day past its due date.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkSources, sourceFile } from '../packages/language/src/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const README = readFileSync(`${ROOT}/README.md`, 'utf8');

function sampleModel(): string {
    const block = /## The language in one screen\s+```mission\n([\s\S]*?)```/.exec(README);
    if (!block) throw new Error('README.md has no ```mission block under "## The language in one screen"');
    return block[1]!;
}

async function codesOn(today: string): Promise<string[]> {
    const result = await checkSources([sourceFile('acme.mission', '/readme/acme.mission', sampleModel())], { today });
    return result.diagnostics.map(diagnostic => `${diagnostic.code} ${diagnostic.line}`);
}

describe("the README's sample model", () => {
    it('is clean as of 2026-11-23, the day the README names', async () => {
        expect(README).toContain('--today 2026-11-23`) this model is clean');
        expect(await codesOn('2026-11-23')).toEqual([]);
    });

    it("gives review-overdue on Grow's review on any day after 2026-12-01, and nothing else", async () => {
        const reviewLine =
            sampleModel()
                .split('\n')
                .findIndex(line => line.includes('review every 30 days')) + 1;
        for (const today of ['2026-12-02', '2027-06-30', '2031-06-01']) {
            expect(await codesOn(today), today).toEqual([`review-overdue ${reviewLine}`]);
        }
        expect(await codesOn('2026-12-01')).toEqual([]);
    });
});

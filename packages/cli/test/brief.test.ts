import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { EXAMPLE, expectUsageError, FIXTURES, runCli, temporaryFolder } from './helpers.js';

describe('mission brief', () => {
    test("a person's line of sight: vision, intents, 1-up and 2-up, boundaries, measures, support", async () => {
        const run = await runCli(['brief', EXAMPLE, '--person', 'cara', '--today', '2026-11-23']);
        expect(run.code).toBe(0);
        const text = run.stdout;
        expect(text.startsWith('# Brief for Cara Diaz (cara)\n')).toBe(true);
        expect(text).toContain('**Acme** — Be the most trusted regional healthcare provider (horizon 2030-12-31)');
        expect(text.match(/^### /gm)).toHaveLength(2);
        expect(text).toContain('### Clinics — Open three clinics');
        expect(text).toContain('- **Your role:** crew (team clinical)');
        expect(text).toContain('> A clinic within 20 minutes of every northern patient');
        expect(text).toContain(
            '- 1 up: **Grow** — Grow the patient base (lead Alice Smith (alice)): ' +
                'intent “Serve more patients without lowering care quality”'
        );
        expect(text).toContain('- 2 up: vision **Acme**');
        expect(text).toContain('- Budget: 1,200,000 GBP');
        expect(text).toContain(
            '| registered — Patients registered at new clinics | — | 4,000 | 9,000 | patients | — | 44% ' +
                '| behind (100% expected) | Grow.patients |'
        );
        expect(text).toContain('- Supports: **Recruit** — Recruit clinicians (lead Cara Diaz (cara))');
        expect(text).toContain('- Supported by: **Clinics** — Open three clinics (lead Bob Jones (bob))');
        const alice = (await runCli(['brief', EXAMPLE, '--person', 'alice', '--today', '2026-11-23'])).stdout;
        expect(alice).toContain('- Must not: reduce clinician-to-patient ratios');
        expect(alice).toContain('- End state: 40,000 registered patients');
        expect(alice).toContain('- 1 up: vision **Acme**');
        expect(alice).not.toContain('2 up');
    });

    test('model text is Markdown-escaped', async () => {
        const folder = temporaryFolder();
        const run = await runCli(
            ['brief', 'problems.mission', '-p', 'dana', '-o', join(folder, 'brief.md'), '--today', '2026-11-23'],
            { cwd: FIXTURES }
        );
        expect(run.code).toBe(1); // the model has errors; the brief is still written
        const text = readFileSync(join(folder, 'brief.md'), 'utf8');
        expect(text).toContain("# Brief for Dana, the 'lead' (dana)");
        expect(text).toContain('### Alpha — Alpha \\<script\\>alert\\(1\\)\\</script\\> \\\\ back');
        expect(text).toContain('> Win the "north": 100% \\& more');
        expect(text).toContain('| sales — Sales \\[k\\] | 10 | 15 | 20 | k$ |');
        expect(text).toContain('load 2 — **over capacity**');
        expect(text).not.toMatch(/<script>/);
    });

    test('an unknown person or a missing --person is exit 2 with one line', async () => {
        expectUsageError(
            await runCli(['brief', EXAMPLE, '--person', 'zoe']),
            expect,
            /^mission: --person zoe: no person is named 'zoe'$/
        );
        expectUsageError(
            await runCli(['brief', EXAMPLE, '--person', 'Alice']),
            expect,
            /^mission: --person Alice: no person is named 'Alice': did you mean 'alice'\?$/
        );
        expectUsageError(
            await runCli(['brief', EXAMPLE]),
            expect,
            /required option '-p, --person <name>' not specified/
        );
    });
});

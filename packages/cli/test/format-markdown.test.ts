import type { MissionDiagnostic } from 'mission-lang-language';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, formatStepSummary } from '../src/format-markdown.js';

function diagnostic(line: number, message: string): MissionDiagnostic {
    return {
        file: 'models/a.mission',
        line,
        column: 3,
        endLine: line,
        endColumn: 8,
        severity: 'error',
        code: 'unresolved-reference',
        message
    };
}

const SUMMARY = { files: 2, errors: 2, warnings: 0, infos: 0 };

describe('formatStepSummary', () => {
    it('has a heading, the verdict, the counts and one table row per diagnostic in the order given', () => {
        const text = formatStepSummary([diagnostic(4, 'first'), diagnostic(2, 'second')], SUMMARY, 'Failed.');
        const lines = text.trimEnd().split('\n');
        expect(lines[0]).toBe('## mission validate');
        expect(text).toContain('Failed\\.');
        expect(text).toContain('2 files checked\\: 2 errors\\, 0 warnings\\, 0 info');
        expect(lines.slice(-4)).toEqual([
            '| Location | Severity | Code | Message |',
            '| --- | --- | --- | --- |',
            '| models\\/a\\.mission\\:4\\:3 | error | unresolved\\-reference | first |',
            '| models\\/a\\.mission\\:2\\:3 | error | unresolved\\-reference | second |'
        ]);
    });

    it('has no table when there is nothing to list', () => {
        const text = formatStepSummary([], { files: 1, errors: 0, warnings: 0, infos: 0 }, 'Passed.');
        expect(text).toContain('1 file checked\\: no problems');
        expect(text).not.toContain('|');
    });

    it('stops the table before the size limit and says how many rows are left out', () => {
        const diagnostics = Array.from({ length: 100 }, (_, index) => diagnostic(index + 1, 'x'.repeat(80)));
        const text = formatStepSummary(diagnostics, SUMMARY, 'Failed.', 2_000);
        expect(Buffer.byteLength(text)).toBeLessThanOrEqual(2_000);
        const rows = text.split('\n').filter(line => line.startsWith('| models'));
        expect(rows.length).toBeGreaterThan(0);
        expect(text).toContain(`${100 - rows.length} more diagnostics are not listed here`);
    });
});

describe('escapeMarkdown', () => {
    it('escapes everything that could format, link, break a cell or open HTML', () => {
        const text = 'a | b *c* _d_ `e` <script>x</script> [l](u) &amp; ~~s~~ :smile: @alice #1 $x$ \\';
        const escaped = escapeMarkdown(text);
        expect(escaped).toBe(
            'a \\| b \\*c\\* \\_d\\_ \\`e\\` \\<script\\>x\\<\\/script\\> \\[l\\]\\(u\\) \\&amp\\; \\~\\~s\\~\\~ ' +
                '\\:smile\\: \\@alice \\#1 \\$x\\$ \\\\'
        );
        // Every ASCII punctuation character is preceded by a backslash; nothing else is.
        expect(escaped.replace(/\\[!-/:-@[-`{-~]/g, '')).toMatch(/^[^!-/:-@[-`{-~]*$/);
    });

    it('keeps a message on its row', () => {
        expect(escapeMarkdown('one\ntwo\r\nthree\rfour')).toBe('one two three four');
    });
});

describe('formatStepSummary at the size limit', () => {
    const rows = [diagnostic(1, 'first'), diagnostic(2, 'second')];
    const full = formatStepSummary(rows, SUMMARY, 'Failed.');

    it('lists every row when they end exactly at the budget (the limit less 200 bytes)', () => {
        expect(formatStepSummary(rows, SUMMARY, 'Failed.', Buffer.byteLength(full) + 200)).toBe(full);
    });

    it('says "1 more diagnostic is" when one byte short, and where to find it', () => {
        const text = formatStepSummary(rows, SUMMARY, 'Failed.', Buffer.byteLength(full) + 199);
        const withoutLast = full.slice(0, full.lastIndexOf('| models'));
        expect(text).toBe(
            withoutLast +
                '\n1 more diagnostic is not listed here (a step summary is limited to 1 MiB); ' +
                'the SARIF file and the annotations in the log have them all.\n'
        );
    });
});

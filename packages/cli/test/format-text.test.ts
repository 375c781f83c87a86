import type { MissionDiagnostic } from 'mission-lang-language';
import pc from 'picocolors';
import { describe, expect, it, test } from 'vitest';
import { formatText, sourceLines, summaryLine } from '../src/format-text.js';

const NO_PROBLEMS = { files: 1, errors: 0, warnings: 0, infos: 0 };

function diagnostic(overrides: Partial<MissionDiagnostic>): MissionDiagnostic {
    return {
        file: 'a.mission',
        line: 2,
        column: 5,
        endLine: 2,
        endColumn: 9,
        severity: 'error',
        code: 'over-capacity',
        message: 'Over capacity.',
        ...overrides
    };
}

describe('formatText', () => {
    test('prints where, severity, code and message, then the source line with a caret under the range', () => {
        const text = formatText(
            [diagnostic({})],
            { files: 1, errors: 1, warnings: 0, infos: 0 },
            [{ path: 'a.mission', text: 'first\r\n    lead bob\nthird' }],
            false
        );
        expect(text).toBe(
            [
                'a.mission:2:5 error over-capacity Over capacity.',
                '2 |     lead bob',
                '        ^^^^',
                '1 file checked: 1 error, 0 warnings, 0 info',
                ''
            ].join('\n')
        );
    });

    test('keeps tabs before the range so the caret lines up, and shows at least one caret', () => {
        const text = formatText(
            [diagnostic({ line: 1, column: 3, endLine: 1, endColumn: 3, severity: 'warning' })],
            { files: 1, errors: 0, warnings: 1, infos: 0 },
            [{ path: 'a.mission', text: '\tx yz' }],
            false
        );
        expect(text.split('\n').slice(0, 3)).toEqual([
            'a.mission:1:3 warning over-capacity Over capacity.',
            '1 | \tx yz',
            '    \t ^'
        ]);
    });

    test('a range over several lines is underlined from its column to the end of its first line', () => {
        const text = formatText(
            [diagnostic({ line: 1, column: 2, endLine: 3, endColumn: 1 })],
            { files: 1, errors: 1, warnings: 0, infos: 0 },
            [{ path: 'a.mission', text: 'abcdef\nx\ny' }],
            false
        );
        expect(text.split('\n')[2]).toBe('     ^^^^^');
    });

    test('a range over several lines starting past the end of its line still gets one caret', () => {
        const text = formatText(
            [diagnostic({ line: 1, column: 9, endLine: 2, endColumn: 1 })],
            { files: 1, errors: 1, warnings: 0, infos: 0 },
            [{ path: 'a.mission', text: 'abc\nx' }],
            false
        );
        expect(text.split('\n')[2]).toBe('       ^');
    });

    test('a diagnostic in a file without source (or past its last line) has no source line', () => {
        const text = formatText(
            [diagnostic({ file: 'b.mission' }), diagnostic({ line: 9, endLine: 9 })],
            { files: 2, errors: 2, warnings: 0, infos: 0 },
            [{ path: 'a.mission', text: 'only line' }],
            false
        );
        expect(text).toBe(
            [
                'b.mission:2:5 error over-capacity Over capacity.',
                'a.mission:9:5 error over-capacity Over capacity.',
                '2 files checked: 2 errors, 0 warnings, 0 info',
                ''
            ].join('\n')
        );
    });

    test('colours the severity and caret by severity, the location bold and the code dim', () => {
        const c = pc.createColors(true);
        const text = formatText(
            [diagnostic({ severity: 'info', code: 'staged-without-value', line: 1, column: 1, endColumn: 2 })],
            { files: 1, errors: 0, warnings: 0, infos: 1 },
            [{ path: 'a.mission', text: 'x' }],
            true
        );
        expect(text.split('\n')).toEqual([
            `${c.bold('a.mission:1:1')} ${c.blue('info')} ${c.dim('staged-without-value')} Over capacity.`,
            `${c.dim('1 | ')}x`,
            `    ${c.blue('^')}`,
            c.yellow('1 file checked: 0 errors, 0 warnings, 1 info'),
            ''
        ]);
        const warning = formatText([diagnostic({ severity: 'warning' })], NO_PROBLEMS, [], true);
        expect(warning).toContain(c.yellow('warning'));
        const error = formatText([diagnostic({ severity: 'error' })], NO_PROBLEMS, [], true);
        expect(error).toContain(c.red('error'));
    });
});

describe('summaryLine', () => {
    test('says "no problems" in green when nothing was found', () => {
        expect(summaryLine({ files: 3, errors: 0, warnings: 0, infos: 0 })).toBe('3 files checked: no problems');
        expect(summaryLine(NO_PROBLEMS, pc.createColors(true))).toBe(
            pc.createColors(true).green('1 file checked: no problems')
        );
    });

    test('is red with errors and yellow with only warnings or infos', () => {
        const c = pc.createColors(true);
        expect(summaryLine({ files: 1, errors: 1, warnings: 0, infos: 0 }, c)).toBe(
            c.red('1 file checked: 1 error, 0 warnings, 0 info')
        );
        expect(summaryLine({ files: 1, errors: 0, warnings: 2, infos: 0 }, c)).toBe(
            c.yellow('1 file checked: 0 errors, 2 warnings, 0 info')
        );
        // Problems of two kinds whose counts would cancel out if subtracted are still problems.
        expect(summaryLine({ files: 1, errors: 1, warnings: 1, infos: 0 }, c)).toBe(
            c.red('1 file checked: 1 error, 1 warning, 0 info')
        );
        expect(summaryLine({ files: 1, errors: 0, warnings: 1, infos: 1 }, c)).toBe(
            c.yellow('1 file checked: 0 errors, 1 warning, 1 info')
        );
        expect(summaryLine({ files: 1, errors: 0, warnings: 0, infos: 1 })).toBe(
            '1 file checked: 0 errors, 0 warnings, 1 info'
        );
    });
});

describe('sourceLines', () => {
    it('gives each line as splitting at \\n or \\r\\n would, and nothing past the end', () => {
        const pieces = ['a', 'bc', '\r', '\n', '\r\n', ' ', '\t', 'é'];
        let seed = 7;
        const next = () => (seed = (seed * 48271) % 2147483647);
        for (let round = 0; round < 300; round++) {
            const text = Array.from({ length: next() % 12 }, () => pieces[next() % pieces.length]).join('');
            const expected = text.split(/\r?\n/);
            const lineOf = sourceLines([{ path: 'm.mission', text }]);
            const got = Array.from({ length: expected.length + 1 }, (_, index) => lineOf('m.mission', index + 1));
            expect(got, JSON.stringify(text)).toEqual([...expected, undefined]);
            expect([lineOf('m.mission', 0), lineOf('other.mission', 1)]).toEqual([undefined, undefined]);
        }
    });
});

/**
 * The diagnostics pipeline shared by the editor and the CLI: every diagnostic carries a catalog code
 * (lexer, parser and linker errors included), severity overrides apply except to the fixed codes, a
 * throwing check reports itself, and `checkSources` sorts, counts and keeps paths as given.
 */
import { type AstNode, URI, type ValidationAcceptor } from 'langium';
import { describe, expect, it } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { checkSources, summarize, toMissionDiagnostic } from '../src/api/check.js';
import { createMissionServices } from '../src/mission-module.js';
import { CATALOG, type DiagnosticCode, isDiagnosticCode } from '../src/validation/codes.js';
import { registerValidator } from '../src/validation/report.js';
import type { SeveritySetting } from '../src/validation/settings.js';
import { check, FOUNDATION_CODES, summaryOf } from './foundation-helpers.js';

const source = (path: string, text: string) => ({ path, uri: URI.file(`/workspace/${path}`), text });

describe('catalog codes', () => {
    it('gives lexer, parser and linker errors catalog codes', async () => {
        const result = await check('person p "a\\q"\nmission M { lead ghost status }\nvision V "open');
        const codes = new Set(result.diagnostics.map(diagnostic => diagnostic.code));
        expect(codes).toEqual(new Set(['syntax-error', 'unresolved-reference']));
        expect(result.diagnostics.every(diagnostic => isDiagnosticCode(diagnostic.code))).toBe(true);
    });

    it('sets the LSP code of every diagnostic of a document to a catalog code', async () => {
        const result = await check(
            'mission M under Nowhere { lead ghost status }\nperson p { capacity 1.5 }\nperson p',
            { allRules: true }
        );
        const document = result.documents[0]!.document;
        expect(document.diagnostics!.length).toBeGreaterThan(3);
        for (const diagnostic of document.diagnostics!)
            expect(isDiagnosticCode(diagnostic.code), String(diagnostic.code)).toBe(true);
    });

    it('lists the fixed foundation codes', () => {
        expect([...FOUNDATION_CODES].sort()).toEqual([
            'duplicate-name',
            'invalid-currency',
            'invalid-date',
            'invalid-window',
            'syntax-error',
            'unresolved-reference'
        ]);
        for (const code of FOUNDATION_CODES) expect(CATALOG[code].severity).toBe('error');
    });
});

describe('severity overrides', () => {
    const overrides = (entries: Array<[DiagnosticCode, SeveritySetting]>) => new Map(entries);
    const MODEL = 'vision V\nmission M under V { }\nperson p\nperson p';

    it('turns a rule off or changes its severity', async () => {
        const defaults = await checkSources([source('a.mission', MODEL)]);
        const noLead = defaults.diagnostics.filter(diagnostic => diagnostic.code === 'no-lead');
        expect(noLead.map(diagnostic => diagnostic.severity)).toEqual(['warning']);

        const off = await checkSources([source('a.mission', MODEL)], { rules: overrides([['no-lead', 'off']]) });
        expect(off.diagnostics.filter(diagnostic => diagnostic.code === 'no-lead')).toEqual([]);

        const raised = await checkSources([source('a.mission', MODEL)], { rules: overrides([['no-lead', 'error']]) });
        expect(
            raised.diagnostics
                .filter(diagnostic => diagnostic.code === 'no-lead')
                .map(diagnostic => diagnostic.severity)
        ).toEqual(['error']);
        expect(raised.summary.errors).toBe(defaults.summary.errors + 1);
    });

    it('never lowers or turns off a fixed code', async () => {
        const result = await checkSources([source('a.mission', MODEL)], {
            rules: overrides([
                ['duplicate-name', 'off'],
                ['syntax-error', 'info']
            ])
        });
        expect(
            result.diagnostics
                .filter(diagnostic => diagnostic.code === 'duplicate-name')
                .map(diagnostic => diagnostic.severity)
        ).toEqual(['error', 'error']);
    });
});

describe('a check that throws', () => {
    it('reports itself as an error with its code, and the other checks still run', async () => {
        const services = createMissionServices();
        registerValidator(services.Mission.validation.ValidationRegistry, {
            codes: ['empty-team'],
            checks: () => ({
                Team: [
                    (_team: AstNode, _accept: ValidationAcceptor) => {
                        throw new Error('boom');
                    }
                ]
            })
        });
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(
            'team t { }\nperson p\nperson p',
            URI.file('/w/a.mission')
        );
        services.shared.workspace.LangiumDocuments.addDocument(document);
        await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
        const internal = document.diagnostics!.filter(diagnostic => String(diagnostic.message).includes('boom'));
        expect(internal).toHaveLength(1);
        expect(internal[0]).toMatchObject({ code: 'empty-team', severity: DiagnosticSeverity.Error });
        expect(String(internal[0]!.message)).toContain('internal error');
        expect(document.diagnostics!.filter(diagnostic => diagnostic.code === 'duplicate-name')).toHaveLength(2);
    });
});

describe('checkSources', () => {
    it('sorts by file in the order given, then line and column, and keeps paths as given', async () => {
        const result = await check({
            'z/last.mission': 'person a\n\nmission M { lead ghost }',
            './first.mission': 'person dup\nperson x { capacity 1.5 }',
            '/abs/third.mission': 'person dup'
        });
        expect(result.diagnostics.map(diagnostic => [diagnostic.file, diagnostic.line, diagnostic.code])).toEqual([
            ['z/last.mission', 3, 'unresolved-reference'],
            ['./first.mission', 1, 'duplicate-name'],
            ['./first.mission', 2, 'syntax-error'],
            ['/abs/third.mission', 1, 'duplicate-name']
        ]);
        expect(result.summary).toEqual({ files: 3, errors: 4, warnings: 0, infos: 0 });
    });

    it('gives 1-based lines and columns with an exclusive end column', async () => {
        const result = await check('\n  mission M { lead ghost }');
        expect(result.diagnostics[0]).toEqual({
            file: 'main.mission',
            line: 2,
            column: 20,
            endLine: 2,
            endColumn: 25,
            severity: 'error',
            code: 'unresolved-reference',
            message: "no person named 'ghost'"
        });
        expect(summaryOf(result)).toEqual(['unresolved-reference [ghost]']);
    });

    it('checks files with Windows line ends', async () => {
        const result = await check('person a\r\nmission M {\r\n  lead ghost\r\n}\r\n');
        expect(result.diagnostics.map(diagnostic => [diagnostic.line, diagnostic.column])).toEqual([[3, 8]]);
    });

    it('counts errors, warnings and infos', () => {
        const at = { file: 'f', line: 1, column: 1, endLine: 1, endColumn: 2, message: 'm' };
        expect(
            summarize(2, [
                { ...at, severity: 'error', code: 'syntax-error' },
                { ...at, severity: 'warning', code: 'no-lead' },
                { ...at, severity: 'warning', code: 'no-lead' },
                { ...at, severity: 'info', code: 'staged-without-value' }
            ])
        ).toEqual({ files: 2, errors: 1, warnings: 2, infos: 1 });
    });

    it('maps LSP severities and ranges', () => {
        const diagnostic = toMissionDiagnostic('f.mission', {
            range: { start: { line: 0, character: 4 }, end: { line: 2, character: 0 } },
            severity: DiagnosticSeverity.Hint,
            code: 'no-lead',
            message: 'x'
        });
        expect(diagnostic).toEqual({
            file: 'f.mission',
            line: 1,
            column: 5,
            endLine: 3,
            endColumn: 1,
            severity: 'info',
            code: 'no-lead',
            message: 'x'
        });
    });

    it('rejects a today that is not a calendar date', async () => {
        await expect(checkSources([source('a.mission', '')], { today: '2026-02-30' })).rejects.toThrow(
            /not a calendar date/
        );
    });

    it('checks an empty list of files', async () => {
        const result = await checkSources([]);
        expect(result.diagnostics).toEqual([]);
        expect(result.summary).toEqual({ files: 0, errors: 0, warnings: 0, infos: 0 });
    });

    it('keeps each check independent: names of one call do not leak into the next', async () => {
        await check('person alice');
        const second = await check('person alice');
        expect(second.diagnostics).toEqual([]);
    });
});

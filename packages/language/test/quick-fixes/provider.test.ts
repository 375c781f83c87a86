/** The code action provider as the editor uses it: several diagnostics, `only` kinds, round-tripped JSON. */
import { CodeActionKind } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { createMissionServices } from '../../src/mission-module.js';
import { actionsFor, check, diagnosticOf, expectFixes, fixesOf, titlesOf } from './quick-fix-helpers.js';

const TEXT = [
    'vision Acme',
    'person alice',
    'mission Grow {',
    '  lead alice',
    '  boundary { budget 1M gbp }',
    '  measure m { target 1 }',
    '}',
    ''
].join('\n');

describe('MissionCodeActionProvider', () => {
    it('is registered as the code action provider of the language', () => {
        expect(createMissionServices().Mission.lsp.CodeActionProvider?.constructor.name).toBe(
            'MissionCodeActionProvider'
        );
    });

    it('answers every diagnostic of the request, each action naming its own diagnostic', async () => {
        const checked = await check(TEXT);
        const document = checked.document();
        const diagnostics = checked.diagnostics();
        expect(diagnostics.map(each => each.code).sort()).toEqual([
            'invalid-currency',
            'missing-intent',
            'unaligned-mission'
        ]);
        const actions = await checked.result.services.Mission.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.textDocument.uri },
            range: { start: { line: 0, character: 0 }, end: { line: 7, character: 0 } },
            context: { diagnostics }
        });
        const byCode = new Map<string, string[]>();
        for (const action of actions as Array<{
            title: string;
            kind?: string;
            diagnostics?: Array<{ code?: unknown }>;
        }>) {
            expect(action.kind).toBe(CodeActionKind.QuickFix);
            expect(action.diagnostics).toHaveLength(1);
            const code = String(action.diagnostics![0]!.code);
            byCode.set(code, [...(byCode.get(code) ?? []), action.title]);
        }
        expect(Object.fromEntries(byCode)).toEqual({
            'unaligned-mission': ["Add 'under Acme' (vision)"],
            'missing-intent': ['Add an intent', 'Add an intent with an end state and a key task'],
            'invalid-currency': ['Change the currency to GBP']
        });
    });

    it('offers quick fixes only when quick fixes are asked for', async () => {
        const checked = await check(TEXT);
        const document = checked.document();
        const diagnostic = diagnosticOf(checked, 'invalid-currency');
        const provider = checked.result.services.Mission.lsp.CodeActionProvider!;
        const ask = async (only: string[] | undefined) =>
            (
                await provider.getCodeActions(document, {
                    textDocument: { uri: document.textDocument.uri },
                    range: diagnostic.range,
                    context: { diagnostics: [diagnostic], only }
                })
            )?.length;
        expect(await ask(undefined)).toBe(1);
        expect(await ask([CodeActionKind.QuickFix])).toBe(1);
        expect(await ask([CodeActionKind.Refactor])).toBe(0);
        expect(await ask([CodeActionKind.SourceOrganizeImports])).toBe(0);
    });

    it('works from a diagnostic as the client sends it back (JSON, with code and range only)', async () => {
        const checked = await check(TEXT);
        const sent = diagnosticOf(checked, 'unaligned-mission');
        const back = JSON.parse(
            JSON.stringify({ range: sent.range, message: sent.message, code: sent.code, severity: sent.severity })
        );
        const actions = await actionsFor(checked, back);
        expect(titlesOf(actions)).toEqual(["Add 'under Acme' (vision)"]);
    });

    it('offers nothing for codes without a fix or for foreign diagnostics', async () => {
        const checked = await check('vision Acme\nteam empty { }\n');
        const diagnostic = diagnosticOf(checked, 'empty-team');
        expect(await actionsFor(checked, diagnostic)).toEqual([]);
        expect(await actionsFor(checked, { ...diagnostic, code: 'something-else' })).toEqual([]);
        expect(await actionsFor(checked, { ...diagnostic, code: undefined })).toEqual([]);
    });

    it('keeps the CRLF line breaks of a file', async () => {
        const text =
            'vision Acme\r\nperson alice\r\nmission Grow under Acme {\r\n  lead alice\r\n' +
            '  measure m { target 1 }\r\n}\r\n';
        const { checked, diagnostic, actions } = await fixesOf(text, 'missing-intent');
        const after = await expectFixes(checked, diagnostic, actions[1]!);
        expect(after.files['main.mission']).toBe(
            'vision Acme\r\nperson alice\r\nmission Grow under Acme {\r\n' +
                '  intent "TODO: why Grow matters" {\r\n    end state "TODO"\r\n    key task "TODO"\r\n  }\r\n' +
                '  lead alice\r\n  measure m { target 1 }\r\n}\r\n'
        );
        const lead = await fixesOf(text.replace('  lead alice\r\n', '  intent "x"\r\n'), 'no-lead');
        const created = await expectFixes(lead.checked, lead.diagnostic, lead.actions[1]!);
        expect(created.files['main.mission'].endsWith('}\r\n\r\nperson Grow-lead "TODO: who leads Grow"\r\n')).toBe(
            true
        );
    });
});

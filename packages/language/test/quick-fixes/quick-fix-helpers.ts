/**
 * Helpers of the quick-fix suites: check a model, ask the code action provider for the fixes of one
 * diagnostic (as the editor does: the diagnostic in the request's context), apply a fix's edit to the
 * text, check again, and assert that the fix did its job without breaking anything.
 */
import { type LangiumDocument, TextDocument, URI } from 'langium';
import { expect } from 'vitest';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { type CheckResult, checkSources } from '../../src/api/check.js';
import type { DiagnosticCode } from '../../src/validation/codes.js';

export const TODAY = '2026-11-23';

/** The files of a workspace by path; a plain text is `main.mission`. */
export type Files = string | Record<string, string>;

export interface Checked {
    readonly result: CheckResult;
    readonly files: Record<string, string>;
    document(path?: string): LangiumDocument;
    diagnostics(path?: string): Diagnostic[];
}

export async function check(files: Files, today = TODAY): Promise<Checked> {
    const byPath = typeof files === 'string' ? { 'main.mission': files } : files;
    const sources = Object.entries(byPath).map(([path, text]) => ({ path, uri: URI.file(`/workspace/${path}`), text }));
    const result = await checkSources(sources, { today });
    const document = (path = Object.keys(byPath)[0]!): LangiumDocument => {
        const entry = result.documents.find(each => each.source.path === path);
        if (!entry) throw new Error(`no document ${path}`);
        return entry.document;
    };
    return { result, files: byPath, document, diagnostics: path => document(path).diagnostics ?? [] };
}

/** The one diagnostic of the code (whose message contains `containing`, when given) in the file. */
export function diagnosticOf(checked: Checked, code: DiagnosticCode, containing?: string, path?: string): Diagnostic {
    const found = checked
        .diagnostics(path)
        .filter(
            diagnostic =>
                diagnostic.code === code &&
                (containing === undefined || String(diagnostic.message).includes(containing))
        );
    expect(
        found.map(d => d.message),
        `one ${code}${containing ? ` with '${containing}'` : ''} in ` +
            JSON.stringify(checked.diagnostics(path).map(d => `${d.code}: ${d.message}`))
    ).toHaveLength(1);
    return found[0]!;
}

/** The code actions the provider offers for the diagnostic, as an editor asks for them. */
export async function actionsFor(checked: Checked, diagnostic: Diagnostic, path?: string): Promise<CodeAction[]> {
    const document = checked.document(path);
    const provider = checked.result.services.Mission.lsp.CodeActionProvider!;
    const actions = await provider.getCodeActions(document, {
        textDocument: { uri: document.textDocument.uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] }
    });
    return (actions ?? []) as CodeAction[];
}

export function titlesOf(actions: readonly CodeAction[]): string[] {
    return actions.map(action => action.title);
}

/** The files after applying the action's workspace edit (to whichever documents it changes). */
export function applyAction(checked: Checked, action: CodeAction): Record<string, string> {
    const files = { ...checked.files };
    for (const [uri, edits] of Object.entries(action.edit?.changes ?? {})) {
        const path = Object.keys(files).find(each => URI.file(`/workspace/${each}`).toString() === uri);
        if (!path) throw new Error(`the edit changes an unknown document ${uri}`);
        files[path] = applyEdits(files[path]!, edits);
    }
    return files;
}

export function applyEdits(text: string, edits: TextEdit[]): string {
    return TextDocument.applyEdits(TextDocument.create('file:///x.mission', 'mission', 0, text), edits);
}

/**
 * A diagnostic by code and message (positions move with the edit). An unresolved reference's "did you
 * mean" may change when a fix adds a name (creating a team member adds a suggestion): the same error.
 */
function key(diagnostic: Diagnostic): string {
    return `${diagnostic.code}: ${diagnostic.message.replace(/: did you mean .*$/, '')}`;
}

function allDiagnostics(checked: Checked): Array<Diagnostic & { path: string }> {
    return Object.keys(checked.files).flatMap(path =>
        checked.diagnostics(path).map(diagnostic => ({ ...diagnostic, path }))
    );
}

/**
 * Applies the action and asserts: every file still parses, the diagnostic it was offered for is gone,
 * and no error appeared that was not there before. Returns the new check (and its texts).
 */
export async function expectFixes(
    checked: Checked,
    diagnostic: Diagnostic,
    action: CodeAction,
    today = TODAY
): Promise<Checked> {
    expect(action.diagnostics).toEqual([diagnostic]);
    const after = await check(applyAction(checked, action), today);
    const context = `after '${action.title}':\n${JSON.stringify(after.files, undefined, 2)}`;
    for (const { document } of after.result.documents) {
        expect(document.parseResult.lexerErrors, context).toEqual([]);
        expect(document.parseResult.parserErrors, context).toEqual([]);
    }
    const afterDiagnostics = allDiagnostics(after);
    expect(afterDiagnostics.map(key), context).not.toContain(key(diagnostic));
    const errorsBefore = new Set(
        allDiagnostics(checked)
            .filter(each => each.severity === DiagnosticSeverity.Error)
            .map(key)
    );
    const newErrors = afterDiagnostics
        .filter(each => each.severity === DiagnosticSeverity.Error && !errorsBefore.has(key(each)))
        .map(key);
    expect(newErrors, context).toEqual([]);
    return after;
}

/**
 * Checks the files, takes the one diagnostic of the code (in `path`, else the first file), and returns the fixes
 * offered for it.
 */
export async function fixesOf(
    files: Files,
    code: DiagnosticCode,
    containing?: string,
    options: { path?: string; today?: string } = {}
) {
    const checked = await check(files, options.today);
    const diagnostic = diagnosticOf(checked, code, containing, options.path);
    const actions = await actionsFor(checked, diagnostic, options.path);
    return { checked, diagnostic, actions };
}

/** The action of that title (fails the test when it is not offered). */
export function actionTitled(actions: readonly CodeAction[], title: string): CodeAction {
    const action = actions.find(each => each.title === title);
    expect(action, `'${title}' among ${JSON.stringify(titlesOf(actions))}`).toBeDefined();
    return action!;
}

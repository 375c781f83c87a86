/**
 * `missing-target`: `target ` inserted into the measure's block with the cursor after it: a snippet edit
 * (`$0` after `target `) for a client that supports snippet edits, the same text as a plain edit otherwise.
 */
import { describe, expect, it } from 'vitest';
import type { CodeAction, SnippetTextEdit, TextDocumentEdit } from 'vscode-languageserver';
import { actionsFor, applyAction, check, diagnosticOf, fixesOf, titlesOf } from './quick-fix-helpers.js';

const HEAD = 'vision Acme\nperson alice\nmission Grow under Acme {\n    intent "More"\n    lead alice\n';

/** The fixes offered by services whose client said `workspace.workspaceEdit.snippetEditSupport`. */
async function snippetFixesOf(text: string) {
    const checked = await check(text);
    await checked.result.services.shared.lsp.LanguageServer.initialize({
        processId: null,
        rootUri: null,
        capabilities: { workspace: { workspaceEdit: { snippetEditSupport: true } } }
    });
    const diagnostic = diagnosticOf(checked, 'missing-target');
    return { checked, diagnostic, actions: await actionsFor(checked, diagnostic) };
}

/** The one snippet edit of the action, and the text it leaves (with `$0` where the cursor lands). */
function snippetOf(action: CodeAction): { edit: SnippetTextEdit; version: number | null } {
    const changes = action.edit?.documentChanges as TextDocumentEdit[] | undefined;
    expect(changes).toHaveLength(1);
    expect(changes![0]!.edits).toHaveLength(1);
    return { edit: changes![0]!.edits[0] as SnippetTextEdit, version: changes![0]!.textDocument.version };
}

function applySnippet(text: string, edit: SnippetTextEdit): string {
    const lines = text.split('\n');
    const offset = (line: number, character: number): number =>
        lines.slice(0, line).reduce((sum, each) => sum + each.length + 1, 0) + character;
    const start = offset(edit.range.start.line, edit.range.start.character);
    const end = offset(edit.range.end.line, edit.range.end.character);
    return text.slice(0, start) + edit.snippet.value + text.slice(end);
}

describe('missing-target, with snippet edits', () => {
    it('puts `target ` after the baseline, the cursor after it', async () => {
        const text = HEAD + '    measure m {\n        baseline 2\n        current 4\n    }\n}\n';
        const { actions } = await snippetFixesOf(text);
        expect(titlesOf(actions)).toEqual(["Add 'target' to m"]);
        expect(actions[0]!.isPreferred).toBe(true);
        expect(actions[0]!.edit?.changes).toBeUndefined();
        const { edit, version } = snippetOf(actions[0]!);
        expect(edit.snippet.kind).toBe('snippet');
        expect(version).toBe(0);
        expect(applySnippet(text, edit)).toBe(
            HEAD + '    measure m {\n        baseline 2\n        target $0\n        current 4\n    }\n}\n'
        );
    });

    it('puts it first without a baseline, and keeps a space before the next item on one line', async () => {
        const text = HEAD + '    measure m { current 4 unit "%" }\n}\n';
        const { actions } = await snippetFixesOf(text);
        const { edit } = snippetOf(actions[0]!);
        expect(applySnippet(text, edit)).toBe(HEAD + '    measure m { target $0 current 4 unit "%" }\n}\n');
    });

    it('opens an empty block onto lines of its own', async () => {
        const text = HEAD + '    measure m {}\n}\n';
        const { actions } = await snippetFixesOf(text);
        const { edit } = snippetOf(actions[0]!);
        expect(applySnippet(text, edit)).toBe(HEAD + '    measure m {\n        target $0\n    }\n}\n');
    });

    it('typing the value after the cursor leaves a model without missing-target', async () => {
        const text = HEAD + '    measure m { baseline 2 }\n}\n';
        const { actions } = await snippetFixesOf(text);
        const typed = applySnippet(text, snippetOf(actions[0]!).edit).replace('$0', '10');
        const after = await check(typed);
        expect(after.result.diagnostics).toEqual([]);
    });
});

describe('missing-target, without snippet edits', () => {
    it('inserts the same text as a plain edit', async () => {
        const text = HEAD + '    measure m {\n        baseline 2\n    }\n}\n';
        const { checked, actions } = await fixesOf(text, 'missing-target');
        expect(titlesOf(actions)).toEqual(["Add 'target' to m"]);
        expect(actions[0]!.edit?.documentChanges).toBeUndefined();
        expect(applyAction(checked, actions[0]!)['main.mission']).toBe(
            HEAD + '    measure m {\n        baseline 2\n        target \n    }\n}\n'
        );
    });

    it('is not offered for a measure that has a target', async () => {
        const checked = await check(HEAD + '    measure m { target 3 }\n    measure n { }\n}\n');
        const diagnostic = diagnosticOf(checked, 'missing-target');
        expect(diagnostic.range.start.line).toBe(6);
        const actions = await actionsFor(checked, {
            ...diagnostic,
            range: { start: { line: 5, character: 12 }, end: { line: 5, character: 13 } }
        });
        expect(actions).toEqual([]);
    });
});

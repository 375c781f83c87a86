/**
 * Every editor feature on text as it is while typing: truncated at many points, and the broken
 * examples. Nothing may throw; answers may be empty.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { MISSIONS, PEOPLE } from './fixtures.js';
import { TestWorkspace } from './workspace.js';

const full = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

async function exerciseAll(ws: TestWorkspace, name: string, step: number): Promise<void> {
    const { lsp } = ws.services.Mission;
    const document = ws.document(name);
    const textDocument = { uri: ws.uri(name).toString() };
    const text = document.textDocument.getText();
    await lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument });
    await lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument });
    await lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument });
    await lsp.CodeLensProvider!.provideCodeLens(document, { textDocument });
    await lsp.InlayHintProvider!.getInlayHints(document, { textDocument, range: full });
    await lsp.Formatter!.formatDocument(document, { textDocument, options: { tabSize: 2, insertSpaces: true } });
    for (let offset = 0; offset <= text.length; offset += step) {
        const position = document.textDocument.positionAt(offset);
        const params = { textDocument, position };
        await lsp.CompletionProvider!.getCompletion(document, params);
        await lsp.HoverProvider!.getHoverContent(document, params);
        await lsp.DefinitionProvider!.getDefinition(document, params);
        await lsp.ReferencesProvider!.findReferences(document, { ...params, context: { includeDeclaration: true } });
        await lsp.DocumentHighlightProvider!.getDocumentHighlight(document, params);
        await lsp.RenameProvider!.prepareRename(document, params);
        await lsp.TypeHierarchyProvider!.prepareTypeHierarchy(document, params);
    }
}

describe('editor features on unfinished text', () => {
    test('the example cut at many points', async () => {
        const ws = new TestWorkspace();
        await ws.set({ 'people.mission': PEOPLE });
        for (let cut = 0; cut < MISSIONS.length; cut += 11) {
            await ws.set({ 'missions.mission': MISSIONS.slice(0, cut) });
            await expect(exerciseAll(ws, 'missions.mission', 13)).resolves.toBeUndefined();
        }
    });

    test('the broken examples', async () => {
        const folder = join(import.meta.dirname, '../../../../examples/broken');
        const files = readdirSync(folder).filter(name => name.endsWith('.mission'));
        expect(files.length).toBeGreaterThan(0);
        const ws = new TestWorkspace();
        await ws.set(Object.fromEntries(files.map(name => [name, readFileSync(join(folder, name), 'utf8')])));
        for (const name of files) await expect(exerciseAll(ws, name, 23)).resolves.toBeUndefined();
    });
});

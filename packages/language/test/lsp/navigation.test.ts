import { SemanticTokenTypes, SymbolKind } from 'vscode-languageserver';
import { beforeAll, describe, expect, test } from 'vitest';
import { MISSIONS, PEOPLE } from './fixtures.js';
import { TestWorkspace } from './workspace.js';

describe('navigation with the global name index', () => {
    const ws = new TestWorkspace();
    beforeAll(() => ws.set({ 'people.mission': PEOPLE, 'missions.mission': MISSIONS }));
    const lsp = () => ws.services.Mission.lsp;
    const uriOf = (name: string) => ws.uri(name).toString();

    test('go to definition: a person in another file, a measure by its qualified name', async () => {
        const toAlice = await lsp().DefinitionProvider!.getDefinition(
            ws.document('missions.mission'),
            ws.at('missions.mission', 'lead alice', 6)
        );
        expect(toAlice?.map(link => [link.targetUri, ws.textAt('people.mission', link.targetSelectionRange)])).toEqual([
            [uriOf('people.mission'), 'alice']
        ]);

        const toMeasure = await lsp().DefinitionProvider!.getDefinition(
            ws.document('missions.mission'),
            ws.at('missions.mission', 'Grow.patients', 6)
        );
        expect(
            toMeasure?.map(link => [link.targetUri, ws.textAt('missions.mission', link.targetSelectionRange)])
        ).toEqual([[uriOf('missions.mission'), 'patients']]);
    });

    test('find references: every reference across files, qualified ones included', async () => {
        const toBob = await lsp().ReferencesProvider!.findReferences(ws.document('people.mission'), {
            ...ws.at('people.mission', 'person bob', 8),
            context: { includeDeclaration: true }
        });
        expect(
            toBob
                .map(
                    location => `${location.uri.slice(location.uri.lastIndexOf('/') + 1)}:${location.range.start.line}`
                )
                .sort()
        ).toEqual(['missions.mission:23', 'people.mission:5', 'people.mission:7']);

        const toPatients = await lsp().ReferencesProvider!.findReferences(ws.document('missions.mission'), {
            ...ws.at('missions.mission', 'measure patients', 9),
            context: { includeDeclaration: false }
        });
        expect(toPatients.map(location => ws.textAt('missions.mission', location.range))).toEqual(['Grow.patients']);
    });

    test("document highlight: a mission's declaration and references in the file, qualified ones too", async () => {
        const highlights = await lsp().DocumentHighlightProvider!.getDocumentHighlight(
            ws.document('missions.mission'),
            ws.at('missions.mission', 'mission Grow', 9)
        );
        expect(highlights?.map(highlight => ws.textAt('missions.mission', highlight.range))).toEqual([
            'Grow',
            'Grow',
            'Grow',
            'Grow'
        ]);
        expect(highlights?.map(highlight => highlight.range.start.line).sort((a, b) => a - b)).toEqual([0, 21, 28, 33]);
    });

    test('on the mission part of `Grow.patients`: definition, hover and references are about the mission', async () => {
        const position = ws.at('missions.mission', 'to Grow.patients', 4);
        const definition = await lsp().DefinitionProvider!.getDefinition(ws.document('missions.mission'), position);
        expect(definition?.map(link => ws.textAt('missions.mission', link.targetSelectionRange))).toEqual(['Grow']);
        expect(definition?.[0]?.targetSelectionRange.start.line).toBe(0);
        const hover = await lsp().HoverProvider!.getHoverContent(ws.document('missions.mission'), position);
        expect((hover?.contents as { value: string }).value).toMatch(/^\*\*mission Grow\*\*/);
        const references = await lsp().ReferencesProvider!.findReferences(ws.document('missions.mission'), {
            ...position,
            context: { includeDeclaration: false }
        });
        expect(references.map(location => ws.textAt('missions.mission', location.range))).toEqual([
            'Grow',
            'Grow',
            'Grow'
        ]);
    });

    test('document symbols: missions with their measures, titles as details', async () => {
        const symbols = await lsp().DocumentSymbolProvider!.getSymbols(ws.document('missions.mission'), {
            textDocument: { uri: uriOf('missions.mission') }
        });
        expect(
            symbols.map(symbol => [symbol.name, symbol.kind, symbol.detail, symbol.children?.map(child => child.name)])
        ).toEqual([
            ['Grow', SymbolKind.Class, 'Grow the patient base', ['patients']],
            ['Clinics', SymbolKind.Class, 'Open three clinics', ['opened', 'registered']],
            ['Recruit', SymbolKind.Class, 'Recruit clinicians', ['hired']]
        ]);
        const people = await lsp().DocumentSymbolProvider!.getSymbols(ws.document('people.mission'), {
            textDocument: { uri: uriOf('people.mission') }
        });
        expect(people.map(symbol => [symbol.name, symbol.kind])).toEqual([
            ['Acme', SymbolKind.Namespace],
            ['alice', SymbolKind.Object],
            ['bob', SymbolKind.Object],
            ['cara', SymbolKind.Object],
            ['clinical', SymbolKind.Struct]
        ]);
    });

    test('workspace symbols: every element of every file, measures by qualified name', async () => {
        const symbols = await ws.services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'pat' });
        expect(symbols.map(symbol => symbol.name)).toEqual(['Grow.patients']);
        const all = await ws.services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: '' });
        expect(all.map(symbol => symbol.name).sort()).toEqual([
            'Acme',
            'Clinics',
            'Clinics.opened',
            'Clinics.registered',
            'Grow',
            'Grow.patients',
            'Recruit',
            'Recruit.hired',
            'alice',
            'bob',
            'cara',
            'clinical'
        ]);
    });

    test('folding ranges: missions, intents, boundaries and measures', async () => {
        const ranges = await lsp().FoldingRangeProvider!.getFoldingRanges(ws.document('missions.mission'), {
            textDocument: { uri: uriOf('missions.mission') }
        });
        const firstLines = ranges.map(range =>
            ws
                .document('missions.mission')
                .textDocument.getText({
                    start: { line: range.startLine, character: 0 },
                    end: { line: range.startLine, character: 200 }
                })
                .trim()
        );
        expect(firstLines).toEqual(
            expect.arrayContaining([
                'mission Grow "Grow the patient base" under Acme {',
                'intent "Serve more patients without lowering care quality" {',
                'boundary {',
                'measure patients "Registered patients" {',
                'mission Clinics "Open three clinics" under Grow {'
            ])
        );
    });

    test('semantic tokens: names by kind, at declarations and references', async () => {
        const provider = lsp().SemanticTokenProvider!;
        const tokens = await provider.semanticHighlight(ws.document('missions.mission'), {
            textDocument: { uri: uriOf('missions.mission') }
        });
        const types = Object.entries(provider.tokenTypes).reduce<Record<number, string>>(
            (map, [name, index]) => ({ ...map, [index]: name }),
            {}
        );
        // Decode the relative encoding: [deltaLine, deltaChar, length, type, modifiers]*.
        const decoded: string[] = [];
        let line = 0;
        let char = 0;
        for (let i = 0; i < tokens.data.length; i += 5) {
            const [deltaLine, deltaChar, length, type] = tokens.data.slice(i, i + 4) as [
                number,
                number,
                number,
                number
            ];
            line += deltaLine;
            char = deltaLine === 0 ? char + deltaChar : deltaChar;
            const range = { start: { line, character: char }, end: { line, character: char + length } };
            decoded.push(`${ws.textAt('missions.mission', range)}:${types[type]}`);
        }
        expect(decoded).toEqual(
            expect.arrayContaining([
                `Grow:${SemanticTokenTypes.class}`,
                `Acme:${SemanticTokenTypes.namespace}`,
                `alice:${SemanticTokenTypes.variable}`,
                `active:${SemanticTokenTypes.enumMember}`,
                `patients:${SemanticTokenTypes.property}`,
                `clinical:${SemanticTokenTypes.struct}`,
                `Recruit:${SemanticTokenTypes.class}`
            ])
        );
        // The qualified name in `contributes to Grow.patients` is split in its two parts.
        const qualifiedAt = decoded.indexOf(
            `patients:${SemanticTokenTypes.property}`,
            decoded.indexOf(`registered:${SemanticTokenTypes.property}`)
        );
        expect(decoded[qualifiedAt - 1]).toBe(`Grow:${SemanticTokenTypes.class}`);
    });
});

import { SymbolKind } from 'vscode-languageserver';
import { beforeAll, describe, expect, test } from 'vitest';
import { MISSIONS, PEOPLE } from './fixtures.js';
import { TestWorkspace } from './workspace.js';

describe('type hierarchy of the cascade', () => {
    const ws = new TestWorkspace();
    beforeAll(() => ws.set({ 'people.mission': PEOPLE, 'missions.mission': MISSIONS }));
    const provider = () => ws.services.Mission.lsp.TypeHierarchyProvider!;

    test('supertypes walk the parent chain up to the vision, across files', async () => {
        const [clinics] = (await provider().prepareTypeHierarchy(
            ws.document('missions.mission'),
            ws.at('missions.mission', 'mission Clinics', 9)
        ))!;
        expect([clinics!.name, clinics!.kind, clinics!.detail]).toEqual([
            'Clinics',
            SymbolKind.Class,
            'Open three clinics'
        ]);
        const [grow] = (await provider().supertypes({ item: clinics! }))!;
        expect(grow!.name).toBe('Grow');
        const [acme] = (await provider().supertypes({ item: grow! }))!;
        expect([acme!.name, acme!.kind, acme!.uri]).toEqual([
            'Acme',
            SymbolKind.Namespace,
            ws.uri('people.mission').toString()
        ]);
        expect(await provider().supertypes({ item: acme! })).toBeUndefined();
    });

    test('subtypes are the missions directly under an element', async () => {
        const [acme] = (await provider().prepareTypeHierarchy(
            ws.document('missions.mission'),
            ws.at('missions.mission', 'under Acme', 7)
        ))!;
        expect((await provider().subtypes({ item: acme! }))?.map(item => item.name)).toEqual(['Grow']);
        const [grow] = (await provider().prepareTypeHierarchy(
            ws.document('missions.mission'),
            ws.at('missions.mission', 'mission Grow', 9)
        ))!;
        expect((await provider().subtypes({ item: grow! }))?.map(item => item.name)).toEqual(['Clinics', 'Recruit']);
    });

    test('persons are not in the cascade', async () => {
        expect(
            await provider().prepareTypeHierarchy(
                ws.document('people.mission'),
                ws.at('people.mission', 'person bob', 8)
            )
        ).toEqual([]);
    });
});

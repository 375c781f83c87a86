import { beforeAll, describe, expect, test } from 'vitest';
import { MISSIONS, PEOPLE } from './fixtures.js';
import { TestWorkspace } from './workspace.js';

describe('code lens and inlay hints', () => {
    const ws = new TestWorkspace();
    beforeAll(() => ws.set({ 'people.mission': PEOPLE, 'missions.mission': MISSIONS }));
    const full = { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } };

    test('missions: sub-missions, supporters and progress; persons: load against capacity', async () => {
        const provider = ws.services.Mission.lsp.CodeLensProvider!;
        const missions = await provider.provideCodeLens(ws.document('missions.mission'), {
            textDocument: { uri: ws.uri('missions.mission').toString() }
        });
        expect(missions?.map(lens => [ws.textAt('missions.mission', lens.range), lens.command?.title])).toEqual([
            ['Grow', '2 sub-missions · supported by 0 · 40% to target'],
            ['Clinics', '0 sub-missions · supported by 0 · 39% to target'],
            ['Recruit', '0 sub-missions · supported by 1 · no progress measured'],
            ['Recruit', 'unplannable: it does not fit in the window of Grow (2026-01-01..2026-12-31) from today on']
        ]);
        const people = await provider.provideCodeLens(ws.document('people.mission'), {
            textDocument: { uri: ws.uri('people.mission').toString() }
        });
        expect(people?.map(lens => [ws.textAt('people.mission', lens.range), lens.command?.title])).toEqual([
            ['alice', 'load 1 / capacity 1'],
            ['bob', 'load 1 / capacity 2'],
            ['cara', 'load 1 / capacity 1']
        ]);
    });

    test('a person over capacity says so', async () => {
        const over = new TestWorkspace();
        await over.set({
            'all.mission': 'vision V\nperson p\nmission A under V { lead p }\nmission B under V { lead p }\n'
        });
        const lenses = await over.services.Mission.lsp.CodeLensProvider!.provideCodeLens(over.document('all.mission'), {
            textDocument: { uri: over.uri('all.mission').toString() }
        });
        expect(lenses?.find(lens => over.textAt('all.mission', lens.range) === 'p')?.command?.title).toBe(
            'load 2 / capacity 1 · over capacity'
        );
    });

    test('an inlay hint shows the window a mission inherits, after its opening brace', async () => {
        const hints = await ws.services.Mission.lsp.InlayHintProvider!.getInlayHints(ws.document('missions.mission'), {
            textDocument: { uri: ws.uri('missions.mission').toString() },
            range: full
        });
        const windows = hints?.filter(hint => String(hint.label).startsWith('window'));
        expect(windows?.map(hint => [hint.position.line, hint.label])).toEqual([
            [
                ws.positionOf('missions.mission', 'mission Recruit').line,
                'window 2026-01-01 .. 2026-12-31 (inherited from Grow)'
            ]
        ]);
        const line = ws.document('missions.mission').textDocument.getText().split('\n')[windows![0]!.position.line]!;
        expect(line.slice(0, windows![0]!.position.character).endsWith('{')).toBe(true);
    });

    test("an inlay hint shows a measure's pace after its current value, on the configured today", async () => {
        const early = new TestWorkspace('2026-04-01');
        await early.set({ 'people.mission': PEOPLE, 'missions.mission': MISSIONS });
        const hints = await early.services.Mission.lsp.InlayHintProvider!.getInlayHints(
            early.document('missions.mission'),
            { textDocument: { uri: early.uri('missions.mission').toString() }, range: full }
        );
        const paces = hints?.filter(hint => !String(hint.label).startsWith('window'));
        // Grow.patients 40% of a year at 25%; Clinics' 33% and 44% of Feb..Sep at 25%; hired has no current.
        const lines = early.document('missions.mission').textDocument.getText().split('\n');
        const before = (position: { line: number; character: number }): string =>
            lines[position.line]!.slice(0, position.character).trim();
        expect(paces?.map(hint => [before(hint.position), hint.label])).toEqual([
            ['current 31_000', 'on track (25% expected)'],
            ['measure opened "Clinics open" { target 3 current 1', 'on track (25% expected)'],
            ['target 9_000 current 4_000', 'on track (25% expected)']
        ]);
    });

    test("a vision's horizon is inherited too", async () => {
        const horizon = new TestWorkspace();
        await horizon.set({ 'v.mission': 'vision V { horizon 2030-12-31 }\nmission A under V {\n}\n' });
        const hints = await horizon.services.Mission.lsp.InlayHintProvider!.getInlayHints(
            horizon.document('v.mission'),
            { textDocument: { uri: horizon.uri('v.mission').toString() }, range: full }
        );
        expect(hints?.map(hint => hint.label)).toEqual(['window until 2030-12-31 (the horizon of V)']);
    });
});

import { DocumentState, OperationCancelled, TextDocument, URI } from 'langium';
import { setTextDocument } from 'langium/test';
import { CancellationTokenSource } from 'vscode-languageserver';
import { describe, expect, test } from 'vitest';
import { modelSignature } from '../../src/incremental/model-signature.js';
import { createMissionServices } from '../../src/mission-module.js';
import { TestWorkspace } from './workspace.js';

const PEOPLE = 'person alice "Alice" { capacity 1 }\n';

function mission(name: string, window = '2026-01-01 .. 2026-06-30', extra = ''): string {
    return `mission ${name} "${name}" under Acme {
  intent "Do ${name}"
  lead alice
  review every 30 days last 2026-11-20
  boundary { window ${window} }
  measure m { target 1 current 0 }
  ${extra}
}
`;
}

describe('live diagnostics across files', () => {
    test('a name added in another file makes both duplicates, and removing it clears them', async () => {
        const workspace = new TestWorkspace();
        await workspace.set({ 'a.mission': PEOPLE, 'b.mission': 'person bob "Bob"\n' });
        expect(workspace.codes('a.mission')).toEqual([]);

        await workspace.set({ 'b.mission': 'person alice "Alice again"\n' });
        // a.mission does not reference b.mission, yet its diagnostics change.
        expect(workspace.summary('a.mission')).toEqual(['duplicate-name [alice]']);
        expect(workspace.summary('b.mission')).toEqual(['duplicate-name [alice]']);

        await workspace.set({ 'b.mission': 'person bob "Bob"\n' });
        expect(workspace.codes('a.mission')).toEqual([]);
    });

    test('over-capacity on a person appears when a mission elsewhere starts to overlap', async () => {
        const workspace = new TestWorkspace();
        await workspace.set({
            'people.mission': 'vision Acme "Acme"\n' + PEOPLE,
            'one.mission': mission('One'),
            'two.mission': mission('Two', '2026-07-01 .. 2026-12-31')
        });
        expect(workspace.codes('people.mission')).not.toContain('over-capacity');

        await workspace.set({ 'two.mission': mission('Two', '2026-06-01 .. 2026-12-31') });
        expect(workspace.summary('people.mission')).toContain('over-capacity [alice]');
        // The unchanged file's lead reference is counted in the peak too.
        expect(workspace.summary('one.mission')).toContain('over-capacity [alice]');
    });

    test('deleting a file revalidates the others', async () => {
        const workspace = new TestWorkspace();
        await workspace.set({ 'a.mission': PEOPLE, 'b.mission': PEOPLE });
        expect(workspace.codes('a.mission')).toEqual(['duplicate-name']);
        await workspace.remove('b.mission');
        expect(workspace.codes('a.mission')).toEqual([]);
    });

    test('a changed setting revalidates every document', async () => {
        const workspace = new TestWorkspace();
        const { Mission, shared } = workspace.services;
        const editorSettings = Mission.config.EditorSettings; // the server creates it eagerly on initialize
        await workspace.set({ 'people.mission': 'vision Acme "Acme"\n' + PEOPLE, 'one.mission': mission('One') });
        await shared.workspace.WorkspaceManager.initialized({});
        expect(workspace.codes('one.mission')).not.toContain('review-overdue');

        shared.workspace.ConfigurationProvider.updateConfiguration({
            settings: { mission: { today: '2027-03-01', rules: { 'no-lead': 'error' } } }
        });
        await editorSettings.revalidateAll();
        expect(workspace.codes('one.mission')).toContain('review-overdue');

        shared.workspace.ConfigurationProvider.updateConfiguration({
            settings: { mission: { today: '', rules: { 'review-overdue': 'off' } } }
        });
        await editorSettings.revalidateAll();
        expect(workspace.codes('one.mission')).not.toContain('review-overdue');
    });
});

describe('settings precedence', () => {
    const CONFIG = '{ "today": "2027-03-01", "rules": { "no-lead": "off", "missing-intent": "error" } }';
    const LEADLESS =
        'vision Acme "Acme"\nmission One "One" under Acme {\n  measure m { target 1 }\n' +
        '  review every 30 days last 2026-11-20\n}\n';

    test('mission.config.json at the workspace root sets today and severities', async () => {
        const workspace = new TestWorkspace(undefined, { 'mission.config.json': CONFIG });
        await workspace.services.Mission.config.EditorSettings.beforeInitialBuild(workspace.folders);
        await workspace.set({ 'one.mission': LEADLESS });
        expect(workspace.codes('one.mission')).toContain('review-overdue'); // today 2027-03-01 from the file
        expect(workspace.codes('one.mission')).not.toContain('no-lead');
        expect(workspace.diagnostics('one.mission').find(d => d.code === 'missing-intent')?.severity).toBe(1);
    });

    test("the editor's mission.today and mission.rules win over the file", async () => {
        const workspace = new TestWorkspace(undefined, { 'mission.config.json': CONFIG });
        const { Mission, shared } = workspace.services;
        shared.workspace.ConfigurationProvider.updateConfiguration({
            settings: { mission: { today: '2026-11-23', rules: { 'missing-intent': 'info' } } }
        });
        await Mission.config.EditorSettings.beforeInitialBuild(workspace.folders);
        await workspace.set({ 'one.mission': LEADLESS });
        expect(workspace.codes('one.mission')).not.toContain('review-overdue');
        expect(workspace.codes('one.mission')).not.toContain('no-lead'); // the file's override still applies
        expect(workspace.diagnostics('one.mission').find(d => d.code === 'missing-intent')?.severity).toBe(3);
    });
});

describe('which documents an update validates', () => {
    const OTHER = 'person alice "Alice"\n';
    const EDITED = 'person bob "Bob"\n// a comment\n';

    async function counting(): Promise<{ workspace: TestWorkspace; validated: string[] }> {
        const workspace = new TestWorkspace();
        await workspace.set({ 'other.mission': OTHER, 'edited.mission': EDITED });
        const validated: string[] = [];
        workspace.services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
            validated.push(document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1));
        });
        return { workspace, validated };
    }

    test('typing in a title, a comment or whitespace validates only the edited file', async () => {
        const { workspace, validated } = await counting();
        await workspace.set({ 'edited.mission': 'person  bob "Robert Jones"\n// another comment\n\n' });
        expect(validated).toEqual(['edited.mission']);
    });

    test('a change others can see (a name) validates every file, the edited one first', async () => {
        const { workspace, validated } = await counting();
        await workspace.set({ 'edited.mission': 'person alice "Bob"\n' });
        expect(validated).toEqual(['edited.mission', 'other.mission']);
        expect(workspace.codes('other.mission')).toEqual(['duplicate-name']);
    });

    test('a change is not forgotten when its update is cancelled after parsing', async () => {
        const { workspace } = await counting();
        const builder = workspace.services.shared.workspace.DocumentBuilder;
        const source = new CancellationTokenSource();
        const cancelAfterParsing = builder.onBuildPhase(DocumentState.Parsed, () => source.cancel());
        setTextDocument(
            workspace.services.shared,
            TextDocument.create(workspace.uri('edited.mission').toString(), 'mission', 10, 'person alice "Bob"\n')
        );
        await expect(builder.update([workspace.uri('edited.mission')], [], source.token)).rejects.toBe(
            OperationCancelled
        );
        cancelAfterParsing.dispose();
        // The next update carries the same text: nothing changed since the cancelled parse, but the
        // others were never validated against it.
        await builder.update([workspace.uri('edited.mission')], []);
        expect(workspace.codes('other.mission')).toEqual(['duplicate-name']);
    });
});

describe('model signature', () => {
    const signature = (text: string) => {
        const { shared } = createMissionServices();
        return modelSignature(
            shared.workspace.LangiumDocumentFactory.fromString(text, URI.file('/s.mission')).parseResult.value
        );
    };
    const BASE = 'mission M "Title" under V {\n  intent "why"\n  lead a\n  measure m "T" { target 3 unit "km" }\n}\n';

    test('layout, comments and free text do not change it', () => {
        expect(
            signature(
                '/* c */ mission M "Other title" under V { intent "because" lead a // x\n' +
                    ' measure m "U" { target 3 unit "km" } }'
            )
        ).toBe(signature(BASE));
    });

    test('names, references, numbers, units and dates do', () => {
        for (const changed of [
            BASE.replace('mission M', 'mission N'),
            BASE.replace('lead a', 'lead b'),
            BASE.replace('target 3', 'target 4'),
            BASE.replace('"km"', '"m"'),
            BASE.replace('  lead a\n', '  lead a\n  status staged\n')
        ]) {
            expect(signature(changed)).not.toBe(signature(BASE));
        }
    });
});

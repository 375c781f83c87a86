import { describe, expect, test } from 'vitest';
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

        shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { mission: { today: '2027-03-01', rules: { 'no-lead': 'error' } } } });
        await editorSettings.revalidateAll();
        expect(workspace.codes('one.mission')).toContain('review-overdue');

        shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { mission: { today: '', rules: { 'review-overdue': 'off' } } } });
        await editorSettings.revalidateAll();
        expect(workspace.codes('one.mission')).not.toContain('review-overdue');
    });
});

describe('settings precedence', () => {
    const CONFIG = '{ "today": "2027-03-01", "rules": { "no-lead": "off", "missing-intent": "error" } }';
    const LEADLESS = 'vision Acme "Acme"\nmission One "One" under Acme {\n  measure m { target 1 }\n  review every 30 days last 2026-11-20\n}\n';

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
        shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { mission: { today: '2026-11-23', rules: { 'missing-intent': 'info' } } } });
        await Mission.config.EditorSettings.beforeInitialBuild(workspace.folders);
        await workspace.set({ 'one.mission': LEADLESS });
        expect(workspace.codes('one.mission')).not.toContain('review-overdue');
        expect(workspace.codes('one.mission')).not.toContain('no-lead'); // the file's override still applies
        expect(workspace.diagnostics('one.mission').find(d => d.code === 'missing-intent')?.severity).toBe(3);
    });
});

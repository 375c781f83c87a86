import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import { describe, expect, test } from 'vitest';
import { MAX_REFERENCE_ITEMS } from '../../src/lsp/completion.js';
import { MISSIONS, PEOPLE } from './fixtures.js';
import { TestWorkspace } from './workspace.js';

async function workspaceWith(extra: string): Promise<TestWorkspace> {
    const workspace = new TestWorkspace();
    await workspace.set({ 'people.mission': PEOPLE, 'missions.mission': MISSIONS, 'edit.mission': extra });
    return workspace;
}

const labels = (items: { label: string; kind?: number }[], kind?: number) =>
    items
        .filter(item => kind === undefined || item.kind === kind)
        .map(item => item.label)
        .sort();

describe('completion', () => {
    test('after `lead`: persons only, each with title and load', async () => {
        const workspace = await workspaceWith('mission New "New" under Grow {\n  lead \n}\n');
        const items = await workspace.complete('edit.mission', 'lead ', 5);
        expect(labels(items)).toEqual(['alice', 'bob', 'cara']);
        const alice = items.find(item => item.label === 'alice')!;
        expect(alice.kind).toBe(CompletionItemKind.Variable);
        expect(alice.detail).toBe('Alice Smith · load 1 / capacity 1');
    });

    test('a large organisation: at most MAX_REFERENCE_ITEMS, narrowed by what is typed', async () => {
        const many = Array.from({ length: 1000 }, (_, i) => `person p${i} "Person ${i}"`).join('\n');
        const workspace = new TestWorkspace();
        await workspace.set({
            'many.mission': many,
            'edit.mission': 'vision V\nmission New "New" under V {\n  lead \n}\n'
        });
        const all = await workspace.complete('edit.mission', 'lead ', 5);
        expect(all).toHaveLength(MAX_REFERENCE_ITEMS);
        // The first persons in model order; typing narrows the list to the names that match.
        expect(all[0]!.label).toBe('p0');
        await workspace.set({ 'edit.mission': 'vision V\nmission New "New" under V {\n  lead p99\n}\n' });
        const narrowed = await workspace.complete('edit.mission', 'lead p99', 8);
        // Fuzzy, as the editor filters: p99, p990…p999, p199, p299, …
        expect(narrowed.length).toBeLessThan(MAX_REFERENCE_ITEMS);
        expect(labels(narrowed)).toEqual(expect.arrayContaining(['p99', 'p990', 'p999', 'p199']));
        expect(narrowed.every(item => /^p\d*9\d*9\d*$/.test(item.label))).toBe(true);
    });

    test('after `crew`: persons and teams', async () => {
        const workspace = await workspaceWith('mission New "New" under Grow {\n  crew \n}\n');
        const items = await workspace.complete('edit.mission', 'crew ', 5);
        expect(labels(items)).toEqual(['alice', 'bob', 'cara', 'clinical']);
        expect(items.find(item => item.label === 'clinical')?.kind).toBe(CompletionItemKind.Struct);
    });

    test("after `crew alice,` and after a team's `members`: by kind again", async () => {
        const crew = await workspaceWith('mission New "New" under Grow {\n  crew alice, \n}\n');
        expect(labels(await crew.complete('edit.mission', 'alice, ', 7))).toEqual(['alice', 'bob', 'cara', 'clinical']);
        const team = await workspaceWith('team t "T" { members  }\n');
        expect(labels(await team.complete('edit.mission', 'members ', 8))).toEqual(['alice', 'bob', 'cara']);
    });

    test('after `under`: visions and missions, never the mission itself', async () => {
        const workspace = await workspaceWith('mission New "New" under  {\n}\n');
        const items = await workspace.complete('edit.mission', 'under ', 6);
        expect(labels(items)).toEqual(['Acme', 'Clinics', 'Grow', 'Recruit']);
        expect(items.find(item => item.label === 'Grow')?.detail).toBe('Grow the patient base · active · 40%');
    });

    test('after `supports`: missions only', async () => {
        const workspace = await workspaceWith('mission New "New" under Grow {\n  supports \n}\n');
        const items = await workspace.complete('edit.mission', 'supports ', 9);
        expect(labels(items)).toEqual(['Clinics', 'Grow', 'Recruit']);
    });

    test('after `contributes to`: qualified measure names, ancestors first', async () => {
        const workspace = await workspaceWith(
            'mission New "New" under Grow {\n  measure m { target 1 contributes to  }\n}\n'
        );
        const items = await workspace.complete('edit.mission', 'contributes to ', 15);
        expect(labels(items)).toEqual([
            'Clinics.opened',
            'Clinics.registered',
            'Grow.patients',
            'New.m',
            'Recruit.hired'
        ]);
        const grow = items.find(item => item.label === 'Grow.patients')!;
        expect(grow.detail).toBe('Registered patients · 25,000 → 31,000 → 40,000 patients');
        expect(grow.sortText).toBe('0');
        expect(items.find(item => item.label === 'Recruit.hired')?.sortText).toBe('1');
    });

    test('a partly typed qualified name keeps completing', async () => {
        const workspace = await workspaceWith(
            'mission New "New" under Grow {\n  measure m { target 1 contributes to Grow. }\n}\n'
        );
        const items = await workspace.complete('edit.mission', 'Grow. ', 5);
        expect(labels(items)).toContain('Grow.patients');
    });

    test('mission items: keywords and snippets, no references', async () => {
        const workspace = await workspaceWith('mission New "New" under Grow {\n  \n}\n');
        const items = await workspace.complete('edit.mission', '{\n  ', 4);
        expect(labels(items, CompletionItemKind.Keyword)).toEqual(
            [
                'boundary',
                'crew',
                'intent',
                'lead',
                'link',
                'measure',
                'review',
                'status',
                'supports',
                'tags',
                'value',
                '}'
            ].filter(k => k !== '}')
        );
        const snippets = items.filter(item => item.kind === CompletionItemKind.Snippet);
        expect(snippets.map(item => item.label).sort()).toEqual([
            'boundary',
            'crew',
            'intent',
            'lead',
            'link',
            'measure',
            'review',
            'status',
            'supports',
            'tags',
            'value'
        ]);
        expect(snippets.every(item => item.insertTextFormat === InsertTextFormat.Snippet)).toBe(true);
        expect(items.some(item => item.kind === CompletionItemKind.Variable)).toBe(false);
        // Dates in snippets are of the year of the rules' today (2026-11-23 here), never a fixed year.
        const boundary = snippets.find(item => item.label === 'boundary')!;
        expect(boundary.textEdit?.newText).toContain('window ${1:2026-01-01} .. ${2:2026-12-31}');
    });

    test.each([
        [
            'an intent',
            'mission New "New" under Grow {\n  intent "i" {\n    \n  }\n}\n',
            '{\n    ',
            6,
            ['end state', 'key task']
        ],
        [
            'a boundary',
            'mission New "New" under Grow {\n  boundary {\n    \n  }\n}\n',
            '{\n    ',
            6,
            ['budget', 'headcount', 'must', 'must not', 'window']
        ],
        [
            'a measure',
            'mission New "New" under Grow {\n  measure m {\n    \n  }\n}\n',
            '{\n    ',
            6,
            ['baseline', 'contributes to', 'current', 'direction', 'due', 'rollup', 'target', 'unit']
        ],
        ['a person', 'person p "P" {  }\n', '{ ', 2, ['capacity', 'role']],
        ['a vision', 'vision V {  }\n', '{ ', 2, ['horizon']],
        ['a team', 'team t "T" {  }\n', '{ ', 2, ['members']]
    ])('in %s: a snippet for each item', async (_where, text, before, offset, expected) => {
        const workspace = await workspaceWith(text);
        const items = await workspace.complete('edit.mission', before, offset);
        expect(labels(items, CompletionItemKind.Snippet)).toEqual(expected);
    });

    test("the review snippet is dated from the rules' today, month and day included", async () => {
        const workspace = new TestWorkspace('2031-06-01');
        await workspace.set({ 'edit.mission': 'vision V\nmission New "New" under V {\n  \n}\n' });
        const items = await workspace.complete('edit.mission', '{\n  ', 4);
        const review = items.find(item => item.kind === CompletionItemKind.Snippet && item.label === 'review')!;
        expect(review.textEdit?.newText).toBe('review every ${1:30} days last ${2:2031-06-01}');
    });

    test("snippets' dates follow the rules' today (mission.today), whatever the year", async () => {
        const workspace = new TestWorkspace('2031-06-01');
        await workspace.set({ 'people.mission': PEOPLE, 'missions.mission': MISSIONS, 'edit.mission': '\n' });
        const items = await workspace.complete('edit.mission', '\n', 1);
        const mission = items.find(item => item.kind === CompletionItemKind.Snippet && item.label === 'mission')!;
        expect(mission.textEdit?.newText).toContain('window ${6:2031-01-01} .. ${7:2031-12-31}');
        expect(mission.textEdit?.newText).not.toContain('CURRENT_YEAR');
    });

    test('after `status`: the statuses', async () => {
        const workspace = await workspaceWith('mission New "New" under Grow {\n  status \n}\n');
        expect(labels(await workspace.complete('edit.mission', 'status ', 7), CompletionItemKind.Keyword)).toEqual([
            'abandoned',
            'active',
            'lost',
            'staged',
            'won'
        ]);
    });

    test('top level: element keywords and a snippet for each element', async () => {
        const workspace = await workspaceWith('\n');
        const items = await workspace.complete('edit.mission', '\n', 1);
        expect(labels(items, CompletionItemKind.Keyword)).toEqual(['mission', 'person', 'team', 'vision']);
        expect(labels(items, CompletionItemKind.Snippet)).toEqual(['mission', 'person', 'team', 'vision']);
        const mission = items.find(item => item.kind === CompletionItemKind.Snippet && item.label === 'mission')!;
        expect(mission.textEdit?.newText).toContain('mission ${1:Name} "${2:Title}" under ${3:Parent} {');
    });

    test('no snippets when the client brings its own (initialization option snippets: false)', async () => {
        const workspace = await workspaceWith('\n');
        await workspace.services.shared.lsp.LanguageServer.initialize({
            processId: null,
            rootUri: null,
            capabilities: {},
            initializationOptions: { snippets: false }
        });
        const items = await workspace.complete('edit.mission', '\n', 1);
        expect(labels(items, CompletionItemKind.Keyword)).toEqual(['mission', 'person', 'team', 'vision']);
        expect(labels(items, CompletionItemKind.Snippet)).toEqual([]);
    });
});

/**
 * Typing edits that keep every name and reference are moved onto the current tree (incremental/transplant.ts),
 * re-parsing only the edited top-level elements when it can (incremental/incremental-parse.ts). Whatever path an
 * edit takes, the result must be exactly what a fresh build of the same text gives: every syntax node's
 * position, every diagnostic (code, range, message), in every file.
 */
import {
    type AstNode,
    AstUtils,
    type CstNode,
    CstUtils,
    DocumentState,
    isOperationCancelled,
    TextDocument
} from 'langium';
import { setTextDocument } from 'langium/test';
import { CancellationTokenSource } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import type { Person } from '../../src/generated/ast.js';
import { edit, MISSIONS, missionNamed, PEOPLE } from './edit-fixtures.js';
import { TestWorkspace } from './workspace.js';

/** Every syntax node of a file: kind, offset, length, range, text; and every AST node's range. */
function layout(workspace: TestWorkspace, file: string): string[] {
    const root = workspace.document(file).parseResult.value;
    const lines: string[] = [];
    for (const cst of CstUtils.streamCst(root.$cstNode!)) {
        const { start, end } = cst.range;
        const kind = 'content' in cst ? 'C' : cst.hidden ? 'H' : 'L';
        const range = `${start.line}:${start.character}-${end.line}:${end.character}`;
        lines.push(`${kind} ${cst.offset}+${cst.length} ${range} ${JSON.stringify(cst.text)}`);
    }
    for (const node of AstUtils.streamAst(root)) {
        const cst: CstNode | undefined = node.$cstNode;
        lines.push(`${node.$type} ${cst ? `${cst.offset}+${cst.length} ${cst.astNode === node}` : 'no cst'}`);
    }
    return lines;
}

/** The workspace agrees, file by file, with a fresh one built from the same texts. */
async function expectAsFresh(workspace: TestWorkspace, files: Record<string, string>): Promise<void> {
    const fresh = new TestWorkspace();
    await fresh.set(files);
    for (const file of Object.keys(files)) {
        expect(workspace.document(file).textDocument.getText()).toBe(files[file]);
        expect(layout(workspace, file), file).toEqual(layout(fresh, file));
        expect(workspace.diagnosticLines(file), file).toEqual(fresh.diagnosticLines(file));
    }
}

describe('edits moved onto the current tree', () => {
    it('keeps every node and link of a file whose title is edited, and the facts', async () => {
        const workspace = new TestWorkspace();
        await workspace.set({ 'people.mission': PEOPLE, 'missions.mission': MISSIONS });
        const grow = missionNamed(workspace, 'missions.mission', 'Grow');
        const ann = workspace
            .document('people.mission')
            .parseResult.value.elements.find((e): e is Person => e.$type === 'Person' && e.name === 'ann')!;
        const facts = workspace.services.Mission.facts.ModelFactsProvider.get();

        const people = edit(PEOPLE, '"Ann"', '"Ann Smith"');
        const missions = edit(edit(MISSIONS, '"Grow"', '"Grow the patient base"'), 'intent "grow', 'intent\n    "grow');
        await workspace.set({ 'people.mission': people, 'missions.mission': missions });

        expect(missionNamed(workspace, 'missions.mission', 'Grow')).toBe(grow);
        expect(grow.title).toBe('Grow the patient base');
        expect(missionNamed(workspace, 'missions.mission', 'Clinics').parent?.ref).toBe(grow);
        expect(grow.leads[0]!.person.ref).toBe(ann);
        expect(ann.title).toBe('Ann Smith');
        expect(workspace.services.Mission.facts.ModelFactsProvider.get()).toBe(facts);
        await expectAsFresh(workspace, { 'people.mission': people, 'missions.mission': missions });
    });

    it('drops facts an update kept once any document is linked again (a build after the update)', async () => {
        const workspace = new TestWorkspace();
        await workspace.set({ 'people.mission': PEOPLE, 'missions.mission': MISSIONS });
        const provider = workspace.services.Mission.facts.ModelFactsProvider;
        await workspace.set({ 'people.mission': edit(PEOPLE, '"Ann"', '"Ann Smith"'), 'missions.mission': MISSIONS });
        const kept = provider.get();

        const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = workspace.services.shared.workspace;
        const added = LangiumDocumentFactory.fromString('mission Extra { }', workspace.uri('extra.mission'));
        LangiumDocuments.addDocument(added);
        await DocumentBuilder.build([added]);
        expect(provider.get()).not.toBe(kept);
        expect(provider.get().missions.map(mission => mission.name)).toContain('Extra');
    });

    it('recomputes the facts and the other files when a value changes, keeping the nodes', async () => {
        const workspace = new TestWorkspace();
        await workspace.set({ 'people.mission': PEOPLE, 'missions.mission': MISSIONS });
        const bob = workspace
            .document('people.mission')
            .parseResult.value.elements.find((e): e is Person => e.$type === 'Person' && e.name === 'bob')!;
        expect(workspace.codes('people.mission')).toContain('over-capacity');

        const people = edit(PEOPLE, 'capacity 1 }', 'capacity 3 }');
        await workspace.set({ 'people.mission': people });

        expect(workspace.document('people.mission').parseResult.value.elements).toContain(bob);
        expect(workspace.codes('people.mission')).not.toContain('over-capacity');
        await expectAsFresh(workspace, { 'people.mission': people, 'missions.mission': MISSIONS });
    });

    it('gives the positions and diagnostics of a fresh build after each of a series of edits', async () => {
        const workspace = new TestWorkspace();
        let files = { 'people.mission': PEOPLE, 'missions.mission': MISSIONS };
        await workspace.set(files);
        const steps: Array<[file: keyof typeof files, needle: string, replacement: string]> = [
            ['missions.mission', '"open clinics"', '"open two clinics"'], // free text, middle element
            ['missions.mission', 'intent "train"', 'intent "train"\n  '], // a new line inside the last element
            ['missions.mission', '// Clinics open', '// Where clinics open'], // a comment between elements
            ['missions.mission', 'target 3 current 1', 'target 3\n    current 2'], // a value and a new line
            ['missions.mission', 'budget 60k', 'budget 600k'], // a value in the middle
            ['people.mission', '"Cy" {', '"Cyrus" {'], // the next element on the same line moves
            // two elements on one line split
            ['people.mission', '"Cyrus" { capacity 1 } person dee', '"Cy" { capacity 1 }\nperson dee'],
            ['people.mission', '/* the clinic team */', '/* the clinic\n   team */'], // a block comment grows
            // the parent's window: the child's is now outside
            ['missions.mission', 'window 2027-01-01', 'window 2027-03-01'],
            ['missions.mission', 'budget 50k', 'budget 90k'], // children now spend more than the parent
            ['missions.mission', 'current 4', 'current 0'], // roll-up: contributors report more
            // a team member over capacity
            ['people.mission', 'person ann "Ann" { capacity 2', 'person ann "Ann" { capacity 0'],
            ['missions.mission', 'lead bob\n  crew', 'lead ann\n  crew'], // a reference changes: relinked
            ['missions.mission', 'Grow.patients', 'Grow.patient'], // an unresolved reference
            ['missions.mission', 'Grow.patient ', 'Grow.patients '], // resolved again
            ['people.mission', 'person bob "Bob"', 'person bobby "Bob"'], // a name changes
            ['missions.mission', '  intent "grow the base"\n', ''] // an item removed
        ];
        for (const [file, needle, replacement] of steps) {
            files = { ...files, [file]: edit(files[file], needle, replacement) };
            await workspace.set({ [file]: files[file] });
            await expectAsFresh(workspace, files);
        }
    });

    it('gives the result of a fresh build after random one-character edits', async () => {
        // Deterministic pseudo-random edits: mostly inside titles, numbers and layout, some anywhere.
        let seed = 7;
        const random = (n: number): number => {
            seed = (seed * 1103515245 + 12345) % 2147483648;
            return seed % n;
        };
        const workspace = new TestWorkspace();
        let files = { 'people.mission': PEOPLE, 'missions.mission': MISSIONS };
        await workspace.set(files);
        const grow = missionNamed(workspace, 'missions.mission', 'Grow');
        let keptGrow = 0;
        for (let step = 0; step < 60; step++) {
            const file = random(3) === 0 ? 'people.mission' : 'missions.mission';
            const text = files[file];
            const at = random(text.length);
            const replacement = ['', 'x', '1', ' ', '\n', '"'][random(6)]!;
            const next =
                text.slice(0, at) + replacement + text.slice(at + (replacement === '' || random(2) === 0 ? 1 : 0));
            files = { ...files, [file]: next };
            await workspace.set({ [file]: next });
            if (missionNamed(workspace, 'missions.mission', 'Grow') === grow) keptGrow++;
            await expectAsFresh(workspace, files);
        }
        // Some edits took the in-place path (the node survived), some did not: both are covered.
        expect(keptGrow).toBeGreaterThan(0);
        expect(keptGrow).toBeLessThan(60);
    });
});

describe('what an edit re-checks', () => {
    it('re-checks the files that depend on a changed value, not the others', async () => {
        const workspace = new TestWorkspace();
        const unrelated =
            'vision W "Elsewhere"\nperson zed "Zed" { capacity 1 }\n' +
            'mission Far "Far" under W { intent "far" lead zed }\n';
        const direct =
            'mission Direct "Direct" under V {\n  intent "d"\n  lead bob\n' +
            '  boundary { window 2027-03-01 .. 2027-04-30 }\n}\n';
        await workspace.set({
            'people.mission': PEOPLE,
            'missions.mission': MISSIONS,
            'direct.mission': direct,
            'unrelated.mission': unrelated
        });
        expect(workspace.codes('direct.mission')).toContain('over-capacity');
        const validated: string[] = [];
        workspace.services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
            validated.push(document.uri.path.split('/').at(-1)!);
        });

        // Bob's capacity: the missions that name him are checked again; a file that does not is not.
        const people = edit(PEOPLE, 'person bob "Bob" { capacity 1', 'person bob "Bob" { capacity 4');
        await workspace.set({ 'people.mission': people });
        expect(validated.sort()).toEqual(['direct.mission', 'missions.mission', 'people.mission']);
        expect(workspace.codes('direct.mission')).not.toContain('over-capacity');
        await expectAsFresh(workspace, {
            'people.mission': people,
            'missions.mission': MISSIONS,
            'direct.mission': direct,
            'unrelated.mission': unrelated
        });

        // A title: only the file itself.
        validated.length = 0;
        await workspace.set({ 'people.mission': edit(people, '"Bob"', '"Robert"') });
        expect(validated).toEqual(['people.mission']);
    });
});

describe('what a structural edit re-checks', () => {
    it('re-checks the files an added, removed or renamed element reaches, and gives the fresh result', async () => {
        const workspace = new TestWorkspace();
        let files: Record<string, string> = {
            'people.mission': PEOPLE,
            'missions.mission': MISSIONS,
            'train.mission': 'mission Extra "Extra" under Grow { intent "x" lead cy boundary { budget 20k GBP } }\n',
            'unrelated.mission':
                'vision W "Elsewhere"\nperson zed "Zed" { capacity 1 }\n' +
                'mission Far "Far" under W { intent "far" lead zed }\n'
        };
        await workspace.set(files);
        const validated: string[] = [];
        workspace.services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
            validated.push(document.uri.path.split('/').at(-1)!);
        });
        const steps: Array<[file: string, needle: string, replacement: string, expected?: string[]]> = [
            // A second `zed`: the unrelated file's zed is now a duplicate, though nothing links the two.
            // (train.mission is referenced by no other file, so Langium relinks nothing.)
            ['train.mission', '\n', '\nperson zed "Zed again"\n', ['train.mission', 'unrelated.mission']],
            ['train.mission', '\nperson zed "Zed again"\n', '\n', ['train.mission', 'unrelated.mission']],
            // Extra's budget grows: what it links to is checked again (Grow's children now spend more; its
            // lead cy could be loaded differently by another value), the unrelated file is not.
            ['train.mission', 'budget 20k', 'budget 80k', ['missions.mission', 'people.mission', 'train.mission']],
            // The Extra mission goes: Grow's children spend less, cy is on fewer missions.
            [
                'train.mission',
                'mission Extra "Extra" under Grow { intent "x" lead cy boundary { budget 80k GBP } }\n',
                '// none\n'
            ],
            ['train.mission', '// none\n', 'mission Extra "Extra" under Clinics { intent "x" lead cy }\n'],
            // Renames: references to the old name break, to the new one resolve.
            ['people.mission', 'person cy "Cyrus"', 'person cyd "Cyrus"'],
            ['missions.mission', 'mission Clinics "Clinics"', 'mission Clinic "Clinics"'],
            ['missions.mission', 'mission Clinic "Clinics"', 'mission Clinics "Clinics"'],
            // A cycle across files, and out of it again.
            ['missions.mission', 'mission Grow "Grow" under V', 'mission Grow "Grow" under Extra'],
            ['missions.mission', 'mission Grow "Grow" under Extra', 'mission Grow "Grow" under V']
        ];
        files['people.mission'] = edit(files['people.mission']!, '"Cy"', '"Cyrus"');
        await workspace.set({ 'people.mission': files['people.mission'] });
        for (const [file, needle, replacement, expected] of steps) {
            files = { ...files, [file]: edit(files[file]!, needle, replacement) };
            validated.length = 0;
            await workspace.set({ [file]: files[file]! });
            if (expected) expect([...new Set(validated)].sort(), `${needle} → ${replacement}`).toEqual(expected);
            await expectAsFresh(workspace, files);
        }

        // Three references away: Leaf's window is checked against Mid's, which Mid inherits from Grow
        // through Sub, each in a file of its own. Grow's window shrinks in an edit that also adds a
        // mission (a structural edit): only Mid's changed facts lead to Leaf.
        files = {
            ...files,
            'sub.mission': 'mission Sub "Sub" under Grow { intent "s" lead dee }\n',
            'mid.mission': 'mission Mid "Mid" under Sub { intent "m" lead dee }\n',
            'leaf.mission':
                'mission Leaf "Leaf" under Mid {\n  intent "l"\n  lead dee\n' +
                '  boundary { window 2027-06-01 .. 2027-07-01 }\n}\n'
        };
        await workspace.set({
            'sub.mission': files['sub.mission']!,
            'mid.mission': files['mid.mission']!,
            'leaf.mission': files['leaf.mission']!
        });
        expect(workspace.codes('leaf.mission')).not.toContain('window-outside-parent');
        files['missions.mission'] =
            edit(files['missions.mission']!, 'window 2027-01-01 .. 2027-12-31', 'window 2027-01-01 .. 2027-03-31') +
            'mission Added "Added" under V { intent "a" lead ann }\n';
        await workspace.set({ 'missions.mission': files['missions.mission'] });
        expect(workspace.codes('leaf.mission')).toContain('window-outside-parent');
        await expectAsFresh(workspace, files);
    });
});

describe('a cancelled re-check', () => {
    it('is owed: a value change whose dependents were not re-checked is made good by the next edit', async () => {
        const workspace = new TestWorkspace();
        const direct =
            'mission Direct "Direct" under V {\n  intent "d"\n  lead bob\n' +
            '  boundary { window 2027-03-01 .. 2027-04-30 }\n}\n';
        let files: Record<string, string> = {
            'people.mission': PEOPLE,
            'missions.mission': MISSIONS,
            'direct.mission': direct
        };
        await workspace.set(files);
        expect(workspace.codes('direct.mission')).toContain('over-capacity');
        const builder = workspace.services.shared.workspace.DocumentBuilder;

        // Bob's capacity, cancelled as soon as the edited file is validated (the build stops at the next
        // cancellation check: before the build-phase listeners, such as the server's publisher).
        files = {
            ...files,
            'people.mission': edit(PEOPLE, 'person bob "Bob" { capacity 1', 'person bob "Bob" { capacity 4')
        };
        const source = new CancellationTokenSource();
        const listener = builder.onDocumentPhase(DocumentState.Validated, () => source.cancel());
        const publisher = builder.onBuildPhase(DocumentState.Validated, () => undefined);
        setTextDocument(
            workspace.services.shared,
            TextDocument.create(workspace.uri('people.mission').toString(), 'mission', 10, files['people.mission']!)
        );
        await builder.update([workspace.uri('people.mission')], [], source.token).catch(error => {
            if (!isOperationCancelled(error)) throw error;
        });
        listener.dispose();
        publisher.dispose();
        // The other files were not re-checked yet.
        expect(workspace.codes('direct.mission')).toContain('over-capacity');

        // Then a title edit, which alone would re-check only its own elements.
        files = { ...files, 'people.mission': edit(files['people.mission']!, '"Ann"', '"Ann B."') };
        await workspace.set({ 'people.mission': files['people.mission'] });
        expect(workspace.codes('direct.mission')).not.toContain('over-capacity');
        await expectAsFresh(workspace, files);
    });
});

// A guard for the helper itself: layout() sees a difference in one position.
describe('the layout comparison', () => {
    it('tells two texts apart by one column', async () => {
        const a = new TestWorkspace();
        await a.set({ 'f.mission': 'vision V "x"\n' });
        const b = new TestWorkspace();
        await b.set({ 'f.mission': 'vision  V "x"\n' });
        expect(layout(a, 'f.mission')).not.toEqual(layout(b, 'f.mission'));
        const nodes: AstNode[] = [...AstUtils.streamAst(a.document('f.mission').parseResult.value)];
        expect(nodes.length).toBeGreaterThan(1);
    });
});

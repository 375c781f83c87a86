/**
 * The paths an edit can take through the incremental document builder (incremental/document-builder.ts) when
 * it is moved onto the current tree: only the edited top-level elements re-parsed and validated, the whole text
 * re-parsed but every node kept, or (a file opened as it is on disk) nothing re-parsed at all. Each path must
 * give what a fresh build gives, and must do no more than it should: the other elements' diagnostics kept, the
 * other files left alone, the facts kept. Also pinned: what the builder tells its update listeners, that it
 * leaves none of its own phase listeners behind, and how an edit's partial validation survives cancellation.
 */
import { type AstNode, CstUtils, type Disposable, DocumentState, isOperationCancelled, TextDocument } from 'langium';
import type { ValidationAcceptor, ValidationChecks } from 'langium';
import { setTextDocument } from 'langium/test';
import { CancellationTokenSource, type CancellationToken } from 'vscode-languageserver';
import { describe, expect, it, vi } from 'vitest';
import type { MissionAstType, Person } from '../../src/generated/ast.js';
import type { MissionDocumentValidator } from '../../src/validation/document-validator.js';
import { edit, MISSIONS, missionNamed, PEOPLE } from './edit-fixtures.js';
import { TestWorkspace, TODAY } from './workspace.js';

// Linked with no other file, either way.
const UNRELATED = 'vision W "Elsewhere"\nperson zed "Zed" { capacity 1 }\nmission Far "Far" under W { lead zed }\n';

/** Grow's title, on a line of its own: the elements after it move down a line. */
const GROW_RETITLED = edit(MISSIONS, 'mission Grow "Grow"', 'mission Grow\n  "Grow the patient base"');
const BOB_FREED = edit(PEOPLE, 'person bob "Bob" { capacity 1', 'person bob "Bob" { capacity 4');

type Files = Record<string, string>;

/** Every syntax node's kind, offset and text: tells a whole-text re-parse from a partial one gone wrong. */
function layout(workspace: TestWorkspace, file: string): string[] {
    const root = workspace.document(file).parseResult.value.$cstNode!;
    return [...CstUtils.streamCst(root)].map(cst => `${cst.offset}+${cst.length} ${JSON.stringify(cst.text)}`);
}

/** The workspace agrees, file by file, with a fresh one built from the same texts (and the same extra checks). */
async function expectAsFresh(workspace: TestWorkspace, files: Files, setup?: (w: TestWorkspace) => void) {
    const fresh = new TestWorkspace();
    setup?.(fresh);
    await fresh.set(files);
    for (const file of Object.keys(files)) {
        expect(workspace.document(file).textDocument.getText()).toBe(files[file]);
        expect(layout(workspace, file), file).toEqual(layout(fresh, file));
        expect(workspace.diagnosticLines(file), file).toEqual(fresh.diagnosticLines(file));
    }
}

/** Which files the builder validates from now on, and how: whole, or by top-level elements. */
function watch(workspace: TestWorkspace) {
    const validated: string[] = [];
    workspace.services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
        validated.push(document.uri.path.split('/').at(-1)!);
    });
    const validator = workspace.services.Mission.validation.DocumentValidator as MissionDocumentValidator;
    return {
        validated,
        whole: vi.spyOn(validator, 'validateDocument'),
        elements: vi.spyOn(validator, 'validateElements')
    };
}

/** An update of one file under a token, as the server runs it; it must end cancelled. */
async function cancelledUpdate(workspace: TestWorkspace, file: string, text: string, token: CancellationToken) {
    const uri = workspace.uri(file);
    setTextDocument(workspace.services.shared, TextDocument.create(uri.toString(), 'mission', 100, text));
    let cancelled = false;
    await workspace.services.shared.workspace.DocumentBuilder.update([uri], [], token).catch(error => {
        if (!isOperationCancelled(error)) throw error;
        cancelled = true;
    });
    expect(cancelled).toBe(true);
}

function register(workspace: TestWorkspace, checks: ValidationChecks<MissionAstType>): void {
    workspace.services.Mission.validation.ValidationRegistry.register(checks);
}

/** A check whose diagnostic points into another file (related information): it cannot be moved with an edit. */
function pointingElsewhere(workspace: TestWorkspace): void {
    register(workspace, {
        Person: (person: Person, accept: ValidationAcceptor) => {
            if (person.name !== 'ann') return;
            const range = { start: { line: 2, character: 7 }, end: { line: 2, character: 10 } };
            const location = { uri: workspace.uri('missions.mission').toString(), range };
            accept('hint', 'Ann leads Grow', { node: person, relatedInformation: [{ location, message: 'here' }] });
        }
    });
}

describe('an edit inside some top-level elements', () => {
    it('validates only the edited element, keeps the other diagnostics, and tells the listeners', async () => {
        const workspace = new TestWorkspace();
        const files = { 'people.mission': PEOPLE, 'missions.mission': MISSIONS };
        await workspace.set(files);
        const builder = workspace.services.shared.workspace.DocumentBuilder;
        const updates: string[][][] = [];
        builder.onUpdate((changed, deleted) => {
            updates.push([changed.map(uri => uri?.toString()), deleted.map(uri => uri?.toString())]);
        });
        const grow = missionNamed(workspace, 'missions.mission', 'Grow');
        const seen = watch(workspace);

        files['missions.mission'] = GROW_RETITLED;
        await workspace.set({ 'missions.mission': GROW_RETITLED });

        expect(seen.validated).toEqual(['missions.mission']);
        expect(seen.whole).not.toHaveBeenCalled();
        expect(seen.elements).toHaveBeenCalledTimes(1);
        const elements: readonly AstNode[] = seen.elements.mock.calls[0]![1];
        expect(elements).toHaveLength(1);
        expect(elements[0]).toBe(grow);
        // An update in place is announced like any other: the changed file, nothing deleted.
        expect(updates).toEqual([[[workspace.uri('missions.mission').toString()], []]]);
        expect(workspace.codes('missions.mission')).toContain('over-capacity');
        await expectAsFresh(workspace, files);
    });

    it('validates the whole file when one of its diagnostics points into another file', async () => {
        const workspace = new TestWorkspace();
        pointingElsewhere(workspace);
        const files = { 'people.mission': PEOPLE, 'missions.mission': MISSIONS };
        await workspace.set(files);
        expect(workspace.diagnostics('people.mission').some(d => d.relatedInformation !== undefined)).toBe(true);
        const seen = watch(workspace);

        files['people.mission'] = edit(PEOPLE, '"Bob"', '"Robert"');
        await workspace.set({ 'people.mission': files['people.mission'] });

        expect(seen.validated).toEqual(['people.mission']);
        expect(seen.whole).toHaveBeenCalledTimes(1);
        await expectAsFresh(workspace, files, pointingElsewhere);
    });

    it('validates the whole file when a check runs on the whole file', async () => {
        const workspace = new TestWorkspace();
        const wholeFileCheck = (w: TestWorkspace) => register(w, { Model: () => undefined });
        wholeFileCheck(workspace);
        const files = { 'people.mission': PEOPLE, 'missions.mission': MISSIONS };
        await workspace.set(files);
        const seen = watch(workspace);

        files['missions.mission'] = GROW_RETITLED;
        await workspace.set({ 'missions.mission': GROW_RETITLED });

        expect(seen.validated).toEqual(['missions.mission']);
        expect(seen.whole).toHaveBeenCalledTimes(1);
        await expectAsFresh(workspace, files, wholeFileCheck);
    });
});

describe('an edit re-parsed as a whole text', () => {
    it('keeps every node and the facts when a comment between elements changes', async () => {
        const workspace = new TestWorkspace();
        const files = { 'people.mission': PEOPLE, 'missions.mission': MISSIONS };
        await workspace.set(files);
        const grow = missionNamed(workspace, 'missions.mission', 'Grow');
        const clinics = missionNamed(workspace, 'missions.mission', 'Clinics');
        const facts = workspace.services.Mission.facts.ModelFactsProvider.get();
        const seen = watch(workspace);

        files['missions.mission'] = edit(MISSIONS, '// Clinics open', '// New clinics open');
        await workspace.set({ 'missions.mission': files['missions.mission'] });

        expect(missionNamed(workspace, 'missions.mission', 'Grow')).toBe(grow);
        expect(missionNamed(workspace, 'missions.mission', 'Clinics')).toBe(clinics);
        expect(clinics.parent?.ref).toBe(grow);
        expect(workspace.services.Mission.facts.ModelFactsProvider.get()).toBe(facts);
        expect(seen.validated).toEqual(['missions.mission']);
        expect(seen.elements).not.toHaveBeenCalled();
        await expectAsFresh(workspace, files);
    });
});

describe('a file opened in the editor as it is on disk', () => {
    it('is validated again, alone, with nothing re-parsed and the facts kept', async () => {
        const files = { 'people.mission': PEOPLE, 'missions.mission': MISSIONS };
        const workspace = new TestWorkspace(TODAY, files);
        await workspace.startup();
        const document = workspace.document('missions.mission');
        const { parseResult } = document;
        const facts = workspace.services.Mission.facts.ModelFactsProvider.get();
        const before = workspace.diagnosticLines('missions.mission');
        expect(before).not.toEqual([]);
        const parse = vi.spyOn(workspace.services.Mission.parser.LangiumParser, 'parse');
        const seen = watch(workspace);

        await workspace.set({ 'missions.mission': MISSIONS });

        expect(seen.validated).toEqual(['missions.mission']);
        expect(parse).not.toHaveBeenCalled();
        expect(workspace.document('missions.mission')).toBe(document);
        expect(document.parseResult).toBe(parseResult);
        const { TextDocuments } = workspace.services.shared.workspace;
        expect(document.textDocument).toBe(TextDocuments.get(workspace.uri('missions.mission').toString()));
        expect(workspace.services.Mission.facts.ModelFactsProvider.get()).toBe(facts);
        expect(workspace.diagnosticLines('missions.mission')).toEqual(before);
        await expectAsFresh(workspace, files);
    });
});

describe('edits of two files in one update', () => {
    it('a title in one, a value the other depends on: both as fresh, unrelated files left alone', async () => {
        const workspace = new TestWorkspace();
        const files = { 'missions.mission': MISSIONS, 'people.mission': PEOPLE, 'unrelated.mission': UNRELATED };
        await workspace.set(files);
        expect(workspace.codes('missions.mission')).toContain('over-capacity');
        const grow = missionNamed(workspace, 'missions.mission', 'Grow');
        const seen = watch(workspace);

        files['missions.mission'] = GROW_RETITLED;
        files['people.mission'] = BOB_FREED;
        await workspace.set({ 'missions.mission': GROW_RETITLED, 'people.mission': BOB_FREED });

        expect(missionNamed(workspace, 'missions.mission', 'Grow')).toBe(grow);
        expect(workspace.codes('missions.mission')).not.toContain('over-capacity');
        expect(workspace.codes('people.mission')).not.toContain('over-capacity');
        expect([...new Set(seen.validated)].sort()).toEqual(['missions.mission', 'people.mission']);
        await expectAsFresh(workspace, files);
    });
});

describe('cancelled updates', () => {
    it('a value edit cancelled before the re-check of the others, then a value edit elsewhere: as fresh', async () => {
        const workspace = new TestWorkspace();
        const files = { 'people.mission': PEOPLE, 'missions.mission': MISSIONS, 'unrelated.mission': UNRELATED };
        await workspace.set(files);
        const builder = workspace.services.shared.workspace.DocumentBuilder;

        // Cancelled as soon as the edited file is validated (see in-place-update.test.ts, 'a cancelled re-check').
        const source = new CancellationTokenSource();
        const listener = builder.onDocumentPhase(DocumentState.Validated, () => source.cancel());
        const publisher = builder.onBuildPhase(DocumentState.Validated, () => undefined);
        files['people.mission'] = BOB_FREED;
        await cancelledUpdate(workspace, 'people.mission', BOB_FREED, source.token);
        listener.dispose();
        publisher.dispose();
        expect(workspace.codes('missions.mission')).toContain('over-capacity');

        // A value whose own dependents are in its file alone: the owed re-check still reaches the missions.
        files['unrelated.mission'] = edit(UNRELATED, 'capacity 1', 'capacity 2');
        await workspace.set({ 'unrelated.mission': files['unrelated.mission'] });
        expect(workspace.codes('missions.mission')).not.toContain('over-capacity');
        await expectAsFresh(workspace, files);
    });

    it('an edit cancelled once moved onto the tree, then another edit of the same file: as fresh', async () => {
        const workspace = new TestWorkspace();
        const files = { 'people.mission': PEOPLE, 'missions.mission': MISSIONS };
        await workspace.set(files);

        const source = new CancellationTokenSource();
        source.cancel();
        await cancelledUpdate(workspace, 'missions.mission', GROW_RETITLED, source.token);

        // A line above everything: each diagnostic moves down.
        files['missions.mission'] = `// Missions.\n${GROW_RETITLED}`;
        await workspace.set({ 'missions.mission': files['missions.mission'] });
        await expectAsFresh(workspace, files);
    });

    it('an element validation cancelled midway, then a duplicate name elsewhere: validated whole', async () => {
        const workspace = new TestWorkspace();
        const extra = 'vision X "Extra"\n';
        const files = { 'people.mission': PEOPLE, 'missions.mission': MISSIONS, 'extra.mission': extra };
        await workspace.set(files);
        const validator = workspace.services.Mission.validation.DocumentValidator as MissionDocumentValidator;
        const validateElements = validator.validateElements.bind(validator);
        const source = new CancellationTokenSource();
        // A newer edit arrives while the edited element is being validated.
        vi.spyOn(validator, 'validateElements').mockImplementationOnce((...args) => {
            source.cancel();
            return validateElements(...args);
        });
        files['missions.mission'] = GROW_RETITLED;
        await cancelledUpdate(workspace, 'missions.mission', GROW_RETITLED, source.token);

        // Nothing links the two files, so the missions are not relinked; only their unfinished build resumes.
        files['extra.mission'] = `${extra}mission Train "Another train" under X { intent "t" }\n`;
        await workspace.set({ 'extra.mission': files['extra.mission'] });
        expect(workspace.codes('missions.mission')).toContain('duplicate-name');
        await expectAsFresh(workspace, files);
    });
});

describe('the listeners the builder registers itself', () => {
    it('are all disposed once an update that relinks is done', async () => {
        const workspace = new TestWorkspace();
        await workspace.set({ 'people.mission': PEOPLE, 'missions.mission': MISSIONS });
        const builder = workspace.services.shared.workspace.DocumentBuilder;
        const onDocumentPhase = builder.onDocumentPhase.bind(builder);
        const registered: Array<{ disposed: boolean }> = [];
        vi.spyOn(builder, 'onDocumentPhase').mockImplementation((state, callback): Disposable => {
            const listener = onDocumentPhase(state, callback);
            const entry = { disposed: false };
            registered.push(entry);
            return {
                dispose: () => {
                    entry.disposed = true;
                    listener.dispose();
                }
            };
        });

        // A renamed person: the missions' references to bob break, both files are rebuilt Langium's way.
        await workspace.set({ 'people.mission': edit(PEOPLE, 'person bob', 'person bobby') });

        expect(workspace.codes('missions.mission')).toContain('unresolved-reference');
        expect(registered.length).toBeGreaterThan(0);
        expect(registered.filter(entry => !entry.disposed)).toEqual([]);
    });
});

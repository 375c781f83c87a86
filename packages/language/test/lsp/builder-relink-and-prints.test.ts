/**
 * Two corners of the incremental document builder (incremental/document-builder.ts) that the broader in-place
 * update tests pass through without pinning:
 *
 * - which documents are relinked after a change. Langium decides from its reference index, which is written only
 *   after linking; the builder also reads the links themselves, so a document still pointing into a changed or
 *   replaced syntax tree is relinked even when that index does not know it (a build cancelled in between). Called
 *   directly here, case by case, and once end to end through `update()`;
 * - what an edit compares against: the fact prints and the `supports`/`contributes to` relations, kept per facts
 *   instance so that each is computed once per model. `prepareForEdits()` (used by the MCP workspace) takes them
 *   ahead of the first edit. Counted through call-through spies on the two functions that compute them.
 */
import { AstUtils, DocumentState, isOperationCancelled, type LangiumDocument, TextDocument } from 'langium';
import { setTextDocument } from 'langium/test';
import { CancellationTokenSource } from 'vscode-languageserver';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { factFingerprints } from '../../src/facts/fingerprints.js';
import type * as Fingerprints from '../../src/facts/fingerprints.js';
import type { Mission, Model } from '../../src/generated/ast.js';
import { cascadeRelations } from '../../src/incremental/affected.js';
import type * as Affected from '../../src/incremental/affected.js';
import type { MissionDocumentBuilder } from '../../src/incremental/document-builder.js';
import { TestWorkspace } from './workspace.js';

// Spies that call the real functions: the builder's calls are counted, its results unchanged.
vi.mock('../../src/facts/fingerprints.js', async importOriginal => {
    const real = await importOriginal<typeof Fingerprints>();
    return { ...real, factFingerprints: vi.fn(real.factFingerprints) };
});
vi.mock('../../src/incremental/affected.js', async importOriginal => {
    const real = await importOriginal<typeof Affected>();
    return { ...real, cascadeRelations: vi.fn(real.cascadeRelations) };
});

const PARENT =
    'vision V\nperson p { capacity 3 }\nmission Grow "Grow" under V {\n  intent "grow"\n  lead p\n' +
    '  measure patients { target 10 current 4 }\n}\nmission Reach "Reach" under V { intent "reach" lead p }\n';
const CHILD =
    'mission Clinics "Clinics" under Grow {\n  intent "open clinics"\n  lead p\n' +
    '  measure opened { target 3 current 1 contributes to Grow.patients }\n  supports Reach\n}\n';

const prints = vi.mocked(factFingerprints);
const relations = vi.mocked(cascadeRelations);

beforeEach(() => {
    prints.mockClear();
    relations.mockClear();
});

function mission(workspace: TestWorkspace, file: string, name: string): Mission {
    return workspace
        .document(file)
        .parseResult.value.elements.find(
            (element): element is Mission => element.$type === 'Mission' && element.name === name
        )!;
}

function builderOf(workspace: TestWorkspace): MissionDocumentBuilder {
    return workspace.services.shared.workspace.DocumentBuilder as MissionDocumentBuilder;
}

/** The builder's protected decision, called as Langium's `update()` calls it for each unchanged document. */
function shouldRelink(workspace: TestWorkspace, document: LangiumDocument, changed: string[]): boolean {
    const builder = builderOf(workspace) as unknown as {
        shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean;
    };
    return builder.shouldRelink(document, new Set(changed));
}

/** Parent and child built, then the child's reference index dropped: Langium's own check no longer sees its links. */
async function linkedWithoutIndex(): Promise<{ workspace: TestWorkspace; child: LangiumDocument; parentUri: string }> {
    const workspace = new TestWorkspace();
    await workspace.set({ 'parent.mission': PARENT, 'child.mission': CHILD });
    expect(workspace.codes('child.mission')).toEqual([]);
    workspace.services.shared.workspace.IndexManager.removeReferences(workspace.uri('child.mission'));
    const child = workspace.document('child.mission');
    const parentUri = workspace.uri('parent.mission').toString();
    expect(workspace.services.shared.workspace.IndexManager.isAffected(child, new Set([parentUri]))).toBe(false);
    return { workspace, child, parentUri };
}

describe('whether a document is relinked', () => {
    it('relinks a document whose links point into a changed file the reference index does not know of', async () => {
        const { workspace, child, parentUri } = await linkedWithoutIndex();
        expect(shouldRelink(workspace, child, [parentUri])).toBe(true);
    });

    it('does not relink a document whose links all point into unchanged, current trees', async () => {
        const { workspace, child } = await linkedWithoutIndex();
        expect(shouldRelink(workspace, child, [workspace.uri('other.mission').toString()])).toBe(false);
        expect(shouldRelink(workspace, child, [])).toBe(false);
    });

    it('relinks a document whose links point into a tree its document has since replaced', async () => {
        const { workspace, child } = await linkedWithoutIndex();
        const parent = workspace.document('parent.mission');
        const current = parent.parseResult;
        // The parent's text parsed again, as a build does: a new tree, the child still pointing into the old one.
        parent.parseResult = workspace.services.Mission.parser.LangiumParser.parse(PARENT);
        try {
            expect(shouldRelink(workspace, child, [])).toBe(true);
        } finally {
            parent.parseResult = current;
        }
        expect(shouldRelink(workspace, child, [])).toBe(false);
    });

    it('relinks a document whose links point into a tree that belongs to no document', async () => {
        const { workspace, child } = await linkedWithoutIndex();
        const root = workspace.document('parent.mission').parseResult.value;
        const owner = root.$document;
        Reflect.deleteProperty(root, '$document');
        try {
            const grow = mission(workspace, 'child.mission', 'Clinics').parent!.ref!;
            expect(AstUtils.findRootNode(grow).$document).toBeUndefined();
            expect(shouldRelink(workspace, child, [])).toBe(true);
        } finally {
            Object.assign(root, { $document: owner });
        }
    });

    it('skips a reference not linked yet, without linking it', async () => {
        const workspace = new TestWorkspace();
        await workspace.set({ 'parent.mission': PARENT });
        // A detached parse: its references are built but not linked (neither a target nor an error). A document's
        // `references` gets a reference only once it is linked, so a stand-in document holds it.
        const model = workspace.services.Mission.parser.LangiumParser.parse<Model>(CHILD).value;
        const parent = (model.elements[0] as Mission).parent!;
        const stub = { uri: workspace.uri('child.mission'), references: [parent] } as unknown as LangiumDocument;
        expect(parent.error).toBeUndefined();
        expect(shouldRelink(workspace, stub, [workspace.uri('parent.mission').toString()])).toBe(false);
        expect(parent.error).toBeUndefined();
        expect(parent.$nodeDescription).toBeUndefined();
    });

    it('relinks on the next edit a document a cancelled build linked but did not index', async () => {
        const workspace = new TestWorkspace();
        await workspace.set({ 'parent.mission': PARENT, 'child.mission': CHILD });
        const builder = builderOf(workspace);
        const parentUri = workspace.uri('parent.mission');
        const childUri = workspace.uri('child.mission').toString();

        // A person added (a structural edit: the parent is parsed into a new tree, the child relinked into it),
        // cancelled as soon as the child is linked: its reference index is not written.
        const source = new CancellationTokenSource();
        const listener = builder.onDocumentPhase(DocumentState.Linked, document => {
            if (document.uri.toString() === childUri) source.cancel();
        });
        const added = `${PARENT}person q\n`;
        setTextDocument(workspace.services.shared, TextDocument.create(parentUri.toString(), 'mission', 10, added));
        await builder.update([parentUri], [], source.token).catch((error: unknown) => {
            if (!isOperationCancelled(error)) throw error;
        });
        listener.dispose();
        const child = workspace.document('child.mission');
        expect(child.state).toBe(DocumentState.Linked);
        const indexManager = workspace.services.shared.workspace.IndexManager;
        expect(indexManager.isAffected(child, new Set([parentUri.toString()]))).toBe(false);

        // The next edit of the parent parses it again: the child must follow into the new tree.
        const titled = added.replace('"Grow"', '"Grow the base"');
        await workspace.set({ 'parent.mission': titled });
        const grow = mission(workspace, 'parent.mission', 'Grow');
        const clinics = mission(workspace, 'child.mission', 'Clinics');
        expect(clinics.parent?.ref).toBe(grow);
        expect(clinics.supports[0]!.missions[0]!.ref).toBe(mission(workspace, 'parent.mission', 'Reach'));
        expect(clinics.measures[0]!.contributions[0]!.measure.ref).toBe(grow.measures[0]);

        const fresh = new TestWorkspace();
        await fresh.set({ 'parent.mission': titled, 'child.mission': CHILD });
        expect(workspace.summary('child.mission')).toEqual(fresh.summary('child.mission'));
    });
});

describe('what an edit compares against', () => {
    it('takes nothing before the first build, and does not throw', () => {
        const workspace = new TestWorkspace();
        expect(() => builderOf(workspace).prepareForEdits()).not.toThrow();
        expect(prints).not.toHaveBeenCalled();
        expect(relations).not.toHaveBeenCalled();
    });

    it('takes nothing while the first document is not yet validated', async () => {
        const workspace = new TestWorkspace();
        const { LangiumDocumentFactory, LangiumDocuments } = workspace.services.shared.workspace;
        const document = LangiumDocumentFactory.fromString(PARENT, workspace.uri('parent.mission'));
        LangiumDocuments.addDocument(document);
        expect(document.state).toBeLessThan(DocumentState.Validated);
        builderOf(workspace).prepareForEdits();
        expect(prints).not.toHaveBeenCalled();
        expect(relations).not.toHaveBeenCalled();
    });

    it('takes the prints and relations once after a build, and nothing more when asked again', async () => {
        const workspace = new TestWorkspace();
        await workspace.set({ 'parent.mission': PARENT, 'child.mission': CHILD });
        prints.mockClear();
        relations.mockClear();
        const builder = builderOf(workspace);
        const facts = workspace.services.Mission.facts.ModelFactsProvider.get();

        builder.prepareForEdits();
        expect(prints).toHaveBeenCalledTimes(1);
        expect(prints).toHaveBeenLastCalledWith(facts);
        expect(relations).toHaveBeenCalledTimes(1);
        expect(relations).toHaveBeenLastCalledWith(facts);

        builder.prepareForEdits();
        expect(prints).toHaveBeenCalledTimes(1);
        expect(relations).toHaveBeenCalledTimes(1);
    });

    it('makes the first value edit take only the prints after it', async () => {
        const edited = PARENT.replace('capacity 3', 'capacity 4');
        const counts = async (prepare: boolean): Promise<number> => {
            const workspace = new TestWorkspace();
            await workspace.set({ 'parent.mission': PARENT, 'child.mission': CHILD });
            if (prepare) builderOf(workspace).prepareForEdits();
            prints.mockClear();
            const facts = workspace.services.Mission.facts.ModelFactsProvider.get();
            await workspace.set({ 'parent.mission': edited });
            // A value edit keeps the nodes and replaces the facts.
            expect(workspace.services.Mission.facts.ModelFactsProvider.get()).not.toBe(facts);
            expect(workspace.codes('child.mission')).toEqual([]);
            return prints.mock.calls.length;
        };
        expect(await counts(false)).toBe(2);
        expect(await counts(true)).toBe(1);
    });

    it('reuses, for a structural edit, the relations the previous structural edit computed', async () => {
        const workspace = new TestWorkspace();
        await workspace.set({ 'parent.mission': PARENT, 'child.mission': CHILD });
        builderOf(workspace).prepareForEdits();
        relations.mockClear();

        await workspace.set({ 'parent.mission': `${PARENT}person q\n` });
        expect(relations).not.toHaveBeenCalled();
        await workspace.set({ 'parent.mission': `${PARENT}person q\nperson r\n` });
        expect(relations).not.toHaveBeenCalled();
        expect(mission(workspace, 'child.mission', 'Clinics').parent?.ref).toBe(
            mission(workspace, 'parent.mission', 'Grow')
        );
    });
});

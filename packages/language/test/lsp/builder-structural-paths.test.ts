/**
 * The incremental document builder's Langium-path updates (incremental/document-builder.ts): deletions, files
 * re-read from disk, new files, edits after a cancelled build, documents built outside an update. Whatever path
 * an update takes, the diagnostics must be those of a fresh build, and a change nothing else can see must not
 * re-check the whole workspace. These are the cases in-place-update.test.ts does not reach: each pins one guard of
 * the builder (what is quiet, what a change reaches, what a cancelled update still owes).
 */
import {
    createDefaultCoreModule,
    createDefaultSharedCoreModule,
    DocumentState,
    EmptyFileSystemProvider,
    inject,
    isOperationCancelled,
    type LangiumCoreServices,
    type LangiumSharedCoreServices,
    type Module,
    TextDocument,
    URI
} from 'langium';
import { setTextDocument } from 'langium/test';
import { CancellationTokenSource } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { MissionGeneratedSharedModule, MissionLanguageGeneratedModule } from '../../src/generated/module.js';
import { MissionModule, type MissionServices, MissionSharedModule } from '../../src/mission-module.js';
import { registerValidationChecks } from '../../src/validation/register.js';
import { TestWorkspace, TODAY } from './workspace.js';

/** The workspace agrees, file by file, with a fresh one built from the same texts. */
async function expectAsFresh(workspace: TestWorkspace, files: Record<string, string>): Promise<void> {
    const fresh = new TestWorkspace();
    await fresh.set(files);
    for (const file of Object.keys(files)) {
        expect(workspace.document(file).textDocument.getText(), file).toBe(files[file]);
        expect(workspace.diagnosticLines(file), file).toEqual(fresh.diagnosticLines(file));
    }
}

/** The names of the files validated from now on, in order. */
function recordValidated(workspace: TestWorkspace): string[] {
    const validated: string[] = [];
    workspace.services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
        validated.push(document.uri.path.split('/').at(-1)!);
    });
    return validated;
}

/** Puts a file's text into the editor's text documents, as didOpen/didChange do, without building. */
function type(workspace: TestWorkspace, file: string, text: string, version = 10): void {
    setTextDocument(
        workspace.services.shared,
        TextDocument.create(workspace.uri(file).toString(), 'mission', version, text)
    );
}

/** Closes a file in the editor: the builder reads it from disk again (as the server does on didClose). */
function close(workspace: TestWorkspace, file: string): void {
    workspace.services.shared.workspace.TextDocuments!.delete(workspace.uri(file));
}

/**
 * Runs an update cancelled as soon as a document reaches `phase` (the build stops at the next cancellation check:
 * a build-phase listener, such as the server's publisher, gives one), or before it starts with 'at once'.
 */
async function cancelledUpdate(
    workspace: TestWorkspace,
    changed: URI[],
    phase: DocumentState.Parsed | DocumentState.Validated | 'at once'
): Promise<void> {
    const builder = workspace.services.shared.workspace.DocumentBuilder;
    const source = new CancellationTokenSource();
    const disposables =
        phase === 'at once'
            ? []
            : [builder.onDocumentPhase(phase, () => source.cancel()), builder.onBuildPhase(phase, () => undefined)];
    if (phase === 'at once') source.cancel();
    await builder.update(changed, [], source.token).then(
        () => expect.unreachable('the update was not cancelled'),
        (error: unknown) => {
            if (!isOperationCancelled(error)) throw error;
        }
    );
    for (const disposable of disposables) disposable.dispose();
}

/**
 * xy in lone.mission becomes zed (the unrelated file's zed is then a duplicate, though nothing links the two files),
 * typed into the editor, and its update cancelled at `phase`.
 */
async function renameCancelled(
    workspace: TestWorkspace,
    files: Record<string, string>,
    phase: Parameters<typeof cancelledUpdate>[2]
): Promise<void> {
    files['lone.mission'] = 'person zed "Xy"\n';
    type(workspace, 'lone.mission', files['lone.mission']);
    await cancelledUpdate(workspace, [workspace.uri('lone.mission')], phase);
}

const PEOPLE = 'vision V "Serve"\nperson ann "Ann" { capacity 2 }\nperson cy "Cy" { capacity 1 }\n';
const MISSIONS = 'mission Grow "Grow" under V { intent "g" lead ann }\n';
/** A file nothing links to or from; `zed` is the name the edits below make a duplicate of. */
const UNRELATED = 'vision W "Elsewhere"\nperson zed "Zed" { capacity 1 }\n';
/** A file nothing links to: renaming its `xy` to `zed` makes the unrelated file's zed a duplicate. */
const LONE = 'person xy "Xy"\n';

describe('deletions', () => {
    it('removes a file deleted in the update that edits another, as a fresh build of the rest', async () => {
        const workspace = new TestWorkspace();
        const extra = 'mission Extra "Extra" under Grow { intent "x" lead cy }\n';
        const sub = 'mission Sub "Sub" under Extra { intent "s" lead ann }\n';
        await workspace.set({ 'people.mission': PEOPLE, 'missions.mission': MISSIONS, 'extra.mission': extra });
        await workspace.set({ 'sub.mission': sub });
        const people = PEOPLE.replace('"Ann"', '"Ann B."');
        type(workspace, 'people.mission', people);
        close(workspace, 'extra.mission');

        await workspace.services.shared.workspace.DocumentBuilder.update(
            [workspace.uri('people.mission')],
            [workspace.uri('extra.mission')]
        );
        expect(workspace.services.shared.workspace.LangiumDocuments.hasDocument(workspace.uri('extra.mission'))).toBe(
            false
        );
        expect(workspace.codes('sub.mission')).toContain('unresolved-reference');
        await expectAsFresh(workspace, { 'people.mission': people, 'missions.mission': MISSIONS, 'sub.mission': sub });
    });

    it('removes a file reported changed and deleted at once when it is gone from disk', async () => {
        const workspace = new TestWorkspace();
        const extra = 'mission Extra "Extra" under Grow { intent "x" lead cy }\n';
        await workspace.set({ 'people.mission': PEOPLE, 'missions.mission': MISSIONS, 'extra.mission': extra });
        close(workspace, 'extra.mission');
        const uri = workspace.uri('extra.mission');
        await workspace.services.shared.workspace.DocumentBuilder.update([uri], [uri]);
        expect(workspace.services.shared.workspace.LangiumDocuments.hasDocument(uri)).toBe(false);
        await expectAsFresh(workspace, { 'people.mission': PEOPLE, 'missions.mission': MISSIONS });
    });

    it('takes an empty update of an empty workspace, and the deletion of every file', async () => {
        const empty = new TestWorkspace();
        await empty.services.shared.workspace.DocumentBuilder.update([], []);
        expect(empty.services.shared.workspace.LangiumDocuments.all.count()).toBe(0);

        const workspace = new TestWorkspace();
        await workspace.set({ 'people.mission': PEOPLE, 'missions.mission': MISSIONS });
        await workspace.remove('missions.mission');
        expect(workspace.codes('people.mission')).toEqual([]);
        await workspace.remove('people.mission');
        expect(workspace.services.shared.workspace.LangiumDocuments.all.count()).toBe(0);
    });
});

describe('an update with nothing changed', () => {
    it('links again the references that can resolve now (Langium relinks documents with unresolved ones)', async () => {
        const workspace = new TestWorkspace();
        const out = 'mission Out "Out" under Far { intent "o" lead cy }\n';
        await workspace.set({ 'people.mission': PEOPLE, 'out.mission': out });
        expect(workspace.codes('out.mission')).toContain('unresolved-reference');
        // A file built on its own (not through an update): nothing links the others to it yet.
        const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = workspace.services.shared.workspace;
        const far = 'vision Far "Far"\n';
        const added = LangiumDocumentFactory.fromString(far, workspace.uri('far.mission'));
        LangiumDocuments.addDocument(added);
        await DocumentBuilder.build([added], { validation: true });

        await DocumentBuilder.update([], []);
        expect(workspace.codes('out.mission')).not.toContain('unresolved-reference');
        await expectAsFresh(workspace, { 'people.mission': PEOPLE, 'out.mission': out, 'far.mission': far });
    });
});

describe('a structural update', () => {
    it('gives the fresh result when one update creates a file and renames an element of another', async () => {
        const workspace = new TestWorkspace();
        await workspace.set({ 'people.mission': PEOPLE, 'missions.mission': MISSIONS });
        const files = {
            'people.mission': PEOPLE.replace('person cy', 'person cyd'),
            'missions.mission': MISSIONS,
            'new.mission': 'mission New "New" under Grow { intent "n" lead cy }\n'
        };
        await workspace.set({ 'people.mission': files['people.mission'], 'new.mission': files['new.mission'] });
        expect(workspace.codes('new.mission')).toContain('unresolved-reference');
        await expectAsFresh(workspace, files);
    });

    it('re-checks a file re-read from disk with only a title changed as Langium does, and nothing else', async () => {
        // a.mission holds two visions W: neither can be told from the other after the re-read, so everything
        // they reach would be re-checked if the re-read counted as a change others can see. c.mission is two
        // references away from them (N under M under W) and links nothing in a.mission.
        const disk = {
            'a.mission': 'vision W "W one"\nvision W "W two"\n',
            'b.mission': 'mission M "M" under W { intent "m" }\n',
            'c.mission': 'mission N "N" under M { intent "n" }\n',
            'u.mission': 'vision Z "Z"\n'
        };
        const workspace = new TestWorkspace(TODAY, disk);
        await workspace.startup();
        // Opened with an unsaved title edit, then closed: the builder reads the file from disk again.
        await workspace.set({ 'a.mission': 'vision W "W 1"\nvision W "W two"\n' });
        const validated = recordValidated(workspace);
        close(workspace, 'a.mission');
        await workspace.services.shared.workspace.DocumentBuilder.update([workspace.uri('a.mission')], []);
        // b.mission links into a.mission: Langium links and validates it again.
        expect(validated.sort()).toEqual(['a.mission', 'b.mission']);
        await expectAsFresh(workspace, disk);

        // The next structural edit re-checks only what it reaches.
        validated.length = 0;
        await workspace.set({ 'u.mission': 'vision Y "Z"\n' });
        expect(validated).toEqual(['u.mission']);
        await expectAsFresh(workspace, { ...disk, 'u.mission': 'vision Y "Z"\n' });
    });

    it('re-checks a supports whose missions become ancestor and descendant via a file it does not link', async () => {
        // Q supports P. y.mission moves Y under P: Q → X1 → X2 → Y → P, so P is now above Q. Q's file links
        // x.mission and p.mission, not y.mission, and is more than two references from what changed.
        const files: Record<string, string> = {
            'v.mission': 'vision V "V"\nvision VY "VY"\n',
            'p.mission': 'mission P "P" under V { intent "p" }\n',
            's.mission': 'mission Q "Q" under X1 { intent "q" supports P }\n',
            'x.mission': 'mission X1 "X1" under X2 { intent "x" }\nmission X2 "X2" under Y { intent "x" }\n',
            'y.mission': 'mission Y "Y" under VY { intent "y" }\n'
        };
        const workspace = new TestWorkspace();
        await workspace.set(files);
        expect(workspace.codes('s.mission')).not.toContain('redundant-support');
        const validated = recordValidated(workspace);

        files['y.mission'] = 'mission Y "Y" under P { intent "y" }\n';
        await workspace.set({ 'y.mission': files['y.mission'] });
        expect(workspace.codes('s.mission')).toContain('redundant-support');
        expect(validated).toContain('s.mission');
        await expectAsFresh(workspace, files);
    });
});

describe('after a cancelled update', () => {
    const start = async (): Promise<{ workspace: TestWorkspace; files: Record<string, string> }> => {
        const workspace = new TestWorkspace();
        const files = {
            'lone.mission': LONE,
            'people.mission': PEOPLE,
            'missions.mission': MISSIONS,
            'unrelated.mission': UNRELATED
        };
        await workspace.set(files);
        return { workspace, files };
    };

    // Cancelled once its own file is validated (every document is then validated: nothing links lone.mission),
    // or before anything is built (lone.mission is left unparsed). What the rename reached is still owed.
    it.each([
        ['validated', 'a title edit', DocumentState.Validated, '"Grow"', '"Grow more"'],
        ['unparsed', 'a title edit', 'at once', '"Grow"', '"Grow more"'],
        ['validated', 'a rename', DocumentState.Validated, 'mission Grow', 'mission Grown'],
        ['unparsed', 'a rename', 'at once', 'mission Grow', 'mission Grown']
    ] as const)(
        'a rename cancelled with its file %s is made good by %s of another file',
        async (_, _edit, phase, needle, replacement) => {
            const { workspace, files } = await start();
            await renameCancelled(workspace, files, phase);
            expect(workspace.codes('unrelated.mission')).not.toContain('duplicate-name');

            files['missions.mission'] = MISSIONS.replace(needle, replacement);
            await workspace.set({ 'missions.mission': files['missions.mission'] });
            expect(workspace.codes('unrelated.mission')).toContain('duplicate-name');
            await expectAsFresh(workspace, files);
        }
    );

    // Found by a probe of the mutation work: the pending change's baseline was mistaken for this update's own.
    it('a rename cancelled with its file validated is made good by another structural edit of that file', async () => {
        const { workspace, files } = await start();
        await renameCancelled(workspace, files, DocumentState.Validated);
        expect(workspace.codes('unrelated.mission')).not.toContain('duplicate-name');

        files['lone.mission'] = 'person zed "Xy"\nvision Q "Q"\n';
        await workspace.set({ 'lone.mission': files['lone.mission'] });
        expect(workspace.codes('unrelated.mission')).toContain('duplicate-name');
        await expectAsFresh(workspace, files);
    });

    it('a rename cancelled before a file linking to it was validated is made good by the next edit', async () => {
        const { workspace, files } = await start();
        files['r.mission'] = 'mission R "R" under V { intent "r" lead xy }\n';
        await workspace.set({ 'r.mission': files['r.mission'] });
        // lone.mission is validated first (it was opened first), then the build stops: r.mission is not.
        await renameCancelled(workspace, files, DocumentState.Validated);
        expect(workspace.document('r.mission').state).toBeLessThan(DocumentState.Validated);

        files['lone.mission'] = 'person zed "Xy"\nvision Q "Q"\n';
        await workspace.set({ 'lone.mission': files['lone.mission'] });
        expect(workspace.codes('unrelated.mission')).toContain('duplicate-name');
        await expectAsFresh(workspace, files);
    });

    it('a title edit of a file whose build was cancelled before it was validated gives the fresh result', async () => {
        const { workspace, files } = await start();
        files['r.mission'] = 'mission R "R" under V { intent "r" lead xy }\n';
        await workspace.set({ 'r.mission': files['r.mission'] });
        await renameCancelled(workspace, files, DocumentState.Validated);

        files['r.mission'] = files['r.mission'].replace('"R"', '"Rr"');
        await workspace.set({ 'r.mission': files['r.mission'] });
        await expectAsFresh(workspace, files);
    });

    // A change nothing else can see owes nothing: the next title edit re-checks its own file, and the re-read
    // file if its build had stopped before validation.
    it.each([
        ['validated', DocumentState.Validated, ['missions.mission']],
        ['only parsed', DocumentState.Parsed, ['a.mission', 'missions.mission']]
    ] as const)(
        'a re-read from disk that changed only a title, cancelled with the file %s, owes no re-check',
        async (_, phase, expected) => {
            const disk = { 'a.mission': LONE, 'people.mission': PEOPLE, 'missions.mission': MISSIONS };
            const workspace = new TestWorkspace(TODAY, { ...disk, 'unrelated.mission': UNRELATED });
            await workspace.startup();
            await workspace.set({ 'a.mission': 'person xy "Xy B."\n' });
            close(workspace, 'a.mission');
            await cancelledUpdate(workspace, [workspace.uri('a.mission')], phase);

            const validated = recordValidated(workspace);
            await workspace.set({ 'missions.mission': MISSIONS.replace('"Grow"', '"Grow more"') });
            expect(validated.sort()).toEqual(expected);
        }
    );
});

describe('a document built outside an update, without validation', () => {
    const start = async (): Promise<{ workspace: TestWorkspace; files: Record<string, string> }> => {
        const workspace = new TestWorkspace();
        const files: Record<string, string> = {
            'people.mission': PEOPLE,
            'missions.mission': MISSIONS,
            'unrelated.mission': UNRELATED
        };
        await workspace.set(files);
        const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = workspace.services.shared.workspace;
        files['added.mission'] = 'person zed "Zed too"\n';
        const added = LangiumDocumentFactory.fromString(files['added.mission'], workspace.uri('added.mission'));
        LangiumDocuments.addDocument(added);
        await DocumentBuilder.build([added]);
        expect(added.diagnostics).toBeUndefined();
        return { workspace, files };
    };

    it('is validated by the next title edit elsewhere', async () => {
        const { workspace, files } = await start();
        await workspace.set({ 'missions.mission': MISSIONS.replace('"Grow"', '"Grow more"') });
        const fresh = new TestWorkspace();
        await fresh.set(files);
        expect(workspace.diagnosticLines('added.mission')).toEqual(fresh.diagnosticLines('added.mission'));
    });

    it('has every file re-checked by the next structural edit', async () => {
        const { workspace, files } = await start();
        files['missions.mission'] = MISSIONS.replace('mission Grow', 'mission Grown');
        await workspace.set({ 'missions.mission': files['missions.mission'] });
        expect(workspace.codes('unrelated.mission')).toContain('duplicate-name');
        await expectAsFresh(workspace, files);
    });
});

describe('a builder without text documents', () => {
    it('takes a file changed on disk the Langium way (core services, no editor)', async () => {
        // The builder is exported for Langium's core services too, which have no TextDocuments.
        const disk = new Map<string, string>();
        const shared = inject(
            createDefaultSharedCoreModule({
                fileSystemProvider: () =>
                    Object.assign(new EmptyFileSystemProvider(), {
                        readFile: (uri: URI) => Promise.resolve(disk.get(uri.toString())!)
                    })
            }),
            MissionGeneratedSharedModule,
            MissionSharedModule as Module<LangiumSharedCoreServices>
        );
        const Mission = inject(
            createDefaultCoreModule({ shared }),
            MissionLanguageGeneratedModule,
            MissionModule as unknown as Module<LangiumCoreServices>
        ) as unknown as MissionServices;
        shared.ServiceRegistry.register(Mission);
        registerValidationChecks(Mission);
        expect(shared.workspace.TextDocuments).toBeUndefined();

        const uri = URI.file('/workspace/a.mission');
        disk.set(uri.toString(), 'person ann "Ann"\nmission M "M" { lead ann }\n');
        const document = shared.workspace.LangiumDocumentFactory.fromString(disk.get(uri.toString())!, uri);
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        disk.set(uri.toString(), 'person ann "Ann B."\nmission M "M" { lead bob }\n');
        await shared.workspace.DocumentBuilder.update([uri], []);
        expect(document.textDocument.getText()).toBe(disk.get(uri.toString()));
        expect(document.diagnostics?.map(diagnostic => diagnostic.code)).toContain('unresolved-reference');
    });
});

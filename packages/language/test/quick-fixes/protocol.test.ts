/**
 * Quick fixes through the real protocol: the built `mission-language-server --stdio`, diagnostics as
 * published, `textDocument/codeAction` with those diagnostics sent back, and the chosen fix applied as
 * an editor would (a change of the document), after which the diagnostic is no longer published.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'langium';
import {
    type CodeAction,
    CodeActionRequest,
    type Diagnostic,
    DidChangeTextDocumentNotification,
    DidOpenTextDocumentNotification,
    InitializedNotification,
    InitializeRequest,
    PublishDiagnosticsNotification,
    type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol';
import {
    createProtocolConnection,
    type ProtocolConnection,
    StreamMessageReader,
    StreamMessageWriter
} from 'vscode-languageserver-protocol/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureBuilt } from '../../../../test/support/build.js';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const TIMEOUT = 60_000;

const MODEL = `vision Acme { horizon 2030-12-31 }
person alice { capacity 3 }

mission Grow under Acme {
  intent "Serve more patients"
  lead alise
  boundary { window 2026-12-31 .. 2026-01-01  budget 1M gbp }
  review every 30 days last 2026-01-01
  measure patients { target 10 }
}
`;

describe('quick fixes over the protocol', () => {
    let child: ChildProcess | undefined;
    let connection: ProtocolConnection;
    let workspace: string;
    let uri: string;
    let text = MODEL;
    let version = 1;
    let published: Diagnostic[] | undefined;
    const waiters: Array<() => void> = [];

    function waitForDiagnostics(predicate: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(
                () => reject(new Error(`timed out; last published: ${JSON.stringify(published)}`)),
                TIMEOUT
            );
            const check = (): void => {
                if (published && predicate(published)) {
                    clearTimeout(timer);
                    resolve(published);
                } else {
                    waiters.push(check);
                }
            };
            check();
        });
    }

    async function fixesFor(diagnostic: Diagnostic): Promise<CodeAction[]> {
        const answer = await connection.sendRequest(CodeActionRequest.type, {
            textDocument: { uri },
            range: diagnostic.range,
            context: { diagnostics: [diagnostic] }
        });
        return (answer ?? []) as CodeAction[];
    }

    async function apply(action: CodeAction): Promise<void> {
        const edits = action.edit?.changes?.[uri] ?? [];
        expect(edits.length).toBeGreaterThan(0);
        text = TextDocument.applyEdits(TextDocument.create(uri, 'mission', version, text), edits);
        version++;
        published = undefined;
        await connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version },
            contentChanges: [{ text }]
        });
    }

    beforeAll(async () => {
        ensureBuilt('language');
        workspace = mkdtempSync(join(tmpdir(), 'mission-quick-fixes-'));
        writeFileSync(join(workspace, 'model.mission'), MODEL);
        uri = pathToFileURL(join(workspace, 'model.mission')).toString();
        child = spawn(process.execPath, [join(root, 'packages/language/bin/mission-language-server.js'), '--stdio'], {
            stdio: ['pipe', 'pipe', 'inherit']
        });
        connection = createProtocolConnection(
            new StreamMessageReader(child.stdout!),
            new StreamMessageWriter(child.stdin!)
        );
        connection.onNotification(PublishDiagnosticsNotification.type, (params: PublishDiagnosticsParams) => {
            if (params.uri !== uri) return;
            published = params.diagnostics;
            for (const wake of waiters.splice(0)) wake();
        });
        connection.onRequest('workspace/configuration', (params: { items: unknown[] }) =>
            params.items.map(() => ({ today: '2026-11-23', rules: {} }))
        );
        connection.onRequest('client/registerCapability', () => null);
        connection.onRequest('window/workDoneProgress/create', () => null);
        connection.listen();
        const result = await connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            rootUri: pathToFileURL(workspace).toString(),
            workspaceFolders: [{ uri: pathToFileURL(workspace).toString(), name: 'workspace' }],
            capabilities: { workspace: { configuration: true } }
        });
        expect(result.capabilities.codeActionProvider).toBeTruthy();
        await connection.sendNotification(InitializedNotification.type, {});
        await connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'mission', version, text }
        });
    }, 180_000);

    afterAll(() => {
        connection?.dispose();
        child?.kill();
        if (workspace) rmSync(workspace, { recursive: true, force: true });
    });

    test('each published diagnostic with a fix is fixed by its preferred fix, one after the other', async () => {
        const codes = ['unresolved-reference', 'invalid-window', 'invalid-currency', 'review-overdue'];
        let diagnostics = await waitForDiagnostics(list => codes.every(code => list.some(d => d.code === code)));
        expect(diagnostics.map(d => d.code).sort()).toEqual([...codes].sort());
        for (const code of codes) {
            const diagnostic = diagnostics.find(d => d.code === code)!;
            const actions = await fixesFor(diagnostic);
            const preferred = actions.filter(action => action.isPreferred);
            expect(
                preferred.map(action => action.title),
                code
            ).toHaveLength(1);
            await apply(preferred[0]!);
            diagnostics = await waitForDiagnostics(list => !list.some(d => d.code === code));
        }
        expect(diagnostics).toEqual([]);
        expect(text).toContain('  lead alice\n');
        expect(text).toContain('boundary { window 2026-01-01 .. 2026-12-31  budget 1M GBP }');
        expect(text).toContain('review every 30 days last 2026-11-23');
    });
});

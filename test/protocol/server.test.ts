/**
 * The built language server over the real protocol: `mission-language-server --stdio` as a child
 * process, a JSON-RPC client, two model files on disk and open in the "editor".
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
    CompletionRequest,
    DefinitionRequest,
    DidChangeConfigurationNotification,
    DidChangeTextDocumentNotification,
    DidOpenTextDocumentNotification,
    HoverRequest,
    InitializedNotification,
    InitializeRequest,
    type CompletionItem,
    type CompletionList,
    type Diagnostic,
    type Location,
    type LocationLink,
    type PublishDiagnosticsParams,
    PublishDiagnosticsNotification
} from 'vscode-languageserver-protocol';
// The protocol package's own JSON-RPC (vscode-jsonrpc/node underneath), so the message types match.
import {
    createProtocolConnection,
    type ProtocolConnection,
    StreamMessageReader,
    StreamMessageWriter
} from 'vscode-languageserver-protocol/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MissionRequestMethod, RequestAnswer, RequestParams } from 'mission-lang-language/protocol';
import { ensureBuilt } from '../support/build.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const TIMEOUT = 60_000;

const PEOPLE = `vision Acme "Acme" { horizon 2030-12-31 }
person alice "Alice Smith" { capacity 1 }
person bob "Bob Jones" { capacity 2 }
`;
const MISSIONS = `mission Grow "Grow the patient base" under Acme {
  intent "Serve more patients"
  lead alice
  review every 30 days last 2026-11-01
  boundary { window 2026-01-01 .. 2026-12-31 }
  measure patients { baseline 10 target 20 current 15 }
}

mission Clinics "Open clinics" under Grow {
  intent "Clinics in the north"
  lead bobb
  review every 30 days last 2026-11-01
  measure opened { target 3 current 1 contributes to Grow.patients }
}
`;

class Client {
    private readonly diagnostics = new Map<string, Diagnostic[]>();
    private readonly waiters: Array<() => void> = [];
    /** The refresh requests the server sent, by method, and who waits for the next one. */
    readonly refreshes = new Map<string, number>();
    private readonly refreshWaiters: Array<() => void> = [];

    constructor(readonly connection: ProtocolConnection) {
        connection.onNotification(PublishDiagnosticsNotification.type, (params: PublishDiagnosticsParams) => {
            this.diagnostics.set(params.uri, params.diagnostics);
            for (const wake of this.waiters.splice(0)) wake();
        });
        // The server asks for the `mission` settings and registers for watched files and configuration.
        connection.onRequest('workspace/configuration', (params: { items: unknown[] }) =>
            params.items.map(() => ({ today: '2026-11-23', rules: {} }))
        );
        connection.onRequest('client/registerCapability', () => null);
        connection.onRequest('window/workDoneProgress/create', () => null);
        for (const method of ['workspace/inlayHint/refresh', 'workspace/codeLens/refresh']) {
            connection.onRequest(method, () => {
                this.refreshes.set(method, (this.refreshes.get(method) ?? 0) + 1);
                for (const wake of this.refreshWaiters.splice(0)) wake();
                return null;
            });
        }
    }

    /** Waits (event-driven) until the server has sent each refresh request more often than `before` says. */
    waitForRefreshes(before: ReadonlyMap<string, number>, methods: readonly string[]): Promise<void> {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(
                () => reject(new Error(`timed out waiting for ${methods.join(', ')}: ${[...this.refreshes]}`)),
                TIMEOUT
            );
            const check = (): void => {
                if (methods.every(method => (this.refreshes.get(method) ?? 0) > (before.get(method) ?? 0))) {
                    clearTimeout(timer);
                    resolve();
                } else {
                    this.refreshWaiters.push(check);
                }
            };
            check();
        });
    }

    /** Waits (event-driven, no polling sleep) until the published diagnostics satisfy the predicate. */
    waitForDiagnostics(uri: string, predicate: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(
                () =>
                    reject(
                        new Error(
                            `timed out waiting for diagnostics of ${uri}: ${JSON.stringify(this.diagnostics.get(uri))}`
                        )
                    ),
                TIMEOUT
            );
            const check = (): void => {
                const current = this.diagnostics.get(uri);
                if (current && predicate(current)) {
                    clearTimeout(timer);
                    resolve(current);
                } else {
                    this.waiters.push(check);
                }
            };
            check();
        });
    }
}

describe('language server over stdio', () => {
    let child: ChildProcess | undefined;
    let client: Client;
    let workspace: string;
    let peopleUri: string;
    let missionsUri: string;

    beforeAll(async () => {
        ensureBuilt('language');
        workspace = mkdtempSync(join(tmpdir(), 'mission-protocol-'));
        writeFileSync(join(workspace, 'people.mission'), PEOPLE);
        writeFileSync(join(workspace, 'missions.mission'), MISSIONS);
        peopleUri = pathToFileURL(join(workspace, 'people.mission')).toString();
        missionsUri = pathToFileURL(join(workspace, 'missions.mission')).toString();

        child = spawn(process.execPath, [join(root, 'packages/language/bin/mission-language-server.js'), '--stdio'], {
            stdio: ['pipe', 'pipe', 'inherit']
        });
        const connection = createProtocolConnection(
            new StreamMessageReader(child.stdout!),
            new StreamMessageWriter(child.stdin!)
        );
        client = new Client(connection);
        connection.listen();
        const result = await connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            rootUri: pathToFileURL(workspace).toString(),
            workspaceFolders: [{ uri: pathToFileURL(workspace).toString(), name: 'workspace' }],
            capabilities: {
                workspace: {
                    configuration: true,
                    inlayHint: { refreshSupport: true },
                    codeLens: { refreshSupport: true }
                },
                textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } }
            }
        });
        expect(result.capabilities.completionProvider).toBeDefined();
        expect(result.capabilities.hoverProvider).toBe(true);
        await connection.sendNotification(InitializedNotification.type, {});
        await connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri: peopleUri, languageId: 'mission', version: 1, text: PEOPLE }
        });
        await connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri: missionsUri, languageId: 'mission', version: 1, text: MISSIONS }
        });
    }, 180_000);

    afterAll(() => {
        client?.connection.dispose();
        child?.kill();
        if (workspace) rmSync(workspace, { recursive: true, force: true });
    });

    test('publishes diagnostics with catalog codes', async () => {
        const diagnostics = await client.waitForDiagnostics(missionsUri, list =>
            list.some(d => d.code === 'unresolved-reference')
        );
        const unresolved = diagnostics.find(d => d.code === 'unresolved-reference')!;
        expect(unresolved.message).toContain("no person named 'bobb'");
        expect(unresolved.range.start.line).toBe(10);
        await client.waitForDiagnostics(peopleUri, list => list.length === 0);
    });

    test('a change in one file updates the diagnostics of a file that does not reference it', async () => {
        await client.waitForDiagnostics(missionsUri, list => list.some(d => d.code === 'unresolved-reference'));
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: peopleUri, version: 2 },
            contentChanges: [{ text: PEOPLE + 'person Clinics "Not a mission"\n' }]
        });
        const diagnostics = await client.waitForDiagnostics(missionsUri, list =>
            list.some(d => d.code === 'duplicate-name')
        );
        expect(diagnostics.find(d => d.code === 'duplicate-name')!.range.start.line).toBe(8);
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: peopleUri, version: 3 },
            contentChanges: [{ text: PEOPLE }]
        });
        await client.waitForDiagnostics(missionsUri, list => !list.some(d => d.code === 'duplicate-name'));
    });

    test('a changed `mission.today` setting revalidates with the new date', async () => {
        await client.waitForDiagnostics(missionsUri, list => !list.some(d => d.code === 'review-overdue'));
        const refreshesBefore = new Map(client.refreshes);
        await client.connection.sendNotification(DidChangeConfigurationNotification.type, {
            settings: { mission: { today: '2027-06-01', rules: {} } }
        });
        const diagnostics = await client.waitForDiagnostics(missionsUri, list =>
            list.some(d => d.code === 'review-overdue')
        );
        expect(diagnostics.filter(d => d.code === 'review-overdue')).toHaveLength(2);
        // Inlay hints (pace) and code lenses (the staging plan) read today too: the client is asked to fetch them
        // again.
        await client.waitForRefreshes(refreshesBefore, ['workspace/inlayHint/refresh', 'workspace/codeLens/refresh']);
        await client.connection.sendNotification(DidChangeConfigurationNotification.type, {
            settings: { mission: { today: '2026-11-23', rules: {} } }
        });
        await client.waitForDiagnostics(missionsUri, list => !list.some(d => d.code === 'review-overdue'));
    });

    test('completion after `lead` offers persons only', async () => {
        await client.waitForDiagnostics(missionsUri, () => true);
        const answer = await client.connection.sendRequest(CompletionRequest.type, {
            textDocument: { uri: missionsUri },
            position: { line: 2, character: 7 }
        });
        const items: CompletionItem[] = Array.isArray(answer)
            ? answer
            : ((answer as CompletionList | null)?.items ?? []);
        expect(items.map(item => item.label).sort()).toEqual(['alice', 'bob']);
    });

    test('hover on a reference shows the facts', async () => {
        const hover = await client.connection.sendRequest(HoverRequest.type, {
            textDocument: { uri: missionsUri },
            position: { line: 2, character: 8 }
        });
        const value = (hover?.contents as { value: string }).value;
        expect(value).toContain('**person alice** — Alice Smith');
        expect(value).toContain('load 1 / capacity 1');
    });

    test('go to definition crosses files and resolves qualified measure names', async () => {
        const toAcme = await client.connection.sendRequest(DefinitionRequest.type, {
            textDocument: { uri: missionsUri },
            position: { line: 0, character: 44 }
        });
        const links = (toAcme ?? []) as Array<Location | LocationLink>;
        expect(links.map(link => ('targetUri' in link ? link.targetUri : link.uri))).toEqual([peopleUri]);
        const toMeasure = await client.connection.sendRequest(DefinitionRequest.type, {
            textDocument: { uri: missionsUri },
            position: { line: 12, character: 60 }
        });
        const measure = (toMeasure ?? []) as LocationLink[];
        expect(measure.map(link => [link.targetUri, link.targetSelectionRange.start.line])).toEqual([[missionsUri, 5]]);
    });

    test('mission/diagram returns the cascade as SVG for a root and depth', async () => {
        const answer = await client.connection.sendRequest<{ format: string; nodes: number; svg: string }>(
            'mission/diagram',
            { root: 'Grow', depth: 1 }
        );
        expect(answer.format).toBe('svg');
        expect(answer.nodes).toBe(2);
        expect(answer.svg).toMatch(/<svg[\s\S]*Clinics[\s\S]*<\/svg>/);
        const model = await client.connection.sendRequest<{ missions: Array<{ name: string }> }>('mission/model');
        expect(model.missions.map(mission => mission.name)).toEqual(['Grow', 'Clinics']);
    });

    /** A request as the extension sends it: method, parameters and answer typed by the protocol module. */
    function request<M extends MissionRequestMethod>(method: M, params: RequestParams<M>): Promise<RequestAnswer<M>> {
        return client.connection.sendRequest<RequestAnswer<M>>(method, params);
    }

    test('every request of the protocol module is answered in its declared shape', async () => {
        const model = await request('mission/model', {});
        expect(model.persons.map(person => person.name)).toContain('alice');
        expect((await request('mission/diagram', { format: 'mermaid' })).mermaid).toMatch(/^flowchart TB/m);
        expect((await request('mission/report', {})).html).toMatch(/^<!DOCTYPE html>/i);
        expect((await request('mission/brief', { person: 'alice' })).markdown).toMatch(/alice/);
        expect((await request('mission/plan', {})).markdown).toMatch(/^## Staging plan from \d{4}-\d{2}-\d{2}\n/);
        const starter = await request('mission/starter', { today: '2027-01-15' });
        expect(starter.files.map(file => file.name)).toEqual(['strategy.mission', 'mission.config.json']);
    });

    test('missing or wrong parameters are an invalid-params error, and the server keeps serving', async () => {
        // As a client outside the protocol module could send them: no parameters, or a person that is no string.
        await expect(client.connection.sendRequest('mission/brief')).rejects.toMatchObject({
            code: -32602,
            message: 'mission/brief needs { person: NAME }'
        });
        await expect(client.connection.sendRequest('mission/brief', { person: 42 })).rejects.toMatchObject({
            code: -32602
        });
        expect((await request('mission/model', {})).missions.length).toBeGreaterThan(0);
    });
});

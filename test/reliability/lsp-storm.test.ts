/**
 * The language-server storm, at the protocol level: the built server over stdio opens a generated
 * workspace (bench/generate.mjs), then takes many random edits across several files (inserts,
 * deletes, replacements, some leaving the text broken), sent without waiting for the checks. Then
 * the server must be alive and answering; the last diagnostics published for every file must equal
 * what checkSources gives for the final texts (no stale diagnostics); and its memory must stay within
 * a stated bound of its memory after the first build.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { URI } from 'langium';
// Methods by name: vscode-languageserver-protocol carries its own vscode-jsonrpc, whose message
// types the root vscode-jsonrpc connection does not accept.
import {
    createMessageConnection,
    type MessageConnection,
    StreamMessageReader,
    StreamMessageWriter
} from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { afterAll, expect, onTestFinished, test } from 'vitest';
import { checkSources } from '../../packages/language/src/index.js';
import { TODAY } from '../fuzz/check-helpers.js';
import { LONG, printSummary, REPO, SEED, timeLimit } from '../fuzz/settings.js';

/** Workspace sizes: a small one (fast builds, so edits and checks interleave the most) and a large one. */
const SIZES = process.env.STORM_MISSIONS ? [Number(process.env.STORM_MISSIONS)] : LONG ? [300, 10_000] : [300, 2_000];
const FILES = 8;
const EDITS = LONG ? 10_000 : 500;
const EDITED_FILES = 4;
/** RSS after the storm may be at most this multiple of RSS after the first build, plus 300 MB. */
const RSS_FACTOR = 2;

const figures: Record<string, string | number> = { edits: EDITS };
let child: ChildProcess | undefined;
let connection: MessageConnection | undefined;
let workspace: string | undefined;
function stopServer(): void {
    connection?.dispose();
    child?.kill();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
    connection = undefined;
    child = undefined;
    workspace = undefined;
}
afterAll(() => printSummary('lsp-storm', figures));

function rssMb(pid: number): number {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Math.round(Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024);
}

/** An LSP position for an offset of a text (UTF-16, lines end at \r\n, \r or \n). */
function positionAt(text: string, offset: number): { line: number; character: number } {
    let line = 0;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
        const char = text.charCodeAt(i);
        if (char === 13 && text.charCodeAt(i + 1) === 10) continue;
        if (char === 10 || char === 13) {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, character: offset - lineStart };
}

const SNIPPETS = [
    'mission',
    ' under ',
    '{',
    '}',
    '"',
    'lead p1 ',
    'measure x { target 3 }',
    '\n',
    'status won ',
    'supports m3 ',
    'crew t0 ',
    'boundary { window 2026-03-01 .. 2026-01-01 }',
    'é😀',
    '//',
    '/*',
    'p0',
    'm1.outcome'
];
const edit = fc.record({
    file: fc.nat({ max: EDITED_FILES - 1 }),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.oneof(fc.constant(0), fc.nat({ max: 40 }), fc.nat({ max: 400 })),
    text: fc.oneof(fc.constantFrom(...SNIPPETS), fc.constant(''), fc.string({ maxLength: 12 }))
});

function key(
    line: number,
    column: number,
    endLine: number,
    endColumn: number,
    severity: string,
    code: unknown,
    message: string
): string {
    return `${line}:${column}-${endLine}:${endColumn} ${severity} ${String(code)} ${message}`;
}
const SEVERITY = ['', 'error', 'warning', 'info', 'info'];
const publishedKeys = (diagnostics: Diagnostic[]) =>
    diagnostics
        .map(d =>
            key(
                d.range.start.line + 1,
                d.range.start.character + 1,
                d.range.end.line + 1,
                d.range.end.character + 1,
                SEVERITY[d.severity ?? 1]!,
                d.code,
                typeof d.message === 'string' ? d.message : (d.message as { value: string }).value
            )
        )
        .sort();

test.each(SIZES)(
    'the server survives an edit storm on %i missions, publishes no stale diagnostics and keeps its memory bounded',
    async MISSIONS => {
        onTestFinished(stopServer);
        const { generateWorkspace } = (await import(pathToFileURL(join(REPO, 'bench/generate.mjs')).href)) as {
            generateWorkspace(missions: number, files: number, seed: number): Array<{ name: string; text: string }>;
        };
        workspace = mkdtempSync(join(tmpdir(), 'mission-storm-'));
        const files = generateWorkspace(MISSIONS, FILES, SEED);
        const texts = new Map<string, string>();
        for (const file of files) {
            const uri = pathToFileURL(join(workspace, file.name)).toString();
            writeFileSync(join(workspace, file.name), file.text);
            texts.set(uri, file.text);
        }
        const uris = [...texts.keys()];

        const published = new Map<string, Diagnostic[]>();
        const waiters: Array<() => void> = [];
        const server = spawn(
            process.execPath,
            [join(REPO, 'packages/language/bin/mission-language-server.js'), '--stdio'],
            { stdio: ['pipe', 'pipe', 'pipe'] }
        );
        child = server;
        let serverErrors = '';
        server.stderr!.on('data', chunk => {
            serverErrors += String(chunk);
        });
        const client = createMessageConnection(
            new StreamMessageReader(server.stdout!),
            new StreamMessageWriter(server.stdin!)
        );
        connection = client;
        client.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
            published.set(params.uri, params.diagnostics);
            for (const wake of waiters.splice(0)) wake();
        });
        client.onRequest('workspace/configuration', (params: { items: unknown[] }) =>
            params.items.map(() => ({ today: TODAY, rules: {} }))
        );
        client.onRequest('client/registerCapability', () => null);
        client.onRequest('window/workDoneProgress/create', () => null);
        client.listen();

        /** Waits, on each publication, until `done()` holds (no polling sleep); fails after `ms`. */
        const until = (done: () => boolean, ms: number, what: () => string) =>
            new Promise<void>((resolve, reject) => {
                const timer = setTimeout(() => reject(new Error(`timed out: ${what()}`)), ms);
                const check = () => {
                    if (done()) {
                        clearTimeout(timer);
                        resolve();
                    } else {
                        waiters.push(check);
                    }
                };
                check();
            });

        const started = Date.now();
        await client.sendRequest('initialize', {
            processId: process.pid,
            rootUri: pathToFileURL(workspace).toString(),
            workspaceFolders: [{ uri: pathToFileURL(workspace).toString(), name: 'storm' }],
            capabilities: { workspace: { configuration: true } }
        });
        await client.sendNotification('initialized', {});
        const edited = uris.slice(1, 1 + EDITED_FILES);
        const versions = new Map<string, number>();
        for (const uri of edited) {
            versions.set(uri, 1);
            await client.sendNotification('textDocument/didOpen', {
                textDocument: { uri, languageId: 'mission', version: 1, text: texts.get(uri)! }
            });
        }
        await until(
            () => uris.every(uri => published.has(uri)),
            timeLimit(600_000),
            () => `first diagnostics of ${uris.filter(uri => !published.has(uri)).length} files`
        );
        figures[`firstBuild@${MISSIONS}`] = `${((Date.now() - started) / 1000).toFixed(1)}s`;
        const firstRss = rssMb(server.pid!);
        figures[`rssAfterFirstBuild@${MISSIONS}`] = `${firstRss}MB`;

        // The storm: every edit is sent at once, without waiting for any check.
        const storm = fc.sample(edit, { seed: SEED, numRuns: EDITS });
        const stormStarted = Date.now();
        for (const change of storm) {
            const uri = edited[change.file]!;
            const text = texts.get(uri)!;
            const start = Math.floor(change.at * text.length);
            const end = Math.min(text.length, start + change.length);
            const range = { start: positionAt(text, start), end: positionAt(text, end) };
            texts.set(uri, text.slice(0, start) + change.text + text.slice(end));
            const version = versions.get(uri)! + 1;
            versions.set(uri, version);
            client
                .sendNotification('textDocument/didChange', {
                    textDocument: { uri, version },
                    contentChanges: [{ range, text: change.text }]
                })
                .catch(() => undefined);
        }

        // What the checker says about the final texts of all files.
        const expected = await checkSources(
            uris.map(uri => ({ path: uri, uri: URI.parse(uri), text: texts.get(uri)! })),
            { today: TODAY }
        );
        const expectedKeys = new Map(uris.map(uri => [uri, [] as string[]]));
        for (const d of expected.diagnostics)
            expectedKeys
                .get(d.file)!
                .push(key(d.line, d.column, d.endLine, d.endColumn, d.severity, d.code, d.message));
        for (const list of expectedKeys.values()) list.sort();
        figures[`expectedDiagnostics@${MISSIONS}`] = expected.diagnostics.length;
        // The checker's answer must not depend on the order of the files (the server loads them in its own order).
        const reversed = await checkSources(
            [...uris].reverse().map(uri => ({ path: uri, uri: URI.parse(uri), text: texts.get(uri)! })),
            { today: TODAY }
        );
        const sortedKeys = (result: typeof expected) =>
            result.diagnostics
                .map(d => `${d.file} ${key(d.line, d.column, d.endLine, d.endColumn, d.severity, d.code, d.message)}`)
                .sort();
        const inOrder = sortedKeys(expected);
        const inReverse = sortedKeys(reversed);
        expect({
            onlyInOrder: inOrder.filter(k => !inReverse.includes(k)).slice(0, 5),
            onlyInReverse: inReverse.filter(k => !inOrder.includes(k)).slice(0, 5)
        }).toEqual({ onlyInOrder: [], onlyInReverse: [] });

        const stale = () =>
            uris.filter(
                uri => JSON.stringify(publishedKeys(published.get(uri) ?? [])) !== JSON.stringify(expectedKeys.get(uri))
            );
        try {
            await until(
                () => stale().length === 0,
                Number(process.env.STORM_WAIT_MS ?? timeLimit(90_000)),
                () => `${stale().length} files still differ`
            );
        } catch (error) {
            const uri = stale()[0]!;
            const shown = publishedKeys(published.get(uri) ?? []);
            const wanted = expectedKeys.get(uri)!;
            expect(
                {
                    uri,
                    missing: wanted.filter(k => !shown.includes(k)).slice(0, 10),
                    extra: shown.filter(k => !wanted.includes(k)).slice(0, 10)
                },
                String(error)
            ).toEqual({ uri, missing: [], extra: [] });
        }
        figures[`settledAfterStorm@${MISSIONS}`] = `${((Date.now() - stormStarted) / 1000).toFixed(1)}s`;

        // Alive and answering.
        const hover = await client.sendRequest('textDocument/hover', {
            textDocument: { uri: uris[0]! },
            position: { line: 1, character: 8 }
        });
        expect(hover === null || typeof hover === 'object').toBe(true);
        const model = await client.sendRequest<{ missions: unknown[] }>('mission/model');
        expect(Array.isArray(model.missions)).toBe(true);
        expect(server.exitCode).toBeNull();
        expect(serverErrors).not.toMatch(/^\s+at /m);

        const finalRss = rssMb(server.pid!);
        figures[`rssAfterStorm@${MISSIONS}`] = `${finalRss}MB`;
        figures[`rssBound@${MISSIONS}`] = `${firstRss * RSS_FACTOR + 300}MB`;
        expect(finalRss).toBeLessThanOrEqual(firstRss * RSS_FACTOR + 300);
    },
    timeLimit(900_000)
);

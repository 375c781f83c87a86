// Editor measures through the real language server over stdio: the built server as a child process,
// a JSON-RPC client, the workspace folder given in initialize (the server's first build validates every
// file), then one-character edits, completion and hover, timed from the client's side.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
    CompletionRequest,
    DidChangeTextDocumentNotification,
    ExitNotification,
    ShutdownRequest,
    DidOpenTextDocumentNotification,
    HoverRequest,
    InitializedNotification,
    InitializeRequest,
    PublishDiagnosticsNotification
} from 'vscode-languageserver-protocol';
// The protocol package's own JSON-RPC: two copies of vscode-jsonrpc are installed and don't mix.
import {
    createProtocolConnection,
    StreamMessageReader,
    StreamMessageWriter
} from 'vscode-languageserver-protocol/node';

const root = fileURLToPath(new URL('..', import.meta.url));
const LIMIT_MS = 300_000;

export function percentile(values, p) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(values) {
    return { p50: percentile(values, 50), p95: percentile(values, 95), n: values.length };
}

function rssMB(pid) {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = name => Number(status.match(new RegExp(`${name}:\\s+(\\d+)`))?.[1] ?? NaN) / 1024;
    return { rssMB: field('VmRSS'), peakRssMB: field('VmHWM') };
}

/** Publishes and waits, event-driven: the next diagnostics of a file, or a quiet period. */
class Client {
    constructor(connection) {
        this.connection = connection;
        this.published = new Set();
        this.lastNotification = performance.now();
        this.waiters = [];
        connection.onNotification(PublishDiagnosticsNotification.type, params => {
            this.published.add(params.uri);
            this.lastNotification = performance.now();
            for (const waiter of this.waiters.splice(0)) waiter(params);
        });
        connection.onRequest('workspace/configuration', params =>
            params.items.map(() => ({ today: '2026-11-23', rules: {} }))
        );
        connection.onRequest('client/registerCapability', () => null);
        connection.onRequest('window/workDoneProgress/create', () => null);
    }

    nextPublish(uri) {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no diagnostics published for ${uri}`)), LIMIT_MS);
            const wait = params => {
                if (params.uri === uri) {
                    clearTimeout(timer);
                    resolve(performance.now());
                } else this.waiters.push(wait);
            };
            this.waiters.push(wait);
        });
    }

    /** Resolves once `count` files have diagnostics, or nothing was published for `quietMs`. */
    settled(count, quietMs) {
        return new Promise(resolve => {
            const check = () => {
                if (this.published.size >= count && performance.now() - this.lastNotification >= quietMs / 4)
                    return resolve();
                if (performance.now() - this.lastNotification >= quietMs && this.published.size > 0) return resolve();
                setTimeout(check, 25);
            };
            check();
        });
    }
}

/** A position just inside the title of the first `mission`/`person` in the text: where a character is typed. */
function titlePosition(text, keyword) {
    const lines = text.split('\n');
    for (let line = 0; line < lines.length; line++) {
        const match = lines[line].match(new RegExp(`^${keyword} \\S+ "`));
        if (match) return { line, character: match[0].length + 1 };
    }
    throw new Error(`no ${keyword} in the file`);
}

function linePosition(text, pattern, offset) {
    const lines = text.split('\n');
    const line = lines.findIndex(l => pattern.test(l));
    if (line < 0) throw new Error(`no line matching ${pattern}`);
    return { line, character: lines[line].match(pattern).index + offset };
}

/** 50 one-character edits (type a character, then delete it, alternately) timed to publishDiagnostics. */
async function timeEdits(client, uri, text, keyword, edits) {
    const { connection } = client;
    let version = 1;
    const opened = client.nextPublish(uri);
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'mission', version, text }
    });
    await opened;
    await client.settled(Infinity, 300);
    const position = titlePosition(text, keyword);
    const times = [];
    for (let i = 0; i < edits; i++) {
        const typed = i % 2 === 0;
        const range = typed
            ? { start: position, end: position }
            : { start: position, end: { line: position.line, character: position.character + 1 } };
        const published = client.nextPublish(uri);
        const start = performance.now();
        await connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version: ++version },
            contentChanges: [{ range, text: typed ? 'x' : '' }]
        });
        times.push((await published) - start);
        if (process.env.BENCH_VERBOSE)
            process.stderr.write(`  edit ${i + 1}/${edits} ${uri.split('/').at(-1)}: ${times.at(-1).toFixed(0)} ms\n`);
        // Let the rest of the build (other files) finish, so that every edit starts from a quiet server.
        await client.settled(Infinity, 150);
    }
    return summary(times);
}

async function timeRequests(connection, type, params, count) {
    const times = [];
    for (let i = 0; i < count; i++) {
        const start = performance.now();
        const result = await connection.sendRequest(type, params);
        times.push(performance.now() - start);
        if (i === 0 && !result) throw new Error(`${type.method} returned nothing`);
    }
    return summary(times);
}

/** `nodeArgs` are given to the server's node (e.g. --cpu-prof: the server then exits by the protocol). */
export async function measureEditor(dir, { edits = 50, nodeArgs = [] } = {}) {
    const files = readdirSync(dir)
        .filter(name => name.endsWith('.mission'))
        .sort();
    const child = spawn(
        process.execPath,
        [...nodeArgs, join(root, 'packages/language/bin/mission-language-server.js'), '--stdio'],
        { stdio: ['pipe', 'pipe', 'inherit'] }
    );
    const connection = createProtocolConnection(
        new StreamMessageReader(child.stdout),
        new StreamMessageWriter(child.stdin)
    );
    const client = new Client(connection);
    connection.listen();
    try {
        const folder = pathToFileURL(dir).toString();
        const start = performance.now();
        await connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            rootUri: folder,
            workspaceFolders: [{ uri: folder, name: 'bench' }],
            capabilities: {
                workspace: { configuration: true },
                textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } }
            }
        });
        await connection.sendNotification(InitializedNotification.type, {});
        await client.settled(files.length, 3000);
        const firstBuildMs = client.lastNotification - start;
        if (process.env.BENCH_VERBOSE)
            process.stderr.write(`  first build: ${client.published.size} files in ${firstBuildMs.toFixed(0)} ms\n`);
        const memory = rssMB(child.pid);

        const leafName = files.filter(name => name.startsWith('missions-')).at(-1);
        const leafUri = pathToFileURL(join(dir, leafName)).toString();
        const leafText = readFileSync(join(dir, leafName), 'utf8');
        const leafEdit = await timeEdits(client, leafUri, leafText, 'mission', edits);
        const completion = await timeRequests(
            connection,
            CompletionRequest.type,
            { textDocument: { uri: leafUri }, position: linePosition(leafText, /^ {2}lead /, 7) },
            edits
        );
        const hover = await timeRequests(
            connection,
            HoverRequest.type,
            { textDocument: { uri: leafUri }, position: linePosition(leafText, /^mission m\d+/, 9) },
            edits
        );

        const peopleUri = pathToFileURL(join(dir, 'people.mission')).toString();
        const peopleEdit = await timeEdits(
            client,
            peopleUri,
            readFileSync(join(dir, 'people.mission'), 'utf8'),
            'person',
            edits
        );
        return {
            filesPublished: client.published.size,
            firstBuildMs,
            ...memory,
            leafEdit,
            peopleEdit,
            completion,
            hover
        };
    } finally {
        const exited = new Promise(resolve => child.once('exit', resolve));
        await Promise.race([
            connection.sendRequest(ShutdownRequest.type).then(() => connection.sendNotification(ExitNotification.type)),
            new Promise(resolve => setTimeout(resolve, 10_000))
        ]).catch(() => undefined);
        await Promise.race([exited, new Promise(resolve => setTimeout(resolve, 10_000))]);
        connection.dispose();
        child.kill();
    }
}

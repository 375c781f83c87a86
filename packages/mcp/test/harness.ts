/** A real MCP client connected over the SDK's in-memory transport to a server on model files. */
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { sourceFile, type SourceFile } from 'mission-lang-language';
import { createMissionMcpServer } from '../src/server.js';
import { ModelWorkspace } from '../src/workspace.js';

export const TODAY = '2026-11-23';
export const EXAMPLES = fileURLToPath(new URL('../../../examples', import.meta.url));

/** Every .mission file under `root` (examples/broken left out), named relative to it. */
export async function modelSources(root: string): Promise<SourceFile[]> {
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    const paths = entries
        .filter(entry => entry.isFile() && entry.name.endsWith('.mission'))
        .map(entry => join(entry.parentPath, entry.name))
        .filter(path => !relative(root, path).split(sep).includes('broken'))
        .sort();
    return Promise.all(
        paths.map(async path =>
            sourceFile(relative(root, path).split(sep).join('/'), path, await readFile(path, 'utf8'))
        )
    );
}

export interface Connected {
    readonly client: Client;
    readonly workspace: ModelWorkspace;
    close(): Promise<void>;
}

export async function connect(root: string = EXAMPLES): Promise<Connected> {
    const workspace = await ModelWorkspace.open({ root, sources: await modelSources(root), today: TODAY });
    const server = createMissionMcpServer(workspace);
    const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
    const client = new Client({ name: 'mission-test', version: '1.0.0' });
    await Promise.all([server.connect(serverTransport), client.connect(clientTransport)]);
    return {
        client,
        workspace,
        close: async () => {
            await client.close();
            await server.close();
        }
    };
}

/** A tool's structured answer, read by the tests field by field (its shape is each tool's output schema). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read deep answers without casts
type Structured = Record<string, any>;

/** Calls a tool; the result with its structured content typed loosely for assertions. */
export async function call(
    client: Client,
    name: string,
    args: Record<string, unknown> = {}
): Promise<CallToolResult & { structuredContent?: Structured }> {
    return (await client.callTool({ name, arguments: args })) as CallToolResult & { structuredContent?: Structured };
}

export function textOf(result: CallToolResult): string {
    const first = result.content[0];
    return first?.type === 'text' ? first.text : '';
}

/** A copy of one example in a temporary folder (removed by the returned function). */
export async function exampleCopy(name: string): Promise<{ root: string; remove(): Promise<void> }> {
    const root = await mkdtemp(join(tmpdir(), 'mission-mcp-'));
    await cp(join(EXAMPLES, name), root, { recursive: true });
    return { root, remove: () => rm(root, { recursive: true, force: true }) };
}

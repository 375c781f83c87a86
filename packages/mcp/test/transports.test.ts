import { spawn, spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODEL_JSON_URI } from '../src/resources.js';
import { createMissionMcpServer } from '../src/server.js';
import { type HttpServing, serveHttp } from '../src/transports.js';
import { ModelWorkspace } from '../src/workspace.js';
import { EXAMPLES, modelSources, TODAY } from './harness.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BIN = fileURLToPath(new URL('../../cli/bin/mission.js', import.meta.url));

const INITIALIZE = {
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'test', version: '1' } }
};

describe('mission mcp over stdio', () => {
    it('answers initialize and exits 0 when standard input closes', async () => {
        const child = spawn(process.execPath, [BIN, 'mcp', 'examples', '--today', TODAY], {
            cwd: ROOT,
            stdio: ['pipe', 'pipe', 'pipe']
        });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)));
        const lines = createInterface({ input: child.stdout });
        const firstLine = new Promise<string>(resolve => lines.once('line', resolve));
        child.stdin.write(JSON.stringify(INITIALIZE) + '\n');
        const answer = JSON.parse(await firstLine) as { id: number; result: { serverInfo: { name: string } } };
        expect(answer.id).toBe(1);
        expect(answer.result.serverInfo.name).toBe('mission-lang');
        child.stdin.end();
        expect(await exited).toBe(0);
        expect(stderr).toBe('');
    });

    it("serves the folder given, named relative to it, with that folder's mission.config.json", async () => {
        const transport = new StdioClientTransport({
            command: process.execPath,
            args: [BIN, 'mcp', join(EXAMPLES, 'vaccination-programme')],
            cwd: tmpdir(),
            stderr: 'pipe'
        });
        const client = new Client({ name: 'mission-test', version: '1.0.0' });
        await client.connect(transport);
        try {
            const model = await client.readResource({ uri: MODEL_JSON_URI });
            const json = JSON.parse((model.contents[0] as { text: string }).text) as { today: string; files: string[] };
            // The config's today (no --today given), and the files relative to the folder served.
            expect(json.today).toBe('2026-11-23');
            expect(json.files).toEqual([
                'capital.mission',
                'centre.mission',
                'north.mission',
                'people.mission',
                'south.mission'
            ]);
        } finally {
            await client.close();
        }
    });

    it('refuses a non-loopback --host unless --allow-remote, with one line and exit 2', () => {
        const result = spawnSync(process.execPath, [BIN, 'mcp', 'examples', '--http', '0', '--host', '0.0.0.0'], {
            cwd: ROOT,
            encoding: 'utf8'
        });
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/^mission: --host 0\.0\.0\.0 is not a loopback address: .*--allow-remote/);
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
    });

    it('refuses --host without --http', () => {
        const result = spawnSync(process.execPath, [BIN, 'mcp', 'examples', '--host', '127.0.0.1'], {
            cwd: ROOT,
            encoding: 'utf8'
        });
        expect(result.status).toBe(2);
        expect(result.stderr).toBe('mission: --host and --allow-remote need --http PORT\n');
    });
});

describe('Streamable HTTP', () => {
    let serving: HttpServing;

    beforeAll(async () => {
        const workspace = await ModelWorkspace.open({
            root: EXAMPLES,
            sources: await modelSources(EXAMPLES),
            today: TODAY
        });
        serving = await serveHttp(() => createMissionMcpServer(workspace), { port: 0 });
    });
    afterAll(async () => {
        await serving?.close();
    });

    function post(headers: Record<string, string>): Promise<{ status: number; body: string }> {
        return new Promise((resolve, reject) => {
            const outgoing = request(
                {
                    host: '127.0.0.1',
                    port: serving.port,
                    path: '/mcp',
                    method: 'POST',
                    headers: {
                        'content-type': 'application/json',
                        accept: 'application/json, text/event-stream',
                        ...headers
                    }
                },
                response => {
                    let body = '';
                    response.on('data', (chunk: Buffer) => (body += chunk.toString()));
                    response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
                }
            );
            outgoing.on('error', reject);
            outgoing.end(JSON.stringify(INITIALIZE));
        });
    }

    it('listens on 127.0.0.1 and answers initialize', async () => {
        expect(serving.url).toBe(`http://127.0.0.1:${serving.port}/mcp`);
        const answer = await post({ host: `127.0.0.1:${serving.port}` });
        expect(answer.status).toBe(200);
        expect(answer.body).toContain('"name":"mission-lang"');
    });

    it('refuses a Host or Origin header of another name (DNS rebinding)', async () => {
        const host = await post({ host: `evil.example:${serving.port}` });
        expect(host.status).toBe(403);
        expect(host.body).toContain('Invalid Host header');
        const origin = await post({ host: `localhost:${serving.port}`, origin: 'http://evil.example' });
        expect(origin.status).toBe(403);
        expect(origin.body).toContain('Invalid Origin header');
    });

    it('will not listen on a non-loopback address unless allowed', async () => {
        await expect(
            serveHttp(() => createMissionMcpServer({} as ModelWorkspace), { port: 0, host: '0.0.0.0' })
        ).rejects.toThrow(/not a loopback address/);
    });
});

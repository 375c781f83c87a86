// MCP measures (issue #21): the MCP server of packages/mcp in process, driven by a real MCP client over
// the SDK's in-memory transport. After the first check (timed), each read tool is called `calls` times
// and propose_edit as often (first half a value changed in a leaf file, then a new mission appended;
// neither applied), each timed from the client's side to its answer. It runs with the V8 flags of
// `mission mcp` (starting itself again with them when they are missing).
//   node bench/mcp.mjs DIR [--calls N]   (prints the figures as JSON; bench/run.mjs runs it in a process of its own)
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { sourceFile } from '../packages/language/out/index.js';
import { createMissionMcpServer, ModelWorkspace } from '../packages/mcp/out/index.js';
import { MCP_NODE_FLAGS, relaunchWith } from '../packages/cli/out/node-flags.js';
import { percentile } from './editor.mjs';

const TODAY = '2026-11-23';

function summary(values) {
    return { p50: percentile(values, 50), p95: percentile(values, 95), n: values.length };
}

/** The LSP range of the first `current N` in a text, and its value. */
function currentValue(text) {
    const lines = text.split('\n');
    for (let line = 0; line < lines.length; line++) {
        const match = /current (\d+(\.\d+)?)/.exec(lines[line]);
        if (match) {
            const character = match.index + 'current '.length;
            return {
                value: match[1],
                range: { start: { line, character }, end: { line, character: character + match[1].length } }
            };
        }
    }
    throw new Error('no `current` in the file');
}

export async function measureMcp(dir, { calls = 50 } = {}) {
    const root = resolve(dir);
    const names = readdirSync(root)
        .filter(name => name.endsWith('.mission'))
        .sort();
    const sources = names.map(name => sourceFile(name, join(root, name), readFileSync(join(root, name), 'utf8')));
    let start = performance.now();
    const workspace = await ModelWorkspace.open({ root, sources, today: TODAY });
    const firstCheckMs = performance.now() - start;
    const server = createMissionMcpServer(workspace);
    const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
    const client = new Client({ name: 'bench', version: '1.0.0' });
    await Promise.all([server.connect(serverTransport), client.connect(clientTransport)]);

    const call = async (name, args) => {
        const result = await client.callTool({ name, arguments: args });
        if (result.isError) throw new Error(`${name} failed: ${result.content[0]?.text}`);
        return result;
    };
    const facts = workspace.facts;
    const mission = facts.missions[Math.floor(facts.missions.length / 2)].name;
    const person = facts.persons[Math.floor(facts.persons.length / 2)].name;
    // The first read builds the JSON model of this state of the model (once per change): timed apart.
    start = performance.now();
    await call('check', { severity: 'error', limit: 20 });
    const firstReadMs = performance.now() - start;
    const reads = {
        check: { severity: 'error', limit: 20 },
        describe: { name: mission },
        find: { text: 'waiting', limit: 20 },
        load: { person },
        brief: { person },
        diagram: { root: mission, depth: 2 }
    };
    const read = {};
    for (const [name, args] of Object.entries(reads)) {
        const times = [];
        for (let i = 0; i < calls; i++) {
            start = performance.now();
            await call(name, args);
            times.push(performance.now() - start);
        }
        read[name] = summary(times);
    }

    const leaf = names.find(name => name.startsWith('missions-')) ?? names[0];
    const leafText = workspace.fileAt(leaf).text;
    const { value, range } = currentValue(leafText);
    const times = [];
    const valueEdits = [];
    const newElements = [];
    for (let i = 0; i < calls; i++) {
        const args =
            i < calls / 2
                ? { edits: [{ file: leaf, range, newText: String(Number(value) + 1 + i) }] }
                : {
                      append: {
                          file: leaf,
                          text: `mission benchDraft${i} "A draft" under ${mission} {\n  intent "Try"\n}`
                      }
                  };
        start = performance.now();
        await call('propose_edit', args);
        times.push(performance.now() - start);
        (i < calls / 2 ? valueEdits : newElements).push(times.at(-1));
        if (process.env.BENCH_VERBOSE)
            process.stderr.write(`  propose_edit ${i + 1}/${calls}: ${times.at(-1).toFixed(0)} ms\n`);
    }
    await client.close();
    await server.close();
    const readP95 = Math.max(...Object.values(read).map(figure => figure.p95));
    return {
        firstCheckMs,
        firstReadMs,
        read,
        readP95,
        proposeEdit: summary(times),
        // Apart: a changed value keeps every name (moved onto the current tree); a new element does not.
        proposeValueEdit: summary(valueEdits),
        proposeNewElement: summary(newElements)
    };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
    // Measured with the V8 flags `mission mcp` runs with (packages/cli/src/node-flags.ts).
    const relaunched = relaunchWith(MCP_NODE_FLAGS, process.argv[1], process.argv.slice(2));
    if (relaunched) process.exit(await relaunched);
    const dir = process.argv[2];
    if (!dir) throw new Error('usage: node bench/mcp.mjs DIR [--calls N]');
    const index = process.argv.indexOf('--calls');
    const calls = index > 0 ? Number(process.argv[index + 1]) : 50;
    process.stdout.write(JSON.stringify(await measureMcp(dir, { calls }), null, 2) + '\n');
}

/**
 * `mission mcp` runs again in a Node process given the V8 flags it wants (src/node-flags.ts): the flags
 * reach the child, its exit code is the answer, and a command that wants none runs in this process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MCP_NODE_FLAGS, nodeFlagsFor, relaunchWithNodeFlags } from '../src/node-flags.js';

describe('V8 flags for a command', () => {
    it('mcp wants a larger young generation; the other commands want nothing', () => {
        expect(nodeFlagsFor(['mcp', 'examples'])).toEqual(['--max-semi-space-size=32']);
        expect(nodeFlagsFor(['--help'])).toEqual([]);
        expect(nodeFlagsFor(['validate', 'mcp'])).toEqual([]);
        expect(nodeFlagsFor([])).toEqual([]);
        expect(relaunchWithNodeFlags('unused.js', ['validate', 'examples'])).toBeUndefined();
    });

    it('relaunches the script with the flags and the same arguments, and answers its exit code', async () => {
        const folder = mkdtempSync(join(tmpdir(), 'mission-flags-'));
        const script = join(folder, 'script.mjs');
        const report = join(folder, 'report.json');
        writeFileSync(
            script,
            `import { writeFileSync } from 'node:fs';\n` +
                `writeFileSync(${JSON.stringify(report)}, JSON.stringify({ execArgv: process.execArgv, ` +
                `argv: process.argv.slice(2) }));\nprocess.exitCode = 3;\n`
        );
        expect(await relaunchWithNodeFlags(script, ['mcp', 'examples', '--today', '2026-11-23'])).toBe(3);
        const seen = JSON.parse(readFileSync(report, 'utf8')) as { execArgv: string[]; argv: string[] };
        expect(seen.execArgv).toEqual(expect.arrayContaining([...MCP_NODE_FLAGS]));
        expect(seen.argv).toEqual(['mcp', 'examples', '--today', '2026-11-23']);
    });

    it('a process that has the flags runs the command itself', () => {
        const result = spawnSync(
            process.execPath,
            [
                ...MCP_NODE_FLAGS,
                '--input-type=module',
                '-e',
                `const { relaunchWithNodeFlags } = await import(${JSON.stringify(
                    new URL('../out/node-flags.js', import.meta.url).href
                )});\nprocess.stdout.write(String(relaunchWithNodeFlags('x.js', ['mcp'])));`
            ],
            { encoding: 'utf8' }
        );
        expect(result.stdout).toBe('undefined');
    });
});

/**
 * The MCP server contribution: the manifest's provider id is the one the client registers, and the
 * VSIX ships the bundled server and the language reference it serves (test/package.test.ts lists them).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const extensionDir = fileURLToPath(new URL('..', import.meta.url));
const read = (path: string) => readFileSync(join(extensionDir, path), 'utf8');

describe('the MCP server contribution', () => {
    const manifest = JSON.parse(read('package.json')) as {
        contributes: { mcpServerDefinitionProviders?: Array<{ id: string; label: string }> };
    };

    test('names the provider the client registers', () => {
        const id = /export const MCP_PROVIDER_ID = '([^']+)'/.exec(read('src/mcp-provider.ts'))?.[1];
        expect(id).toBe('mission-lang.mcp');
        expect(manifest.contributes.mcpServerDefinitionProviders).toEqual([{ id, label: 'Mission models' }]);
        expect(read('src/mcp-provider.ts')).toContain("'out', 'mcp-server.cjs'");
    });

    test('ships the bundled server and the language reference in the VSIX', () => {
        const kept = read('.vscodeignore').split('\n');
        expect(kept).toContain('!out/mcp-server.cjs');
        expect(kept).toContain('!out/LANGUAGE.md');
    });
});

/**
 * The VSIX as shipped: `npm run package` builds it with no flag that overrides vsce's checks; it holds
 * exactly the bundles, the manifest's contributions (the JSON Schema of mission.config.json as the
 * language package has it, the walkthrough's pages), README, CHANGELOG and LICENSE; its README's images
 * are PNGs of the repository; and the bundled server, copied where no node_modules can be found, starts
 * (the Node 20 polyfill runs before Chevrotain), publishes diagnostics for a workspace file that was never
 * opened and answers the starter model.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
    createMessageConnection,
    StreamMessageReader,
    StreamMessageWriter,
    type MessageConnection
} from 'vscode-jsonrpc/node.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listZipEntries, readZipEntry } from './zip-entries.js';

const extensionDir = fileURLToPath(new URL('..', import.meta.url));
const root = fileURLToPath(new URL('../../..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(extensionDir, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    license: string;
    repository: { type: string; url: string };
    scripts: Record<string, string>;
};
const vsix = join(extensionDir, `${manifest.name}-${manifest.version}.vsix`);

beforeAll(() => {
    // The extension's own package script: the root one also regenerates the parser, which would
    // rewrite files that the other test files are importing at this moment (npm test generated it).
    const result = spawnSync('npm', ['run', 'package', '--silent', '-w', 'packages/extension'], {
        cwd: root,
        encoding: 'utf8'
    });
    if (result.status !== 0) throw new Error(`npm run package failed:\n${result.stdout}\n${result.stderr}`);
}, 180_000);

describe('the VSIX', () => {
    test('holds the bundles and static contributions, README, CHANGELOG and LICENSE, and nothing else', () => {
        const files = listZipEntries(readFileSync(vsix))
            .filter(name => name.startsWith('extension/'))
            .map(name => name.slice('extension/'.length))
            .sort();
        expect(files).toEqual([
            'LICENSE.txt',
            'changelog.md',
            'language-configuration.json',
            'media/file-icon.svg',
            'media/icon.png',
            'media/preview.css',
            'media/preview.js',
            'out/LANGUAGE.md',
            'out/extension.cjs',
            'out/graphviz.mjs',
            'out/mcp-server.cjs',
            'out/mission-config.schema.json',
            'out/server.cjs',
            'package.json',
            'readme.md',
            'snippets/mission.code-snippets',
            'syntaxes/mission.tmLanguage.json',
            'walkthrough/create-model.md',
            'walkthrough/open-preview.md',
            'walkthrough/scorecard.md',
            'walkthrough/see-a-diagnostic.md'
        ]);
    });

    test("ships the language package's schema of mission.config.json unchanged", () => {
        const shipped = readZipEntry(readFileSync(vsix), 'extension/out/mission-config.schema.json');
        const source = readFileSync(join(root, 'packages/language/schema/mission-config.schema.json'));
        expect(shipped.equals(source)).toBe(true);
        expect((JSON.parse(shipped.toString('utf8')) as { title: string }).title).toBe('mission.config.json');
    });

    test('is packaged without flags that override vsce, with a repository, a license and a changelog', () => {
        expect(manifest.scripts.package).toMatch(/\bvsce package\b/);
        expect(manifest.scripts.package).not.toMatch(/--allow-|--no-rewrite|--baseContentUrl|--baseImagesUrl|--skip/);
        expect(manifest.repository.url).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\.git$/);
        expect(manifest.license).toBe('MIT');
        const changelog = readZipEntry(readFileSync(vsix), 'extension/changelog.md').toString('utf8');
        expect(changelog).toMatch(/^## Unreleased$/m);
        expect(changelog).toContain('mission.newModel');
    });

    test("shows the repository's screenshots in its README, as PNGs vsce accepts", () => {
        const readme = readZipEntry(readFileSync(vsix), 'extension/readme.md').toString('utf8');
        const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)|<img [^>]*src="([^"]+)"/g)].map(m => m[1] ?? m[2]!);
        expect(images.length).toBeGreaterThanOrEqual(2);
        const base = manifest.repository.url.replace(/\.git$/, '/raw/HEAD/');
        for (const image of images) {
            expect(image.startsWith(base), image).toBe(true);
            expect(image).toMatch(/\.png$/);
            expect(existsSync(join(root, image.slice(base.length))), image).toBe(true);
        }
    });

    test('has no sources, source maps, tests or dependencies', () => {
        const entries = listZipEntries(readFileSync(vsix));
        expect(entries.filter(name => /node_modules|\.ts$|\.map$|\/src\/|\/test\/|\.vsix$/.test(name))).toEqual([]);
    });
});

describe('the bundled language server', () => {
    let workspace: string;
    let server: ChildProcess;
    let connection: MessageConnection;

    beforeAll(() => {
        // Outside the repository: a require() of anything not bundled would fail here.
        workspace = mkdtempSync(join(tmpdir(), 'mission-bundle-'));
        copyFileSync(join(extensionDir, 'out/server.cjs'), join(workspace, 'server.cjs'));
        copyFileSync(join(extensionDir, 'out/graphviz.mjs'), join(workspace, 'graphviz.mjs'));
        writeFileSync(join(workspace, 'model.mission'), 'vision V\nperson ann\nmission Lost "Lost" { lead nobody }\n');
        server = spawn(process.execPath, [join(workspace, 'server.cjs'), '--stdio'], {
            cwd: workspace,
            stdio: ['pipe', 'pipe', 'inherit']
        });
        connection = createMessageConnection(
            new StreamMessageReader(server.stdout!),
            new StreamMessageWriter(server.stdin!)
        );
        connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
        connection.onRequest('client/registerCapability', () => null);
        connection.listen();
    });

    afterAll(() => {
        connection?.dispose();
        server?.kill();
        rmSync(workspace, { recursive: true, force: true });
    });

    test('starts, initializes and checks a workspace file that is not open', async () => {
        const modelUri = pathToFileURL(join(workspace, 'model.mission')).toString();
        const published = new Promise<Array<{ code?: string | number }>>(resolve => {
            connection.onNotification(
                'textDocument/publishDiagnostics',
                (params: { uri: string; diagnostics: Array<{ code?: string | number }> }) => {
                    if (params.uri === modelUri && params.diagnostics.length > 0) resolve(params.diagnostics);
                }
            );
        });
        const folderUri = pathToFileURL(workspace).toString();
        const result = await connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
            processId: process.pid,
            rootUri: folderUri,
            workspaceFolders: [{ uri: folderUri, name: 'bundle' }],
            capabilities: { workspace: { configuration: true } }
        });
        expect(result.capabilities.completionProvider).toBeDefined();
        await connection.sendNotification('initialized', {});
        const codes = (await published).map(diagnostic => diagnostic.code);
        expect(codes).toContain('unresolved-reference');
        expect(codes).toContain('unaligned-mission');
    }, 60_000);

    test('answers mission/diagram with the cascade SVG laid out by the Graphviz shipped beside it', async () => {
        // The server ships in the same VSIX as the client: a missing request is a failure, never a skip.
        const answer: unknown = await connection.sendRequest('mission/diagram', { format: 'svg', direction: 'TB' });
        const svg =
            typeof answer === 'string'
                ? answer
                : ((answer as { svg?: string; content?: string; text?: string }).svg ??
                  (answer as { content?: string }).content ??
                  (answer as { text?: string }).text);
        expect(svg).toMatch(/<svg[\s\S]*id="mission(-|&#45;)Lost"/);
    }, 60_000);
});

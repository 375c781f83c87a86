/**
 * The CLI installs on its own: `npm pack` of the CLI and the language and MCP packages, installed into
 * an empty folder outside this repository, runs `mission validate` (issue: the CLI is installable) and
 * `mission mcp`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const work = mkdtempSync(join(tmpdir(), 'mission-cli-pack-'));
const app = join(work, 'app');

function mission(args: string[]): { status: number | null; stdout: string; stderr: string } {
    const bin = join(app, 'node_modules', 'mission-lang-cli', 'bin', 'mission.js');
    const result = spawnSync(process.execPath, [bin, ...args], { cwd: app, encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
    execFileSync(
        npm,
        ['pack', '-w', 'packages/language', '-w', 'packages/mcp', '-w', 'packages/cli', '--pack-destination', work],
        { cwd: ROOT, stdio: 'pipe' }
    );
    const tarballs = readdirSync(work)
        .filter(name => name.endsWith('.tgz'))
        .map(name => join(work, name));
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'outside', private: true }));
    // The registry serves the dependencies (langium, commander, ...); the npm cache usually has them.
    execFileSync(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs], {
        cwd: app,
        stdio: 'pipe'
    });
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed CLI, installed outside the repository', () => {
    it('ships only built code: no TypeScript sources or tests in the tarballs', () => {
        for (const tarball of readdirSync(work).filter(name => name.endsWith('.tgz'))) {
            const listing = execFileSync('tar', ['tzf', join(work, tarball)], { encoding: 'utf8' })
                .split('\n')
                .filter(Boolean);
            expect(listing.some(path => path.endsWith('.js'))).toBe(true);
            expect(listing.filter(path => /\.test\.|\/test\/|\.ts$/.test(path) && !path.endsWith('.d.ts'))).toEqual([]);
        }
    });

    it('ships the CLI as one bundle (it starts faster than the compiled modules)', () => {
        const cli = join(app, 'node_modules', 'mission-lang-cli');
        expect(existsSync(join(cli, 'dist', 'main.js'))).toBe(true);
        // The bundle is what runs: the bin prefers the compiled modules only beside the sources.
        expect(existsSync(join(cli, 'src'))).toBe(false);
        // It runs with the compiled modules out of the way.
        renameSync(join(cli, 'out'), join(cli, 'out.aside'));
        try {
            const run = mission(['--version']);
            expect(run.status).toBe(0);
            expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
        } finally {
            renameSync(join(cli, 'out.aside'), join(cli, 'out'));
        }
    });

    it('validates a clean model: exit 0', () => {
        writeFileSync(
            join(app, 'clean.mission'),
            'vision V\nperson p\nmission M "M" under V {\n  intent "x"\n  lead p\n  measure m { target 1 }\n}\n'
        );
        const run = mission(['validate', 'clean.mission']);
        expect(run.stderr).toBe('');
        expect(run.stdout).toContain('1 file checked: no problems');
        expect(run.status).toBe(0);
    });

    it('reports a broken model as JSON: exit 1 with the diagnostic', () => {
        writeFileSync(
            join(app, 'broken.mission'),
            'vision V\nmission M "M" under V {\n  intent "x"\n  lead nobody\n  measure m { target 1 }\n}\n'
        );
        const run = mission(['validate', 'broken.mission', '--format', 'json']);
        expect(run.status).toBe(1);
        const report = JSON.parse(run.stdout) as { diagnostics: Array<{ code: string; line: number }> };
        expect(report.diagnostics.map(diagnostic => [diagnostic.code, diagnostic.line])).toEqual([
            ['unresolved-reference', 4]
        ]);
    });

    it('draws a diagram with the Graphviz WebAssembly module it ships with', () => {
        const run = mission(['diagram', 'clean.mission', '--format', 'svg']);
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('<svg');
    });

    it('serves the model over MCP, with the language reference the MCP package ships', async () => {
        const transport = new StdioClientTransport({
            command: process.execPath,
            args: [join(app, 'node_modules', 'mission-lang-cli', 'bin', 'mission.js'), 'mcp', 'clean.mission'],
            cwd: app,
            stderr: 'pipe'
        });
        const client = new Client({ name: 'cli-pack', version: '1.0.0' });
        await client.connect(transport);
        try {
            const check = await client.callTool({ name: 'check', arguments: {} });
            expect(check.structuredContent).toMatchObject({ summary: { files: 1, errors: 0 } });
            const reference = await client.readResource({ uri: 'mission://language/reference.md' });
            expect((reference.contents[0] as { text: string }).text).toMatch(/^# The Mission language/);
        } finally {
            await client.close();
        }
    });
});

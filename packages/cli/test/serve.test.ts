/**
 * `mission serve`: the site served from memory on loopback, re-checked when a model file is saved, with a
 * server-sent event that reloads open pages; the last good model stays served through a syntax error.
 */
import { copyFileSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { get, request } from 'node:http';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, onTestFailed, test } from 'vitest';
import { launchChromium } from '../../language/test/outputs/chromium.js';
import { type SiteServer, startSiteServer } from '../src/serve.js';
import { EXAMPLE, expectUsageError, runCli, temporaryFolder } from './helpers.js';

let server: SiteServer | undefined;
const log: string[] = [];
const output = { stdout: () => undefined, stderr: (text: string) => void log.push(text), color: false };

/** Why a test's browser checks did not run: it then counts as skipped, never as passed. */
const NO_BROWSER = 'no Chromium here: the browser checks of this test did not run';
let browser: Browser | undefined;

beforeAll(async () => {
    browser = await launchChromium();
}, 900_000);

afterAll(async () => {
    await browser?.close();
});

beforeEach(() => {
    log.length = 0;
    // A test that fails shows what the server said: each check, how long it took, how many pages it told.
    onTestFailed(() => console.error(`mission serve said:\n${log.join('')}`));
});

afterEach(async () => {
    await server?.close();
    server = undefined;
});

interface Answer {
    status: number;
    type: string;
    body: string;
}

function fetchText(url: string, options: { method?: string; host?: string } = {}): Promise<Answer> {
    return new Promise((resolve, reject) => {
        const headers = options.host ? { Host: options.host } : {};
        const call = request(url, { method: options.method ?? 'GET', headers }, response => {
            let body = '';
            response.setEncoding('utf8');
            response.on('data', chunk => (body += chunk));
            response.on('end', () =>
                resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type']), body })
            );
        });
        call.on('error', reject);
        call.end();
    });
}

/** The event stream of the site: `next()` resolves at the next `reload` event. */
function events(url: string): Promise<{ next(): Promise<void>; close(): void }> {
    return new Promise((resolve, reject) => {
        const waiting: Array<() => void> = [];
        const call = get(`${url}_events`, response => {
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => {
                if (chunk.includes('event: reload')) for (const wake of waiting.splice(0)) wake();
            });
            resolve({
                next: () => new Promise<void>(wake => waiting.push(wake)),
                close: () => call.destroy()
            });
        });
        call.on('error', reject);
    });
}

async function serveCopy(): Promise<{ model: string; url: string }> {
    const folder = temporaryFolder();
    const model = join(folder, 'model.mission');
    copyFileSync(EXAMPLE, model);
    server = await startSiteServer([folder], { port: '0', today: '2026-11-23' }, output);
    return { model, url: server.url };
}

describe('mission serve', () => {
    test('serves the pages, the live-reload script allowed by the CSP; GET and HEAD only, loopback names', async () => {
        const { url } = await serveCopy();
        expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
        const index = await fetchText(url);
        expect(index.status).toBe(200);
        expect(index.type).toBe('text/html; charset=utf-8');
        expect(index.body).toContain('<script src="/_live.js"></script>');
        expect(index.body).toMatch(
            /content="[^"]*script-src &#39;sha256-[^&]+&#39; &#39;self&#39;; connect-src &#39;self&#39;/
        );
        const mission = (await fetchText(`${url}missions/Grow.html`)).body;
        expect(mission).toContain('<h1>Grow');
        expect(mission).toMatch(/content="[^"]*script-src &#39;self&#39;; connect-src &#39;self&#39;/);
        expect((await fetchText(`${url}people/alice.md`)).body).toMatch(/^# Brief for Alice Smith \(alice\)/);
        const script = await fetchText(`${url}_live.js`);
        expect(script.type).toBe('text/javascript; charset=utf-8');
        expect(script.body).toContain("new EventSource('/_events')");
        expect((await fetchText(`${url}missions/Nowhere.html`)).status).toBe(404);
        expect((await fetchText(`${url}..%2f..%2fetc%2fpasswd`)).status).toBe(404);
        expect((await fetchText(url, { method: 'POST' })).status).toBe(405);
        expect((await fetchText(url, { method: 'HEAD' })).status).toBe(200);
        expect((await fetchText(url, { host: 'attacker.example:80' })).status).toBe(403);
    });

    test('a saved file re-checks and sends a reload event; a syntax error keeps the last good model', async () => {
        const { model, url } = await serveCopy();
        const stream = await events(url);
        try {
            const text = readFileSync(EXAMPLE, 'utf8');
            let reloaded = stream.next();
            const saved = Date.now();
            writeFileSync(model, `${text}\nmission Extra "Added while serving" under Grow { lead alice }\n`);
            await reloaded;
            log.push(`reload after ${Date.now() - saved} ms\n`);
            expect((await fetchText(`${url}missions/Extra.html`)).body).toContain('Added while serving');
            expect(log.join('')).toMatch(/\] mission serve \(model has errors, \d+ ms, 1 open page told to reload\)\n/);

            reloaded = stream.next();
            writeFileSync(model, `${text}\nmission Broken under Grow {\n`);
            await reloaded;
            const page = await fetchText(`${url}missions/Extra.html`);
            expect(page.status).toBe(200);
            expect(page.body).toContain('<div class="banner" role="alert">1 syntax error: showing the last model');
            expect((await fetchText(`${url}diagnostics.html`)).body).toContain('<code>syntax-error</code>');

            reloaded = stream.next();
            writeFileSync(model, text);
            await reloaded;
            expect((await fetchText(`${url}missions/Extra.html`)).status).toBe(404);
            expect((await fetchText(url)).body).not.toContain('class="banner"');
        } finally {
            stream.close();
        }
    });

    test('survives its file renamed, deleted and half-written: the last good model stays, with a banner', async () => {
        const { model, url } = await serveCopy();
        const stream = await events(url);
        const page = (path: string) => fetchText(`${url}${path}`);
        /** Waits for reload events until the site says what `reached` checks (a rename may send two). */
        const reloadUntil = async (reached: () => Promise<boolean>): Promise<void> => {
            for (;;) {
                await stream.next();
                if (await reached()) return;
            }
        };
        try {
            const text = readFileSync(EXAMPLE, 'utf8');
            const renamed = join(dirname(model), 'renamed.mission');
            let reached = reloadUntil(async () => (await page('missions/Grow.html')).body.includes('renamed.mission:'));
            renameSync(model, renamed);
            await reached;
            expect((await page('missions/Grow.html')).body).not.toContain('class="banner"');

            reached = reloadUntil(async () => (await page('')).body.includes('class="banner"'));
            unlinkSync(renamed);
            await reached;
            const kept = await page('missions/Grow.html');
            expect(kept.status).toBe(200);
            expect(kept.body).toContain('no .mission files found');

            reached = reloadUntil(async () => (await page('')).body.includes('syntax error'));
            // Cut just after a block opens, as a save still in progress would leave it.
            writeFileSync(model, text.slice(0, text.indexOf('{', Math.floor(text.length / 2)) + 1));
            await reached;
            expect((await page('missions/Grow.html')).status).toBe(200);

            reached = reloadUntil(async () => !(await page('')).body.includes('class="banner"'));
            writeFileSync(model, text);
            await reached;
            expect((await page('missions/Grow.html')).body).toContain('<h1>Grow');
        } finally {
            stream.close();
        }
    });

    test('a configuration saved while serving applies from the next check on (its rules, in a new check)', async () => {
        const folder = temporaryFolder();
        copyFileSync(EXAMPLE, join(folder, 'model.mission'));
        const config = join(folder, 'mission.config.json');
        writeFileSync(config, '{}\n');
        server = await startSiteServer([folder], { port: '0', today: '2026-11-23', config }, output);
        const stream = await events(server.url);
        try {
            const diagnostics = () => fetchText(`${server!.url}diagnostics.html`);
            expect((await diagnostics()).body).toContain('<code>unmapped-measures</code>');
            const reloaded = stream.next();
            writeFileSync(config, '{ "rules": { "unmapped-measures": "off" } }\n');
            await reloaded;
            const page = (await diagnostics()).body;
            expect(page).not.toContain('unmapped-measures');
            expect(page).toContain('<code>staged-without-value</code>');
        } finally {
            stream.close();
        }
    });

    test('in Chromium an open page reloads itself when a file is saved (the CSP allows the script)', async ({
        skip
    }) => {
        if (!browser) return skip(NO_BROWSER);
        const { model, url } = await serveCopy();
        const page = await browser.newPage();
        const problems: string[] = [];
        page.on('console', message => {
            if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
        });
        page.on('pageerror', error => problems.push(error.message));
        try {
            const connected = page.waitForResponse(response => response.url().endsWith('/_events'));
            await page.goto(`${url}missions/Grow.html`);
            await connected;
            expect(await page.locator('h1').textContent()).toMatch(/^Grow/);
            const reloaded = page.waitForEvent('load');
            const text = readFileSync(EXAMPLE, 'utf8');
            writeFileSync(model, text.replace('"Grow the patient base"', '"Grow the patient base, live"'));
            await reloaded;
            expect(await page.locator('h1').textContent()).toContain('Grow the patient base, live');
            expect(problems).toEqual([]);
        } finally {
            await page.close();
        }
    });

    test('refuses a host that is not loopback unless --allow-remote says so; a bad port is a usage error', async () => {
        expectUsageError(
            await runCli(['serve', EXAMPLE, '--host', '0.0.0.0']),
            expect,
            /^mission: --host 0\.0\.0\.0 is not a loopback address: .* add --allow-remote to mean it$/
        );
        expectUsageError(await runCli(['serve', EXAMPLE, '--port', 'http']), expect, /^mission: --port wants a number/);
        expectUsageError(await runCli(['serve', '-']), expect, /^mission: mission serve cannot watch standard input/);
    });
});

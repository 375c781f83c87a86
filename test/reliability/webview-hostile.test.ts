/**
 * The cascade preview webview, loaded in Chromium under its own Content-Security-Policy, with the
 * preview script the extension ships (packages/extension/media/preview.js): a cascade whose titles are
 * hostile strings, and an SVG crafted to carry script, handlers and remote links, are shown as text and
 * run nothing (no dialog, no request, no console error, no script or handler left in the page).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { buildCascadeGraph, cascadeToDot, dotToSvg, outputModelOf } from '../../packages/language/src/index.js';
import { checkFiles } from '../fuzz/check-helpers.js';
import { launchChromium } from '../fuzz/chromium.js';
import { HOSTILE_STRINGS, hostileModel, visibleText } from '../fuzz/hostile.js';
import { REPO } from '../fuzz/settings.js';

/** Why a test's browser checks did not run: it then counts as skipped, never as passed. */
const NO_BROWSER = 'no Chromium here: the browser checks of this test did not run';

vi.mock('vscode', () => ({
    Uri: { joinPath: (base: { path: string }, ...parts: string[]) => ({ path: [base.path, ...parts].join('/') }) }
}));
const { previewHtml } = await import('../../packages/extension/src/webview-html.js');

const ORIGIN = 'http://webview.test';
const MEDIA = join(REPO, 'packages/extension/media');

/** An SVG that tries everything the preview must drop. */
const CRAFTED = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
    onload="alert('svg onload')">
<script>alert('script')</script>
<g class="node" id="mission-Evil" onclick="alert('click')"><title>Evil</title>
<foreignObject width="10" height="10">
<iframe xmlns="http://www.w3.org/1999/xhtml" src="${ORIGIN}/frame"></iframe>
</foreignObject>
<a href="javascript:alert('link')"><text>crafted text</text></a>
<image href="${ORIGIN}/remote.png" width="1" height="1"/>
</g></svg>`;

let browser: Browser | undefined;
let hostileSvg: string;

beforeAll(async () => {
    const result = await checkFiles([hostileModel()]);
    hostileSvg = await dotToSvg(
        cascadeToDot(buildCascadeGraph(outputModelOf(result, result.diagnostics, result.summary)))
    );
    browser = await launchChromium('the preview webview checks with hostile strings');
}, 600_000);

afterAll(async () => {
    await browser?.close();
});

async function showInPreview(
    svg: string
): Promise<{ problems: string[]; text: string; injected: string[]; nodes: string | null }> {
    const webview = {
        cspSource: ORIGIN,
        asWebviewUri: (uri: { path: string }) => ({ toString: () => `${ORIGIN}${uri.path}` })
    };
    let page = previewHtml(webview as never, { path: '' } as never);
    const nonce = /'nonce-([^']+)'/.exec(page.replace(/&#39;/g, "'"))![1]!;
    // The webview host's API, as VS Code gives it to the page (under the page's nonce, like any script).
    const host = `<script nonce="${nonce}">
window.acquireVsCodeApi = () => ({ postMessage() {}, getState() { return undefined; }, setState() {} });
</script>`;
    page = page.replace('<script', `${host}\n<script`);

    const problems: string[] = [];
    const tab = await browser!.newPage();
    tab.on('dialog', dialog => {
        problems.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
    });
    tab.on('console', message => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    tab.on('pageerror', error => problems.push(`page error: ${error.message}`));
    await tab.route('**/*', route => {
        const url = route.request().url();
        if (url === `${ORIGIN}/preview`)
            return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page });
        const media = url.startsWith(`${ORIGIN}/media/`) ? url.slice(`${ORIGIN}/media/`.length) : undefined;
        if (media && /^[a-z-]+\.(js|css)$/.test(media)) {
            return route.fulfill({
                status: 200,
                contentType: media.endsWith('.js') ? 'text/javascript' : 'text/css',
                body: readFileSync(join(MEDIA, media), 'utf8')
            });
        }
        problems.push(`request: ${url}`);
        return route.abort();
    });
    await tab.goto(`${ORIGIN}/preview`, { waitUntil: 'load' });
    await tab.evaluate(`window.postMessage({ type: 'diagram', svg: ${JSON.stringify(svg)} }, '*')`);
    await tab.waitForFunction(
        "document.getElementById('canvas').hasAttribute('data-node-count') || " +
            "!document.getElementById('message').hidden",
        undefined,
        { timeout: 30_000 }
    );
    const shown = (await tab.evaluate(`(() => {
        const canvas = document.getElementById('canvas');
        const injected = [];
        for (const element of document.querySelectorAll('#canvas *')) {
            const name = element.localName.toLowerCase();
            if (['script', 'iframe', 'object', 'embed', 'foreignobject'].includes(name)) {
                injected.push('<' + name + '>');
            }
            for (const attribute of element.attributes) {
                if (/^on/i.test(attribute.name)) injected.push(name + ' ' + attribute.name);
                if (/href$/i.test(attribute.name) && !attribute.value.startsWith('#')) {
                    injected.push(name + ' ' + attribute.name + '=' + attribute.value);
                }
            }
        }
        return { text: canvas.textContent, injected, nodes: canvas.getAttribute('data-node-count') };
    })()`)) as { text: string; injected: string[]; nodes: string | null };
    // Give a dropped handler or late request the chance to show itself: click every node.
    await tab.evaluate(
        "for (const node of document.querySelectorAll('#canvas g')) " +
            "node.dispatchEvent(new MouseEvent('click', { bubbles: true }))"
    );
    await tab.close();
    return { problems, ...shown };
}

describe('the cascade preview webview in Chromium', () => {
    test('shows hostile titles as text and runs nothing', async ({ skip }) => {
        if (!browser) return skip(NO_BROWSER);
        const shown = await showInPreview(hostileSvg);
        expect(shown.problems).toEqual([]);
        expect(shown.injected).toEqual([]);
        expect(Number(shown.nodes)).toBeGreaterThan(HOSTILE_STRINGS.length);
        const text = shown.text.replace(/\s+/g, ' ');
        const words = [...new Set(HOSTILE_STRINGS.flatMap(entry => visibleText(entry).split(/\s+/).filter(Boolean)))];
        expect(words.filter(word => !text.includes(word))).toEqual([]);
    }, 120_000);

    test('drops script, handlers, foreign content and remote links from a crafted SVG', async ({ skip }) => {
        if (!browser) return skip(NO_BROWSER);
        const shown = await showInPreview(CRAFTED);
        // Chromium compiles the handler attributes while parsing the markup, before the preview strips
        // them: the page's CSP blocks each one and says so. That is the CSP working (nothing ran); any
        // other console error, a dialog or a request is a failure.
        const blockedByCsp = new RegExp(
            '^console: Executing inline event handler violates ' +
                "the following Content Security Policy directive 'script-src 'nonce-"
        );
        expect(shown.problems.filter(problem => !blockedByCsp.test(problem))).toEqual([]);
        expect(shown.injected).toEqual([]);
        expect(shown.text).toContain('crafted text');
        expect(shown.nodes).toBe('1');
    }, 120_000);
});

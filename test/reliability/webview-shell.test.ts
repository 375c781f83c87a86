/**
 * The cascade preview's HTML shell (packages/extension/src/webview-html.ts), at unit level with a
 * stand-in for the `vscode` module: a strict Content-Security-Policy (no inline or eval'd script,
 * nothing remote) and a nonce on every script and stylesheet. The webview's handling of model text is
 * the extension's e2e suite's.
 */
import { describe, expect, test, vi } from 'vitest';

vi.mock('vscode', () => ({
    Uri: {
        joinPath: (base: { path: string }, ...parts: string[]) => ({
            path: [base.path, ...parts].join('/'),
            toString() {
                return this.path;
            }
        })
    }
}));

const { contentSecurityPolicy, escapeHtml, makeNonce, previewHtml } =
    await import('../../packages/extension/src/webview-html.js');

describe('the cascade preview shell', () => {
    const webview = {
        cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
        asWebviewUri: (uri: { path: string }) => ({
            toString: () => `https://file+.vscode-resource.vscode-cdn.net${uri.path}`
        })
    };
    const page = previewHtml(webview as never, { path: '/ext' } as never);

    test('its CSP allows no inline, eval or remote script and nothing by default', () => {
        const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/
            .exec(page)![1]!
            .replace(/&#39;/g, "'");
        expect(csp).toMatch(/^default-src 'none'; script-src 'nonce-[A-Za-z0-9_-]{20,}';/);
        expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*|http:/);
    });

    test('every script and stylesheet carries the nonce, and no inline handler exists', () => {
        const nonce = /'nonce-([^']+)'/.exec(page.replace(/&#39;/g, "'"))![1]!;
        const tags = [...page.matchAll(/<(script|link)\b[^>]*>/g)].map(match => match[0]);
        expect(tags.length).toBeGreaterThan(0);
        for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
        expect(page).not.toMatch(/\son[a-z]+=/i);
    });

    test('nonces differ, and the helpers escape what they are given', () => {
        expect(makeNonce()).not.toBe(makeNonce());
        expect(escapeHtml(`<script>"'&`)).toBe('&lt;script&gt;&quot;&#39;&amp;');
        expect(contentSecurityPolicy('x', 'n')).not.toContain('unsafe');
    });
});

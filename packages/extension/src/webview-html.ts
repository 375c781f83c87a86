/**
 * The HTML shell of the cascade preview. A strict Content-Security-Policy: nothing remote, scripts
 * only with this page's nonce, styles from the extension or with the nonce, images from the extension
 * or data: URLs (PNG export draws the SVG through a data: image). The diagram itself arrives later
 * by postMessage and is inserted by media/preview.js.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export function makeNonce(): string {
    return randomBytes(18).toString('base64url');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
    return [
        "default-src 'none'",
        `script-src 'nonce-${nonce}'`,
        `style-src ${cspSource} 'nonce-${nonce}'`,
        `img-src ${cspSource} data:`,
        `font-src ${cspSource}`
    ].join('; ');
}

/** Escapes text for an HTML attribute or element body. */
export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function previewHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
    const nonce = makeNonce();
    const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', file)).toString();
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(webview.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(media('preview.css'))}" nonce="${nonce}">
<title>Mission Cascade</title>
</head>
<body>
<div class="toolbar" role="toolbar">
  <button id="zoom-in" title="Zoom in">+</button>
  <button id="zoom-out" title="Zoom out">−</button>
  <button id="zoom-fit" title="Fit to window">Fit</button>
  <span id="status" class="status" aria-live="polite"></span>
</div>
<div id="viewport" class="viewport" tabindex="0">
  <div id="canvas" class="canvas"></div>
</div>
<div id="message" class="message" hidden></div>
<script nonce="${nonce}" src="${escapeHtml(media('preview.js'))}"></script>
</body>
</html>`;
}

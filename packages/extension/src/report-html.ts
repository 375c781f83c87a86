/**
 * Shows the server's self-contained scorecard page in a webview that runs no script: its own
 * Content-Security-Policy is put first in <head>, allowing only inline styles and data: images.
 */
const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

export function reportHtml(html: string): string {
    const meta = `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`;
    // Drop any script the page may carry (the CSP would block it anyway) and any other CSP meta.
    const cleaned = html
        .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
        .replace(/<meta\s+http-equiv=["']?content-security-policy["']?[^>]*>/gi, '');
    if (/<head[^>]*>/i.test(cleaned)) return cleaned.replace(/<head[^>]*>/i, head => `${head}${meta}`);
    return `<!DOCTYPE html><html><head>${meta}</head><body>${cleaned}</body></html>`;
}

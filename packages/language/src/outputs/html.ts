/** HTML text escaping for the report: every piece of model text goes through `html`. */
export function html(text: string | number): string {
    return String(text)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
}

/** A horizontal bar as inline SVG (no style attributes, so a strict CSP needs no 'unsafe-inline'). */
export function barSvg(fraction: number | undefined, kind: string, label: string): string {
    const width = fraction === undefined ? 0 : Math.max(0, Math.min(1, fraction)) * 100;
    return (
        `<svg class="bar ${html(kind)}" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" ` +
        `aria-label="${html(label)}">` +
        `<rect class="track" x="0" y="0" width="100" height="8" rx="4"/>` +
        (width > 0 ? `<rect class="fill" x="0" y="0" width="${width.toFixed(2)}" height="8" rx="4"/>` : '') +
        '</svg>'
    );
}

/**
 * Model text escaped for the formats that embed it: Markdown (the brief, the plan, the reviews, the diff
 * comment) and XML (HTML-like Graphviz labels, the Gantt chart's SVG). Below the outputs and the planning,
 * which both write these formats, so neither imports the other for an escaper; imports nothing.
 */

/** Backslash-escapes the characters Markdown (CommonMark/GFM) could read as markup. */
export function markdownText(text: string): string {
    // Control characters are dropped as in every output (an ESC would reach a terminal as a colour code).
    return (
        text
            // eslint-disable-next-line no-control-regex -- the control characters are what this drops
            .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
            .replace(/[\\`*_[\]{}<>()#+!|~&]/g, '\\$&')
            .replace(/^([-=])/, '\\$1')
            .replace(/^(\d+)([.)])/, '$1\\$2')
            // GFM turns bare URLs, www. names and e-mail addresses into links: an escape keeps them text.
            .replace(/\b(https?|ftp|mailto)(:)/gi, '$1\\:')
            .replace(/\b(www)\./gi, '$1\\.')
            .replace(/@/g, '\\@')
    );
}

/** Text inside XML (an HTML-like Graphviz label, SVG): `& < > " '` as entities, control characters dropped. */
export function xmlText(text: string): string {
    return (
        text
            // eslint-disable-next-line no-control-regex
            .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
            .replace(/&/g, '&amp;')
            .replace(/</g, '&lt;')
            .replace(/>/g, '&gt;')
            .replace(/"/g, '&quot;')
            .replace(/'/g, '&#39;')
    );
}

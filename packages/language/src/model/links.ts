/**
 * The one rule for which `link` URLs may become links anywhere (hover, document links, report, site,
 * brief): an absolute `https://` or `http://` URL with a host, or a `mailto:` URL with an address
 * (LANGUAGE.md, `invalid-link`). Anything else, `javascript:` above all, stays text.
 */
const WEB_PROTOCOLS = new Set(['https:', 'http:']);

/** The URL, normalised by the WHATWG URL parser (spaces and quotes percent-encoded), when it may be a link. */
export function linkableUrl(url: string | undefined): string | undefined {
    // Control characters and whitespace are dropped or encoded silently by the URL parser: refuse them.
    if (typeof url !== 'string' || !/^[^\s\p{Cc}]+$/u.test(url)) return undefined;
    let parsed: URL;
    try {
        parsed = new URL(url);
    } catch {
        return undefined;
    }
    if (WEB_PROTOCOLS.has(parsed.protocol)) {
        const written = url.slice(0, parsed.protocol.length + 2).toLowerCase();
        return written === `${parsed.protocol}//` && parsed.hostname !== '' ? parsed.href : undefined;
    }
    if (parsed.protocol === 'mailto:') return parsed.pathname !== '' ? parsed.href : undefined;
    return undefined;
}

/** Whether the URL may become a link (see `linkableUrl`). */
export function isLinkableUrl(url: string | undefined): boolean {
    return linkableUrl(url) !== undefined;
}

/**
 * What every page of the site shares: where each element's page is (paths relative to the site's root,
 * `/`-separated, only the characters of names: an ID is `[A-Za-z_][A-Za-z0-9_-]*`), relative links
 * between pages (so the site works from `file://` and from any folder of a docs host), and the page
 * itself: a strict Content-Security-Policy, the inline stylesheet pinned by its hash, the navigation.
 */
import { createHash } from 'node:crypto';
import type { Element, Mission, Person } from '../../generated/ast.js';
import { html } from '../html.js';
import { SITE_SCRIPT_ELEMENT, SITE_SCRIPT_SOURCE } from './site-script.js';
import { SITE_CSS } from './site-style.js';

/** The live-reload script of `mission serve` (a same-origin file, so the CSP allows it by 'self'). */
export const LIVE_RELOAD_PATH = '_live.js';
export const LIVE_RELOAD_EVENTS = '_events';
export const LIVE_RELOAD_SCRIPT =
    `new EventSource('/${LIVE_RELOAD_EVENTS}')` + ".addEventListener('reload', () => location.reload());\n";

export interface SitePage {
    /** Relative to the site's root, `/`-separated: `index.html`, `missions/Grow.html`. */
    readonly path: string;
    readonly content: string;
}

export interface PageShell {
    readonly title: string;
    /** The page's own path, for relative links. */
    readonly path: string;
    /** Which navigation entry is this page (none for element pages). */
    readonly nav?: NavEntry;
    /** The dark header's content (already HTML). */
    readonly header: string;
    readonly main: string;
    readonly footer: string;
    /**
     * The site's script (pan, zoom, search, filters, sorting) with its data: the JSON island from `dataIsland`
     * ('' when it needs none). The script is pinned by its hash in the CSP; pages without it run no script.
     */
    readonly script?: string;
}

export type NavEntry = 'cascade' | 'scorecard' | 'people' | 'staging' | 'diagnostics';

export interface PageContext {
    /** With `mission serve`: a script reloads the page when the model changes. */
    readonly liveReload?: boolean;
    /** The number of diagnostics, shown in the navigation. */
    readonly problems: number;
}

const NAV: ReadonlyArray<[NavEntry, string, string]> = [
    ['cascade', 'index.html', 'Cascade'],
    ['scorecard', 'scorecard.html', 'Scorecard'],
    ['people', 'people.html', 'People'],
    ['staging', 'staging.html', 'Staging'],
    ['diagnostics', 'diagnostics.html', 'Diagnostics']
];

const STYLE_HASH = createHash('sha256').update(SITE_CSS).digest('base64');

export function page(shell: PageShell, context: PageContext): SitePage {
    const csp = [
        "default-src 'none'",
        `style-src 'sha256-${STYLE_HASH}'`,
        'img-src data:',
        ...(shell.script !== undefined || context.liveReload
            ? [
                  `script-src ${[
                      ...(shell.script !== undefined ? [SITE_SCRIPT_SOURCE] : []),
                      ...(context.liveReload ? ["'self'"] : [])
                  ].join(' ')}`
              ]
            : []),
        ...(context.liveReload ? ["connect-src 'self'"] : []),
        "base-uri 'none'",
        "form-action 'none'"
    ].join('; ');
    const nav = NAV.map(([entry, target, label]) => {
        const count = entry === 'diagnostics' ? ` (${context.problems})` : '';
        const here = shell.nav === entry ? ' class="here" aria-current="page"' : '';
        return `<a href="${relative(shell.path, target)}"${here}>${label}${count}</a>`;
    }).join('');
    const script = context.liveReload ? `\n<script src="/${LIVE_RELOAD_PATH}"></script>` : '';
    const content = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${html(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${html(shell.title)}</title>
<style>${SITE_CSS}</style>${script}
</head>
<body>
<nav class="site">${nav}</nav>
<header class="top">
${shell.header}
</header>
<main>
${shell.main}
</main>
<footer>${shell.footer}</footer>${shell.script !== undefined ? `\n${shell.script}${SITE_SCRIPT_ELEMENT}` : ''}
</body>
</html>
`;
    return { path: shell.path, content };
}

/** The link from the page at `from` to `to` (both relative to the site's root). */
export function relative(from: string, to: string): string {
    const depth = from.split('/').length - 1;
    return '../'.repeat(depth) + to;
}

/**
 * The path of each mission's and person's page, in model order. Names are unique in a clean model; a
 * duplicate (an error) or names differing only in case (one file on a case-insensitive disk) get `-2`, `-3`.
 */
export class SitePaths {
    private readonly paths = new Map<Element, string>();
    private readonly used = new Set<string>();

    constructor(missions: readonly Mission[], persons: readonly Person[]) {
        for (const mission of missions) this.assign(mission, 'missions');
        for (const person of persons) this.assign(person, 'people');
    }

    /** The page of a mission or person (undefined for visions and teams, which are shown on index and people). */
    pageOf(element: Element): string | undefined {
        return this.paths.get(element);
    }

    /** Where an element is shown: its page, or the anchor of a vision (index) or a team (people). */
    targetOf(element: Element): string {
        const own = this.paths.get(element);
        if (own) return own;
        if (element.$type === 'Vision') return `index.html#vision-${anchorName(element.name)}`;
        if (element.$type === 'Team') return `people.html#team-${anchorName(element.name)}`;
        return 'index.html';
    }

    private assign(element: Mission | Person, folder: string): void {
        const base = `${folder}/${/^[A-Za-z0-9_-]+$/.test(element.name ?? '') ? element.name : 'unnamed'}`;
        let path = `${base}.html`;
        for (let n = 2; this.used.has(path.toLowerCase()); n++) path = `${base}~${n}.html`;
        this.used.add(path.toLowerCase());
        this.paths.set(element, path);
    }
}

/** An anchor from a name (IDs are safe as they are; anything else is left out). */
export function anchorName(name: string | undefined): string {
    return (name ?? '').replace(/[^A-Za-z0-9_-]/g, '') || 'unnamed';
}

/** `<a href="…">text</a>` from the page at `from` to an element, with the element's name as the text. */
export function elementLink(paths: SitePaths, from: string, element: Element, text?: string): string {
    const href = html(relative(from, paths.targetOf(element)));
    return `<a href="${href}">${html(text ?? element.name ?? '(unnamed)')}</a>`;
}

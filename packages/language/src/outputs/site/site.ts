/**
 * The site of a model (`mission build`, `mission serve`): static HTML pages linked both ways, working from
 * `file://` (relative links, no request, everything inline under a strict Content-Security-Policy; the cascade and
 * the scorecard run the site's one script, pinned by its hash, on data in a JSON island).
 * `renderSite` is synchronous; the cascade figure is laid out by the caller (`siteCascadeDot` → `dotToSvg`).
 */
import { renderBrief } from '../brief-markdown.js';
import { buildCascadeGraph } from '../cascade-graph.js';
import { cascadeToDot } from '../dot.js';
import type { OutputModel } from '../output-model.js';
import { siteContext } from './site-context.js';
import { missionPage } from './site-mission.js';
import { anchorName, SitePaths, type SitePage } from './site-page.js';
import { peoplePage, personPages } from './site-people.js';
import { diagnosticsPage, indexPage, scorecardPage, stagingPage } from './site-pages.js';

export { LIVE_RELOAD_EVENTS, LIVE_RELOAD_PATH, LIVE_RELOAD_SCRIPT, type SitePage } from './site-page.js';
export {
    SITE_DATA_ID,
    SITE_SCRIPT,
    SITE_SCRIPT_ELEMENT,
    SITE_SCRIPT_SOURCE,
    withoutSiteScript
} from './site-script.js';

export interface SiteOptions {
    /** The cascade laid out as SVG from `siteCascadeDot`; without it, `cascadeNote` is shown. */
    readonly cascadeSvg?: string;
    readonly cascadeNote?: string;
    /** The site's title (default: Mission cascade). */
    readonly title?: string;
    /** For `mission serve`: each page loads the live-reload script (allowed by the CSP as same-origin). */
    readonly liveReload?: boolean;
}

/** Every page of the site, index first. */
export function renderSite(model: OutputModel, options: SiteOptions = {}): SitePage[] {
    const site = siteContext(model, options);
    const pages: SitePage[] = [
        indexPage(site, options.cascadeSvg, options.cascadeNote),
        scorecardPage(site),
        peoplePage(site),
        stagingPage(site),
        diagnosticsPage(site)
    ];
    for (const mission of model.facts.missions) pages.push(missionPage(site, mission));
    for (const person of model.facts.persons) {
        // A person without a name (error recovery) has no brief: `renderBrief` finds persons by name.
        const brief = person.name ? renderBrief(model, person.name) : '';
        pages.push(...personPages(site, person, brief));
    }
    return pages;
}

/** The site's pages by path, each rendered the first time it is asked for (`mission serve`). */
export interface LazySite {
    /** A page's content (rendered now if not yet), or undefined when the site has no such page. */
    get(path: string): string | undefined;
    /** Puts a page in place of the one rendered here (the cascade once laid out, the current diagnostics). */
    set(path: string, content: string): void;
}

/**
 * The site of `renderSite`, rendered page by page on demand: a save under `mission serve` renders nothing
 * but what is looked at next, instead of every page of a model of thousands of missions.
 */
export function lazySite(model: OutputModel, options: SiteOptions = {}): LazySite {
    const site = siteContext(model, options);
    const makers = new Map<string, () => SitePage[]>([
        ['index.html', () => [indexPage(site, options.cascadeSvg, options.cascadeNote)]],
        ['scorecard.html', () => [scorecardPage(site)]],
        ['people.html', () => [peoplePage(site)]],
        ['staging.html', () => [stagingPage(site)]],
        ['diagnostics.html', () => [diagnosticsPage(site)]]
    ]);
    for (const mission of model.facts.missions)
        makers.set(site.paths.pageOf(mission)!, () => [missionPage(site, mission)]);
    for (const person of model.facts.persons) {
        const path = site.paths.pageOf(person)!;
        const make = (): SitePage[] => personPages(site, person, person.name ? renderBrief(model, person.name) : '');
        makers.set(path, make);
        makers.set(path.replace(/\.html$/, '.md'), make);
    }
    const rendered = new Map<string, string>();
    return {
        get(path) {
            const known = rendered.get(path);
            if (known !== undefined) return known;
            const make = makers.get(path);
            if (!make) return undefined;
            for (const page of make()) rendered.set(page.path, page.content);
            return rendered.get(path);
        },
        set(path, content) {
            rendered.set(path, content);
        }
    };
}

/** The diagnostics page alone: `mission serve` shows the current problems while it serves the last good model. */
export function renderDiagnosticsPage(model: OutputModel, options: SiteOptions = {}): SitePage {
    return diagnosticsPage(siteContext(model, options));
}

/**
 * The cascade page alone, for a figure laid out after the other pages were rendered (`mission build` renders
 * and writes every other page while Graphviz lays out the cascade in its worker).
 */
export function renderCascadePage(model: OutputModel, options: SiteOptions = {}): SitePage {
    return indexPage(siteContext(model, options), options.cascadeSvg, options.cascadeNote);
}

/**
 * The cascade as DOT, each node a link to its page (relative to the index): lay it out with `dotToSvg`.
 * With `depth`, only that many levels below the visions (as `mission diagram --depth`): a large model's figure.
 */
export function siteCascadeDot(model: OutputModel, options: { depth?: number } = {}): string {
    const paths = new SitePaths(model.facts.missions, model.facts.persons);
    return cascadeToDot(buildCascadeGraph(model, { depth: options.depth }), {
        nodeHref: node =>
            node.kind === 'mission' ? paths.pageOf(node.element) : `#vision-${anchorName(node.element.name)}`
    });
}

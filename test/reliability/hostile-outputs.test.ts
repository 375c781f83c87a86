/**
 * Hostile strings in every rendered output: the SVG stays well-formed XML showing the text literally,
 * Mermaid and DOT still parse with their own parsers (Mermaid in Chromium, DOT by Graphviz) and show the
 * text literally, the HTML report runs nothing (no dialog, no request, no console error), and the
 * Markdown brief shows Markdown syntax as text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { marked } from 'marked';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { reportHtml } from '../../packages/extension/src/report-html.js';
import {
    buildCascadeGraph,
    cascadeToDot,
    cascadeToMermaid,
    dotToSvg,
    type OutputModel,
    outputModelOf,
    renderBrief,
    renderReport,
    renderSite,
    SITE_SCRIPT,
    siteCascadeDot,
    withoutSiteScript
} from '../../packages/language/src/index.js';
import { checkFiles } from '../fuzz/check-helpers.js';
import { launchChromium } from '../fuzz/chromium.js';
import { HOSTILE_STRINGS, hostileModel, stringLiteral, visibleText } from '../fuzz/hostile.js';
import { printSummary, REPO } from '../fuzz/settings.js';

/** Why a test's browser checks did not run: it then counts as skipped, never as passed. */
const NO_BROWSER = 'no Chromium here: the browser checks of this test did not run';

let browser: Browser | undefined;
let model: OutputModel;
const figures = { hostileStrings: HOSTILE_STRINGS.length, outputsChecked: 0 };

beforeAll(async () => {
    const result = await checkFiles([hostileModel()]);
    // The strings are only text: the model parses and links.
    expect(result.diagnostics.filter(d => ['syntax-error', 'unresolved-reference'].includes(d.code))).toEqual([]);
    model = outputModelOf(result, result.diagnostics, result.summary);
    browser = await launchChromium(
        'the browser checks of hostile strings (SVG DOMParser, Mermaid, HTML report, rendered brief)'
    );
}, 600_000);

afterAll(async () => {
    await browser?.close();
    printSummary('hostile-outputs', figures);
});

/** The words of each hostile string that must appear in a rendering (outputs wrap text at spaces). */
function expectedWords(): string[] {
    return [...new Set(HOSTILE_STRINGS.flatMap(text => visibleText(text).split(/\s+/).filter(Boolean)))];
}

function missingWords(shown: string): string[] {
    const normalised = shown.replace(/\s+/g, ' ');
    return expectedWords().filter(word => !normalised.includes(word));
}

async function blankPage(): Promise<Page> {
    const page = await browser!.newPage();
    page.on('dialog', dialog => {
        throw new Error(`a dialog opened: ${dialog.message()}`);
    });
    return page;
}

/** Injected behaviour in a DOM: script elements, event handler attributes, javascript: URLs, images. */
const INJECTION_CHECK = `(root) => {
    const found = [];
    for (const element of root.querySelectorAll('*')) {
        const name = element.localName.toLowerCase();
        if (['script', 'img', 'iframe', 'object', 'embed', 'foreignobject-script'].includes(name)) {
            found.push('<' + name + '>');
        }
        for (const attribute of element.attributes) {
            if (/^on/i.test(attribute.name)) found.push(name + ' ' + attribute.name);
            if (/^\\s*javascript:/i.test(attribute.value)) {
                found.push(name + ' ' + attribute.name + '=' + attribute.value);
            }
        }
    }
    return found;
}`;

describe('the SVG cascade (Graphviz) with hostile titles', () => {
    let svg: string;
    beforeAll(async () => {
        svg = await dotToSvg(cascadeToDot(buildCascadeGraph(model)));
    }, 120_000);

    test('DOT with hostile text is laid out by Graphviz', () => {
        figures.outputsChecked++;
        expect(svg).toMatch(/<svg[\s\S]*<\/svg>\s*$/);
    });

    test('the SVG is well-formed XML, shows every hostile word literally and carries no script or handler', async ({
        skip
    }) => {
        if (!browser) return skip(NO_BROWSER);
        figures.outputsChecked++;
        const page = await blankPage();
        const parsed = (await page.evaluate(`(() => {
            const document = new DOMParser().parseFromString(${JSON.stringify(svg)}, 'image/svg+xml');
            const error = document.querySelector('parsererror');
            const texts = [...document.querySelectorAll('text')].map(text => text.textContent).join(' ');
            const tooltips = [...document.querySelectorAll('a')]
                .map(a => a.getAttribute('xlink:title') ?? a.getAttribute('title') ?? '')
                .join(' ');
            const injected = (${INJECTION_CHECK})(document);
            return { error: error ? error.textContent : null, texts, tooltips, injected };
        })()`)) as { error: string | null; texts: string; tooltips: string; injected: string[] };
        await page.close();
        expect(parsed.error).toBeNull();
        expect(parsed.injected).toEqual([]);
        expect(missingWords(parsed.texts)).toEqual([]);
        // Tooltips are DOT strings: \N, \G, \l and a trailing backslash must come back as typed.
        expect(missingWords(parsed.tooltips)).toEqual([]);
    });
});

describe('the Mermaid cascade with hostile titles', () => {
    test("Mermaid's own parser accepts it and the rendered diagram shows every hostile word literally", async ({
        skip
    }) => {
        if (!browser) return skip(NO_BROWSER);
        figures.outputsChecked++;
        const mermaidText = cascadeToMermaid(buildCascadeGraph(model));
        const page = await blankPage();
        const errors: string[] = [];
        page.on('pageerror', error => errors.push(error.message));
        await page.setContent('<!DOCTYPE html><html><body><div id="out"></div></body></html>');
        await page.addScriptTag({
            content: readFileSync(join(REPO, 'node_modules/mermaid/dist/mermaid.min.js'), 'utf8')
        });
        const rendered = (await page.evaluate(`(async () => {
            mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
            await mermaid.parse(${JSON.stringify(mermaidText)});
            const { svg } = await mermaid.render('cascade', ${JSON.stringify(mermaidText)});
            const out = document.getElementById('out');
            out.innerHTML = svg;
            const labels = [...out.querySelectorAll('.nodeLabel, .label, text')]
                .map(label => label.textContent)
                .join(' ');
            // Relays (invisible, carrying a supports link between missions on one level) are no element.
            const nodes = out.querySelectorAll('.node:not(.relay)').length;
            return { labels, injected: (${INJECTION_CHECK})(out), nodes };
        })()`)) as { labels: string; injected: string[]; nodes: number };
        await page.close();
        expect(errors).toEqual([]);
        expect(rendered.injected).toEqual([]);
        expect(rendered.nodes).toBe(model.facts.missions.length + model.facts.visions.length);
        expect(missingWords(rendered.labels)).toEqual([]);
    }, 120_000);
});

describe('the HTML report with hostile text', () => {
    test('in Chromium it runs nothing (no dialog, request or console error) and shows every hostile word', async ({
        skip
    }) => {
        if (!browser) return skip(NO_BROWSER);
        figures.outputsChecked++;
        const cascadeSvg = await dotToSvg(cascadeToDot(buildCascadeGraph(model)));
        const page = await blankPage();
        const problems: string[] = [];
        page.on('console', message => {
            if (message.type() === 'error' || message.type() === 'warning')
                problems.push(`console ${message.type()}: ${message.text()}`);
        });
        page.on('pageerror', error => problems.push(`page error: ${error.message}`));
        const reportUrl = 'http://report.invalid/report.html';
        await page.route('**/*', route => {
            if (route.request().url() === reportUrl)
                return route.fulfill({
                    status: 200,
                    contentType: 'text/html; charset=utf-8',
                    body: renderReport(model, { cascadeSvg })
                });
            problems.push(`request: ${route.request().url()}`);
            return route.abort();
        });
        await page.goto(reportUrl, { waitUntil: 'load' });
        const shown = (await page.evaluate(
            `(() => ({
                text: document.body.innerText + ' ' + document.body.textContent,
                injected: (${INJECTION_CHECK})(document)
            }))()`
        )) as { text: string; injected: string[] };
        await page.close();
        expect(problems).toEqual([]);
        expect(shown.injected).toEqual([]);
        expect(missingWords(shown.text)).toEqual([]);
    }, 120_000);

    test("the extension's report webview puts its CSP first and keeps no script", () => {
        figures.outputsChecked++;
        const page = reportHtml(renderReport(model, { cascadeNote: 'left out' }));
        expect(page).toMatch(
            new RegExp(
                '^<!DOCTYPE html>\\s*<html[^>]*>\\s*<head[^>]*>' +
                    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\';'
            )
        );
        expect(page).not.toMatch(/<script/i);
    });
});

/**
 * In a page of the site: its text and anything injected, with the site's own script and its JSON island set
 * aside (the data must parse as JSON; nothing else in the page may be a script).
 */
const SITE_SHOWN = `((site) => {
    const copy = document.documentElement.cloneNode(true);
    let data = null;
    for (const script of copy.querySelectorAll('script')) {
        if (script.type === 'application/json' && script.id === 'site-data') {
            data = JSON.parse(script.textContent);
            script.remove();
        } else if (!script.src && script.type === '' && script.textContent === site) script.remove();
    }
    const body = copy.querySelector('body');
    return { text: body.textContent, injected: (${INJECTION_CHECK})(copy), data: data !== null };
})(${JSON.stringify(SITE_SCRIPT)})`;

describe('the site (mission build) with hostile text', () => {
    test('in Chromium no page runs anything or asks for anything, and together they show every hostile word', async ({
        skip
    }) => {
        figures.outputsChecked++;
        const cascadeSvg = await dotToSvg(siteCascadeDot(model));
        // As text (without the figure, whose tooltips hold the words `onerror=` escaped inside attributes):
        // nothing but the site's own script, and its data island with no `<` in it.
        for (const { path, content } of renderSite(model).filter(page => page.path.endsWith('.html')))
            expect(withoutSiteScript(content), path).not.toMatch(/<script|<img|<iframe|<[a-z][^>]*\son\w+=/i);
        const pages = new Map(renderSite(model, { cascadeSvg }).map(page => [page.path, page.content]));
        if (!browser) return skip(NO_BROWSER);
        const page = await blankPage();
        const problems: string[] = [];
        page.on('console', message => {
            if (message.type() === 'error' || message.type() === 'warning')
                problems.push(`console ${message.type()}: ${message.text()}`);
        });
        page.on('pageerror', error => problems.push(`page error: ${error.message}`));
        const origin = 'http://site.invalid/';
        await page.route('**/*', route => {
            const path = route.request().url().slice(origin.length);
            const content = route.request().url().startsWith(origin) ? pages.get(path) : undefined;
            if (content !== undefined && path.endsWith('.html'))
                return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: content });
            problems.push(`request: ${route.request().url()}`);
            return route.abort();
        });
        let shownText = '';
        for (const path of [...pages.keys()].filter(name => name.endsWith('.html'))) {
            await page.goto(origin + path, { waitUntil: 'load' });
            const shown = (await page.evaluate(SITE_SHOWN)) as { text: string; injected: string[]; data: boolean };
            expect(shown.injected, path).toEqual([]);
            expect(shown.data, path).toBe(path === 'index.html');
            shownText += ` ${shown.text}`;
        }
        // The script on hostile data: every filter choice and searches for hostile text show and hide nodes,
        // and the search finds the mission whose title holds the hostile string.
        await page.goto(`${origin}index.html`, { waitUntil: 'load' });
        for (const key of ['tag', 'status', 'lead', 'pace']) {
            if (await page.locator(`#filter-${key}`).isDisabled()) continue;
            const values = await page
                .locator(`#filter-${key} option`)
                .evaluateAll(options => options.map(option => (option as HTMLOptionElement).value));
            for (const value of values) await page.selectOption(`#filter-${key}`, value);
            await page.selectOption(`#filter-${key}`, '');
        }
        for (const text of ['<script>alert(1)</script>', '"><img src=x onerror=alert(3)>']) {
            await page.fill('#find-name', text);
            expect(await page.locator('.cascade g.node.match').count(), text).toBeGreaterThan(0);
            // The list of matches the script wrote holds the hostile titles as text, nothing that runs.
            expect(await page.locator('#find-results li').count(), text).toBeGreaterThan(0);
            const listed = (await page.evaluate(SITE_SHOWN)) as { text: string; injected: string[] };
            expect(listed.injected, text).toEqual([]);
            expect(await page.locator('#find-results').textContent(), text).toContain(text);
        }
        await page.close();
        expect(problems).toEqual([]);
        expect(missingWords(shownText)).toEqual([]);
    }, 300_000);
});

describe('the Markdown brief with hostile text', () => {
    test('rendered by CommonMark (markdown-it, raw HTML on) and GFM (marked), it shows its syntax as text', async ({
        skip
    }) => {
        figures.outputsChecked++;
        const brief = renderBrief(model, 'boss');
        const renderings = [
            new MarkdownIt({ html: true, linkify: false }).render(brief),
            await marked.parse(brief, { gfm: true })
        ];
        for (const rendered of renderings) {
            expect(rendered).not.toMatch(/<(script|img|svg|iframe)\b/i);
            expect(rendered).not.toMatch(/<a\s/i);
            expect(rendered).not.toMatch(/<del>|<h[1-6][^>]*>\s*heading|<(em|strong)>(bold|em)</);
        }
        if (!browser) return skip(NO_BROWSER);
        const page = await blankPage();
        for (const rendered of renderings) {
            const shown = (await page.evaluate(`(() => {
                const document = new DOMParser().parseFromString(${JSON.stringify(rendered)}, 'text/html');
                return { text: document.body.textContent, injected: (${INJECTION_CHECK})(document) };
            })()`)) as { text: string; injected: string[] };
            expect(shown.injected).toEqual([]);
            expect(missingWords(shown.text)).toEqual([]);
        }
        await page.close();
    }, 120_000);
});

/** URLs that must never become links, and the four that may (each only as itself, percent-encoded). */
const HOSTILE_URLS: readonly string[] = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'javascript://example.com/%0aalert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/x',
    'https:evil.example',
    'https://ok.example/a)(b"c\'<d>`e[f]\\g',
    'https://ok.example/](javascript:alert(1))',
    'mailto:a@b.example?subject=<img/src=x/onerror=alert(1)>',
    'http://ok.example/#"><script>alert(1)</script>'
];
const LINKABLE = 4;
const HOSTILE_LABELS = ['<img src=x onerror=alert(1)>', '[x](javascript:alert(1))', '"><script>alert(1)</script>'];

function hostileLinksModel(): string {
    const links = HOSTILE_URLS.map(
        (url, index) => `  link ${stringLiteral(url)} ${stringLiteral(HOSTILE_LABELS[index % HOSTILE_LABELS.length]!)}`
    );
    return (
        'vision V\nperson boss { capacity 9 }\n' +
        `mission L under V {\n  intent "x"\n  lead boss\n  tags north, x-y_z\n${links.join('\n')}\n` +
        `  link ${stringLiteral('javascript:alert(2)')}\n}\n`
    );
}

/** Every `href` of rendered HTML, decoded as a browser reads the attribute. */
function hrefs(rendered: string): string[] {
    return [...rendered.matchAll(/<a\s[^>]*href="([^"]*)"/gi)].map(match =>
        match[1]!
            .replace(/&amp;/g, '&')
            .replace(/&quot;/g, '"')
            .replace(/&#39;/g, "'")
    );
}

describe('hostile links and tags', () => {
    let links: OutputModel;
    beforeAll(async () => {
        const result = await checkFiles([hostileLinksModel()]);
        expect(result.diagnostics.filter(d => ['syntax-error', 'unresolved-reference'].includes(d.code))).toEqual([]);
        links = outputModelOf(result, result.diagnostics, result.summary);
    });

    test('the report makes links only of https, http and mailto URLs, and runs nothing', async ({ skip }) => {
        figures.outputsChecked++;
        const page = renderReport(links);
        // In-page links (the scorecard's rows and the diagnostics, both ways) are anchors made of indexes.
        const anchors = hrefs(page).filter(href => href.startsWith('#'));
        for (const href of anchors) expect(href).toMatch(/^#(mission|vision|person|problem)-\d+$/);
        const found = hrefs(page).filter(href => !href.startsWith('#'));
        expect(found).toHaveLength(LINKABLE);
        for (const href of found) expect(href).toMatch(/^(https:\/\/ok\.example\/|http:\/\/ok\.example\/|mailto:)/);
        // Text such as `onerror=` stays text: no element of the page has a handler or is a script or image.
        expect(page).not.toMatch(/<script|<img|<[a-z][^>]*\son\w+=/i);
        expect(page).toContain('<span class="tag">#north</span> <span class="tag">#x-y_z</span>');
        if (!browser) return skip(NO_BROWSER);
        const browserPage = await blankPage();
        const requests: string[] = [];
        const reportUrl = 'http://report.invalid/links.html';
        await browserPage.route('**/*', route => {
            if (route.request().url() === reportUrl)
                return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page });
            requests.push(route.request().url());
            return route.abort();
        });
        await browserPage.goto(reportUrl, { waitUntil: 'load' });
        const shown = (await browserPage.evaluate(
            `(() => ({
                injected: (${INJECTION_CHECK})(document),
                links: [...document.querySelectorAll('a[href]:not([href^="#"])')].map(a => a.protocol)
            }))()`
        )) as { injected: string[]; links: string[] };
        await browserPage.close();
        expect(requests).toEqual([]);
        expect(shown.injected).toEqual([]);
        expect(shown.links.sort()).toEqual(['http:', 'https:', 'https:', 'mailto:']);
    }, 120_000);

    test('the site makes links only of https, http and mailto URLs (the rest are its own relative pages)', () => {
        figures.outputsChecked++;
        const pages = renderSite(links).filter(page => page.path.endsWith('.html'));
        const external = pages.flatMap(page => hrefs(page.content)).filter(href => /^[a-z][a-z0-9+.-]*:/i.test(href));
        expect(external).toHaveLength(LINKABLE);
        for (const href of external) expect(href).toMatch(/^(https:\/\/ok\.example\/|http:\/\/ok\.example\/|mailto:)/);
        for (const page of pages)
            expect(withoutSiteScript(page.content), page.path).not.toMatch(/<script|<img|<[a-z][^>]*\son\w+=/i);
    });

    test('the brief makes Markdown links only of https, http and mailto URLs in CommonMark and GFM', async () => {
        figures.outputsChecked++;
        const brief = renderBrief(links, 'boss');
        expect(brief).toContain('- **Tags:** \\#north, \\#x-y\\_z');
        const renderings = [
            // As in the hostile brief test: linkify is the renderer's own choice, never the brief's.
            new MarkdownIt({ html: true, linkify: false }).render(brief),
            await marked.parse(brief, { gfm: true })
        ];
        for (const rendered of renderings) {
            expect(rendered).not.toMatch(/<(script|img|svg|iframe)\b/i);
            const found = hrefs(rendered);
            expect(found).toHaveLength(LINKABLE);
            for (const href of found)
                expect(href).toMatch(/^(https:\/\/ok\.example\/|http:\/\/ok\.example\/|mailto:a@b\.example)/);
            // `javascript` may remain as text in an https URL's path; what could end the destination may not.
            expect(found.join('')).not.toMatch(/[()<>"' ]/);
        }
    });
});

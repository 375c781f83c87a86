import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../../language/test/outputs/chromium.js';
import { EXAMPLE, expectUsageError, FIXTURES, REPO, runCli, temporaryFolder } from './helpers.js';

/** Why a test's browser checks did not run: it then counts as skipped, never as passed. */
const NO_BROWSER = 'no Chromium here: the browser checks of this test did not run';

let browser: Browser | undefined;

// Installing chromium (when it is missing and the tests run as root) can take minutes.
beforeAll(async () => {
    browser = await launchChromium();
}, 900_000);

afterAll(async () => {
    await browser?.close();
});

interface Rendered {
    consoleErrors: string[];
    externalRequests: string[];
    scripts: number;
    sections: string[];
    cascadeNodes: number;
    measureRows: number;
    people: string[];
    staging: string[];
    diagnostics: string[];
    overCapacity: string[];
    title: string;
}

/**
 * Opens the report from disk in headless Chromium, recording console errors and every request that is not the
 * page itself.
 */
async function render(file: string, screenshot?: string): Promise<Rendered> {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    const consoleErrors: string[] = [];
    const externalRequests: string[] = [];
    const url = pathToFileURL(file).href;
    page.on('console', message => {
        if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(message.text());
    });
    page.on('pageerror', error => consoleErrors.push(error.message));
    page.on('request', request => {
        if (request.url() !== url) externalRequests.push(request.url());
    });
    await page.goto(url, { waitUntil: 'load' });
    if (screenshot) {
        mkdirSync(join(screenshot, '..'), { recursive: true });
        await page.screenshot({ path: screenshot, fullPage: true });
    }
    const facts = await page.evaluate(() => {
        const texts = (selector: string) =>
            [...document.querySelectorAll(selector)].map(element =>
                (element.textContent ?? '').replace(/\s+/g, ' ').trim()
            );
        return {
            scripts: document.querySelectorAll('script').length,
            sections: [...document.querySelectorAll('section.card')].map(section => section.id),
            cascadeNodes: document.querySelectorAll('#cascade svg g.node').length,
            measureRows: document.querySelectorAll('#measures tbody tr:not(.group):not(.facts)').length,
            people: texts('#people tbody td.person b'),
            staging: texts('#staging tbody tr td:nth-child(2) b'),
            diagnostics: texts('#diagnostics tbody td:nth-child(2)'),
            overCapacity: texts('#people td.over'),
            title: document.querySelector('h1')?.textContent ?? ''
        };
    });
    await page.close();
    return { consoleErrors, externalRequests, ...facts };
}

describe('mission report', () => {
    test('the language example renders as one self-contained page (screenshot in out/test/report.png)', async ({
        skip
    }) => {
        const folder = temporaryFolder();
        const file = join(folder, 'report.html');
        const run = await runCli(['report', EXAMPLE, '-o', file, '--today', '2026-11-23']);
        expect(run.code).toBe(0);
        const page = readFileSync(file, 'utf8');
        expect(page).toMatch(
            new RegExp(
                '<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; ' +
                    'style-src &#39;sha256-[A-Za-z0-9+/=]+&#39;'
            )
        );
        expect(page).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
        if (!browser) return skip(NO_BROWSER);
        const rendered = await render(file, join(REPO, 'out/test/report.png'));
        expect(rendered.consoleErrors).toEqual([]);
        expect(rendered.externalRequests).toEqual([]);
        expect(rendered).toMatchObject({
            scripts: 0,
            sections: ['cascade', 'measures', 'people', 'staging', 'diagnostics'],
            cascadeNodes: 4,
            measureRows: 4,
            people: ['alice', 'bob', 'cara'],
            staging: ['Recruit'],
            diagnostics: ['staged-without-value', 'unmapped-measures'],
            title: 'Be the most trusted regional healthcare provider'
        });
    });

    test('hostile titles stay text; over capacity, CD3 ranking and every diagnostic are shown', async ({ skip }) => {
        const folder = temporaryFolder();
        const file = join(folder, 'report.html');
        const run = await runCli(['report', 'problems.mission', '-o', file, '--today', '2026-11-23'], {
            cwd: FIXTURES
        });
        expect(run.code).toBe(1);
        const page = readFileSync(file, 'utf8');
        expect(page).not.toContain('<script>');
        expect(page).toContain('Alpha &lt;script&gt;alert(1)&lt;/script&gt;');
        expect(page).toContain('<b>53.85</b>'); // CD3 of Gamma: 4k EUR per month = 923.08 per week over 17.14 weeks
        if (!browser) return skip(NO_BROWSER);
        const rendered = await render(file);
        expect(rendered.consoleErrors).toEqual([]);
        expect(rendered.externalRequests).toEqual([]);
        expect(rendered.scripts).toBe(0);
        expect(rendered.overCapacity).toEqual(['2 / 1']);
        expect(rendered.staging).toEqual(['Gamma']);
        expect(rendered.diagnostics).toEqual([
            'over-capacity',
            'over-capacity',
            'over-capacity',
            'missing-intent',
            'unmeasured-mission'
        ]);
    });

    test('the scorecard in cascade order, linked both ways with the diagnostics; the cascade zooms, no script', async ({
        skip
    }) => {
        const folder = temporaryFolder();
        const model = join(folder, 'model.mission');
        writeFileSync(
            model,
            `vision V "Serve"
person p { capacity 9 }
mission A "Alpha" under V { intent "a" lead p
    boundary { window 2026-01-01 .. 2026-12-31 budget 100k GBP headcount 6 must "stay <legal>" must not "spend twice" }
    measure m { target 10 current 5 } }
mission B "Beta" under V { intent "b" lead nobody measure n { target 1 } }
mission A1 under A { intent "x" lead p boundary { budget 30k GBP headcount 2 }
    measure m { target 4 contributes to A.m } }
mission A2 under A { lead p boundary { budget 20k GBP headcount 1 } measure m { target 4 contributes to A.m } }
mission Deep under A1 { intent "d" lead p measure m { target 1 contributes to A1.m } }
`
        );
        const file = join(folder, 'report.html');
        const run = await runCli(['report', model, '-o', file, '--today', '2026-11-23']);
        expect(run.code).toBe(1); // B's lead is unresolved
        const page = readFileSync(file, 'utf8');
        // Window, budget and headcount with what the children are allocated; the boundaries, escaped.
        expect(page).toContain(
            '<span class="label">Budget</span> 100,000 GBP <span class="none">· children 50,000 GBP</span>'
        );
        expect(page).toContain('<span class="label">Headcount</span> 6 <span class="none">· children 3</span>');
        expect(page).toContain('<span class="label">Window</span> 2026-01-01 .. 2026-12-31</span>');
        expect(page).toContain('<li class="must"><span class="label">Must</span> stay &lt;legal&gt;</li>');
        expect(page).toContain('<li class="must-not"><span class="label">Must not</span> spend twice</li>');
        expect(page).not.toMatch(/<script/i);
        if (!browser) return skip(NO_BROWSER);
        const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const consoleErrors: string[] = [];
        tab.on('console', message => {
            if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(message.text());
        });
        await tab.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        const facts = await tab.evaluate(() => ({
            rows: [...document.querySelectorAll('#measures tr.group')].map(row => {
                const cell = row.querySelector('td')!;
                return `${cell.className} ${(cell.firstChild?.textContent ?? '').trim()}`;
            }),
            broken: [...document.querySelectorAll('a[href^="#"]')]
                .map(link => link.getAttribute('href')!)
                .filter(href => !document.getElementById(href.slice(1))),
            links: document.querySelectorAll('a[href^="#"]').length,
            problemsOfB: [...document.querySelectorAll('#mission-1 a.problem')].map(
                link => `${link.className} ${link.textContent} ${link.getAttribute('href')}`
            )
        }));
        // Depth first from the vision, each level indented.
        expect(facts.rows).toEqual([
            'level-0 Vision V',
            'level-1 A',
            'level-2 A1',
            'level-3 Deep',
            'level-2 A2',
            'level-1 B'
        ]);
        expect(facts.broken).toEqual([]);
        expect(facts.links).toBeGreaterThanOrEqual(4);
        // B's row links to its error and its warning; the diagnostic links back to B's row.
        expect(facts.problemsOfB[0]).toMatch(/^problem error unresolved-reference #problem-\d+$/);
        const anchor = facts.problemsOfB[0]!.split(' ').at(-1)!;
        expect(await tab.locator(`${anchor} a.element`).textContent()).toBe('B');
        await tab.click(`${anchor} a.element`);
        expect(await tab.evaluate(() => location.hash)).toBe('#mission-1');
        await tab.click(`#mission-1 a.problem.error`);
        expect(await tab.evaluate(() => location.hash)).toBe(anchor);
        // Zoom: radio buttons and the stylesheet, no script. 200% is twice 100%; at 300% the figure scrolls.
        const width = () => tab.evaluate(() => document.querySelector('#cascade svg')!.getBoundingClientRect().width);
        const fit = await width();
        await tab.click('label[for="zoom-100"]');
        const natural = await width();
        await tab.click('label[for="zoom-200"]');
        expect((await width()) / natural).toBeCloseTo(2, 1);
        await tab.click('label[for="zoom-300"]');
        expect(
            await tab.evaluate(() => {
                const figure = document.querySelector('#cascade .cascade')!;
                return figure.scrollWidth > figure.clientWidth || figure.scrollHeight > figure.clientHeight;
            })
        ).toBe(true);
        await tab.click('label[for="zoom-fit"]');
        expect(await width()).toBeCloseTo(fit, 0);
        expect(await tab.evaluate(() => document.querySelectorAll('script').length)).toBe(0);
        expect(consoleErrors).toEqual([]);
        await tab.close();
    });

    test('writes to stdout without -o; a missing path is a usage error', async () => {
        const run = await runCli(['report', EXAMPLE]);
        expect(run.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
        expectUsageError(
            await runCli(['report', 'nowhere/', '-o', 'x.html']),
            expect,
            /^mission: nowhere\/: no such file or folder$/
        );
    });
});

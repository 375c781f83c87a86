/**
 * A walk through the site of the healthcare example in Chromium, as a reader would take it (issue #19):
 * `mission serve` on a copy of the example; the cascade, a search that highlights its mission, a filter,
 * a click through to the mission's page and on to its lead's page; a saved file that reloads the open page
 * with the new text; the scorecard sorted by pace. And the built site from `file://`: its script runs under the
 * CSP there too. No console error and no CSP violation on the way.
 * With UPDATE_SCREENSHOTS=1 it also writes the screenshots of docs/site.md (docs/images/site-*.png).
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../../language/test/outputs/chromium.js';
import { type SiteServer, startSiteServer } from '../src/serve.js';
import { pathToFileURL } from 'node:url';
import { REPO, runCli, temporaryFolder } from './helpers.js';

/** Why the walk did not run: it then counts as skipped, never as passed. */
const NO_BROWSER = 'no Chromium here: the walk through the site did not run';
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? join(REPO, 'docs/images') : undefined;
/** Generous: the machine may be shared; every wait is for an event or a state, never a fixed time. */
const WAIT = { timeout: 30_000 };

let browser: Browser | undefined;
let server: SiteServer | undefined;

beforeAll(async () => {
    browser = await launchChromium();
}, 900_000);

afterAll(async () => {
    await server?.close();
    await browser?.close();
});

async function screenshot(page: Page, name: string): Promise<void> {
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `site-${name}.png`) });
}

describe('the site in Chromium', () => {
    test('the cascade, search, a filter, a mission, its lead, a saved file, the sorted scorecard', async ({ skip }) => {
        if (!browser) return skip(NO_BROWSER);
        const folder = join(temporaryFolder(), 'healthcare');
        cpSync(join(REPO, 'examples/healthcare-turnaround'), folder, { recursive: true });
        const output = { stdout: () => undefined, stderr: () => undefined, color: false };
        server = await startSiteServer([folder], { port: '0', today: '2026-11-23' }, output);
        const page = await browser.newPage({ viewport: { width: 1200, height: 760 }, deviceScaleFactor: 1 });
        const problems: string[] = [];
        page.on('console', message => {
            if (message.type() === 'error' || message.type() === 'warning')
                problems.push(`console ${message.type()}: ${message.text()}`);
        });
        page.on('pageerror', error => problems.push(`page error: ${error.message}`));
        const matches = (): Promise<string[]> =>
            page.locator('.cascade g.node.match').evaluateAll(nodes => nodes.map(node => node.id));

        // The cascade: the script ran (its tools are shown), the figure pans and zooms.
        await page.goto(server.url);
        await page.locator('#cascade-tools').waitFor({ state: 'visible', ...WAIT });
        const viewBox = async (): Promise<number[]> =>
            ((await page.locator('.cascade svg').getAttribute('viewBox')) ?? '').split(' ').map(Number);
        const fitted = await viewBox();
        expect(fitted).toHaveLength(4);
        await page.locator('button[data-zoom="in"]').click();
        const zoomed = await viewBox();
        expect(zoomed[2]).toBeCloseTo(fitted[2]! * 0.8);
        await page.locator('button[data-zoom="fit"]').click();
        expect(await viewBox()).toEqual(fitted);

        // Search by title: the one matching mission is highlighted, the others dimmed.
        await page.locator('#find-name').fill('underlying deficit');
        expect(await matches()).toEqual(['mission-Finances']);
        expect(await page.locator('#find-count').textContent()).toBe('1 of 20 missions');
        expect(await page.locator('.cascade g.node.dim').count()).toBe(20);
        await page.locator('#find-name').fill('');
        expect(await matches()).toEqual([]);

        // A filter: the staged missions.
        await page.locator('#filter-status').selectOption('staged');
        expect(await matches()).toEqual(['mission-EstateRationalise']);
        await page.locator('#cascade').evaluate(card => card.scrollIntoView());
        await screenshot(page, 'cascade');
        await page.locator('#filter-status').selectOption('');

        // Click a node: the mission's page.
        await page.locator('#mission-Finances a').click();
        await page.waitForURL(/\/missions\/Finances\.html$/, WAIT);
        expect(await page.locator('h1').textContent()).toMatch(/^Finances/);
        await screenshot(page, 'mission');

        // Its lead: the person's page, with the load chart.
        await page.locator('main a[href="../people/lindqvist.html"]').first().click();
        await page.waitForURL(/\/people\/lindqvist\.html$/, WAIT);
        await expect(page.locator('header.top p.vision').textContent()).resolves.toContain('Director of Finance');
        expect(await page.locator('svg.load-chart').count()).toBe(1);
        await page.locator('#load').evaluate(card => card.scrollIntoView());
        await screenshot(page, 'person');

        // A saved file: the open page reloads itself with the new text.
        const connected = page.waitForResponse(response => response.url().endsWith('/_events'), WAIT);
        await page.reload();
        await connected;
        const reloaded = page.waitForEvent('load', WAIT);
        const people = join(folder, 'people.mission');
        writeFileSync(
            people,
            readFileSync(people, 'utf8').replace('role "Director of Finance"', 'role "Director of Finance and Estates"')
        );
        await reloaded;
        await expect(page.locator('header.top p.vision').textContent()).resolves.toContain(
            'Director of Finance and Estates'
        );

        // The scorecard, sorted by pace: the missions behind first, then a third click restores the cascade order.
        await page.locator('nav.site a', { hasText: 'Scorecard' }).click();
        await page.waitForURL(/\/scorecard\.html$/, WAIT);
        const missions = (): Promise<Array<string | null>> =>
            page
                .locator('table.scorecard tr.group')
                .evaluateAll(rows => rows.map(row => row.getAttribute('data-pace')));
        const cascadeOrder = await missions();
        const pace = page.locator('th[data-sort="pace"] button');
        await pace.click();
        const sorted = await missions();
        expect(sorted[0]).toBe('0');
        expect(sorted.filter(value => value !== null)).toEqual(
            cascadeOrder.filter(value => value !== null).sort((a, b) => Number(a) - Number(b))
        );
        await expect(page.locator('th[data-sort="pace"]').getAttribute('aria-sort')).resolves.toBe('ascending');
        await pace.click();
        await pace.click();
        expect(await missions()).toEqual(cascadeOrder);

        await page.close();
        expect(problems).toEqual([]);
    }, 180_000);

    test('from file:// (--depth 2): the script runs; search lists what the figure leaves out; sorting', async ({
        skip
    }) => {
        if (!browser) return skip(NO_BROWSER);
        const site = join(temporaryFolder(), 'site');
        const run = await runCli(
            ['build', 'examples/healthcare-turnaround', '-o', site, '--depth', '2', '--today', '2026-11-23'],
            { cwd: REPO }
        );
        expect(run.code).toBe(0);
        const page = await browser.newPage({ viewport: { width: 1200, height: 760 } });
        const problems: string[] = [];
        page.on('console', message => {
            if (message.type() === 'error' || message.type() === 'warning')
                problems.push(`console ${message.type()}: ${message.text()}`);
        });
        page.on('pageerror', error => problems.push(`page error: ${error.message}`));
        await page.goto(pathToFileURL(join(site, 'index.html')).href);
        await page.locator('#cascade-tools').waitFor({ state: 'visible', ...WAIT });
        const matches = (): Promise<string[]> =>
            page.locator('.cascade g.node.match').evaluateAll(nodes => nodes.map(node => node.id));
        // The keyboard on the focused figure: + zooms in, 0 fits again.
        const width = async (): Promise<number> =>
            Number(((await page.locator('.cascade svg').getAttribute('viewBox')) ?? '').split(' ')[2]);
        const fitted = await width();
        await page.locator('.cascade').focus();
        await page.keyboard.press('+');
        expect(await width()).toBeCloseTo(fitted * 0.8);
        await page.keyboard.press('0');
        expect(await width()).toBe(fitted);
        // Drawn (level 2): outlined in the figure, and Enter centres it and focuses its link.
        await page.locator('#find-name').fill('nursing gaps');
        expect(await matches()).toEqual(['mission-Workforce']);
        await page.locator('#find-name').press('Enter');
        await expect(page.evaluate(() => document.activeElement?.closest('g.node')?.id)).resolves.toBe(
            'mission-Workforce'
        );
        // Below the figure's depth: no node, but listed with a link to its page.
        await page.locator('#find-name').fill('RETENTION');
        expect(await matches()).toEqual([]);
        expect(await page.locator('#find-count').textContent()).toBe('1 of 20 missions (0 in the figure)');
        const found = page.locator('#find-results a');
        expect(
            await found.evaluateAll(links => links.map(link => [link.textContent, link.getAttribute('href')]))
        ).toEqual([['Retention', 'missions/Retention.html']]);
        await found.click();
        await page.waitForURL(/\/missions\/Retention\.html$/, WAIT);
        await page.goto(pathToFileURL(join(site, 'scorecard.html')).href);
        await page.locator('th[data-sort="name"] button').click();
        const names = await page
            .locator('table.scorecard tr.group')
            .evaluateAll(rows => rows.map(row => row.getAttribute('data-name') ?? ''));
        expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
        await page.close();
        expect(problems).toEqual([]);
    }, 120_000);
});

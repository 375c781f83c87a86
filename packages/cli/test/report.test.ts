import { mkdirSync, readFileSync } from 'node:fs';
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
            measureRows: document.querySelectorAll('#measures tbody tr:not(.group)').length,
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

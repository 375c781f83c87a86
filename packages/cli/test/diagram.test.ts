import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../../language/test/outputs/chromium.js';
import { EXAMPLE, expectUsageError, FIXTURES, REPO, runCli, temporaryFolder } from './helpers.js';

/** Why a test's browser checks did not run: it then counts as skipped, never as passed. */
const NO_BROWSER = 'no Chromium here: the browser checks of this test did not run';

let browser: Browser | undefined;
let page: Page | undefined;

/** The part of Mermaid's API the page uses, on the global that mermaid.min.js defines there. */
interface MermaidApi {
    initialize(config: { startOnLoad: boolean; securityLevel: string }): void;
    parse(text: string): Promise<unknown>;
    render(id: string, text: string): Promise<{ svg: string }>;
}
type MermaidPage = typeof globalThis & { mermaid: MermaidApi };

beforeAll(async () => {
    browser = await launchChromium();
    if (!browser) return;
    page = await browser.newPage();
    await page.setContent('<!doctype html><html><body><div id="out"></div></body></html>');
    await page.addScriptTag({ path: join(REPO, 'node_modules/mermaid/dist/mermaid.min.js') });
    await page.evaluate(() =>
        (globalThis as MermaidPage).mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' })
    );
}, 900_000); // installing chromium (when it is missing and the tests run as root) can take minutes

afterAll(async () => {
    await browser?.close();
});

/** Mermaid's own parser and renderer: the number of nodes drawn, or the error it throws. */
async function renderMermaid(text: string): Promise<{ nodes: number; error?: string; text?: string }> {
    return page!.evaluate(async source => {
        const mermaid = (globalThis as MermaidPage).mermaid;
        try {
            await mermaid.parse(source);
            const { svg } = await mermaid.render(`d${Math.random().toString(36).slice(2)}`, source);
            const out = document.getElementById('out')!;
            out.innerHTML = svg;
            // Relays (invisible, carrying a supports link between missions on one level) are no element.
            const nodes = out.querySelectorAll('g.node:not(.relay)').length;
            const shown =
                out.querySelectorAll('script, b b').length === 0 ? (out.textContent ?? '') : 'MARKUP INJECTED';
            out.innerHTML = '';
            return { nodes, text: shown };
        } catch (error) {
            return { nodes: 0, error: String(error) };
        }
    }, text);
}

/** Parses SVG as XML in the browser: whether it is well-formed and the mission/vision nodes in it. */
async function parseSvg(
    svg: string
): Promise<{ wellFormed: boolean; missions: string[]; visions: number; errors: number; dashed: number }> {
    return page!.evaluate(text => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        const wellFormed =
            doc.getElementsByTagName('parsererror').length === 0 && doc.documentElement.nodeName === 'svg';
        return {
            wellFormed,
            missions: [...doc.querySelectorAll('g.node.mission')].map(node => node.id),
            visions: doc.querySelectorAll('g.node.vision').length,
            errors: doc.querySelectorAll('g.node.has-errors').length,
            dashed: doc.querySelectorAll('g.edge.supports path[stroke-dasharray]').length
        };
    }, svg);
}

describe('mission diagram', () => {
    test('Mermaid that Mermaid itself accepts, one node per vision and mission, even with hostile titles', async ({
        skip
    }) => {
        for (const [cwd, file, count] of [
            [REPO, EXAMPLE, 4],
            [FIXTURES, 'problems.mission', 4]
        ] as const) {
            const run = await runCli(['diagram', file, '--today', '2026-11-23'], { cwd });
            expect(run.stdout.startsWith('flowchart TB\n')).toBe(true);
            if (!page) continue;
            expect(await renderMermaid(run.stdout)).toMatchObject({ nodes: count });
        }
        if (!page) return skip(NO_BROWSER);
        const hostile = await runCli(['diagram', 'problems.mission'], { cwd: FIXTURES });
        const rendered = await renderMermaid(hostile.stdout);
        expect(rendered.text).toContain('Alpha <script>alert(1)</script> \\\u200bback');
        expect(rendered.text).toContain('Co: "quoted", 50% <b>bold</b> &');
    });

    test('SVG is well-formed XML with one node per mission, dashed supports and red errors', async ({ skip }) => {
        const run = await runCli(['diagram', 'problems.mission', '--format', 'svg', '--today', '2026-11-23'], {
            cwd: FIXTURES
        });
        expect(run.code).toBe(1);
        expect(run.stdout).toContain('<svg');
        expect(run.stdout).toContain('Alpha &lt;script&gt;alert(1)&lt;/script&gt;');
        if (!page) return skip(NO_BROWSER);
        expect(await parseSvg(run.stdout)).toEqual({
            wellFormed: true,
            missions: ['mission-Alpha', 'mission-Beta', 'mission-Gamma'],
            visions: 1,
            errors: 2,
            dashed: 1
        });
    });

    test('DOT, --root, --depth, --direction and --no-supports', async () => {
        const dot = await runCli([
            'diagram',
            EXAMPLE,
            '--format',
            'dot',
            '--root',
            'Grow',
            '--depth',
            '1',
            '--direction',
            'LR',
            '--no-supports'
        ]);
        expect(dot.code).toBe(0);
        expect(dot.stdout).toContain('rankdir=LR');
        expect(dot.stdout.match(/^ {4}n\d+ \[id=/gm)).toHaveLength(3);
        expect(dot.stdout).not.toContain('supports');
        const withSupports = await runCli(['diagram', EXAMPLE, '--format', 'dot']);
        expect(withSupports.stdout).toMatch(/n\d+ -> n\d+ \[class="supports", style=dashed/);
    });

    test('PNG (and the format from the -o extension) is written atomically', async () => {
        const folder = temporaryFolder();
        const run = await runCli(['diagram', EXAMPLE, '-o', join(folder, 'cascade.png')]);
        expect(run.code).toBe(0);
        const png = readFileSync(join(folder, 'cascade.png'));
        expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        expect(png.readUInt32BE(16)).toBeGreaterThan(400); // width
        await runCli(['diagram', EXAMPLE, '-o', join(folder, 'cascade.svg')]);
        expect(readFileSync(join(folder, 'cascade.svg'), 'utf8')).toContain('<svg');
        expect(readdirSync(folder).sort()).toEqual(['cascade.png', 'cascade.svg']);
    });

    test('the format follows the -o extension; an unknown one, or one --format contradicts, is exit 2', async () => {
        const folder = temporaryFolder();
        const inferred = await runCli(['diagram', EXAMPLE, '-o', join(folder, 'cascade.dot')]);
        expect(inferred.code).toBe(0);
        expect(readFileSync(join(folder, 'cascade.dot'), 'utf8')).toMatch(/^digraph cascade \{/);
        await runCli(['diagram', EXAMPLE, '-o', join(folder, 'CASCADE.MMD')]);
        expect(readFileSync(join(folder, 'CASCADE.MMD'), 'utf8')).toMatch(/^flowchart TB\n/);
        // An explicit format with an extension that is no format: that format, as asked.
        await runCli(['diagram', EXAMPLE, '--format', 'mermaid', '-o', join(folder, 'cascade.md')]);
        expect(readFileSync(join(folder, 'cascade.md'), 'utf8')).toMatch(/^flowchart TB\n/);

        const jpg = join(folder, 'x.jpg');
        expectUsageError(
            await runCli(['diagram', EXAMPLE, '-o', jpg]),
            expect,
            new RegExp(
                `^mission: -o ${jpg.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: '\\.jpg' is no diagram format; ` +
                    'use \\.mmd/\\.mermaid \\(mermaid\\), \\.dot/\\.gv \\(dot\\), ' +
                    '\\.svg \\(svg\\) or \\.png \\(png\\) ' +
                    '\\(or --format mermaid\\|dot\\|svg\\|png\\)$'
            )
        );
        expectUsageError(
            await runCli(['diagram', EXAMPLE, '--format', 'svg', '-o', join(folder, 'x.png')]),
            expect,
            new RegExp(
                '^mission: --format svg does not match -o .*x\\.png \\(a png file name\\): ' +
                    'name the file \\.svg, or leave out --format$'
            )
        );
        expect(readdirSync(folder).sort()).toEqual(['CASCADE.MMD', 'cascade.dot', 'cascade.md']);
    });

    test('every example draws as Mermaid and SVG', async ({ skip }) => {
        const examples = existsSync(join(REPO, 'examples'))
            ? readdirSync(join(REPO, 'examples')).filter(
                  name => name !== 'broken' && statSync(join(REPO, 'examples', name)).isDirectory()
              )
            : [];
        for (const example of examples) {
            const compiled = JSON.parse((await runCli(['compile', join('examples', example)], { cwd: REPO })).stdout);
            const svg = await runCli(['diagram', join('examples', example), '--format', 'svg'], { cwd: REPO });
            expect(svg.stderr).toBe('');
            const mermaid = await runCli(['diagram', join('examples', example)], { cwd: REPO });
            if (!page) continue;
            expect((await parseSvg(svg.stdout)).missions).toHaveLength(compiled.missions.length);
            expect(await renderMermaid(mermaid.stdout)).toMatchObject({
                nodes: compiled.missions.length + compiled.visions.length
            });
        }
        if (!page) skip(NO_BROWSER);
    });

    test('usage errors: unknown format or root, bad depth, png to stdout, a layout over its time limit', async () => {
        expectUsageError(
            await runCli(['diagram', EXAMPLE, '--format', 'gif']),
            expect,
            /^mission: unknown format 'gif' \(expected mermaid, dot, svg, png\)$/
        );
        expectUsageError(
            await runCli(['diagram', EXAMPLE, '--root', 'Nowhere']),
            expect,
            /^mission: --root Nowhere: no vision or mission is named 'Nowhere'$/
        );
        expectUsageError(
            await runCli(['diagram', EXAMPLE, '--root', 'Clinic']),
            expect,
            /^mission: --root Clinic: no vision or mission is named 'Clinic': did you mean 'Clinics'\?$/
        );
        expectUsageError(await runCli(['diagram', EXAMPLE, '--depth', '-1']), expect, /--depth wants a whole number/);
        expectUsageError(await runCli(['diagram', EXAMPLE, '--format', 'png']), expect, /--format png needs -o FILE/);
        expectUsageError(
            await runCli(['diagram', 'missing.mission']),
            expect,
            /^mission: missing\.mission: no such file or folder$/
        );
        const big = ['vision V'];
        for (let index = 0; index < 1500; index++)
            big.push(
                `mission M${index} "A mission with a long title number ${index}" ` +
                    `under ${index < 40 ? 'V' : `M${index % 40}`} { supports M${(index * 7) % 1500} }`
            );
        // A limit of 1 ms: no machine lays out 1,501 nodes that fast, however quick (the limit is a bound on the
        // machine's speed in the direction that cannot fail on a fast one).
        const slow = await runCli(['diagram', '-', '--format', 'svg', '--timeout', '0.001'], { stdin: big.join('\n') });
        expectUsageError(
            slow,
            expect,
            /^mission: the diagram layout took longer than 0\.001s \(1501 nodes\): draw less with --root\/--depth/
        );
        // The worker is replaced after a timeout: the next layout works.
        expect((await runCli(['diagram', EXAMPLE, '--format', 'svg'])).stdout).toContain('</svg>');
    });
});

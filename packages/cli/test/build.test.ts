/**
 * `mission build`: the site of a model as static files. Every page exists, every link between pages
 * resolves to a file (and an anchor to an element with that id), model text is escaped, each page carries
 * a strict CSP and no script but the site's own (hash-pinned, reading its data as JSON), and the folder is
 * replaced all at once (never a folder of other files).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import {
    checkSources,
    outputModelOf,
    SITE_SCRIPT,
    SITE_SCRIPT_ELEMENT,
    sourceFile,
    withoutSiteScript
} from 'mission-lang-language';
import { type CascadeMemo, layoutCascade } from '../src/build.js';
import { describe, expect, test } from 'vitest';
import { expectUsageError, FIXTURES, REPO, runCli, temporaryFolder } from './helpers.js';

const TODAY = ['--today', '2026-11-23'];

function filesUnder(folder: string): string[] {
    return readdirSync(folder, { recursive: true, withFileTypes: true })
        .filter(entry => entry.isFile())
        .map(entry => relative(folder, join(entry.parentPath, entry.name)).split('\\').join('/'))
        .sort();
}

/** Every href (and SVG xlink:href) of every page that does not resolve to a file, or to an id in it. */
function brokenLinks(site: string): string[] {
    const broken: string[] = [];
    for (const file of filesUnder(site).filter(name => name.endsWith('.html'))) {
        const page = readFileSync(join(site, file), 'utf8');
        for (const [, href] of page.matchAll(/\shref="([^"]*)"/g)) {
            const target = href!.replace(/&amp;/g, '&');
            if (/^(https?|mailto):/.test(target)) continue;
            const [path, anchor] = target.split('#');
            const resolved = path ? resolve(dirname(join(site, file)), path) : join(site, file);
            if (!resolved.startsWith(site) || !existsSync(resolved)) {
                broken.push(`${file}: ${target}`);
                continue;
            }
            if (anchor && !readFileSync(resolved, 'utf8').includes(`id="${anchor}"`)) broken.push(`${file}: ${target}`);
        }
    }
    return broken;
}

describe('mission build', () => {
    test('the healthcare example: every page exists and every link between pages resolves', async () => {
        const site = join(temporaryFolder(), 'site');
        const run = await runCli(['build', 'examples/healthcare-turnaround', '-o', site, ...TODAY], { cwd: REPO });
        expect(run.stderr).toMatch(/^mission build: 77 files written to .*site\n$/);
        expect(run.code).toBe(0);
        const files = filesUnder(site);
        for (const page of ['index.html', 'scorecard.html', 'people.html', 'staging.html', 'diagnostics.html'])
            expect(files).toContain(page);
        expect(files.filter(file => file.startsWith('missions/'))).toHaveLength(20);
        expect(files).toContain('people/mensah.html');
        expect(files).toContain('people/mensah.md');
        expect(brokenLinks(site)).toEqual([]);
        // The cascade's nodes link to the missions' pages.
        const index = readFileSync(join(site, 'index.html'), 'utf8');
        expect(index).toContain('<a xlink:href="missions/Workforce.html"');
        for (const file of files.filter(name => name.endsWith('.html'))) {
            const page = readFileSync(join(site, file), 'utf8');
            expect(page, file).toMatch(
                /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;/
            );
            expect(withoutSiteScript(page), file).not.toMatch(
                /<script|\sstyle=|\son[a-z]+=|https?:\/\/(?!www\.w3\.org)/i
            );
            // Only the cascade and the scorecard run the site's script; its hash is the only script source.
            const scripted = ['index.html', 'scorecard.html'].includes(file);
            expect(page.includes(SITE_SCRIPT_ELEMENT), file).toBe(scripted);
            expect(/script-src/.test(page), file).toBe(scripted);
        }
        const hash = createHash('sha256').update(SITE_SCRIPT).digest('base64');
        expect(index).toContain(`script-src &#39;sha256-${hash}&#39;; base-uri`);
        // The cascade's search and filters, with the model's own statuses and leads to choose from.
        expect(index).toContain('<div class="tools" id="cascade-tools" hidden><input type="search" id="find-name"');
        expect(index).toMatch(
            /<select id="filter-status"[^>]*><option value="">any status<\/option><option value="active">/
        );
        expect(index).toContain('<option value="mensah">mensah</option>');
        expect(index).toContain('<option value="on-track">on track</option>');
        const island = /<script type="application\/json" id="site-data">([^<]*)<\/script>/.exec(index)![1]!;
        const data = JSON.parse(island) as { missions: unknown[][]; visions: unknown[][] };
        expect(data.missions).toHaveLength(20);
        expect(data.missions).toContainEqual([
            'Workforce',
            'Fill the nursing gaps',
            [],
            'active',
            'mensah',
            'on-track',
            'missions/Workforce.html'
        ]);
        expect(data.visions).toEqual([['NorthVale', 'Safe, timely care for everyone in North Vale, within our means']]);
        // The scorecard's rows carry their sort keys; three columns sort.
        const scorecard = readFileSync(join(site, 'scorecard.html'), 'utf8');
        expect(scorecard).toContain('<table class="scorecard">');
        expect([...scorecard.matchAll(/<th data-sort="(\w+)">/g)].map(match => match[1])).toEqual([
            'name',
            'progress',
            'pace'
        ]);
        expect(scorecard).toMatch(/<tr class="group" data-name="Workforce" data-progress="0\.\d+" data-pace="1">/);
        // A person's load over time: a step chart against the capacity line.
        const mensah = readFileSync(join(site, 'people/mensah.html'), 'utf8');
        expect(mensah).toMatch(/<svg class="load-chart" viewBox="0 0 760 220" role="img" aria-label="Load over time /);
        expect(mensah).toMatch(/<path class="load" d="M44\.0 186\.0V[\d.]+H[\d.]+/);
        expect(mensah).toContain('<line class="capacity"');
        expect(mensah).toContain('>capacity 1</text>');
    });

    test('a mission page: intent, boundaries beside its children, measures with pace, support', async () => {
        const site = join(temporaryFolder(), 'site');
        await runCli(['build', 'examples/healthcare-turnaround', '-o', site, ...TODAY], { cwd: REPO });
        const page = readFileSync(join(site, 'missions/Workforce.html'), 'utf8');
        expect(page).toContain('<blockquote class="intent">Every ward has the nurses it needs from its own staff');
        expect(page).toContain('<b>End state:</b> Fewer than 90 nursing vacancies');
        expect(page).toContain('9,000,000 GBP <span class="none">· to its children: 5,700,000 GBP</span>');
        expect(page).toContain('120 <span class="none">· to its children: 72</span>');
        expect(page).toMatch(
            /vacancies .*<span class="pace on-track">on track<\/span> <span class="none">32% expected/
        );
        expect(page).toContain('<a href="../people/mensah.html">mensah</a>');
        expect(page).toContain(
            '<dt>Children</dt><dd><a href="../missions/InternationalRecruit.html">InternationalRecruit</a>'
        );
        expect(page).toContain('due 2026-12-02 (in 9 days)');
        const supported = readFileSync(join(site, 'missions/Outsourcing.html'), 'utf8');
        expect(supported).toContain('<dt>Supported by</dt><dd><a href="../missions/TheatreProductivity.html">');
    });

    test('problems: each mission page lists its own, the diagnostics page links each to its element', async () => {
        const site = join(temporaryFolder(), 'site');
        const run = await runCli(['build', 'problems.mission', '-o', site, ...TODAY], { cwd: FIXTURES });
        expect(run.code).toBe(1);
        const beta = readFileSync(join(site, 'missions/Beta.html'), 'utf8');
        expect(beta).toMatch(/<code>over-capacity<\/code>/);
        const gamma = readFileSync(join(site, 'missions/Gamma.html'), 'utf8');
        expect(gamma).toContain('<code>missing-intent</code>');
        expect(gamma).not.toContain('<code>over-capacity</code>');
        const diagnostics = readFileSync(join(site, 'diagnostics.html'), 'utf8');
        expect(diagnostics).toContain('<code>missing-intent</code></td><td><a href="missions/Gamma.html">Gamma</a>');
        expect(diagnostics).toContain('<a href="people/dana.html">dana</a>');
        // Hostile titles are text on every page.
        for (const file of filesUnder(site).filter(name => name.endsWith('.html'))) {
            const page = withoutSiteScript(readFileSync(join(site, file), 'utf8'));
            expect(page, file).not.toContain('<script>');
            expect(page, file).not.toContain('<b>bold</b>');
        }
        expect(readFileSync(join(site, 'missions/Alpha.html'), 'utf8')).toContain(
            'Alpha &lt;script&gt;alert(1)&lt;/script&gt;'
        );
        expect(brokenLinks(site)).toEqual([]);
        // In the data island, the title is JSON with `<` escaped: it can neither end the element nor run.
        const index = readFileSync(join(site, 'index.html'), 'utf8');
        expect(index).toContain('"Alpha \\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\\\ back"');
    });

    test('replaces its own earlier site at once, but never a folder of other files', async () => {
        const folder = temporaryFolder();
        const site = join(folder, 'site');
        expect((await runCli(['build', 'problems.mission', '-o', site, ...TODAY], { cwd: FIXTURES })).code).toBe(1);
        writeFileSync(join(site, 'missions/Stale.html'), 'left from an earlier model');
        expect((await runCli(['build', 'problems.mission', '-o', site, ...TODAY], { cwd: FIXTURES })).code).toBe(1);
        expect(existsSync(join(site, 'missions/Stale.html'))).toBe(false);
        expect(readdirSync(folder)).toEqual(['site']);

        const other = join(folder, 'docs');
        mkdirSync(other);
        writeFileSync(join(other, 'notes.txt'), 'mine');
        expectUsageError(
            await runCli(['build', 'problems.mission', '-o', other, ...TODAY], { cwd: FIXTURES }),
            expect,
            /^mission: .*docs: the folder holds other files \(no \.mission-site of an earlier mission build\)/
        );
        expect(readFileSync(join(other, 'notes.txt'), 'utf8')).toBe('mine');
    });

    test('--depth draws fewer levels of the cascade; every other page is still written', async () => {
        const site = join(temporaryFolder(), 'site');
        const run = await runCli(['build', 'examples/healthcare-turnaround', '-o', site, '--depth', '1', ...TODAY], {
            cwd: REPO
        });
        expect(run.code).toBe(0);
        const index = readFileSync(join(site, 'index.html'), 'utf8');
        const nodes = [...index.matchAll(/<g id="(mission|vision)&#45;(\w+)" class="node/g)].map(match => match[2]);
        expect(nodes).toEqual(['NorthVale', 'Turnaround']);
        expect(filesUnder(site).filter(file => file.startsWith('missions/'))).toHaveLength(20);
        expect(brokenLinks(site)).toEqual([]);
        expectUsageError(
            await runCli(['build', 'examples/healthcare-turnaround', '-o', site, '--depth', 'two'], { cwd: REPO }),
            expect,
            /^mission: --depth wants a whole number, not 'two'$/
        );
    });

    test('a cascade memo (mission serve) lays a DOT out once: an unchanged cascade reuses it', async () => {
        const modelOf = async (text: string) =>
            outputModelOf(
                await checkSources([sourceFile('m.mission', '/memo/m.mission', text)], { today: '2026-11-23' })
            );
        const silent = { stdout: () => undefined, stderr: () => undefined, color: false };
        const memo: CascadeMemo = {};
        const text =
            'vision Acme "Acme"\nmission Grow "Grow" under Acme { measure users "Users" { target 10 current 2 } }\n';
        const first = layoutCascade(await modelOf(text), undefined, 30_000, silent, memo);
        // Only a figure of a measure changed (not drawn at this depth): the same layout.
        const unchanged = await modelOf(text.replace('current 2', 'current 3'));
        expect(layoutCascade(unchanged, 0, 30_000, silent, memo)).not.toBe(first);
        const again = layoutCascade(unchanged, 0, 30_000, silent, memo);
        expect(layoutCascade(await modelOf(text), 0, 30_000, silent, memo)).toBe(again);
        const renamed = layoutCascade(
            await modelOf(text.replace('"Grow"', '"Grow more"')),
            undefined,
            30_000,
            silent,
            memo
        );
        expect(renamed).not.toBe(again);
        expect((await renamed).cascadeSvg).toContain('Grow more');
        expect((await first).cascadeSvg).not.toContain('Grow more');
    });

    test('usage errors: a missing path, a bad --today', async () => {
        expectUsageError(
            await runCli(['build', 'nowhere/', '-o', 'x']),
            expect,
            /^mission: nowhere\/: no such file or folder$/
        );
        expectUsageError(
            await runCli(['build', 'problems.mission', '--today', '2026-13-01'], { cwd: FIXTURES }),
            expect,
            /^mission: --today: not a calendar date: 2026-13-01$/
        );
    });
});

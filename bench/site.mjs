// The site at scale (issue #19): `mission build` of a generated workspace as a process (the cascade drawn
// `--depth 3`, as a 10k cascade is read) and its cascade page panned and zoomed in Chromium (frames per
// second, p95 frame time), and `mission serve` on a copy of it in a child process: the
// first build, mission pages served (p50 / p95 of sequential GETs after the first build), and a saved file
// reflected (from the write to the reload event every open page listens to, and a mission page fetched
// from the new model, p50 / p95).
//   node bench/site.mjs DIR [--pages N] [--saves N]   (prints the figures as JSON; bench/run.mjs calls measureSite)
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const TODAY = '2026-11-23';
const cli = fileURLToPath(new URL('../packages/cli/bin/mission.js', import.meta.url));

const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.ceil((p / 100) * values.length) - 1];

function fetchPage(url) {
    return new Promise((done, fail) => {
        get(url, response => {
            let bytes = 0;
            response.on('data', chunk => (bytes += chunk.length));
            response.on('end', () => done({ status: response.statusCode, bytes }));
        }).on('error', fail);
    });
}

const CHROMIUM = '/usr/bin/chromium';

/**
 * Pan and zoom of the built cascade page in headless Chromium (from `file://`): wheel zooms in, a drag, wheel
 * zooms out, while a requestAnimationFrame loop records every frame: frames per second over the interaction
 * and the p95 time between frames. Undefined without Chromium.
 */
async function measurePanZoom(site) {
    if (!existsSync(CHROMIUM)) return undefined;
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        await page.goto(pathToFileURL(join(site, 'index.html')).href);
        await page.locator('#cascade-tools').waitFor({ state: 'visible', timeout: 120_000 });
        const nodes = await page.locator('.cascade g.node').count();
        const box = await page.locator('.cascade svg').boundingBox();
        const x = box.x + box.width / 2;
        const y = box.y + box.height / 2;
        await page.mouse.move(x, y);
        // As strings: they run in the page, not here.
        await page.evaluate(
            '(() => { window.frames_ = []; const tick = time => { window.frames_.push(time); ' +
                'requestAnimationFrame(tick); }; requestAnimationFrame(tick); })()'
        );
        for (let i = 0; i < 15; i++) await page.mouse.wheel(0, -150);
        await page.mouse.down();
        for (let i = 1; i <= 40; i++) await page.mouse.move(x + i * 8, y + i * 4);
        await page.mouse.up();
        for (let i = 0; i < 15; i++) await page.mouse.wheel(0, 150);
        const frames = await page.evaluate('window.frames_');
        const gaps = frames.slice(1).map((time, i) => time - frames[i]);
        const seconds = (frames.at(-1) - frames[0]) / 1000;
        return { nodes, fps: gaps.length / seconds, frameP95Ms: percentile(gaps, 95), frames: gaps.length };
    } finally {
        await browser.close();
    }
}

/** `mission build DIR --depth 3` into a folder beside DIR: its wall time, then pan and zoom of its cascade. */
export async function measureBuild(dir) {
    const site = `${resolve(dir)}.site`;
    rmSync(site, { recursive: true, force: true });
    try {
        const start = performance.now();
        const result = spawnSync(
            process.execPath,
            [cli, 'build', dir, '-o', site, '--depth', '3', '--today', TODAY, '--fail-on', 'never'],
            { encoding: 'utf8', maxBuffer: 1 << 26 }
        );
        const wallMs = performance.now() - start;
        if (result.status !== 0) throw new Error(`mission build exited ${result.status}: ${result.stderr}`);
        const files = Number(/(\d+) files written/.exec(result.stderr)?.[1]);
        return { wallMs, files, panZoom: await measurePanZoom(site) };
    } finally {
        rmSync(site, { recursive: true, force: true });
    }
}

/** `mission serve` on a copy of DIR: the first build, mission pages served, saved files reflected. */
export async function measureServe(dir, { pages = 200, saves = 5 } = {}) {
    const copy = `${resolve(dir)}.serve`;
    rmSync(copy, { recursive: true, force: true });
    cpSync(dir, copy, { recursive: true });
    const started = performance.now();
    const server = spawn(process.execPath, [cli, 'serve', copy, '--port', '0', '--depth', '3', '--today', TODAY], {
        stdio: ['ignore', 'ignore', 'pipe']
    });
    let stderr = '';
    server.stderr.setEncoding('utf8');
    try {
        const url = await new Promise((done, fail) => {
            server.stderr.on('data', chunk => {
                stderr += chunk;
                const match = /mission serve: (http:\/\/\S+\/)/.exec(stderr);
                if (match) done(match[1]);
            });
            server.on('exit', code => fail(new Error(`mission serve exited ${code}: ${stderr}`)));
        });
        const firstBuildMs = performance.now() - started;
        const names = readdirSync(copy)
            .filter(name => name.endsWith('.mission'))
            .flatMap(name => [...readFileSync(join(copy, name), 'utf8').matchAll(/^mission (\w+)/gm)].map(m => m[1]));
        const times = [];
        for (let i = 0; i < pages; i++) {
            const name = names[(i * 7919) % names.length];
            const start = performance.now();
            const page = await fetchPage(`${url}missions/${name}.html`);
            times.push(performance.now() - start);
            if (page.status !== 200) throw new Error(`missions/${name}.html: ${page.status}`);
        }

        // The event stream an open page listens to; each save is reflected when its reload event arrives.
        const waiting = [];
        const stream = await new Promise((done, fail) => {
            const request = get(`${url}_events`, response => {
                response.setEncoding('utf8');
                response.on('data', chunk => {
                    if (chunk.includes('event: reload')) for (const wake of waiting.splice(0)) wake();
                });
                done(request);
            });
            request.on('error', fail);
        });
        const file = join(copy, readdirSync(copy).find(name => /^m.*\.mission$/.test(name)) ?? 'missions-0.mission');
        const text = readFileSync(file, 'utf8');
        const reloads = [];
        for (let i = 0; i < saves; i++) {
            const reloaded = new Promise(wake => waiting.push(wake));
            const start = performance.now();
            writeFileSync(
                file,
                text.replace(/current (\d+)/, (_, value) => `current ${Number(value) + i + 1}`)
            );
            await reloaded;
            // Reflected: the page a reader reloads, served from the new model (pages render when asked for).
            const page = await fetchPage(`${url}missions/${names[i]}.html`);
            reloads.push(performance.now() - start);
            if (page.status !== 200) throw new Error(`missions/${names[i]}.html after a save: ${page.status}`);
        }
        stream.destroy();
        return {
            firstBuildMs,
            page: { p50: percentile(times, 50), p95: percentile(times, 95), count: pages },
            reload: { p50: percentile(reloads, 50), p95: percentile(reloads, 95), count: saves }
        };
    } finally {
        server.kill('SIGTERM');
        await new Promise(done => (server.exitCode === null ? server.once('exit', done) : done()));
        rmSync(copy, { recursive: true, force: true });
    }
}

export async function measureSite(dir, options) {
    return { build: await measureBuild(dir), serve: await measureServe(dir, options) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const dir = process.argv[2];
    if (!dir) throw new Error('usage: node bench/site.mjs DIR [--pages N] [--saves N]');
    const option = (name, fallback) => {
        const index = process.argv.indexOf(`--${name}`);
        return index > 0 ? Number(process.argv[index + 1]) : fallback;
    };
    const figures = await measureSite(dir, { pages: option('pages', 200), saves: option('saves', 5) });
    process.stdout.write(JSON.stringify(figures) + '\n');
}

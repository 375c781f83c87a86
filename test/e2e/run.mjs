// The end-to-end suite: the built VSIX installed into code-server, driven through Debian's Chromium
// with playwright-core on a copy of fixtures/workspace. Prints one line per scenario, saves
// screenshots to out/e2e/, and writes {passed, failed, skipped} to the file given by --results
// (scripts/test.mjs adds them to its total). When code-server or Chromium cannot be installed it
// prints one loud SKIPPED line and counts nothing.
import { spawnSync } from 'node:child_process';
import {
    cpSync,
    existsSync,
    mkdirSync,
    mkdtempSync,
    readdirSync,
    readFileSync,
    rmSync,
    statSync,
    writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCodeServer } from './code-server.mjs';
import { scenarios, Skip } from './scenarios.mjs';
import { Workbench } from './workbench.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '../..');
const shots = join(root, 'out/e2e');
const resultsArg = process.argv.indexOf('--results');
const resultsFile = resultsArg > 0 ? process.argv[resultsArg + 1] : undefined;
const only = process.env.E2E_ONLY;
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const log = text => console.log(`[e2e] ${text}`);
const results = { passed: 0, failed: 0, skipped: 0 };

function finish(extra = {}) {
    if (resultsFile) writeFileSync(resultsFile, JSON.stringify({ ...results, ...extra }));
    log(`e2e: ${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
    process.exit(results.failed > 0 ? 1 : 0);
}

function skipAll(reason) {
    results.skipped = scenarios.length;
    console.log(
        `!!!!! E2E SUITE SKIPPED (code-server + Chromium, ${scenarios.length} tests counted as skipped): ${reason}`
    );
    finish({ skippedSuite: reason });
}

const started = Date.now();
const install = spawnSync('bash', [join(here, 'install.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit']
});
process.stdout.write(
    install.stdout
        .split('\n')
        .map(line => (line ? `[e2e] ${line}\n` : ''))
        .join('')
);
if (install.status !== 0) skipAll(install.stdout.trim().split('\n').pop() ?? 'install.sh failed');
if (!existsSync(chromiumPath)) skipAll(`no Chromium at ${chromiumPath}`);
log(`prerequisites ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);

const manifest = JSON.parse(readFileSync(join(root, 'packages/extension/package.json'), 'utf8'));
const vsix = join(root, 'packages/extension', `${manifest.name}-${manifest.version}.vsix`);
/** The newest modification time under the given paths (files or folders). */
function newestChange(paths) {
    let newest = 0;
    for (const path of paths) {
        if (!existsSync(path)) continue;
        const stat = statSync(path);
        if (stat.isDirectory())
            newest = Math.max(newest, newestChange(readdirSync(path).map(name => join(path, name))));
        else newest = Math.max(newest, stat.mtimeMs);
    }
    return newest;
}

const sources = [
    'packages/extension/src',
    'packages/extension/media',
    'packages/extension/syntaxes',
    'packages/extension/snippets',
    'packages/extension/walkthrough',
    'packages/extension/scripts',
    'packages/extension/package.json',
    'packages/extension/.vscodeignore',
    'packages/extension/README.md',
    'packages/extension/CHANGELOG.md',
    'packages/language/src',
    'packages/language/schema'
].map(path => join(root, path));
if (!existsSync(vsix) || statSync(vsix).mtimeMs < newestChange(sources)) {
    log('packaging the VSIX (missing or older than its sources)');
    const packaging = spawnSync('npm', ['run', 'package', '--silent'], { cwd: root, stdio: 'inherit' });
    if (packaging.status !== 0) {
        results.failed++;
        log('FAILED: npm run package');
        finish();
    }
}

const work = mkdtempSync(join(tmpdir(), 'mission-e2e-'));
const workspace = join(work, 'workspace');
cpSync(join(here, 'fixtures/workspace'), workspace, { recursive: true });
// Only this run's screenshots (a stale failure screenshot would mislead).
rmSync(shots, { recursive: true, force: true });
mkdirSync(shots, { recursive: true });

const { chromium } = await import('playwright-core');
let server;
let browser;
try {
    server = await startCodeServer({ root, dir: work, vsix, log });
    browser = await chromium.launch({
        executablePath: chromiumPath,
        args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-dev-shm-usage'
        ]
    });
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    const wb = new Workbench(page);
    await wb.waitReady();
    log(`workbench ready with the extension active after ${((Date.now() - started) / 1000).toFixed(0)} s`);

    for (const [index, scenario] of scenarios.entries()) {
        if (only && !scenario.name.includes(only)) continue;
        const slug = `${String(index + 1).padStart(2, '0')}-${scenario.name
            .replace(/[^a-z0-9]+/gi, '-')
            .replace(/^-|-$/g, '')
            .toLowerCase()}`;
        const step = {
            workspace,
            /** Changes a user setting on disk; the workbench picks it up as it would an edit by the user. */
            setUserSetting: (key, value) => {
                const settings = JSON.parse(readFileSync(server.settingsFile, 'utf8'));
                writeFileSync(server.settingsFile, JSON.stringify({ ...settings, [key]: value }, null, 2));
            },
            screenshot: async (name, options = {}) => {
                const file = join(shots, options.keep ? `${name}.png` : `${slug}-${name}.png`);
                await page.screenshot({ path: file });
                return file;
            }
        };
        const t0 = Date.now();
        try {
            await scenario.run(wb, step);
            await step.screenshot('done');
            results.passed++;
            log(`✓ ${scenario.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
        } catch (error) {
            const file = await step.screenshot('failed').catch(() => '(no screenshot)');
            if (error instanceof Skip) {
                results.skipped++;
                console.log(`!!!!! E2E SKIPPED scenario '${scenario.name}': ${error.message} (screenshot: ${file})`);
            } else {
                results.failed++;
                const lines = error.message.split('\n');
                const waitingFor = lines.find(line => /waiting for/.test(line))?.trim();
                log(`✗ ${scenario.name}: ${lines[0]}${waitingFor ? ` [${waitingFor}]` : ''} (screenshot: ${file})`);
            }
            await wb.closeWidgets().catch(() => {});
        }
    }
} catch (error) {
    results.failed++;
    log(`✗ setup: ${error.message}`);
} finally {
    await browser?.close().catch(() => {});
    server?.stop();
    rmSync(work, { recursive: true, force: true });
}
log(`total ${((Date.now() - started) / 1000).toFixed(0)} s`);
finish();

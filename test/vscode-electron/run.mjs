// The @vscode/test-electron suite: downloads (or reuses from test/.cache/vscode) a VS Code build,
// starts it on a copy of the e2e fixture workspace with the extension under development, and runs
// suite/index.cjs inside its extension host. Where no VS Code can be had (no network to its update
// server), prints ONE line saying it was skipped and why, and counts its planned tests as skipped.
// Writes {passed, failed, skipped?, skippedSuite?} to the file given by --results.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '../..');
const resultsArg = process.argv.indexOf('--results');
const resultsFile = resultsArg > 0 ? process.argv[resultsArg + 1] : undefined;
const cachePath = join(root, 'test/.cache/vscode');
const log = text => console.log(`[vscode-electron] ${text}`);
/** The tests suite/index.cjs plans: its `tests` list holds one `['name', async () => …]` entry per test. */
const planned = [...readFileSync(join(here, 'suite/index.cjs'), 'utf8').matchAll(/^ {4}\[\n {8}'[^']+',$/gm)].length;

/** The whole suite cannot run here: one loud line, and its planned tests count as skipped. */
function skipSuite(reason) {
    console.log(`!!!!! VSCODE-ELECTRON SUITE SKIPPED (${planned} tests counted as skipped): ${reason}`);
    if (resultsFile) {
        writeFileSync(resultsFile, JSON.stringify({ passed: 0, failed: 0, skipped: planned, skippedSuite: reason }));
    }
    process.exit(0);
}

function finish(results, extra = {}) {
    if (resultsFile) writeFileSync(resultsFile, JSON.stringify({ ...results, ...extra }));
    log(`vscode-electron: ${results.passed} passed, ${results.failed} failed`);
    process.exit(results.failed > 0 ? 1 : 0);
}

const { downloadAndUnzipVSCode, runTests } = await import('@vscode/test-electron');

let vscodeExecutablePath;
try {
    // The update server answers within seconds where VS Code can be downloaded; a short idle timeout
    // keeps a machine without that network from hanging.
    vscodeExecutablePath = await downloadAndUnzipVSCode({
        cachePath,
        timeout: 10_000,
        reporter: { report() {}, error() {} },
        version: process.env.VSCODE_VERSION ?? 'stable'
    });
} catch (error) {
    const reason = String(error?.message ?? error).split('\n')[0];
    skipSuite(`no VS Code build can be downloaded here (${reason})`);
}

// VS Code needs a display: on a headless Linux, start Xvfb when there is one, else skip.
let xvfb;
if (process.platform === 'linux' && !process.env.DISPLAY) {
    if (spawnSync('sh', ['-c', 'command -v Xvfb']).status !== 0) {
        skipSuite('no display and no Xvfb to start VS Code on (apt-get install xvfb)');
    }
    xvfb = spawn('Xvfb', [':99', '-screen', '0', '1280x1024x24'], { detached: true, stdio: 'ignore' });
    process.env.DISPLAY = ':99';
    process.once('exit', () => {
        try {
            process.kill(-xvfb.pid);
        } catch {
            /* gone */
        }
    });
}

const extensionDevelopmentPath = join(root, 'packages/extension');
if (!existsSync(join(extensionDevelopmentPath, 'out/extension.cjs'))) {
    log('✗ the extension is not built: run npm run package');
    finish({ passed: 0, failed: 1 });
}
const work = mkdtempSync(join(tmpdir(), 'mission-vscode-'));
const workspace = join(work, 'workspace');
cpSync(join(root, 'test/e2e/fixtures/workspace'), workspace, { recursive: true });
const suiteResults = join(work, 'results.json');
try {
    await runTests({
        vscodeExecutablePath,
        extensionDevelopmentPath,
        extensionTestsPath: join(here, 'suite/index.cjs'),
        extensionTestsEnv: { MISSION_TEST_RESULTS: suiteResults },
        launchArgs: [
            workspace,
            '--disable-extensions',
            '--disable-workspace-trust',
            '--skip-welcome',
            '--skip-release-notes',
            `--user-data-dir=${join(work, 'user-data')}`
        ]
    });
} catch (error) {
    log(`VS Code ended with: ${error?.message ?? error}`);
}
const results = existsSync(suiteResults) ? JSON.parse(readFileSync(suiteResults, 'utf8')) : { passed: 0, failed: 1 };
rmSync(work, { recursive: true, force: true });
finish(results);

// Neovim as an LSP client: the configuration block of docs/editors.md (taken from the doc as it is)
// starts `mission-language-server --stdio`, Neovim opens examples/broken/unresolved-reference.mission,
// and the diagnostics it receives must be exactly those the example's `// expect: CODE LINE:COLUMN SEVERITY` lines
// announce. Installs Debian's neovim when missing; prints one loud SKIPPED line when it cannot.
// Writes {passed, failed} to the file given by --results.
import { spawnSync } from 'node:child_process';
import {
    copyFileSync,
    existsSync,
    mkdirSync,
    mkdtempSync,
    readFileSync,
    rmSync,
    symlinkSync,
    writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '../..');
const resultsArg = process.argv.indexOf('--results');
const resultsFile = resultsArg > 0 ? process.argv[resultsArg + 1] : undefined;
const EXAMPLE = 'examples/broken/unresolved-reference.mission';
const results = { passed: 0, failed: 0 };
/** The checks below: what a skipped run counts as skipped. */
const PLANNED = 4;
const log = text => console.log(`[neovim] ${text}`);

function finish(extra = {}) {
    if (resultsFile) writeFileSync(resultsFile, JSON.stringify({ ...results, ...extra }));
    log(`neovim: ${results.passed} passed, ${results.failed} failed`);
    process.exit(results.failed > 0 ? 1 : 0);
}

function check(name, condition, detail) {
    if (condition) {
        results.passed++;
        log(`✓ ${name}`);
    } else {
        results.failed++;
        log(`✗ ${name}: ${detail}`);
    }
}

function hasNvim() {
    return spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;
}

if (!hasNvim()) {
    log("installing Debian's neovim");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const lock = ['-o', 'DPkg::Lock::Timeout=600'];
    spawnSync('apt-get', [...lock, 'update', '-qq'], { env, stdio: 'ignore' });
    spawnSync('apt-get', [...lock, 'install', '-y', '-qq', '--no-install-recommends', 'neovim'], {
        env,
        stdio: 'ignore'
    });
    if (!hasNvim()) {
        console.log(
            `!!!!! NEOVIM SUITE SKIPPED (${PLANNED} tests counted as skipped): ` +
                'neovim is not installed and apt-get could not install it'
        );
        finish({ skipped: PLANNED, skippedSuite: 'no neovim' });
    }
}
if (!existsSync(join(root, 'packages/language/out/server/main.js'))) {
    results.failed++;
    log('✗ the language server is not built (packages/language/out/server/main.js): run npm run build');
    finish();
}

/** The ```lua block of the "## Neovim" section of docs/editors.md. */
function neovimConfig() {
    const doc = readFileSync(join(root, 'docs/editors.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## Neovim'));
    const block = /```lua\n([\s\S]*?)```/.exec(section);
    if (!block) throw new Error('docs/editors.md has no ```lua block under "## Neovim"');
    return block[1];
}

/** `// expect: CODE LINE:COLUMN SEVERITY` lines of an example: the diagnostics it must give. */
function expectations(text) {
    return [...text.matchAll(/^\/\/ expect: ([a-z-]+) (\d+):\d+ \w+\s*$/gm)].map(m => `${m[1]}@${m[2]}`).sort();
}

const work = mkdtempSync(join(tmpdir(), 'mission-neovim-'));
try {
    // The doc's command name on PATH, as `npm link` would provide it.
    const bin = join(work, 'bin');
    mkdirSync(bin);
    symlinkSync(join(root, 'packages/language/bin/mission-language-server.js'), join(bin, 'mission-language-server'));
    const models = join(work, 'models');
    mkdirSync(models);
    const model = join(models, 'unresolved-reference.mission');
    copyFileSync(join(root, EXAMPLE), model);
    const expected = expectations(readFileSync(model, 'utf8'));
    writeFileSync(join(work, 'init.lua'), neovimConfig());
    const out = join(work, 'diagnostics.json');

    const started = Date.now();
    const run = spawnSync(
        'nvim',
        ['--headless', '-i', 'NONE', '-n', '-u', join(work, 'init.lua'), '-S', join(here, 'check.lua')],
        {
            cwd: models,
            encoding: 'utf8',
            timeout: 120_000,
            env: {
                ...process.env,
                PATH: `${bin}:${process.env.PATH}`,
                MISSION_FILE: model,
                MISSION_OUT: out,
                MISSION_EXPECTED: String(expected.length)
            }
        }
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    log(`nvim ran ${seconds} s (exit ${run.status}${run.error ? `, ${run.error.message}` : ''})`);
    const received = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : undefined;
    check('Neovim writes the diagnostics it received', received !== undefined, `no ${out}; stderr: ${run.stderr}`);
    if (received) {
        check(
            'the docs/editors.md configuration attaches the server to the .mission buffer',
            received.filetype === 'mission' && received.attached === 1,
            `filetype ${received.filetype}, ${received.attached} client(s)`
        );
        const got = received.diagnostics.map(d => `${d.code}@${d.line}`).sort();
        check(
            `diagnostics are the example's expected ${expected.length} (codes and lines)`,
            expected.length > 0 && got.join() === expected.join(),
            `expected ${expected.join(', ')}; got ${got.join(', ')}`
        );
        check(
            'every diagnostic is an error with a message',
            received.diagnostics.length > 0 &&
                received.diagnostics.every(d => d.severity === 1 && d.message.length > 0),
            JSON.stringify(received.diagnostics)
        );
    }
} catch (error) {
    results.failed++;
    log(`✗ ${error.message}`);
} finally {
    rmSync(work, { recursive: true, force: true });
}
finish();

// Runs every test suite and ends with one line `tests: N passed, N failed, N skipped` over all of them (CI reads
// that line, not vitest's own summary). Extra arguments are passed to the unit run of vitest (a selection), and the
// other suites are then left out, saying so.
//
// Suites: the unit run (vitest, every *.test.ts); the same CLI and example tests with the clock moved years ahead
// (Debian's faketime), and on each supported Node.js release line (docs/reliability.md "Suites and what they
// need"); the editor suites (VS Code through code-server, Neovim, VS Code's own test host). A suite that cannot run
// here prints one loud line naming what it skipped and why, and its planned tests count as skipped.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAllowedSkip } from '../test/allowed-skips.mjs';
import { ensureDebianPackage, ensureNodeLine } from './test-support.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const resultsDir = `${root}/.vitest-results`;
const cacheDir = `${root}/test/.cache`;
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

/** The Node.js release lines the project supports (README "Requirements"; package.json engines). */
const SUPPORTED_NODE_LINES = [22, 24];
/** The tests that say what a user of the CLI meets: run again on a moved clock and on each supported Node line. */
const CLI_SUITES = ['packages/cli/test', 'test/examples.test.ts'];
/** The day the clock is moved to for the any-date run: years past every date in the examples and fixtures. */
const FAR_DAY = '2031-06-01 12:00:00';

let passed = 0;
let failed = 0;
let skipped = 0;
let anyFailed = false;
/** Every skip, `{ suite, test? }` (no `test`: the whole suite): any not in test/allowed-skips.mjs fails the run. */
const skips = [];
/** The unit run's report: which tests each file plans, for counting a skipped suite by its planned tests. */
let unitReport;

function skipSuite(name, reason, planned) {
    skipped += planned;
    skips.push({ suite: name, reason });
    console.log(`!!!!! ${name.toUpperCase()} SUITE SKIPPED (${planned} tests counted as skipped): ${reason}`);
}

function runVitest(name, args, { command = process.execPath, prefix = [], env = process.env } = {}) {
    const output = `${resultsDir}/${name}.json`;
    const vitest = `${root}/node_modules/vitest/vitest.mjs`;
    console.log(
        `\n== ${name}: ${[...prefix.map(word => relative(root, word) || word), 'vitest run', ...args].join(' ')}`
    );
    const result = spawnSync(
        command,
        [...prefix, vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${output}`, ...args],
        { cwd: root, stdio: 'inherit', env }
    );
    let report;
    try {
        report = JSON.parse(readFileSync(output, 'utf8'));
        passed += report.numPassedTests ?? 0;
        failed += report.numFailedTests ?? 0;
        skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
        if ((report.numFailedTestSuites ?? 0) > 0 && (report.numFailedTests ?? 0) === 0)
            failed += report.numFailedTestSuites;
        for (const file of report.testResults ?? []) {
            for (const test of file.assertionResults ?? []) {
                if (!['passed', 'failed'].includes(test.status)) skips.push({ suite: name, test: test.fullName });
            }
        }
    } catch {
        console.error(`!!! ${name}: vitest wrote no report (exit ${result.status}); counting the suite as failed`);
        failed += 1;
    }
    if (result.status !== 0) anyFailed = true;
    return report;
}

/** How many tests the unit run found in the files under `selection` (what a suite over them plans). */
function plannedTests(selection) {
    const files = unitReport?.testResults ?? [];
    return files
        .filter(file => selection.some(path => relative(root, file.name).startsWith(path)))
        .reduce((sum, file) => sum + file.assertionResults.length, 0);
}

// pre-commit runs the hooks of .pre-commit-hooks.yaml for real in the unit run (packages/cli/test/dist.test.ts).
ensureDebianPackage('pre-commit', 'pre-commit', ['--version']);
unitReport = runVitest('unit', process.argv.slice(2));

if (process.argv.length > 2) {
    console.log(
        '!!!!! any-date, node-line and editor suites (e2e, neovim, vscode-electron) not run: vitest got a selection'
    );
} else {
    // Nothing may depend on the day it runs: the CLI and the examples, with the clock years ahead.
    const noFaketime = ensureDebianPackage('faketime', 'faketime', ['--version']);
    if (noFaketime) skipSuite('any-date', noFaketime, plannedTests(CLI_SUITES));
    else {
        runVitest('any-date', CLI_SUITES, {
            command: 'faketime',
            prefix: [FAR_DAY, process.execPath],
            // Wall-clock time moves; monotonic clocks (timers, timeouts) stay real.
            env: { ...process.env, FAKETIME_DONT_FAKE_MONOTONIC: '1' }
        });
    }

    // The CLI on each supported Node.js release line (this machine's own Node is the unit run's).
    for (const major of SUPPORTED_NODE_LINES) {
        const node = ensureNodeLine(major, cacheDir);
        if (node.reason) skipSuite(`node-${major}`, node.reason, plannedTests(CLI_SUITES));
        else runVitest(`node-${major}`, CLI_SUITES, { command: node.binary });
    }
}

// The editor suites (VS Code through code-server, Neovim, VS Code's own test host) are node scripts
// that write {passed, failed, skipped?} to a file; each prints its own loud line when it has to skip.
function runCountedSuite(name, script) {
    const output = `${resultsDir}/${name}.json`;
    const result = spawnSync(process.execPath, [`${root}/${script}`, '--results', output], {
        cwd: root,
        stdio: 'inherit',
        env: process.env
    });
    try {
        const report = JSON.parse(readFileSync(output, 'utf8'));
        passed += report.passed ?? 0;
        failed += report.failed ?? 0;
        skipped += report.skipped ?? 0;
        if (report.skippedSuite) skips.push({ suite: name, reason: report.skippedSuite });
        else if (report.skipped) skips.push({ suite: name, test: `${report.skipped} of its tests` });
    } catch {
        console.error(`!!! ${name}: wrote no results (exit ${result.status}); counting the suite as failed`);
        failed += 1;
    }
    if (result.status !== 0) anyFailed = true;
}

if (process.argv.length <= 2) {
    runCountedSuite('vscode-electron', 'test/vscode-electron/run.mjs');
    runCountedSuite('neovim', 'test/neovim/run.mjs');
    runCountedSuite('e2e', 'test/e2e/run.mjs');
}

const unexpected = skips.filter(skip => !isAllowedSkip(skip));
if (unexpected.length > 0) {
    anyFailed = true;
    console.log(
        `!!!!! ${unexpected.length} skips this machine kind should not need (test/allowed-skips.mjs lists the allowed):`
    );
    for (const skip of unexpected) console.log(`!!!!!   ${skip.suite}: ${skip.test ?? `whole suite (${skip.reason})`}`);
}

console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(anyFailed || failed > 0 ? 1 : 0);

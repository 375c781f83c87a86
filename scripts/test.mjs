// Runs every test suite and ends with one line `tests: N passed, N failed` over all of them
// (CI reads that line, not vitest's own summary). Extra arguments are passed to vitest.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const resultsDir = `${root}/.vitest-results`;
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

let passed = 0;
let failed = 0;
let anyFailed = false;

function runVitest(name, args) {
    const output = `${resultsDir}/${name}.json`;
    const vitest = `${root}/node_modules/vitest/vitest.mjs`;
    const result = spawnSync(
        process.execPath,
        [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${output}`, ...args],
        {
            cwd: root,
            stdio: 'inherit',
            env: process.env
        }
    );
    try {
        const report = JSON.parse(readFileSync(output, 'utf8'));
        passed += report.numPassedTests ?? 0;
        failed += report.numFailedTests ?? 0;
        if ((report.numFailedTestSuites ?? 0) > 0 && (report.numFailedTests ?? 0) === 0)
            failed += report.numFailedTestSuites;
    } catch {
        console.error(`!!! ${name}: vitest wrote no report (exit ${result.status}); counting the suite as failed`);
        failed += 1;
    }
    if (result.status !== 0) anyFailed = true;
}

runVitest('unit', process.argv.slice(2));

// The editor suites (VS Code through code-server, Neovim, VS Code's own test host) are node scripts
// that write {passed, failed} to a file; each prints its own loud line when it has to skip.
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
    } catch {
        console.error(`!!! ${name}: wrote no results (exit ${result.status}); counting the suite as failed`);
        failed += 1;
    }
    if (result.status !== 0) anyFailed = true;
}

if (process.argv.length > 2) {
    console.log('editor suites (e2e, neovim, vscode-electron) not run: vitest was given a selection');
} else {
    runCountedSuite('vscode-electron', 'test/vscode-electron/run.mjs');
    runCountedSuite('neovim', 'test/neovim/run.mjs');
    runCountedSuite('e2e', 'test/e2e/run.mjs');
}

console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(anyFailed || failed > 0 ? 1 : 0);

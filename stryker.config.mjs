// @ts-check
/**
 * Mutation testing (`npm run mutation`; docs/reliability.md, "Mutation testing"). Not part of `npm test` or CI:
 * a full run takes hours on two cores. Incremental: results are kept in reports/stryker-incremental.json (committed),
 * so a run only re-tests mutants whose source or covering tests changed.
 * One group at a time: `npm run mutation -- --mutate 'packages/cli/src/format-*.ts'`.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
    testRunner: 'vitest',
    plugins: ['@stryker-mutator/vitest-runner'],
    vitest: { configFile: 'vitest.stryker.config.ts', pool: 'forks' },
    mutate: [
        'packages/language/src/validation/rules/**/*.ts',
        'packages/language/src/facts/**/*.ts',
        'packages/language/src/incremental/affected.ts',
        'packages/language/src/incremental/document-builder.ts',
        'packages/cli/src/format-*.ts'
    ],
    coverageAnalysis: 'perTest',
    concurrency: 1,
    // Mutants in module-level constants: the vitest runner loads a module once per worker, so they never take
    // effect and would each run the whole suite, survive, and say nothing (checked by hand in format-text.ts).
    ignoreStatic: true,
    incremental: true,
    incrementalFile: 'reports/stryker-incremental.json',
    reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
    htmlReporter: { fileName: 'reports/mutation/mutation.html' },
    jsonReporter: { fileName: 'reports/mutation/mutation.json' },
    ignorePatterns: [
        'test/.cache',
        'test/e2e',
        'test/vscode-electron',
        'bench/workspaces',
        'dist',
        '/out',
        'packages/extension',
        '.vitest-results',
        '.probe-*',
        '.stryker-tmp*',
        'reports'
    ],
    timeoutMS: 60_000,
    // The first run of the whole covering suite takes 6+ minutes on the shared machine.
    dryRunTimeoutMinutes: 30,
    tempDirName: '.stryker-tmp',
    cleanTempDir: 'always'
};

// The only skips `npm test` accepts on this machine kind (the node kind: no network but the npm registry and
// Debian's packages). Any other skipped test or suite fails the run (scripts/test.mjs), so a suite that this
// machine can run is never quietly left out: a missing browser, editor or system package is installed by the
// suite, and where it cannot be, the run says so and fails.
export const ALLOWED_SKIPS = [
    {
        suite: 'vscode-electron',
        why: "VS Code's test host downloads a VS Code build from VS Code's update server, which is out of reach here"
    },
    {
        test: 'npm audit --omit=dev',
        why: "the npm registry's audit endpoint does not answer on these machines"
    }
];

/** Whether a skip (`suite`, and `test`: a test's full name, absent for a whole suite) is one of the allowed. */
export function isAllowedSkip(skip) {
    return ALLOWED_SKIPS.some(allowed =>
        allowed.suite ? allowed.suite === skip.suite && skip.test === undefined : skip.test?.includes(allowed.test)
    );
}

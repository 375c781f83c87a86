/** The version of the `mission` command (kept equal to packages/cli/package.json). */
export const VERSION = '0.1.0';

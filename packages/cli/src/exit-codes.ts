/** The documented exit codes of `mission` (docs/cli.md). */
export const EXIT_OK = 0;
/** The model has errors (or more warnings than --max-warnings allows). */
export const EXIT_MODEL_ERRORS = 1;
/** Usage or I/O problem: bad arguments, a missing or unreadable path, a file that is not UTF-8. */
export const EXIT_USAGE = 2;

/** A problem the user can fix, reported as one line and exit code 2. */
export class UsageError extends Error {}

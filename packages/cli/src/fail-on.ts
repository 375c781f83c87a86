import { Option } from 'commander';
import { type CheckSummary, counted } from 'mission-lang-language';
import { EXIT_MODEL_ERRORS, EXIT_OK } from './exit-codes.js';

/**
 * `--fail-on`: what in the model makes a command exit 1 once its output is written. `error` (the default) fails on
 * any error, `warning` on any error or warning, `never` on nothing (a docs job that publishes the scorecard of a
 * model with errors needs no `|| test $? -eq 1`). Usage and I/O problems exit 2 whatever it says.
 */
export const FAIL_ON_LEVELS = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];

export function failOnOption(): Option {
    return new Option('--fail-on <level>', 'exit 1 when the model has problems of this level or worse')
        .choices(FAIL_ON_LEVELS)
        .default('error');
}

/** Why the model fails at this `--fail-on` level, or undefined when it passes. */
export function failOnReason(summary: CheckSummary, failOn: FailOn = 'error'): string | undefined {
    if (failOn === 'never') return undefined;
    if (summary.errors > 0) return `${counted(summary.errors, 'error')} in the model`;
    if (failOn === 'warning' && summary.warnings > 0) {
        return `${counted(summary.warnings, 'warning')} in the model (--fail-on warning)`;
    }
    return undefined;
}

/** The exit code of a command that writes an output (compile, diagram, report, brief) for a checked model. */
export function outputExitCode(summary: CheckSummary, failOn: FailOn = 'error'): number {
    return failOnReason(summary, failOn) === undefined ? EXIT_OK : EXIT_MODEL_ERRORS;
}

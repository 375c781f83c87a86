/**
 * The rule catalog of LANGUAGE.md: every diagnostic code with its default severity and a one-line help
 * text (shown by SARIF viewers and `mission` docs). Nothing reports a code that is not listed here.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface CodeInfo {
    readonly severity: Severity;
    readonly help: string;
    /** Foundation codes cannot be lowered or turned off by configuration. */
    readonly fixed?: true;
}

export const CATALOG = {
    'syntax-error': { severity: 'error', fixed: true, help: 'The text does not parse.' },
    'unresolved-reference': {
        severity: 'error',
        fixed: true,
        help: 'A name that no element of the expected kind has.'
    },
    'duplicate-name': {
        severity: 'error',
        fixed: true,
        help: 'Two elements share a global name, or a mission has two measures of one name.'
    },
    'invalid-date': { severity: 'error', fixed: true, help: 'Not a calendar date.' },
    'invalid-currency': {
        severity: 'error',
        fixed: true,
        help: 'A currency must be three capital letters (ISO 4217 style).'
    },
    'invalid-window': { severity: 'error', fixed: true, help: 'A window starts after it ends.' },
    'unaligned-mission': { severity: 'error', help: 'The mission has no `under` (a warning while staged).' },
    'alignment-cycle': { severity: 'error', help: 'Following `under` returns to the mission.' },
    'over-capacity': { severity: 'error', help: "A person's load exceeds their capacity." },
    'window-outside-parent': { severity: 'error', help: "The window is not inside the parent's window." },
    'budget-exceeded': {
        severity: 'error',
        help: "The direct children's budgets add up to more than the parent's budget."
    },
    'currency-mismatch': { severity: 'error', help: "A child's budget is in another currency than its parent's." },
    'self-support': { severity: 'error', help: 'A mission supports itself.' },
    'missing-intent': { severity: 'warning', help: 'The mission has no intent.' },
    'unmeasured-mission': { severity: 'warning', help: 'The mission has no measure.' },
    'no-lead': { severity: 'warning', help: 'The mission has no lead.' },
    'unmapped-measures': {
        severity: 'warning',
        help: "None of the mission's measures contributes to a measure of an ancestor."
    },
    'unit-mismatch': { severity: 'warning', help: 'A measure contributes to a measure with another unit.' },
    'rollup-discrepancy': {
        severity: 'warning',
        help:
            "The parent measure's current disagrees with its contributors' by its roll-up mode: their sum " +
            'exceeds it (sum), or it lies outside their lowest..highest (mean).'
    },
    'missing-target': { severity: 'warning', help: 'A measure has no target: nothing says what winning is.' },
    'invalid-link': {
        severity: 'error',
        help: 'A link that is not an absolute https://, http:// or mailto: URL.'
    },
    'target-equals-baseline': { severity: 'warning', help: 'The target equals the baseline: nothing to achieve.' },
    'measure-due-outside-window': {
        severity: 'warning',
        help: "A measure's due date is outside the mission's window."
    },
    'headcount-exceeded': {
        severity: 'warning',
        help: "The direct children's headcounts add up to more than the parent's."
    },
    'redundant-support': { severity: 'warning', help: 'A mission supports one of its own ancestors or descendants.' },
    'support-window-disjoint': {
        severity: 'warning',
        help: "The supported mission's window does not overlap this one's."
    },
    'support-finished-mission': { severity: 'warning', help: 'The supported mission is won, lost or abandoned.' },
    'inactive-parent': { severity: 'warning', help: 'An active mission under a won, lost or abandoned mission.' },
    'review-overdue': { severity: 'warning', help: 'The last review is more than `every` days before today.' },
    'empty-team': { severity: 'warning', help: 'A team with no members.' },
    'staged-without-value': {
        severity: 'info',
        help: 'A staged mission has no `value`, so it cannot be ranked for staging.'
    },
    'invalid-config': {
        severity: 'error',
        help: 'mission.config.json has an unknown code or severity, or is not valid JSON.'
    }
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof CATALOG;

export const DIAGNOSTIC_CODES = Object.keys(CATALOG) as DiagnosticCode[];

export function isDiagnosticCode(value: unknown): value is DiagnosticCode {
    return typeof value === 'string' && Object.hasOwn(CATALOG, value);
}

export function defaultSeverity(code: DiagnosticCode): Severity {
    return CATALOG[code].severity;
}

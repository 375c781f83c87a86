import type { CheckSummary, MissionDiagnostic } from 'mission-lang-language';
import pc from 'picocolors';
import { summaryLine } from './format-text.js';

/** What a re-check changed: the diagnostics it added and the ones it no longer reports (fixed). */
export interface DiagnosticChanges {
    readonly added: readonly MissionDiagnostic[];
    readonly fixed: readonly MissionDiagnostic[];
}

/** A diagnostic's identity across two checks: where, which code and what it says. */
function keyOf(diagnostic: MissionDiagnostic): string {
    const { file, line, column, endLine, endColumn, severity, code, message } = diagnostic;
    return JSON.stringify([file, line, column, endLine, endColumn, severity, code, message]);
}

/**
 * The diagnostics of `current` that `previous` did not have, and those of `previous` gone from `current`, as
 * multisets (a diagnostic reported twice and then once is one fixed). Each list keeps its check's order.
 */
export function diagnosticChanges(
    previous: readonly MissionDiagnostic[],
    current: readonly MissionDiagnostic[]
): DiagnosticChanges {
    const count = new Map<string, number>();
    for (const diagnostic of previous) count.set(keyOf(diagnostic), (count.get(keyOf(diagnostic)) ?? 0) + 1);
    const added: MissionDiagnostic[] = [];
    for (const diagnostic of current) {
        const key = keyOf(diagnostic);
        const left = count.get(key) ?? 0;
        if (left > 0) count.set(key, left - 1);
        else added.push(diagnostic);
    }
    const fixed: MissionDiagnostic[] = [];
    for (const diagnostic of previous) {
        const key = keyOf(diagnostic);
        const left = count.get(key) ?? 0;
        if (left > 0) {
            count.set(key, left - 1);
            fixed.push(diagnostic);
        }
    }
    return { added, fixed };
}

/**
 * What `validate --watch` prints after a re-check: one line per added (`+`) and fixed (`-`) diagnostic, then the
 * summary with the counts of the change: `3 files checked: 1 error, 2 warnings, 0 info (+1 new, -2 fixed)`.
 */
export function formatChanges(changes: DiagnosticChanges, summary: CheckSummary, color: boolean): string {
    const c = pc.createColors(color);
    const line = (sign: string, d: MissionDiagnostic): string =>
        `${sign} ${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`;
    const out = [
        ...changes.added.map(d => c.red(line('+', d))),
        ...changes.fixed.map(d => c.green(line('-', d))),
        `${summaryLine(summary, c)} (+${changes.added.length} new, -${changes.fixed.length} fixed)`
    ];
    return out.join('\n') + '\n';
}

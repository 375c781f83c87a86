import type { MissionDiagnostic, Severity } from 'mission-lang-language';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * The order in which the GitHub Action writes its annotations. GitHub shows only the first few
 * annotations of a step (10 errors, 10 warnings; 50 per job) and drops the rest from the pull request,
 * so the first ones should show every kind of problem there is: most severe first; within a severity,
 * the first diagnostic of each code before any second one of a code; otherwise the order given (file,
 * line, column). The step summary and the SARIF file keep every diagnostic in the usual order.
 */
export function orderForAnnotations<T extends Pick<MissionDiagnostic, 'severity' | 'code'>>(
    diagnostics: readonly T[]
): T[] {
    const seen = new Set<string>();
    const keyed = diagnostics.map((diagnostic, index) => {
        const kind = `${diagnostic.severity} ${diagnostic.code}`;
        const firstOfCode = !seen.has(kind);
        seen.add(kind);
        return { diagnostic, rank: SEVERITY_RANK[diagnostic.severity] * 2 + (firstOfCode ? 0 : 1), index };
    });
    keyed.sort((a, b) => a.rank - b.rank || a.index - b.index);
    return keyed.map(entry => entry.diagnostic);
}

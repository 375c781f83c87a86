/**
 * A diagnostic as the CLI's JSON, the outputs and the config report it (LANGUAGE.md, "Diagnostics as
 * JSON"), and a check's counts. Below the config, the outputs and the check API, which all use them.
 */
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { type DiagnosticCode, isDiagnosticCode, type Severity } from './codes.js';

/** A diagnostic as the CLI's JSON shows it (LANGUAGE.md): 1-based lines and columns. */
export interface MissionDiagnostic {
    readonly file: string;
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
    readonly severity: Severity;
    readonly code: DiagnosticCode;
    readonly message: string;
}

export interface CheckSummary {
    readonly files: number;
    readonly errors: number;
    readonly warnings: number;
    readonly infos: number;
}

const SEVERITY_NAMES: Record<number, Severity> = {
    [DiagnosticSeverity.Error]: 'error',
    [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info',
    [DiagnosticSeverity.Hint]: 'info'
};

export function toMissionDiagnostic(file: string, diagnostic: Diagnostic): MissionDiagnostic {
    const code = isDiagnosticCode(diagnostic.code) ? diagnostic.code : 'syntax-error';
    return {
        file,
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        endLine: diagnostic.range.end.line + 1,
        endColumn: diagnostic.range.end.character + 1,
        severity: SEVERITY_NAMES[diagnostic.severity ?? DiagnosticSeverity.Error] ?? 'error',
        code,
        message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value
    };
}

export function summarize(files: number, diagnostics: readonly MissionDiagnostic[]): CheckSummary {
    let errors = 0;
    let warnings = 0;
    let infos = 0;
    for (const diagnostic of diagnostics) {
        if (diagnostic.severity === 'error') errors++;
        else if (diagnostic.severity === 'warning') warnings++;
        else infos++;
    }
    return { files, errors, warnings, infos };
}

/**
 * A diagnostic as the CLI's JSON, the outputs and the config report it (LANGUAGE.md, "Diagnostics as
 * JSON"), a check's counts and a check's result. Below the config, the outputs and the check API, which
 * all use them (api/check.ts hands them on).
 */
import type { LangiumDocument, URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { ModelFacts } from '../facts/model-facts.js';
import type { Model } from '../generated/ast.js';
import type { MissionServiceSet } from '../mission-module.js';
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

/** One model file to check: `path` is how the user named it (kept as given in every output). */
export interface SourceFile {
    readonly path: string;
    readonly uri: URI;
    readonly text: string;
}

export interface CheckResult {
    readonly diagnostics: MissionDiagnostic[];
    readonly summary: CheckSummary;
    readonly documents: ReadonlyArray<{ source: SourceFile; document: LangiumDocument<Model> }>;
    readonly facts: ModelFacts;
    readonly services: MissionServiceSet;
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

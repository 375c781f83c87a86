import { DefaultDocumentValidator, type LangiumDocument, type ValidationOptions } from 'langium';
import type { CancellationToken, Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { MissionServices } from '../mission-module.js';
import { type DiagnosticCode, isDiagnosticCode, type Severity } from './codes.js';
import type { MissionSettings } from './settings.js';

/** Langium's built-in error kinds, as catalog codes. */
const BUILT_IN_CODES: Record<string, DiagnosticCode> = {
    'lexing-error': 'syntax-error',
    'parsing-error': 'syntax-error',
    'linking-error': 'unresolved-reference'
};

const TO_LSP: Record<Severity, DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    info: DiagnosticSeverity.Information
};

const FROM_LSP: Record<number, Severity> = {
    [DiagnosticSeverity.Error]: 'error',
    [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info',
    [DiagnosticSeverity.Hint]: 'info'
};

/**
 * Gives every diagnostic a catalog code (lexer, parser and linker errors included) and applies the
 * configured severity overrides, so the editor and the CLI show exactly the same thing.
 */
export class MissionDocumentValidator extends DefaultDocumentValidator {
    private readonly settings: MissionSettings;

    constructor(services: MissionServices) {
        super(services);
        this.settings = services.config.Settings;
    }

    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        const result: Diagnostic[] = [];
        for (const diagnostic of diagnostics) {
            const builtIn = (diagnostic.data as { code?: string } | undefined)?.code;
            const code = builtIn && BUILT_IN_CODES[builtIn] ? BUILT_IN_CODES[builtIn] : diagnostic.code;
            if (!isDiagnosticCode(code)) {
                result.push(diagnostic);
                continue;
            }
            const severity = this.settings.severityFor(code, FROM_LSP[diagnostic.severity ?? DiagnosticSeverity.Error] ?? 'error');
            if (severity === 'off') continue;
            result.push({ ...diagnostic, code, severity: TO_LSP[severity] });
        }
        return result;
    }
}

import { type LangiumDocument, URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { ModelFacts } from '../facts/model-facts.js';
import type { Model } from '../generated/ast.js';
import { createMissionServices, type MissionServiceSet } from '../mission-module.js';
import { type DiagnosticCode, isDiagnosticCode, type Severity } from '../validation/codes.js';
import type { SeveritySetting } from '../validation/settings.js';

/** One model file to check: `path` is how the user named it (kept as given in every output). */
export interface SourceFile {
    readonly path: string;
    readonly uri: URI;
    readonly text: string;
}

export interface CheckOptions {
    /** `YYYY-MM-DD` for time-based rules; the system date when absent. */
    readonly today?: string;
    /** Per-code severity overrides (mission.config.json `rules`). */
    readonly rules?: ReadonlyMap<DiagnosticCode, SeveritySetting>;
    /**
     * false for a one-shot check that never asks who references what (the CLI): no reference index,
     * the same diagnostics, about a tenth less time. Default true (the services stay fully usable).
     */
    readonly referenceIndex?: boolean;
    /**
     * For a check without the reference index: build syntax trees only where something reads them
     * (syntax/syntax-on-demand.ts), which for a check is where it reports (default). false builds them
     * all while parsing: for outputs that read the position of every element (JSON, report, diagrams),
     * one parse with trees costs less than trees built again element by element.
     */
    readonly syntaxOnDemand?: boolean;
}

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

/**
 * Parses, links and checks the files together as one model (names are global across them) and
 * returns every diagnostic, sorted by file (in the order given), line and column.
 */
export async function checkSources(sources: readonly SourceFile[], options: CheckOptions = {}): Promise<CheckResult> {
    const batch = options.referenceIndex === false;
    const services = createMissionServices(undefined, {
        batch,
        syntaxOnDemand: batch && options.syntaxOnDemand !== false
    });
    const settings = services.Mission.config.Settings;
    settings.setToday(options.today);
    if (options.rules) settings.setRuleOverrides(options.rules);

    const factory = services.shared.workspace.LangiumDocumentFactory;
    const langiumDocuments = services.shared.workspace.LangiumDocuments;
    const documents = sources.map(source => {
        const document = factory.fromString<Model>(source.text, source.uri);
        langiumDocuments.addDocument(document);
        return { source, document };
    });
    await services.shared.workspace.DocumentBuilder.build(
        documents.map(entry => entry.document),
        { validation: true }
    );

    const diagnostics: MissionDiagnostic[] = [];
    for (const { source, document } of documents) {
        const own = (document.diagnostics ?? []).map(diagnostic => toMissionDiagnostic(source.path, diagnostic));
        own.sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
        for (const diagnostic of own) diagnostics.push(diagnostic);
    }
    return {
        diagnostics,
        summary: summarize(sources.length, diagnostics),
        documents,
        facts: services.Mission.facts.ModelFactsProvider.get(),
        services
    };
}

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

/** A source from a path on disk (resolved against `cwd` for its URI) and its text. */
export function sourceFile(path: string, absolutePath: string, text: string): SourceFile {
    return { path, uri: URI.file(absolutePath), text };
}

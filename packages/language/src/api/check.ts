import { URI } from 'langium';
import type { Model } from '../generated/ast.js';
import { createMissionServices, type MissionServiceSet } from '../mission-module.js';
import {
    type CheckResult,
    type CheckSummary,
    type MissionDiagnostic,
    type SourceFile,
    summarize,
    toMissionDiagnostic
} from '../validation/diagnostics.js';
import type { DiagnosticCode } from '../validation/codes.js';
import type { SeveritySetting } from '../validation/settings.js';

// The diagnostic and result types live below the outputs and the config (validation/diagnostics.ts); the API
// hands them on.
export { type CheckResult, type CheckSummary, type MissionDiagnostic, type SourceFile, summarize, toMissionDiagnostic };

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

    return checkResultOf(services, documents);
}

/**
 * What checked documents say (`checkSources`, `openLiveCheck`): every diagnostic, sorted by file (in the
 * order given), line and column, with the facts of the services' model.
 */
export function checkResultOf(services: MissionServiceSet, documents: CheckResult['documents']): CheckResult {
    const diagnostics: MissionDiagnostic[] = [];
    for (const { source, document } of documents) {
        const own = (document.diagnostics ?? []).map(diagnostic => toMissionDiagnostic(source.path, diagnostic));
        own.sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
        for (const diagnostic of own) diagnostics.push(diagnostic);
    }
    return {
        diagnostics,
        summary: summarize(documents.length, diagnostics),
        documents,
        facts: services.Mission.facts.ModelFactsProvider.get(),
        services
    };
}

/** A source from a path on disk (resolved against `cwd` for its URI) and its text. */
export function sourceFile(path: string, absolutePath: string, text: string): SourceFile {
    return { path, uri: URI.file(absolutePath), text };
}

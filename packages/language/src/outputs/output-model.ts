import { type AstNode, AstUtils } from 'langium';
import type { ModelFacts } from '../facts/model-facts.js';
import type { PaceFacts } from '../facts/pace.js';
import type { Element } from '../generated/ast.js';
import type { CheckResult, CheckSummary, MissionDiagnostic } from '../validation/diagnostics.js';
import { dayToIso, todayFrom } from '../model/dates.js';
import { elementStartOf } from '../syntax/syntax-on-demand.js';

/** Where an element is: the file as the user named it, 1-based lines and columns (end exclusive). */
export interface SourceLocation {
    readonly file: string;
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
}

export interface ProblemCounts {
    readonly errors: number;
    readonly warnings: number;
    readonly infos: number;
}

/**
 * What every output (JSON, diagrams, report, brief) is generated from: one checked model. The CLI
 * builds it from `checkSources`; the language server from its workspace (facts + diagnostics).
 */
export class OutputModel {
    private readonly pathByUri: ReadonlyMap<string, string>;
    private problemsByElement: Map<AstNode, ProblemCounts> | undefined;
    private elementByDiagnostic: Map<MissionDiagnostic, Element> | undefined;
    private paceFacts: PaceFacts | undefined;

    constructor(
        readonly facts: ModelFacts,
        readonly diagnostics: readonly MissionDiagnostic[],
        readonly summary: CheckSummary,
        /** Each document's URI (as a string) and the path outputs show for it, in the order given. */
        files: ReadonlyArray<{ uri: string; path: string }>,
        /** The date used by time-based rules, as YYYY-MM-DD. */
        readonly today?: string
    ) {
        this.pathByUri = new Map(files.map(file => [file.uri, file.path]));
        this.files = files.map(file => file.path);
    }

    readonly files: readonly string[];

    /** Expected progress and pace on the model's today (the system date when it has none). */
    get pace(): PaceFacts {
        // Asked per node and measure by every output: the day is parsed once.
        return (this.paceFacts ??= this.facts.paceOn(todayFrom(this.today)));
    }

    /** The file of a node, as the user named it. */
    pathOf(node: AstNode): string {
        const uri = AstUtils.getDocument(node).uri.toString();
        return this.pathByUri.get(uri) ?? uri;
    }

    /** The location of a node's whole text (`name` narrows it to the name, e.g. for links). */
    sourceOf(node: AstNode): SourceLocation {
        const range = node.$cstNode?.range;
        const file = this.pathOf(node);
        if (!range) return { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
        return {
            file,
            line: range.start.line + 1,
            column: range.start.character + 1,
            endLine: range.end.line + 1,
            endColumn: range.end.character + 1
        };
    }

    /** The diagnostics inside an element's text, counted by severity. */
    problemsOf(element: Element): ProblemCounts {
        this.problemsByElement ??= this.assignProblems();
        return this.problemsByElement.get(element) ?? NO_PROBLEMS;
    }

    /** The element whose text holds the diagnostic's start (none for a config file's or one between elements). */
    elementOf(diagnostic: MissionDiagnostic): Element | undefined {
        this.problemsByElement ??= this.assignProblems();
        return this.elementByDiagnostic!.get(diagnostic);
    }

    hasErrors(element: Element): boolean {
        return this.problemsOf(element).errors > 0;
    }

    /**
     * Elements are top-level and do not nest, so each diagnostic belongs to the element whose text
     * holds its start: one sort per file and a binary search per diagnostic. The search reads where each
     * element starts (noted by a lean parse, so no syntax tree is built for it); only an element found
     * holding a diagnostic has its range read, which may build its tree (`mission diff` of a lean check).
     */
    private assignProblems(): Map<AstNode, ProblemCounts> {
        const byFile = new Map<string, Array<{ element: Element; source: { line: number; column: number } }>>();
        const { visions, persons, teams, missions } = this.facts;
        for (const element of [...visions, ...persons, ...teams, ...missions] as Element[]) {
            const start = elementStartOf(element);
            const file = this.pathOf(element);
            const source = start ? { line: start.line + 1, column: start.column + 1 } : this.sourceOf(element);
            const list = byFile.get(file);
            if (list) list.push({ element, source });
            else byFile.set(file, [{ element, source }]);
        }
        for (const list of byFile.values())
            list.sort((a, b) => compare(a.source.line, a.source.column, b.source.line, b.source.column));
        const counts = new Map<AstNode, { errors: number; warnings: number; infos: number }>();
        this.elementByDiagnostic = new Map();
        for (const diagnostic of this.diagnostics) {
            const list = byFile.get(diagnostic.file);
            if (!list) continue;
            let low = 0;
            let high = list.length - 1;
            let found: (typeof list)[number] | undefined;
            while (low <= high) {
                const middle = (low + high) >> 1;
                const candidate = list[middle]!;
                if (compare(candidate.source.line, candidate.source.column, diagnostic.line, diagnostic.column) <= 0) {
                    found = candidate;
                    low = middle + 1;
                } else {
                    high = middle - 1;
                }
            }
            if (!found) continue;
            const range = this.sourceOf(found.element);
            if (
                compare(range.line, range.column, diagnostic.line, diagnostic.column) > 0 ||
                compare(diagnostic.line, diagnostic.column, range.endLine, range.endColumn) > 0
            )
                continue;
            this.elementByDiagnostic.set(diagnostic, found.element);
            const entry = counts.get(found.element) ?? { errors: 0, warnings: 0, infos: 0 };
            if (diagnostic.severity === 'error') entry.errors++;
            else if (diagnostic.severity === 'warning') entry.warnings++;
            else entry.infos++;
            counts.set(found.element, entry);
        }
        return counts;
    }
}

const NO_PROBLEMS: ProblemCounts = Object.freeze({ errors: 0, warnings: 0, infos: 0 });

function compare(lineA: number, columnA: number, lineB: number, columnB: number): number {
    return lineA - lineB || columnA - columnB;
}

/** The output model of a `checkSources` run (optionally with more diagnostics, e.g. the config file's). */
export function outputModelOf(
    result: CheckResult,
    diagnostics: readonly MissionDiagnostic[] = result.diagnostics,
    summary: CheckSummary = result.summary
): OutputModel {
    const today = dayToIso(result.services.Mission.config.Settings.today);
    return new OutputModel(
        result.facts,
        diagnostics,
        summary,
        result.documents.map(({ source, document }) => ({ uri: document.uri.toString(), path: source.path })),
        today
    );
}

/** `YYYY-MM-DD` for a finite day number, null for an open end. */
export function isoOrNull(day: number): string | null {
    return Number.isFinite(day) ? dayToIso(day) : null;
}

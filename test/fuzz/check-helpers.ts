/** Helpers shared by the reliability suites: checking generated files in-process and inspecting the result. */
import { URI } from 'langium';
import type { AstNode, LangiumDocument } from 'langium';
import {
    type CheckOptions,
    type CheckResult,
    checkSources,
    isDiagnosticCode,
    type SourceFile
} from '../../packages/language/src/index.js';

export const TODAY = '2026-11-23';

export function fuzzSources(
    files: readonly string[],
    names: readonly string[] = files.map((_, index) => `f${index}.mission`)
): SourceFile[] {
    return files.map((text, index) => ({ path: names[index]!, uri: URI.file(`/fuzz/${names[index]}`), text }));
}

export function checkFiles(files: readonly string[], options: CheckOptions = { today: TODAY }): Promise<CheckResult> {
    return checkSources(fuzzSources(files), options);
}

/** Line lengths as LSP counts them (UTF-16 units; \r\n, \r and \n end a line). */
function lineLengths(text: string): number[] {
    return text.split(/\r\n|\r|\n/).map(line => line.length);
}

/**
 * Problems with the diagnostics of a checked model: a code outside the catalog (checked on the raw
 * LSP diagnostics, before the check API maps anything), a range outside its document or reversed, or
 * a check that threw (reported by the validator guard as an internal error).
 */
export function diagnosticProblems(result: CheckResult): string[] {
    const problems: string[] = [];
    for (const { source, document } of result.documents) {
        const lengths = lineLengths(document.textDocument.getText());
        for (const diagnostic of document.diagnostics ?? []) {
            const message = String(diagnostic.message).slice(0, 120);
            const where = `${source.path} ${JSON.stringify(diagnostic.range)} ${String(diagnostic.code)} "${message}"`;
            if (!isDiagnosticCode(diagnostic.code)) problems.push(`code not in the catalog: ${where}`);
            const { start, end } = diagnostic.range;
            for (const point of [start, end]) {
                if (
                    !Number.isInteger(point.line) ||
                    !Number.isInteger(point.character) ||
                    point.line < 0 ||
                    point.character < 0 ||
                    point.line >= lengths.length ||
                    point.character > lengths[point.line]!
                ) {
                    problems.push(`range outside the document: ${where}`);
                }
            }
            if (start.line > end.line || (start.line === end.line && start.character > end.character))
                problems.push(`reversed range: ${where}`);
            if (typeof diagnostic.message !== 'string' || diagnostic.message.length === 0)
                problems.push(`empty message: ${where}`);
            // registerValidator turns a throwing check into this diagnostic: a check must never throw.
            if (/internal error in the /.test(String(diagnostic.message))) problems.push(`a check threw: ${where}`);
        }
    }
    return problems;
}

/** What a message shows when code formats a value that is not there: never meant for a reader. */
const PLACEHOLDERS = ['undefined', 'NaN', '[object Object]'];

/**
 * The diagnostics whose message prints `undefined`, `NaN` or `[object Object]` (unless the model's own
 * text holds that word, as a name may).
 */
export function placeholderMessages(result: CheckResult, texts: readonly string[]): string[] {
    const problems: string[] = [];
    for (const placeholder of PLACEHOLDERS) {
        if (texts.some(text => text.includes(placeholder))) continue;
        for (const diagnostic of result.diagnostics)
            if (diagnostic.message.includes(placeholder))
                problems.push(`${diagnostic.file}:${diagnostic.line} ${diagnostic.code}: ${diagnostic.message}`);
    }
    return problems;
}

/** Diagnostics as comparable strings (file, range, code, severity, message), sorted. */
export function diagnosticKeys(result: CheckResult): string[] {
    return result.diagnostics
        .map(d => `${d.file}:${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.code} ${d.message}`)
        .sort();
}

/**
 * The AST as plain data for comparing two parses: `$type`, properties, references by their text,
 * dates as ISO days; positions, containers and CST left out.
 */
export function normalisedAst(document: LangiumDocument): unknown {
    return normalise(document.parseResult.value);
}

function normalise(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(normalise);
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'invalid-date' : value.toISOString().slice(0, 10);
    if (value === null || typeof value !== 'object') return value;
    if ('$refText' in value) return { ref: (value as { $refText: string }).$refText };
    const node = value as AstNode & Record<string, unknown>;
    const out: Record<string, unknown> = { $type: node.$type };
    for (const key of Object.keys(node).sort()) {
        if (key.startsWith('$')) continue;
        out[key] = normalise(node[key]);
    }
    return out;
}

/**
 * Helpers of the rule suites: check model text through `checkSources` (the CLI's path) with every rule
 * on, and say where a diagnostic should be by the text it covers, so a test reads like the model.
 */
import { URI } from 'langium';
import { expect } from 'vitest';
import { type CheckResult, checkSources, type MissionDiagnostic } from '../../src/api/check.js';
import type { DiagnosticCode, Severity } from '../../src/validation/codes.js';

/** The date the rule suites check with, unless a test says otherwise. */
export const TODAY = '2026-11-23';

export interface RuleCheck extends CheckResult {
    readonly texts: ReadonlyMap<string, string>;
}

/** Checks one text (as `main.mission`) or several files together as one workspace. */
export async function check(files: string | Record<string, string>, today: string = TODAY): Promise<RuleCheck> {
    const byPath = typeof files === 'string' ? { 'main.mission': files } : files;
    const sources = Object.entries(byPath).map(([path, text]) => ({ path, uri: URI.file(`/workspace/${path}`), text }));
    const result = await checkSources(sources, { today });
    return { ...result, texts: new Map(Object.entries(byPath)) };
}

export interface Expected {
    readonly file: string;
    readonly severity: Severity;
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
}

/**
 * Where the `occurrence`-th (0-based) appearance of `needle` in `text` is, as a 1-based range. Throws
 * when it is not there, so a test cannot pass by pointing at nothing.
 */
export function rangeOf(
    text: string,
    needle: string,
    occurrence = 0
): { line: number; column: number; endLine: number; endColumn: number } {
    let offset = -1;
    for (let i = 0; i <= occurrence; i++) {
        offset = text.indexOf(needle, offset + 1);
        if (offset < 0) throw new Error(`'${needle}' (#${occurrence}) is not in the text`);
    }
    const position = (at: number): { line: number; column: number } => {
        const before = text.slice(0, at).split('\n');
        return { line: before.length, column: before[before.length - 1]!.length + 1 };
    };
    const start = position(offset);
    const end = position(offset + needle.length);
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** An expected diagnostic of `severity` covering the `occurrence`-th `needle` of the file. */
export function at(
    result: RuleCheck,
    severity: Severity,
    needle: string,
    occurrence = 0,
    file = 'main.mission'
): Expected {
    return { file, severity, ...rangeOf(result.texts.get(file) ?? '', needle, occurrence) };
}

/** The diagnostics of one code, reduced to file, severity and range (in check order). */
export function found(result: RuleCheck, code: DiagnosticCode): Expected[] {
    return result.diagnostics
        .filter(diagnostic => diagnostic.code === code)
        .map(({ file, severity, line, column, endLine, endColumn }) => ({
            file,
            severity,
            line,
            column,
            endLine,
            endColumn
        }));
}

export function messagesOf(result: RuleCheck, code: DiagnosticCode): string[] {
    return result.diagnostics.filter(diagnostic => diagnostic.code === code).map(diagnostic => diagnostic.message);
}

export function codesOf(result: RuleCheck): DiagnosticCode[] {
    return result.diagnostics.map(diagnostic => diagnostic.code);
}

/** Asserts the model produces no diagnostic of this code (and shows what it produced when it does). */
export function expectNone(result: RuleCheck, code: DiagnosticCode): void {
    const hits = result.diagnostics.filter(diagnostic => diagnostic.code === code);
    expect(hits.map(describe)).toEqual([]);
}

/** Asserts the model produces no diagnostic at all. */
export function expectNoDiagnostics(result: RuleCheck): void {
    expect(result.diagnostics.map(describe)).toEqual([]);
}

function describe(diagnostic: MissionDiagnostic): string {
    const { file, line, column, severity, code, message } = diagnostic;
    return `${file}:${line}:${column} ${severity} ${code} ${message}`;
}

/**
 * Helpers of the foundation suites: check model text (one or several files) through the same
 * `checkSources` the CLI uses, with every rule that is not a foundation code turned off, so a suite
 * sees exactly the diagnostics of parsing, linking, names and literal values.
 */
import { URI } from 'langium';
import { expect } from 'vitest';
import { type CheckResult, checkSources, type MissionDiagnostic } from '../src/api/check.js';
import type { Element, Mission, Model } from '../src/generated/ast.js';
import { CATALOG, type DiagnosticCode } from '../src/validation/codes.js';
import type { SeveritySetting } from '../src/validation/settings.js';
import type { ModelFacts } from '../src/facts/model-facts.js';
import { createMissionServices } from '../src/mission-module.js';

/** The codes that cannot be turned off: what the foundation itself reports. */
export const FOUNDATION_CODES = (Object.keys(CATALOG) as DiagnosticCode[]).filter(code => 'fixed' in CATALOG[code]);

const RULES_OFF = new Map<DiagnosticCode, SeveritySetting>(
    (Object.keys(CATALOG) as DiagnosticCode[]).filter(code => !('fixed' in CATALOG[code])).map(code => [code, 'off'])
);

export interface Checked extends CheckResult {
    /** The text of each file by path, to read what a diagnostic's range covers. */
    readonly texts: ReadonlyMap<string, string>;
}

/**
 * Checks one text (as `main.mission`) or several files together as one workspace. Only foundation
 * codes are reported unless `allRules` is set.
 */
export async function check(
    files: string | Record<string, string>,
    options: { today?: string; allRules?: boolean } = {}
): Promise<Checked> {
    const byPath = typeof files === 'string' ? { 'main.mission': files } : files;
    const sources = Object.entries(byPath).map(([path, text]) => ({ path, uri: URI.file(`/workspace/${path}`), text }));
    const result = await checkSources(sources, {
        today: options.today ?? '2026-11-23',
        rules: options.allRules ? undefined : RULES_OFF
    });
    return { ...result, texts: new Map(Object.entries(byPath)) };
}

/** The model of a file (the first one by default). */
export function modelOf(result: Checked, path?: string): Model {
    const entry = path ? result.documents.find(document => document.source.path === path) : result.documents[0];
    if (!entry) throw new Error(`no document ${path}`);
    return entry.document.parseResult.value;
}

/** The element of that name and type in any file of the result. */
export function element<T extends Element['$type']>(
    result: Checked,
    type: T,
    name: string
): Extract<Element, { $type: T }> {
    for (const { document } of result.documents) {
        const found = document.parseResult.value.elements.find(
            candidate => candidate.$type === type && candidate.name === name
        );
        if (found) return found as Extract<Element, { $type: T }>;
    }
    throw new Error(`no ${type} named ${name}`);
}

export function mission(result: Checked, name: string): Mission {
    return element(result, 'Mission', name);
}

/** The source text a diagnostic's range covers (a single-line range; '' for an empty range). */
export function covered(result: Checked, diagnostic: MissionDiagnostic): string {
    const lines = (result.texts.get(diagnostic.file) ?? '').split(/\r?\n/);
    if (diagnostic.line !== diagnostic.endLine) {
        const first = lines[diagnostic.line - 1]!.slice(diagnostic.column - 1);
        const middle = lines.slice(diagnostic.line, diagnostic.endLine - 1);
        const last = lines[diagnostic.endLine - 1]!.slice(0, diagnostic.endColumn - 1);
        return [first, ...middle, last].join('\n');
    }
    return lines[diagnostic.line - 1]!.slice(diagnostic.column - 1, diagnostic.endColumn - 1);
}

/** Each diagnostic as `code [covered text]`, the shortest way to assert both what and where. */
export function summaryOf(result: Checked): string[] {
    return result.diagnostics.map(diagnostic => `${diagnostic.code} [${covered(result, diagnostic)}]`);
}

/** Asserts the text checks without any diagnostic of the foundation. */
export async function expectClean(files: string | Record<string, string>): Promise<Checked> {
    const result = await check(files);
    expect(summaryOf(result), JSON.stringify(result.diagnostics.map(d => d.message))).toEqual([]);
    expect(
        result.documents.every(
            ({ document }) =>
                document.parseResult.lexerErrors.length === 0 && document.parseResult.parserErrors.length === 0
        )
    ).toBe(true);
    return result;
}

/** The diagnostics of one code. */
export function withCode(result: Checked, code: DiagnosticCode): MissionDiagnostic[] {
    return result.diagnostics.filter(diagnostic => diagnostic.code === code);
}

/** Parses and links one text without validating it, and returns its facts: for large inputs. */
export async function linkedFacts(
    text: string
): Promise<{ facts: ModelFacts; model: Model; mission(name: string): Mission }> {
    const { shared, Mission } = createMissionServices();
    const document = shared.workspace.LangiumDocumentFactory.fromString<Model>(
        text,
        URI.file('/workspace/large.mission')
    );
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: false });
    const model = document.parseResult.value;
    const byName = new Map(
        model.elements.filter(item => item.$type === 'Mission').map(item => [item.name, item as Mission])
    );
    return {
        facts: Mission.facts.ModelFactsProvider.get(),
        model,
        mission: (name: string) =>
            byName.get(name) ??
            (() => {
                throw new Error(`no mission ${name}`);
            })()
    };
}

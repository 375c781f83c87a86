// In-process cold check of a workspace folder, timed by phase: parse, index (exported names and
// scopes), link, reference index, facts, rules. Uses the built language package.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { URI } from 'langium';
import { createMissionServices } from '../packages/language/out/index.js';

export function readWorkspace(dir) {
    return readdirSync(dir)
        .filter(name => name.endsWith('.mission'))
        .sort()
        .map(name => ({ path: join(dir, name), text: readFileSync(join(dir, name), 'utf8') }));
}

/**
 * `batch` (default) is what `mission validate` runs: no reference index (editor-only); `batch: false`
 * is the language server's first build.
 */
export async function measurePhases(files, today = '2026-11-23', { batch = true } = {}) {
    const start = performance.now();
    const { shared, Mission } = createMissionServices(undefined, { batch });
    Mission.config.Settings.setToday(today);
    const builder = shared.workspace.DocumentBuilder;
    const marks = {};
    const DocumentState = { IndexedContent: 2, ComputedScopes: 3, Linked: 4, IndexedReferences: 5, Validated: 6 };
    for (const [name, state] of Object.entries(DocumentState))
        builder.onBuildPhase(state, () => {
            marks[name] = performance.now();
        });
    // Facts are computed lazily by the first rule; compute them explicitly once linking is done so
    // that their time is measured apart from the rules'.
    let factsMs = 0;
    builder.onBuildPhase(DocumentState.IndexedReferences, () => {
        const t = performance.now();
        Mission.facts.ModelFactsProvider.get();
        factsMs = performance.now() - t;
    });
    const parseStart = performance.now();
    const documents = files.map(file => {
        const document = shared.workspace.LangiumDocumentFactory.fromString(file.text, URI.file(resolve(file.path)));
        shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    const parsed = performance.now();
    await builder.build(documents, { validation: true });
    const end = performance.now();
    const diagnostics = documents.reduce((sum, document) => sum + (document.diagnostics?.length ?? 0), 0);
    return {
        totalMs: end - start,
        setupMs: parseStart - start,
        parseMs: parsed - parseStart,
        indexMs: marks.ComputedScopes - parsed,
        linkMs: marks.Linked - marks.ComputedScopes,
        referenceIndexMs: marks.IndexedReferences - marks.Linked,
        factsMs,
        rulesMs: marks.Validated - marks.IndexedReferences - factsMs,
        diagnostics,
        heapMB: process.memoryUsage().heapUsed / 1e6
    };
}

/** Chevrotain lexing alone, with the generated lexer: the floor a cold check is compared with. */
export function measureLexing(files) {
    const { Mission } = createMissionServices();
    const lexer = Mission.parser.Lexer;
    const start = performance.now();
    let tokens = 0;
    for (const file of files) tokens += lexer.tokenize(file.text).tokens.length;
    return { lexMs: performance.now() - start, tokens };
}

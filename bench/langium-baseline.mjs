#!/usr/bin/env node
// The default Langium floor of issue 22: the same grammar (mission.langium's generated parser, AST and
// reflection) built with Langium's default core services and one trivial validation, nothing of mission-lang's
// own (no fast parser, scoping, facts or rules). `node bench/langium-baseline.mjs <workspace-dir>` reads every
// .mission file, builds them together with validation, and prints one JSON line; bench/run.mjs times it as a
// process beside `mission validate` on the same workspace, alternating, and reports the ratio.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
// Chevrotain 13 calls Object.groupBy (Node 21+); the language package's polyfill gives it to Node 20, as it does for
// mission-lang itself.
import '../packages/language/out/node20-polyfill.js';
import { createDefaultCoreModule, createDefaultSharedCoreModule, EmptyFileSystem, inject, URI } from 'langium';
import {
    MissionGeneratedSharedModule,
    MissionLanguageGeneratedModule
} from '../packages/language/out/generated/module.js';

export function createDefaultLangiumServices() {
    const shared = inject(createDefaultSharedCoreModule(EmptyFileSystem), MissionGeneratedSharedModule);
    const language = inject(createDefaultCoreModule({ shared }), MissionLanguageGeneratedModule);
    shared.ServiceRegistry.register(language);
    // One trivial validation, so that the validation phase walks every node as a language's would.
    language.validation.ValidationRegistry.register({
        Mission: (mission, accept) => {
            if (mission.name?.length > 200) accept('warning', 'a long name', { node: mission, property: 'name' });
        }
    });
    return shared;
}

export async function defaultLangiumBuild(dir) {
    const start = performance.now();
    const shared = createDefaultLangiumServices();
    const documents = readdirSync(dir)
        .filter(name => name.endsWith('.mission'))
        .sort()
        .map(name => {
            const path = resolve(join(dir, name));
            const document = shared.workspace.LangiumDocumentFactory.fromString(
                readFileSync(path, 'utf8'),
                URI.file(path)
            );
            shared.workspace.LangiumDocuments.addDocument(document);
            return document;
        });
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const diagnostics = documents.reduce((sum, document) => sum + (document.diagnostics?.length ?? 0), 0);
    return { buildMs: performance.now() - start, files: documents.length, diagnostics };
}

if (import.meta.url === `file://${process.argv[1]}`) {
    const result = await defaultLangiumBuild(process.argv[2]);
    result.maxRssMB = process.resourceUsage().maxRSS / 1024;
    console.log(JSON.stringify(result));
}

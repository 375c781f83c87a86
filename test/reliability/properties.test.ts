/**
 * Property-based tests over generated models (test/fuzz): checking never throws, every diagnostic
 * has a catalog code and a range inside its document, file order does not matter, formatting keeps
 * the model and is idempotent, and the JSON model always satisfies its JSON Schema.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import {
    buildCascadeGraph,
    cascadeToDot,
    cascadeToMermaid,
    checkSources,
    formatDocument,
    modelJsonText,
    outputModelOf,
    renderBrief,
    renderReport
} from '../../packages/language/src/index.js';
import {
    checkFiles,
    diagnosticKeys,
    diagnosticProblems,
    normalisedAst,
    placeholderMessages
} from '../fuzz/check-helpers.js';
import { validModel } from '../fuzz/model-generators.js';
import { mutatedModel } from '../fuzz/mutations.js';
import { fuzzParameters, printSummary, REPO, runs, timeLimit } from '../fuzz/settings.js';

const ajv = new Ajv2020({ strict: true, allErrors: true });
(addFormats as unknown as (instance: Ajv2020) => void)(ajv);
const validateModelJson = ajv.compile(
    JSON.parse(readFileSync(join(REPO, 'packages/language/schema/mission-model.schema.json'), 'utf8'))
);

const figures = {
    validModels: 0,
    mutatedModels: 0,
    permutations: 0,
    formatted: 0,
    compiled: 0,
    rendered: 0,
    diagnostics: 0
};
afterAll(() => printSummary('properties', figures));

const TIMEOUT = timeLimit(600_000);

describe('checking generated models', () => {
    test(
        'a valid model parses, every reference resolves, and every diagnostic is well formed',
        async () => {
            await fc.assert(
                fc.asyncProperty(validModel, async model => {
                    figures.validModels++;
                    const result = await checkFiles(model.files);
                    figures.diagnostics += result.diagnostics.length;
                    expect(diagnosticProblems(result)).toEqual([]);
                    const broken = result.diagnostics.filter(
                        d => d.code === 'syntax-error' || d.code === 'unresolved-reference' || d.code === 'invalid-date'
                    );
                    expect(broken).toEqual([]);
                }),
                fuzzParameters(runs(25))
            );
        },
        TIMEOUT
    );

    test(
        'a mutated model never makes the check throw, and its diagnostics are well formed',
        async () => {
            await fc.assert(
                fc.asyncProperty(mutatedModel, async model => {
                    figures.mutatedModels++;
                    const result = await checkFiles(model.files);
                    figures.diagnostics += result.diagnostics.length;
                    expect(diagnosticProblems(result)).toEqual([]);
                }),
                fuzzParameters(runs(40))
            );
        },
        TIMEOUT
    );

    test(
        'no diagnostic message prints undefined, NaN or [object Object] (mutated models, nameless elements)',
        async () => {
            await fc.assert(
                fc.asyncProperty(mutatedModel, async model => {
                    figures.mutatedModels++;
                    const result = await checkFiles(model.files);
                    figures.diagnostics += result.diagnostics.length;
                    expect(placeholderMessages(result, model.files)).toEqual([]);
                }),
                fuzzParameters(runs(60))
            );
        },
        TIMEOUT
    );

    test(
        'the diagnostics do not depend on the order of the files',
        async () => {
            const permuted = fc
                .oneof(
                    validModel.map(model => model.files),
                    mutatedModel.map(model => model.files)
                )
                .filter(files => files.length > 1)
                .chain(files =>
                    fc.tuple(
                        fc.constant(files),
                        fc.shuffledSubarray(
                            files.map((_, index) => index),
                            { minLength: files.length, maxLength: files.length }
                        )
                    )
                );
            await fc.assert(
                fc.asyncProperty(permuted, async ([files, order]) => {
                    figures.permutations++;
                    const names = files.map((_, index) => `f${index}.mission`);
                    const inOrder = await checkFiles(files);
                    const reordered = await checkSources(
                        order.map(index => ({
                            path: names[index]!,
                            uri: inOrder.documents[index]!.source.uri,
                            text: files[index]!
                        })),
                        { today: '2026-11-23' }
                    );
                    expect(diagnosticKeys(reordered)).toEqual(diagnosticKeys(inOrder));
                }),
                fuzzParameters(runs(15))
            );
        },
        TIMEOUT
    );
});

describe('formatting generated models', () => {
    test(
        'a valid model formats to text that parses to the same model, and formatting again changes nothing',
        async () => {
            await fc.assert(
                fc.asyncProperty(validModel, async model => {
                    figures.formatted++;
                    const formatted = model.files.map(text => formatDocument(text));
                    const before = await checkFiles(model.files);
                    const after = await checkFiles(formatted);
                    for (let index = 0; index < model.files.length; index++) {
                        expect(normalisedAst(after.documents[index]!.document)).toEqual(
                            normalisedAst(before.documents[index]!.document)
                        );
                        expect(formatDocument(formatted[index]!)).toBe(formatted[index]);
                    }
                    // The same diagnostics, apart from where they are.
                    const codes = (result: typeof before) =>
                        result.diagnostics.map(d => `${d.file} ${d.code} ${d.severity} ${d.message}`).sort();
                    expect(codes(after)).toEqual(codes(before));
                }),
                fuzzParameters(runs(20))
            );
        },
        TIMEOUT
    );
});

describe('the JSON model of generated models', () => {
    test(
        'mission compile output always satisfies the JSON Schema (valid and mutated models)',
        async () => {
            const anyModel = fc.oneof(
                validModel.map(model => model.files),
                mutatedModel.map(model => model.files)
            );
            await fc.assert(
                fc.asyncProperty(anyModel, async files => {
                    figures.compiled++;
                    const result = await checkFiles(files);
                    const json = JSON.parse(modelJsonText(outputModelOf(result, result.diagnostics, result.summary)));
                    const valid = validateModelJson(json);
                    expect(valid ? [] : validateModelJson.errors).toEqual([]);
                }),
                fuzzParameters(runs(25))
            );
        },
        TIMEOUT
    );
});

describe('the other outputs of generated models', () => {
    test(
        'the cascade (Mermaid, DOT), the report and the brief of every person render for any model, ' +
            'valid or broken, without throwing',
        async () => {
            const anyModel = fc.oneof(
                validModel.map(model => model.files),
                mutatedModel.map(model => model.files)
            );
            await fc.assert(
                fc.asyncProperty(anyModel, async files => {
                    figures.rendered++;
                    const result = await checkFiles(files);
                    const model = outputModelOf(result, result.diagnostics, result.summary);
                    const graph = buildCascadeGraph(model);
                    expect(cascadeToMermaid(graph)).toMatch(/^flowchart TB\n/);
                    expect(cascadeToDot(graph)).toMatch(/^digraph cascade \{\n[\s\S]*\}\n$/);
                    expect(renderReport(model, { cascadeNote: 'not laid out in this test' })).toMatch(/<\/html>\n$/);
                    for (const person of result.facts.persons) {
                        if (person.name) expect(renderBrief(model, person.name)).toMatch(/^# Brief for /);
                    }
                }),
                fuzzParameters(runs(25))
            );
        },
        TIMEOUT
    );
});

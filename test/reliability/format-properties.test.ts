/**
 * Property-based tests of the formatter over generated models (test/fuzz), in random styles (print
 * width, indentation): formatting changes only whitespace, keeps the model (the same AST apart from
 * positions, the same JSON model of `mission compile` apart from positions, the same diagnostics), and
 * formatting the result again changes nothing. Valid models, models with comments anywhere, and
 * mutated models (the files of those that still parse).
 */
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import {
    type CheckResult,
    formatDocument,
    type FormatSettings,
    modelJsonText,
    outputModelOf
} from '../../packages/language/src/index.js';
import { checkFiles, normalisedAst } from '../fuzz/check-helpers.js';
import { validModel } from '../fuzz/model-generators.js';
import { mutatedModel } from '../fuzz/mutations.js';
import { fuzzParameters, printSummary, runs, timeLimit } from '../fuzz/settings.js';

const figures = { validModels: 0, commentedModels: 0, mutatedModels: 0, formattedFiles: 0, unparsedFiles: 0 };
afterAll(() => printSummary('format-properties', figures));

const TIMEOUT = timeLimit(600_000);

const style: fc.Arbitrary<FormatSettings> = fc.record(
    { printWidth: fc.integer({ min: 20, max: 200 }), indent: fc.integer({ min: 1, max: 8 }) },
    { requiredKeys: [] }
);

const commentText = fc.string({ maxLength: 16 }).map(text => text.replace(/[\r\n\u2028\u2029]/g, ' '));
const comment = fc.oneof(
    commentText.map(text => ` // ${text}\n`),
    commentText.map(text => ` /* ${text.replace(/\*\//g, '* /')} */ `),
    fc
        .tuple(commentText, commentText)
        .map(([a, b]) => `\n/* ${a.replace(/\*\//g, '')}\n   ${b.replace(/\*\//g, '')} */\n`)
);

/** A valid model with comments after random tokens (outside strings and comments). */
const commentedModel = fc
    .record({ model: validModel, comments: fc.array(fc.tuple(fc.nat(), fc.nat(), comment), { maxLength: 10 }) })
    .map(({ model, comments }) => {
        const files = [...model.files];
        for (const [file, at, text] of comments) {
            const index = file % files.length;
            const ends = tokenEnds(files[index]!);
            const position = ends[at % Math.max(1, ends.length)] ?? 0;
            files[index] = files[index]!.slice(0, position) + text + files[index]!.slice(position);
        }
        return { files };
    });

function tokenEnds(text: string): number[] {
    return [...text.matchAll(/"(?:[^"\\\r\n]|\\.)*"|\/\/[^\r\n]*|\/\*[\s\S]*?\*\/|[^\s"/]+|\S/g)].map(
        match => match.index + match[0].length
    );
}

/** Formats the files that parse; the others stay as they are. */
function formatFiles(files: readonly string[], settings: FormatSettings): string[] {
    return files.map(text => {
        try {
            const formatted = formatDocument(text, settings);
            figures.formattedFiles++;
            return formatted;
        } catch {
            figures.unparsedFiles++;
            return text;
        }
    });
}

/** The JSON model of `mission compile` without positions (line and column fields). */
function modelWithoutPositions(result: CheckResult): unknown {
    return JSON.parse(modelJsonText(outputModelOf(result)), (key, value: unknown) =>
        ['line', 'column', 'endLine', 'endColumn'].includes(key) ? undefined : value
    );
}

function diagnosticsWithoutPositions(result: CheckResult): string[] {
    return result.diagnostics.map(d => `${d.file} ${d.code} ${d.severity} ${d.message}`).sort();
}

async function expectSameModel(files: readonly string[], settings: FormatSettings): Promise<void> {
    const formatted = formatFiles(files, settings);
    for (let index = 0; index < files.length; index++) {
        const text = formatted[index]!;
        // Only whitespace changes (a byte order mark counts as whitespace).
        expect(text.replace(/\s+/g, '')).toBe(files[index]!.replace(/\s+/g, ''));
        if (text !== files[index]) expect(formatDocument(text, settings)).toBe(text);
    }
    const before = await checkFiles(files);
    const after = await checkFiles(formatted);
    for (let index = 0; index < files.length; index++) {
        expect(normalisedAst(after.documents[index]!.document)).toEqual(
            normalisedAst(before.documents[index]!.document)
        );
    }
    expect(diagnosticsWithoutPositions(after)).toEqual(diagnosticsWithoutPositions(before));
    expect(modelWithoutPositions(after)).toEqual(modelWithoutPositions(before));
}

describe('formatting keeps the model and is idempotent', () => {
    test(
        'valid models',
        async () => {
            await fc.assert(
                fc.asyncProperty(validModel, style, async (model, settings) => {
                    figures.validModels++;
                    await expectSameModel(model.files, settings);
                }),
                fuzzParameters(runs(20))
            );
        },
        TIMEOUT
    );

    test(
        'valid models with comments anywhere',
        async () => {
            await fc.assert(
                fc.asyncProperty(commentedModel, style, async (model, settings) => {
                    figures.commentedModels++;
                    await expectSameModel(model.files, settings);
                }),
                fuzzParameters(runs(20))
            );
        },
        TIMEOUT
    );

    test(
        'mutated models: the files that still parse',
        async () => {
            await fc.assert(
                fc.asyncProperty(mutatedModel, style, async (model, settings) => {
                    figures.mutatedModels++;
                    await expectSameModel(model.files, settings);
                }),
                fuzzParameters(runs(20))
            );
        },
        TIMEOUT
    );
});

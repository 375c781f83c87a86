/**
 * Typing, one edit at a time, in a generated workspace (bench/generate.mjs): digits in numbers and dates,
 * letters in titles, new lines and spaces in the layout, now and then a character anywhere. The language
 * server moves most of these onto the current tree (packages/language/src/incremental/transplant.ts), re-parses
 * only the edited elements, validates only what the change reaches. After every edit each file's
 * diagnostics (code, range, message) and every syntax node's position must equal a fresh build of the
 * same texts. `npm run fuzz` runs many more edits.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { AstUtils, CstUtils } from 'langium';
import { afterAll, expect, test } from 'vitest';
import { TestWorkspace } from '../../packages/language/test/lsp/workspace.js';
import { fuzzParameters, printSummary, REPO, runs, timeLimit } from '../fuzz/settings.js';

type Files = Record<string, string>;

const figures = { edits: 0, inPlaceKept: 0 };
afterAll(() => printSummary('typing', figures));

function positions(workspace: TestWorkspace, file: string): string[] {
    const root = workspace.document(file).parseResult.value;
    const leaves = CstUtils.flattenCst(root.$cstNode!)
        .map(leaf => `${leaf.offset}:${leaf.range.start.line}:${leaf.range.start.character}:${leaf.text}`)
        .toArray();
    const nodes = AstUtils.streamAst(root)
        .map(node => `${node.$type}@${node.$cstNode?.offset}+${node.$cstNode?.length}`)
        .toArray();
    return [...leaves, ...nodes];
}

/** One edit: where (a fraction of the text), what kind, and a choice among candidates. */
const editArbitrary = fc.record({
    file: fc.nat(),
    kind: fc.constantFrom('digit', 'title', 'layout', 'layout', 'anywhere'),
    at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
    character: fc.constantFrom('0', '7', 'x', ' ', '\n', '"', '}', '')
});

function applyEdit(text: string, edit: fc.RecordValue<{ kind: string; at: number; character: string }>): string {
    const pattern =
        edit.kind === 'digit'
            ? /[0-9]/g
            : edit.kind === 'title'
              ? /"[^"\n]+"/g
              : edit.kind === 'layout'
                ? /\n/g
                : /[\s\S]/g;
    const matches = [...text.matchAll(pattern)];
    if (matches.length === 0) return text;
    const match = matches[Math.floor(edit.at * matches.length)]!;
    const offset = match.index!;
    switch (edit.kind) {
        case 'digit':
            return text.slice(0, offset) + String((Number(match[0]) + 3) % 10) + text.slice(offset + 1);
        case 'title':
            return text.slice(0, offset + 1) + 'Re' + text.slice(offset + 1);
        case 'layout':
            return text.slice(0, offset) + (edit.at < 0.5 ? '\n  ' : '\n// noted\n') + text.slice(offset);
        default:
            return text.slice(0, offset) + edit.character + text.slice(offset + (edit.character === '' ? 1 : 0));
    }
}

test(
    'typing in a generated workspace gives, after each edit, what a fresh build gives',
    async () => {
        const { generateWorkspace } = (await import(pathToFileURL(join(REPO, 'bench/generate.mjs')).href)) as {
            generateWorkspace(missions: number, files: number, seed: number): Array<{ name: string; text: string }>;
        };
        const generated = generateWorkspace(60, 3, 11);
        await fc.assert(
            fc.asyncProperty(fc.array(editArbitrary, { minLength: 1, maxLength: 12 }), async edits => {
                let files: Files = Object.fromEntries(generated.map(file => [file.name, file.text]));
                const names = Object.keys(files);
                const workspace = new TestWorkspace();
                await workspace.set(files);
                for (const edit of edits) {
                    const name = names[edit.file % names.length]!;
                    const next = applyEdit(files[name]!, edit);
                    if (next === files[name]) continue;
                    const before = workspace.document(name).parseResult.value.elements[0];
                    files = { ...files, [name]: next };
                    await workspace.set({ [name]: next });
                    figures.edits++;
                    if (workspace.document(name).parseResult.value.elements[0] === before) figures.inPlaceKept++;
                    const fresh = new TestWorkspace();
                    await fresh.set(files);
                    for (const file of names) {
                        expect(workspace.diagnosticLines(file), `${file} after ${edit.kind} edit of ${name}`).toEqual(
                            fresh.diagnosticLines(file)
                        );
                    }
                    expect(positions(workspace, name), `positions in ${name}`).toEqual(positions(fresh, name));
                }
            }),
            fuzzParameters(runs(6, 300))
        );
        // Most typing took the in-place path (the first element of the edited file survived).
        expect(figures.inPlaceKept).toBeGreaterThan(figures.edits / 2);
    },
    timeLimit(240_000)
);

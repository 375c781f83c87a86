/**
 * The layering lint bites (ARCHITECTURE.md, "Layers"): `npm run lint` fails an import that points the wrong way.
 * Each case lints one line of import, as the file named, with the repository's own eslint.config.js, and expects
 * the rule's error with the words of its layer (or none, for what a layer may import). The table is written here by
 * hand, apart from the config, so a rule that stops matching, or starts matching too much, fails a case.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SRC = 'packages/language/src';
const RULE = '@typescript-eslint/no-restricted-imports';

let eslint: ESLint;

beforeAll(() => {
    // Only the layering rule, without type information: the files linted here do not exist on disk.
    eslint = new ESLint({
        cwd: ROOT,
        overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
        ruleFilter: ({ ruleId }) => ruleId === RULE
    });
});

/** The layering errors of `source` as the file `file` (relative to the repository). */
async function layeringErrors(file: string, source: string): Promise<string[]> {
    const [result] = await eslint.lintText(source, { filePath: join(ROOT, file), warnIgnored: true });
    const messages = result!.messages;
    expect(messages.filter(message => message.ruleId !== RULE)).toEqual([]);
    return messages.map(message => message.message);
}

const valueImport = (specifier: string) => `import { x } from '${specifier}';\nexport const y = x;\n`;
const typeImport = (specifier: string) => `import type { X } from '${specifier}';\nexport type Y = X;\n`;

const FACTS = 'facts know nothing of rules, outputs or the LSP';
const PACKAGE = 'the language package knows nothing of the CLI, the MCP server or the extension';
const EXTENSION = 'The extension talks to the language server only over LSP and the protocol module';

/** [file, source, words of the expected error]. */
const FORBIDDEN: ReadonlyArray<readonly [string, string, string]> = [
    [`${SRC}/model/x.ts`, valueImport('../facts/model-facts.js'), 'model/ is the base every layer reads'],
    [`${SRC}/model/x.ts`, valueImport('../langium-internals.js'), 'model/ is the base every layer reads'],
    [`${SRC}/facts/x.ts`, valueImport('../validation/codes.js'), FACTS],
    [`${SRC}/facts/x.ts`, valueImport('../references/kinds.js'), FACTS],
    [`${SRC}/facts/x.ts`, typeImport('../mission-module.js'), FACTS],
    [
        `${SRC}/syntax/x.ts`,
        valueImport('../references/suggestions.js'),
        'parsing knows nothing of names, facts or rules'
    ],
    [`${SRC}/references/x.ts`, valueImport('../facts/cascade.js'), 'names and links sit on the syntax'],
    [`${SRC}/references/x.ts`, valueImport('../mission-module.js'), 'only types of the Langium module'],
    [`${SRC}/validation/x.ts`, valueImport('../outputs/model-json.js'), 'rules read facts, names and syntax'],
    [`${SRC}/validation/rules/x.ts`, valueImport('../../lsp/hover.js'), 'rules read facts, names and syntax'],
    [`${SRC}/validation/x.ts`, valueImport('../config/mission-config.js'), 'rules read facts, names and syntax'],
    [`${SRC}/config/x.ts`, valueImport('../facts/model-facts.js'), 'mission.config.json knows the rule catalog'],
    [`${SRC}/planning/x.ts`, valueImport('../outputs/dot.js'), 'planning reads the facts'],
    [`${SRC}/planning/x.ts`, valueImport('../lsp/code-lens.js'), 'planning reads the facts'],
    [`${SRC}/outputs/x.ts`, typeImport('../api/check.js'), 'outputs are made from a checked model'],
    [`${SRC}/outputs/x.ts`, valueImport('../server/requests.js'), 'outputs are made from a checked model'],
    [`${SRC}/outputs/site/x.ts`, valueImport('../../lsp/hover.js'), 'outputs are made from a checked model'],
    [`${SRC}/outputs/starter-model.ts`, valueImport('../api/check.js'), 'outputs are made from a checked model'],
    [`${SRC}/lsp/x.ts`, valueImport('../outputs/model-json.js'), 'editor features read facts'],
    [`${SRC}/lsp/quick-fixes/x.ts`, valueImport('../../server/requests.js'), 'editor features read facts'],
    [`${SRC}/lsp/x.ts`, valueImport('../mission-module.js'), 'only types of the Langium module'],
    [`${SRC}/incremental/x.ts`, valueImport('../lsp/hover.js'), 'the incremental engine re-runs parsing'],
    [`${SRC}/workspace/x.ts`, valueImport('../facts/cascade.js'), 'the workspace manager finds the files'],
    [`${SRC}/api/x.ts`, valueImport('../server/main.js'), 'two entry points apart'],
    [`${SRC}/server/x.ts`, valueImport('../api/check.js'), 'two entry points apart'],
    [`${SRC}/mission-module.ts`, valueImport('./api/check.js'), 'the Langium module wires the layers'],
    [`${SRC}/langium-internals.ts`, valueImport('./model/walk.js'), "Langium's one door sits below every layer"],
    [`${SRC}/facts/x.ts`, valueImport('mission-lang-cli'), PACKAGE],
    [`${SRC}/api/x.ts`, valueImport('mission-lang-mcp/out/server.js'), PACKAGE],
    [`${SRC}/lsp/x.ts`, valueImport('../../../cli/src/main.js'), PACKAGE],
    [`${SRC}/index.ts`, valueImport('../../extension/src/extension.js'), PACKAGE],
    ['packages/extension/src/x.ts', valueImport('mission-lang-language'), EXTENSION],
    ['packages/extension/src/x.ts', typeImport('mission-lang-language'), EXTENSION],
    ['packages/extension/src/x.ts', valueImport('mission-lang-language/protocol'), 'Import its types only'],
    ['packages/extension/src/x.ts', valueImport('../../language/src/server/protocol.js'), EXTENSION],
    ['packages/extension/src/x.ts', valueImport('mission-lang-mcp'), EXTENSION]
];

/** [file, source]: what a layer may import. */
const ALLOWED: ReadonlyArray<readonly [string, string]> = [
    [`${SRC}/model/x.ts`, valueImport('../generated/ast.js')],
    [`${SRC}/facts/x.ts`, valueImport('../model/walk.js')],
    [`${SRC}/facts/x.ts`, valueImport('./cascade.js')],
    [`${SRC}/syntax/x.ts`, valueImport('../langium-internals.js')],
    [`${SRC}/references/x.ts`, valueImport('../syntax/fast-parser.js')],
    [`${SRC}/references/x.ts`, typeImport('../mission-module.js')],
    [`${SRC}/validation/rules/x.ts`, valueImport('../../references/kinds.js')],
    [`${SRC}/config/x.ts`, valueImport('../validation/codes.js')],
    [`${SRC}/planning/x.ts`, valueImport('../model/escape.js')],
    [`${SRC}/outputs/x.ts`, valueImport('../planning/staging-plan.js')],
    [`${SRC}/outputs/site/x.ts`, valueImport('../brief-markdown.js')],
    [`${SRC}/outputs/starter-model.ts`, valueImport('../api/format.js')],
    [`${SRC}/lsp/quick-fixes/x.ts`, typeImport('../../mission-module.js')],
    [`${SRC}/lsp/x.ts`, valueImport('../planning/plan-output.js')],
    [`${SRC}/api/x.ts`, valueImport('../lsp/layout.js')],
    [`${SRC}/server/x.ts`, valueImport('../outputs/model-json.js')],
    [`${SRC}/mission-module.ts`, valueImport('./server/editor-settings.js')],
    ['packages/extension/src/x.ts', typeImport('mission-lang-language/protocol')],
    ['packages/extension/src/x.ts', `export type { X } from 'mission-lang-language/protocol';\n`]
];

describe('the layering lint', () => {
    it.each(FORBIDDEN)('fails %s with %j', async (file, source, words) => {
        const errors = await layeringErrors(file, source);
        expect(errors).toHaveLength(1);
        expect(errors[0]).toContain(words);
    });

    it.each(ALLOWED)('lets %s have %j', async (file, source) => {
        expect(await layeringErrors(file, source)).toEqual([]);
    });

    it('has a rule for every folder of the language package, at every depth', async () => {
        const folders = (function walk(dir: string): string[] {
            const here = readdirSync(dir, { withFileTypes: true }).filter(
                e => e.isDirectory() && e.name !== 'generated'
            );
            return [dir, ...here.flatMap(entry => walk(join(dir, entry.name)))];
        })(join(ROOT, SRC));
        expect(folders.length).toBeGreaterThan(14);
        for (const folder of folders) {
            const depth = relative(join(ROOT, SRC), folder).split('/').filter(Boolean).length;
            // From the folder up to packages/, then into the CLI's sources.
            const specifier = `${'../'.repeat(depth + 2)}cli/src/main.js`;
            const errors = await layeringErrors(relative(ROOT, join(folder, 'x.ts')), valueImport(specifier));
            expect(errors, relative(ROOT, folder)).toEqual([expect.stringContaining(PACKAGE)]);
        }
    });
});

// ESLint for the whole tree (flat config): typescript-eslint with type information for the TypeScript
// sources and tests, the plain recommended rules for the JavaScript scripts. Formatting is Prettier's
// (`npm run format`); the one layout rule kept here is the 120-character line, which Prettier cannot
// enforce on long strings and comments.
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Private fields of Langium's references, syntax nodes and documents that this project reaches. */
const LANGIUM_PRIVATE_FIELDS =
    '/^_(ref|astNode|nodeDescription|rangeCache|text|offset|length|' +
    'startLine|startColumn|endLine|endColumn|hidden|tokenType)$/';

/**
 * The language package's layers (ARCHITECTURE.md, "Layers"): which folders and root modules of
 * packages/language/src each folder may import besides itself. Every layer may import generated/ and model/
 * (`base` says otherwise); a layer with `types` may import the Langium module's types (`import type
 * { MissionServices }`) but never its values, which wire every layer. `may` is an allow list, so a new folder is
 * out of bounds for every layer until it is given a place here; `mayNot` (the entry points) is a deny list.
 */
const LANGUAGE_SRC = 'packages/language/src';
const LANGUAGE_LAYERS = [
    {
        folder: 'model',
        base: ['generated'],
        may: [],
        why: 'model/ is the base every layer reads: it imports only generated/'
    },
    {
        folder: 'facts',
        may: [],
        why: 'facts know nothing of rules, outputs or the LSP: facts/ imports only generated/ and model/'
    },
    {
        folder: 'syntax',
        may: ['langium-internals.ts'],
        why: 'parsing knows nothing of names, facts or rules: syntax/ imports generated/, model/, langium-internals'
    },
    {
        folder: 'references',
        may: ['syntax', 'langium-internals.ts'],
        types: true,
        why: 'names and links sit on the syntax and know nothing of facts or rules: references/ imports only syntax/'
    },
    {
        folder: 'validation',
        may: ['facts', 'references', 'syntax', 'langium-internals.ts'],
        types: true,
        why: 'rules read facts, names and syntax, and know nothing of the config file, planning, outputs or the LSP'
    },
    {
        folder: 'config',
        may: ['validation'],
        why: 'mission.config.json knows the rule catalog and nothing above it: config/ imports only validation/'
    },
    {
        folder: 'planning',
        may: ['facts', 'references', 'langium-internals.ts'],
        why: 'planning reads the facts; the outputs show the plan, never the other way round (no outputs/, no LSP)'
    },
    {
        folder: 'outputs',
        may: ['facts', 'references', 'validation', 'config', 'planning', 'syntax', 'langium-internals.ts'],
        // The one exception: the starter model is formatted by the one formatter, which builds its own parser.
        exceptions: { 'starter-model.ts': ['api/format.ts'] },
        why: 'outputs are made from a checked model and know nothing of the LSP, the server or the check API'
    },
    {
        folder: 'lsp',
        may: ['facts', 'references', 'validation', 'config', 'planning', 'syntax', 'langium-internals.ts'],
        types: true,
        why: 'editor features read facts, rules and the plan, and know nothing of outputs, the server or the check API'
    },
    {
        folder: 'incremental',
        may: ['facts', 'references', 'validation', 'syntax', 'langium-internals.ts'],
        types: true,
        why: 'the incremental engine re-runs parsing, linking, facts and rules, and knows nothing of the features'
    },
    {
        folder: 'workspace',
        may: ['langium-internals.ts'],
        why: 'the workspace manager finds the files and knows nothing of what is in them'
    },
    { folder: 'api', mayNot: ['server', 'index.ts'], why: 'the check API and the server are two entry points apart' },
    { folder: 'server', mayNot: ['api', 'index.ts'], why: 'the server and the check API are two entry points apart' },
    // Any root module (index.ts, a new one): nothing outside the package. The root modules named below have more.
    { file: '*.ts', mayNot: [], why: 'a root module' },
    {
        file: 'mission-module.ts',
        mayNot: ['api', 'index.ts'],
        why: 'the Langium module wires the layers; the entry points build on it, not the other way round'
    },
    {
        file: 'langium-internals.ts',
        base: ['generated'],
        may: [],
        why: "Langium's one door sits below every layer: it imports only generated/"
    },
    { file: 'node20-polyfill.ts', base: [], may: [], why: 'the polyfill runs first and imports nothing' }
];
const EXTENSION_WHY =
    'The extension talks to the language server only over LSP and the protocol module ' +
    '(mission-lang-language/protocol, types only) (ARCHITECTURE.md, Invariants).';
const LANGUAGE_PACKAGE_WHY =
    'the language package knows nothing of the CLI, the MCP server or the extension (ARCHITECTURE.md, Invariants)';
const MISSION_MODULE_WHY =
    'only types of the Langium module below the entry points: its values wire every layer (ARCHITECTURE.md, Layers)';

const escapeRegex = text => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A folder (`facts`) or a root module (`index.ts`) as the start of an import specifier from `src/`. */
const target = name => (name.endsWith('.ts') ? `${escapeRegex(name.replace(/\.ts$/, '.js'))}$` : `${name}/`);

/**
 * One block per depth of file below the layer's folder (the specifiers are relative, so `../` counts), then one per
 * file with an exception (the same rule with more allowed: a later block's options replace an earlier block's).
 */
function layerBlocks(layer) {
    const depths = layer.file ? [0] : [1, 2, 3];
    const exceptions = Object.entries(layer.exceptions ?? {}).map(([file, more]) =>
        layerBlock({ ...layer, may: [...layer.may, ...more] }, 1, [`${LANGUAGE_SRC}/${layer.folder}/${file}`])
    );
    return [...depths.map(depth => layerBlock(layer, depth)), ...exceptions];
}

/** The rule for the files of one layer at one depth below src/ (0: a root module). */
function layerBlock(layer, depth, files) {
    const toSrc = depth === 0 ? '\\./' : `(?:\\.\\./){${depth}}`;
    const outOfSrc = depth === 0 ? '^\\.\\./' : `^(?:\\.\\./){${depth + 1}}`;
    const why = `${layer.why} (ARCHITECTURE.md, Layers).`;
    const patterns = [];
    if (layer.may) {
        const allowed = [layer.folder, ...(layer.base ?? ['generated', 'model']), ...layer.may].filter(Boolean);
        if (layer.types) allowed.push('mission-module.ts');
        const staying = [...allowed.map(target), '\\.\\./'].join('|');
        patterns.push({ regex: `^${toSrc}(?!${staying})`, message: why });
        if (layer.types)
            patterns.push({
                regex: `^${toSrc}mission-module\\.js$`,
                allowTypeImports: true,
                message: `${MISSION_MODULE_WHY}.`
            });
    } else if (layer.mayNot.length > 0) {
        patterns.push({ regex: `^${toSrc}(?:${layer.mayNot.map(target).join('|')})`, message: why });
    }
    patterns.push(
        { regex: outOfSrc, message: `${LANGUAGE_PACKAGE_WHY}.` },
        { regex: '^mission-lang(?:-cli|-mcp|-language)?(?:/|$)', message: `${LANGUAGE_PACKAGE_WHY}.` }
    );
    files ??= layer.file
        ? [`${LANGUAGE_SRC}/${layer.file}`]
        : [`${LANGUAGE_SRC}/${layer.folder}/${'*/'.repeat(depth - 1)}*.ts`];
    return { files, rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] } };
}

export default tseslint.config(
    {
        ignores: [
            '**/node_modules/**',
            '**/out/**',
            '**/dist/**',
            'packages/language/src/generated/**',
            'bench/workspaces/**',
            'test/.cache/**',
            '.vitest-results/**',
            // Stryker's sandboxes (copies of the tree) and reports, ignored by git as well.
            '.stryker-tmp/**',
            'reports/mutation/**'
        ]
    },
    js.configs.recommended,
    {
        files: ['**/*.{js,mjs,cjs}'],
        languageOptions: { globals: { ...globals.node } }
    },
    {
        files: ['packages/extension/media/**/*.js'],
        languageOptions: { globals: { ...globals.browser, acquireVsCodeApi: 'readonly' } }
    },
    {
        files: ['**/*.ts'],
        extends: [tseslint.configs.recommended],
        languageOptions: {
            parserOptions: {
                // The root tsconfig.json is a solution file (no files of its own), so the two vitest configs
                // at the root are checked in the service's default project.
                projectService: { allowDefaultProject: ['vitest.config.ts', 'vitest.stryker.config.ts'] },
                tsconfigRootDir: import.meta.dirname
            }
        },
        rules: {
            '@typescript-eslint/no-floating-promises': 'error',
            '@typescript-eslint/no-misused-promises': 'error',
            '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
        }
    },
    {
        // Langium's private fields are read and written in one module only (src/langium-internals.ts), so a
        // Langium upgrade has one file to check (docs/langium-upgrade.md). references/linker.ts implements
        // Langium's reference itself and keeps its fields.
        files: ['packages/language/src/**/*.ts'],
        ignores: ['packages/language/src/langium-internals.ts', 'packages/language/src/references/linker.ts'],
        rules: {
            'no-restricted-syntax': [
                'error',
                {
                    selector: `MemberExpression[property.name=${LANGIUM_PRIVATE_FIELDS}]`,
                    message: "A Langium internal: reach it through src/langium-internals.ts, Langium's one door."
                },
                {
                    selector: `TSPropertySignature[key.name=${LANGIUM_PRIVATE_FIELDS}]`,
                    message: "A Langium internal: reach it through src/langium-internals.ts, Langium's one door."
                }
            ]
        }
    },
    ...LANGUAGE_LAYERS.flatMap(layerBlocks),
    {
        // The extension talks to the server only over the protocol: of the language package it imports the
        // custom requests' types (`mission-lang-language/protocol`), which put no language code in the client.
        files: ['packages/extension/src/**/*.ts'],
        rules: {
            '@typescript-eslint/no-restricted-imports': [
                'error',
                {
                    patterns: [
                        {
                            regex: '^mission-lang-language(?!/protocol$)',
                            message: EXTENSION_WHY
                        },
                        {
                            regex: '^mission-lang-language/protocol$',
                            allowTypeImports: true,
                            message: `${EXTENSION_WHY} Import its types only (\`import type\`).`
                        },
                        { regex: '^mission-lang-(?:cli|mcp)(?:/|$)', message: EXTENSION_WHY },
                        { regex: '^(?:\\.\\./)+(?:packages/)?(?:language|cli|mcp)/', message: EXTENSION_WHY }
                    ]
                }
            ]
        }
    },
    {
        plugins: { '@stylistic': stylistic },
        rules: {
            '@stylistic/max-len': ['error', { code: 120, tabWidth: 4, ignoreUrls: false }]
        }
    }
);

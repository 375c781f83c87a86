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
    {
        plugins: { '@stylistic': stylistic },
        rules: {
            '@stylistic/max-len': ['error', { code: 120, tabWidth: 4, ignoreUrls: false }]
        }
    }
);

// ESLint for the whole tree (flat config): typescript-eslint with type information for the TypeScript
// sources and tests, the plain recommended rules for the JavaScript scripts. Formatting is Prettier's
// (`npm run format`); the one layout rule kept here is the 120-character line, which Prettier cannot
// enforce on long strings and comments.
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
            parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname }
        },
        rules: {
            '@typescript-eslint/no-floating-promises': 'error',
            '@typescript-eslint/no-misused-promises': 'error',
            '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
        }
    },
    {
        plugins: { '@stylistic': stylistic },
        rules: {
            '@stylistic/max-len': ['error', { code: 120, tabWidth: 4, ignoreUrls: false }]
        }
    }
);

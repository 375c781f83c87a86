import { defineConfig } from 'vitest/config';

/**
 * The tests StrykerJS runs against each mutant (`npm run mutation`, stryker.config.mjs): the in-process suites that
 * cover the mutated sources, and none of the slow or out-of-process ones. The facts' property suite (facts-properties:
 * about a second) is in, with a fixed seed (test/support/stryker-seed.ts). Left out: the slow property/fuzz suites
 * (fast-parser, syntax-on-demand, test/reliability), tests that spawn the built language server or CLI or import
 * `out/` (generated-parser, quick-fixes/protocol, cli validate), which would never see a mutant, and e2e.
 * lsp/formatter.test.ts is left out too: it covers no mutated file.
 */
export default defineConfig({
    test: {
        include: ['packages/language/test/**/*.test.ts', 'packages/cli/test/format-*.test.ts'],
        exclude: [
            '**/node_modules/**',
            '**/out/**',
            'packages/language/test/fast-parser.test.ts',
            'packages/language/test/syntax-on-demand.test.ts',
            'packages/language/test/generated-parser.test.ts',
            'packages/language/test/quick-fixes/protocol.test.ts',
            // Covers lsp/formatter.ts only (not mutated); kept out so formatter work in progress cannot block a run.
            'packages/language/test/lsp/formatter.test.ts',
            // A suite another change has broken for the moment (the dry run needs every test green), e.g.
            // MUTATION_EXCLUDE=packages/language/test/lsp/robustness.test.ts npm run mutation
            ...(process.env.MUTATION_EXCLUDE?.split(',').filter(Boolean) ?? [])
        ],
        testTimeout: 60_000,
        hookTimeout: 120_000,
        pool: 'forks',
        setupFiles: ['test/support/stryker-seed.ts']
    }
});

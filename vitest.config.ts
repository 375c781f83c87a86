import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
        exclude: ['**/node_modules/**', '**/out/**', 'test/e2e/**'],
        testTimeout: 60_000,
        hookTimeout: 120_000,
        pool: 'forks'
    }
});

import fc from 'fast-check';

/**
 * Under `npm run mutation` only (vitest.stryker.config.ts): the property suites run with one fixed seed, so a
 * mutant's verdict is the same on every run and the incremental report does not flip between runs.
 */
fc.configureGlobal({ seed: 20_261_205 });

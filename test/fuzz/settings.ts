/**
 * Shared settings of the property and hostile-input suites. `npm test` runs a small fixed number of
 * cases; `npm run fuzz` sets FUZZ=long (and FUZZ_RUNS) for many more. The seed is fixed (FUZZ_SEED to
 * change it); fast-check prints the seed and the counterexample path on a failure, so a failing case
 * can be replayed with FUZZ_SEED=<seed> (and `path` in `fuzzParameters`).
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Parameters } from 'fast-check';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** True under `npm run fuzz`: the heavy cases run and the run counts are large. */
export const LONG = process.env.FUZZ === 'long' || process.env.FUZZ_RUNS !== undefined;

export const SEED = Number(process.env.FUZZ_SEED ?? 20261123);

/** The number of runs: `short` under `npm test`, FUZZ_RUNS (or `long`) under `npm run fuzz`. */
export function runs(short: number, long = 10_000): number {
    if (process.env.FUZZ_RUNS !== undefined) return Math.max(short, Math.min(long, Number(process.env.FUZZ_RUNS)));
    return LONG ? long : short;
}

/** A test's time limit: `short` under `npm test`; hours under `npm run fuzz`. */
export function timeLimit(short: number): number {
    return LONG ? 6 * 3_600_000 : short;
}

/** fast-check parameters: the fixed seed, the run count, and a counterexample path from FUZZ_PATH. */
export function fuzzParameters<T>(numRuns: number): Parameters<T> {
    return { seed: SEED, numRuns, path: process.env.FUZZ_PATH, endOnFailure: true, verbose: 1 };
}

const SUMMARY_FILE = process.env.FUZZ_SUMMARY ?? join(REPO, '.vitest-results', 'reliability-summary.txt');

/**
 * Prints the one-line summary of a suite (what was tried, and the figures) and appends it to
 * .vitest-results/reliability-summary.txt, which docs/reliability.md quotes.
 */
export function printSummary(suite: string, figures: Record<string, string | number>): void {
    const line = `reliability ${suite}: ${Object.entries(figures)
        .map(([key, value]) => `${key}=${value}`)
        .join(', ')} (seed ${SEED}, ${LONG ? 'long' : 'short'} mode)`;
    console.log(line);
    try {
        mkdirSync(dirname(SUMMARY_FILE), { recursive: true });
        appendFileSync(SUMMARY_FILE, `${new Date().toISOString()} ${line}\n`);
    } catch {
        // The summary file is a convenience; the console line is the record.
    }
}

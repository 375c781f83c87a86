#!/usr/bin/env node
/**
 * `npm run mutation:recheck -- <source file>... [--tests <test path or glob>...]`: applies each survivor recorded
 * in reports/stryker-incremental.json for the given files, one at a time, runs the given tests (vitest, bail on the
 * first failure) and prints KILLED, SURVIVED or TIMEOUT; the source is restored after each. A quick lower bound
 * on what a StrykerJS run would now find for files whose run takes hours (every test of the language covers the
 * facts): a mutant killed by a subset of the tests is killed by all of them. Refuses a file whose source changed
 * since the recorded run. Nothing is written to the report (docs/reliability.md, "Mutation testing").
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const split = args.indexOf('--tests');
const files = split < 0 ? args : args.slice(0, split);
const tests = split < 0 ? ['packages/language/test'] : args.slice(split + 1);
const report = JSON.parse(readFileSync(new URL('../reports/stryker-incremental.json', import.meta.url), 'utf8'));

for (const file of files) {
    const entry = report.files[file];
    const original = readFileSync(file, 'utf8');
    if (!entry || entry.source !== original) {
        console.log(`${file}: not in the report, or its source changed since the recorded run; skipped`);
        continue;
    }
    const lineStarts = [0];
    for (let i = 0; i < original.length; i++) if (original[i] === '\n') lineStarts.push(i + 1);
    const offset = ({ line, column }) => lineStarts[line - 1] + column - 1;
    for (const mutant of entry.mutants.filter(m => m.status === 'Survived' || m.status === 'NoCoverage')) {
        const from = offset(mutant.location.start);
        const to = offset(mutant.location.end);
        let verdict = 'SURVIVED';
        writeFileSync(file, original.slice(0, from) + mutant.replacement + original.slice(to));
        try {
            execFileSync('npx', ['vitest', 'run', ...tests, '--bail', '1'], { stdio: 'ignore', timeout: 300_000 });
        } catch (error) {
            verdict = error.code === 'ETIMEDOUT' ? 'TIMEOUT' : 'KILLED';
        } finally {
            writeFileSync(file, original);
        }
        const { line, column } = mutant.location.start;
        const code = original.slice(from, to).replace(/\s+/g, ' ').slice(0, 60);
        const replacement = mutant.replacement.replace(/\s+/g, ' ').slice(0, 60);
        console.log(`${verdict} ${file} ${line}:${column} ${mutant.mutatorName} | ${code} => ${replacement}`);
    }
}

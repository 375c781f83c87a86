#!/usr/bin/env node
/**
 * `npm run mutation:survivors [-- <path fragment>...]`: the score of each mutated file and every mutant that
 * survived (or had no covering test), read from the committed incremental report (reports/stryker-incremental.json),
 * so the state of the last runs can be read without running StrykerJS. docs/reliability.md explains each survivor.
 */
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(new URL('../reports/stryker-incremental.json', import.meta.url), 'utf8'));
const filters = process.argv.slice(2);
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

let detectedAll = 0;
let undetectedAll = 0;
for (const [file, { source, mutants }] of Object.entries(report.files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (filters.length > 0 && !filters.some(filter => file.includes(filter))) continue;
    const lines = source.split('\n');
    const detected = mutants.filter(mutant => DETECTED.has(mutant.status)).length;
    const undetected = mutants.filter(mutant => UNDETECTED.has(mutant.status));
    detectedAll += detected;
    undetectedAll += undetected.length;
    const score = (100 * detected) / Math.max(1, detected + undetected.length);
    console.log(`${file}: ${score.toFixed(1)} % (${detected} detected, ${undetected.length} undetected)`);
    for (const mutant of undetected.sort((a, b) => a.location.start.line - b.location.start.line)) {
        const { line, column } = mutant.location.start;
        const code = lines[line - 1].trim().slice(0, 90);
        const replacement = (mutant.replacement ?? '').replace(/\s+/g, ' ').slice(0, 60);
        console.log(`  ${line}:${column} ${mutant.mutatorName} ${mutant.status} | ${code} => ${replacement}`);
    }
}
const total = (100 * detectedAll) / Math.max(1, detectedAll + undetectedAll);
console.log(`all: ${total.toFixed(1)} % (${detectedAll} detected, ${undetectedAll} undetected)`);

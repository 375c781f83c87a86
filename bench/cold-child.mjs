#!/usr/bin/env node
// One in-process measure in a fresh process, printed as one JSON line (run by bench/run.mjs):
//   node bench/cold-child.mjs phases <workspace-dir>   cold check timed by phase (as `mission validate`)
//   node bench/cold-child.mjs server-phases <dir>      the same with the reference index (the server's)
//   node bench/cold-child.mjs lex <workspace-dir>      Chevrotain lexing alone of the same text
//   node bench/cold-child.mjs json <model.json>        JSON.parse of the compiled model
// Each runs in its own process so that no measure warms the JIT or the heap of another.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { measureLexing, measurePhases, readWorkspace } from './phases.mjs';

const [mode, target] = process.argv.slice(2);
let result;
if (mode === 'phases' || mode === 'server-phases') {
    const files = readWorkspace(target);
    result = await measurePhases(files, undefined, { batch: mode === 'phases' });
    result.bytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0);
} else if (mode === 'lex') {
    result = measureLexing(readWorkspace(target));
} else if (mode === 'json') {
    const text = readFileSync(target, 'utf8');
    const start = performance.now();
    JSON.parse(text);
    result = { jsonParseMs: performance.now() - start, bytes: Buffer.byteLength(text) };
} else {
    console.error('usage: node bench/cold-child.mjs phases|lex|json <path>');
    process.exit(2);
}
result.maxRssMB = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify(result));

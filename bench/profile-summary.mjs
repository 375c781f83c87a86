#!/usr/bin/env node
// Where the time goes in a V8 CPU profile (node --cpu-prof): self time by area (our packages, Langium's
// parser, linker, ..., Chevrotain, GC) and the functions with the most self time.
//   node bench/profile-summary.mjs <file.cpuprofile> [top]
import { readFileSync } from 'node:fs';

const [file, top = '25'] = process.argv.slice(2);
if (!file) {
    console.error('usage: node bench/profile-summary.mjs <file.cpuprofile> [top]');
    process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const selfMicros = new Map(profile.nodes.map(node => [node.id, 0]));
for (let i = 0; i < profile.samples.length; i++)
    selfMicros.set(profile.samples[i], selfMicros.get(profile.samples[i]) + (profile.timeDeltas[i] ?? 0));

function area(frame) {
    const url = frame.url ?? '';
    if (frame.functionName === '(garbage collector)') return 'GC';
    if (frame.functionName === '(idle)' || frame.functionName === '(program)') return frame.functionName;
    if (url.includes('/chevrotain')) return 'chevrotain';
    const langium = url.match(/\/langium\/lib\/([^/]+\/[^/]+)\.js/);
    if (langium) return `langium/${langium[1]}`;
    const ours = url.match(/packages\/(\w+)\/out\/([^/]+)/);
    if (ours) return `${ours[1]}/${ours[2].replace(/\.js$/, '')}`;
    if (url.includes('node_modules/')) return url.match(/node_modules\/((@[^/]+\/)?[^/]+)/)[1];
    if (url.startsWith('node:') || url === '') return 'node/v8';
    return url.split('/').slice(-2).join('/');
}

const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);
const byArea = new Map();
const byFunction = new Map();
for (const node of profile.nodes) {
    const micros = selfMicros.get(node.id);
    if (!micros) continue;
    const name = area(node.callFrame);
    byArea.set(name, (byArea.get(name) ?? 0) + micros);
    const key = `${node.callFrame.functionName || '(anonymous)'} ${name}:${node.callFrame.lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
}
const print = (title, map, count) => {
    console.log(`\n${title}`);
    for (const [name, micros] of [...map].sort((a, b) => b[1] - a[1]).slice(0, count)) {
        console.log(
            `${(micros / 1000).toFixed(0).padStart(7)} ms ${((100 * micros) / total).toFixed(1).padStart(5)} %  ${name}`
        );
    }
};
console.log(`total ${(total / 1000).toFixed(0)} ms sampled`);
print('self time by area', byArea, 20);
print('self time by function', byFunction, Number(top));

// Bundles the compiled CLI (out/) into dist/main.js (and its chunks) with esbuild. Node loads one file much
// faster than the few hundred modules of Langium, Chevrotain and the language server protocol: the
// start-up of every `mission` run drops from ~0.38 s to ~0.13 s (docs/performance.md). Graphviz
// (WebAssembly, loaded in a worker by path) and resvg (a native binding) stay outside the bundle and are
// resolved from node_modules at run time, as the language package's schema file is.
//
// Code reached only by a dynamic import (`mission mcp`'s package, with the MCP SDK, zod and ajv: ~1.5 MB) goes to
// a chunk of its own (dist/chunks/), so no other command reads or compiles it: ~40 ms less start-up for each.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NODE_BUNDLE } from '../../../scripts/node-bundle.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

// Chunk names carry a content hash: the folder is emptied so that chunks of earlier builds do not pile up.
rmSync(`${root}/dist`, { recursive: true, force: true });
await build({
    entryPoints: [`${root}/out/main.js`],
    outdir: `${root}/dist`,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    ...NODE_BUNDLE
});

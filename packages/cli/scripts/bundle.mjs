// Bundles the compiled CLI (out/) into one file (dist/main.js) with esbuild. Node loads one file much
// faster than the few hundred modules of Langium, Chevrotain and the language server protocol: the
// start-up of every `mission` run drops from ~0.38 s to ~0.13 s (docs/performance.md). Graphviz
// (WebAssembly, loaded in a worker by path) and resvg (a native binding) stay outside the bundle and are
// resolved from node_modules at run time, as the language package's schema file is.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
    entryPoints: [`${root}/out/main.js`],
    outfile: `${root}/dist/main.js`,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: ['@resvg/resvg-js', '@hpcc-js/wasm-graphviz'],
    // Bundled CommonJS modules (vscode-languageserver, ...) call require: give them one.
    banner: {
        js:
            "import { createRequire as __missionCreateRequire } from 'node:module'; " +
            'const require = __missionCreateRequire(import.meta.url);'
    },
    logLevel: 'warning'
});

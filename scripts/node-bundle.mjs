// The esbuild options every one-file Node bundle of this repository shares (the CLI's, the language server's):
// ESM for Node 22, with Graphviz (WebAssembly, loaded in a worker by path) and resvg (a native binding) left
// outside and resolved from node_modules at run time.
export const NODE_BUNDLE = {
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
};

// Bundles the compiled language server (out/server/main.js) into one file (dist/server.js) with esbuild, as the
// CLI is bundled (packages/cli/scripts/bundle.mjs): Node loads one file much faster than the few hundred modules
// of Langium, Chevrotain and the language server protocol (~0.17 s against ~0.45 s here), and an editor waits
// for that before its first diagnostics. `bin/mission-language-server.js` runs the bundle when it is current.
// Graphviz (WebAssembly, loaded in a worker by path) and resvg (a native binding) stay outside the bundle and
// are resolved from node_modules at run time.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NODE_BUNDLE } from '../../../scripts/node-bundle.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

rmSync(`${root}/dist`, { recursive: true, force: true });
await build({
    entryPoints: { server: `${root}/out/server/main.js` },
    outdir: `${root}/dist`,
    ...NODE_BUNDLE
});

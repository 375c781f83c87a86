// Builds the committed, self-contained bundles at the repository root (`npm run build:action`):
//   dist/action/index.js   the GitHub Action (action.yml), from packages/cli/src/action-entry.ts
//   dist/mission.js        the `mission` command, from packages/cli/src/cli-entry.ts (the pre-commit hooks)
//   dist/lib/*.js          the code they share (esbuild's code splitting)
// A runner or a pre-commit clone has no node_modules, so everything the checks need is bundled, from the
// TypeScript sources (not out/, which may be stale): the result depends on the sources and the locked
// dependencies only, and packages/cli/test/dist.test.ts rebuilds it to tell a stale dist/ apart.
// Graphviz (WebAssembly loaded by path when a diagram is drawn) and resvg (a native binding) are left
// out: they are loaded only when an SVG or PNG is made, which these bundles do not do.
//
// Usage: node packages/cli/scripts/bundle-dist.mjs [--outdir FOLDER]   (default: dist/ at the root)
import { build } from 'esbuild';
import { chmod, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
const outdir = resolve(values.outdir ?? join(root, 'dist'));

// resvg is imported statically by the language package's PNG output; in the bundle the import is
// replaced by a class that loads resvg when a PNG is first made, so the bundle loads without it.
const resvgOnDemand = {
    name: 'resvg-on-demand',
    setup(plugin) {
        plugin.onResolve({ filter: /^@resvg\/resvg-js$/ }, () => ({ path: 'resvg', namespace: 'on-demand' }));
        plugin.onLoad({ filter: /.*/, namespace: 'on-demand' }, () => ({
            loader: 'js',
            contents: `
                import { createRequire } from 'node:module';
                export class Resvg {
                    constructor(...args) {
                        // Throws MODULE_NOT_FOUND when resvg is not installed, which mission reports in one line.
                        const resvg = createRequire(import.meta.url)('@resvg/resvg-js');
                        return new resvg.Resvg(...args);
                    }
                }`
        }));
    }
};

// Built beside the target and then renamed over it: a failed build leaves the previous dist/ in place.
const building = `${outdir}.building-${process.pid}`;
await rm(building, { recursive: true, force: true });
await mkdir(building, { recursive: true });
const built = build({
    // Paths in the output's comments are relative to the root, whatever folder the build writes to.
    absWorkingDir: root,
    entryPoints: {
        'action/index': 'packages/cli/src/action-entry.ts',
        mission: 'packages/cli/src/cli-entry.ts'
    },
    outdir: building,
    chunkNames: 'lib/[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    // The sources import the language and MCP packages by name; bundle their sources too.
    alias: {
        'mission-lang-language': './packages/language/src/index.ts',
        'mission-lang-mcp': './packages/mcp/src/index.ts'
    },
    external: ['@hpcc-js/wasm-graphviz'],
    plugins: [resvgOnDemand],
    // Bundled CommonJS modules (vscode-languageserver, ...) call require: give them one.
    banner: {
        js:
            "import { createRequire as __missionCreateRequire } from 'node:module'; " +
            'const require = __missionCreateRequire(import.meta.url);'
    },
    legalComments: 'eof',
    logLevel: 'warning'
});
// esbuild has printed what failed; its stack trace would add nothing.
await built.catch(async () => {
    await rm(building, { recursive: true, force: true });
    process.exit(1);
});
// The pre-commit hooks run dist/mission.js as a script (its #! line names node).
await chmod(join(building, 'mission.js'), 0o755);
await rm(outdir, { recursive: true, force: true });
await rename(building, outdir);

const files = await readdir(outdir, { recursive: true });
console.log(`bundle-dist: wrote ${files.length} entries to ${outdir}`);

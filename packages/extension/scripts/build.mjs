// Builds the extension: type-checks the client, then bundles it (out/extension.cjs) and the language
// server (out/server.cjs, from packages/language's sources) with esbuild as CommonJS for Node, so the
// VSIX needs no node_modules. The JSON Schema of mission.config.json is copied from the language
// package (out/mission-config.schema.json, contributes.jsonValidation): one schema, never a fork.
// The MCP server (`mission mcp`, out/mcp-server.cjs, src/mcp-provider.ts) is bundled from the CLI's and
// the MCP package's sources the same way, with the language reference beside it (out/LANGUAGE.md).
// `--watch` rebuilds on change.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const extensionDir = fileURLToPath(new URL('..', import.meta.url));
const root = fileURLToPath(new URL('../../..', import.meta.url));
const watch = process.argv.includes('--watch');

const typecheck = spawnSync(
    process.execPath,
    [`${root}/node_modules/typescript/bin/tsc`, '-p', `${extensionDir}/tsconfig.json`, '--noEmit'],
    { stdio: 'inherit' }
);
if (typecheck.status !== 0) process.exit(typecheck.status ?? 1);

/** @type {esbuild.BuildOptions} */
const common = {
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    minify: !watch,
    logLevel: 'warning',
    // Langium's ESM sources read import.meta.url in places the server never reaches; CommonJS has none.
    logOverride: { 'empty-import-meta': 'silent' }
};

/**
 * The server runs from the VSIX without node_modules. Two dependencies of the diagram outputs cannot
 * be bundled as they are: Graphviz (WebAssembly, loaded by a worker from a file URL) ships beside the
 * bundle as out/graphviz.mjs and outputs/svg.ts is pointed at it; resvg (a native module, PNG only)
 * is replaced by a stub, since the preview draws PNGs itself.
 */
const GRAPHVIZ_LOOKUP = "createRequire(import.meta.url).resolve('@hpcc-js/wasm-graphviz')";
const REFERENCE_LOOKUP = "createRequire(import.meta.url).resolve('mission-lang-mcp/LANGUAGE.md')";
const serverInVsix = {
    name: 'mission-server-in-vsix',
    setup(build) {
        build.onResolve({ filter: /^@resvg\/resvg-js$/ }, () => ({ path: 'resvg', namespace: 'mission-stub' }));
        build.onLoad({ filter: /.*/, namespace: 'mission-stub' }, () => ({
            loader: 'js',
            contents:
                'export class Resvg { constructor() { throw new Error(' +
                '"PNG rendering is not part of the editor\'s language server; the cascade preview draws PNGs."' +
                '); } }'
        }));
        build.onLoad({ filter: /[\\/]outputs[\\/]svg\.ts$/ }, args => {
            const source = readFileSync(args.path, 'utf8');
            if (!source.includes(GRAPHVIZ_LOOKUP))
                throw new Error(`${args.path} no longer contains ${GRAPHVIZ_LOOKUP}: update scripts/build.mjs`);
            return {
                loader: 'ts',
                contents: source.replace(GRAPHVIZ_LOOKUP, "require('node:path').join(__dirname, 'graphviz.mjs')")
            };
        });
        // The MCP server's language reference: out/LANGUAGE.md beside the bundle.
        build.onLoad({ filter: /[\\/]mcp[\\/]src[\\/]resources\.ts$/ }, args => {
            const source = readFileSync(args.path, 'utf8');
            if (!source.includes(REFERENCE_LOOKUP))
                throw new Error(`${args.path} no longer contains ${REFERENCE_LOOKUP}: update scripts/build.mjs`);
            return {
                loader: 'ts',
                contents: source.replace(REFERENCE_LOOKUP, "require('node:path').join(__dirname, 'LANGUAGE.md')")
            };
        });
    }
};

mkdirSync(`${extensionDir}/out`, { recursive: true });
const languageRequire = createRequire(`${root}/packages/language/package.json`);
copyFileSync(languageRequire.resolve('@hpcc-js/wasm-graphviz'), `${extensionDir}/out/graphviz.mjs`);
copyFileSync(
    `${root}/packages/language/schema/mission-config.schema.json`,
    `${extensionDir}/out/mission-config.schema.json`
);
// Read and written (not copied): the copy would keep a read-only source's mode and fail the next build.
writeFileSync(`${extensionDir}/out/LANGUAGE.md`, readFileSync(`${root}/packages/mcp/LANGUAGE.md`));

const builds = [
    {
        ...common,
        entryPoints: { extension: `${extensionDir}/src/extension.ts` },
        outdir: `${extensionDir}/out`,
        outExtension: { '.js': '.cjs' },
        external: ['vscode']
    },
    // The polyfill is the first import of server/main.ts, and esbuild keeps import order, so it runs
    // before Chevrotain is evaluated (test/bundle.test.ts starts the bundle to prove it).
    {
        ...common,
        entryPoints: { server: `${root}/packages/language/src/server/main.ts` },
        outdir: `${extensionDir}/out`,
        outExtension: { '.js': '.cjs' },
        plugins: [serverInVsix]
    },
    // `mission mcp` from the sources (the language and MCP packages too, as the server above is built).
    {
        ...common,
        entryPoints: { 'mcp-server': `${extensionDir}/scripts/mcp-server-entry.mjs` },
        outdir: `${extensionDir}/out`,
        outExtension: { '.js': '.cjs' },
        alias: {
            'mission-lang-language': `${root}/packages/language/src/index.ts`,
            'mission-lang-mcp': `${root}/packages/mcp/src/index.ts`
        },
        plugins: [serverInVsix]
    }
];

if (watch) {
    for (const options of builds) await (await esbuild.context(options)).watch();
} else {
    await Promise.all(builds.map(options => esbuild.build(options)));
}

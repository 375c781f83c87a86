// Builds the extension: type-checks the client, then bundles it (out/extension.cjs) and the language
// server (out/server.cjs, from packages/language's sources) with esbuild as CommonJS for Node, so the
// VSIX needs no node_modules. `--watch` rebuilds on change.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const extensionDir = fileURLToPath(new URL('..', import.meta.url));
const root = fileURLToPath(new URL('../../..', import.meta.url));
const watch = process.argv.includes('--watch');

const typecheck = spawnSync(process.execPath, [`${root}/node_modules/typescript/bin/tsc`, '-p', `${extensionDir}/tsconfig.json`, '--noEmit'], { stdio: 'inherit' });
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

const builds = [
    { ...common, entryPoints: { extension: `${extensionDir}/src/extension.ts` }, outdir: `${extensionDir}/out`, outExtension: { '.js': '.cjs' }, external: ['vscode'] },
    // The polyfill is the first import of server/main.ts, and esbuild keeps import order, so it runs
    // before Chevrotain is evaluated (test/bundle.test.ts starts the bundle to prove it).
    { ...common, entryPoints: { server: `${root}/packages/language/src/server/main.ts` }, outdir: `${extensionDir}/out`, outExtension: { '.js': '.cjs' }, external: ['@resvg/resvg-js'] }
];

if (watch) {
    for (const options of builds) await (await esbuild.context(options)).watch();
} else {
    await Promise.all(builds.map((options) => esbuild.build(options)));
}

#!/usr/bin/env node
import { statSync } from 'node:fs';

// The bundle (scripts/bundle.mjs) starts faster. An installed package runs it. In the repository
// (sources beside it) the compiled modules run instead when the bundle is missing or older than them,
// here or in the language or MCP package (a `tsc` run without `npm run build`).
function modified(relative) {
    try {
        return statSync(new URL(relative, import.meta.url)).mtimeMs;
    } catch {
        return undefined;
    }
}
const bundle = modified('../dist/main.js');
const inRepository = modified('../src') !== undefined;
const compiled = Math.max(
    modified('../out/main.js') ?? 0,
    modified('../../language/out/index.js') ?? 0,
    modified('../../mcp/out/index.js') ?? 0
);
const { main, relaunchWithNodeFlags } =
    bundle !== undefined && (!inRepository || bundle >= compiled)
        ? await import('../dist/main.js')
        : await import('../out/main.js');

// A command that wants V8 flags (`mission mcp`) runs again in a Node process given them.
const argv = process.argv.slice(2);
process.exitCode = await (relaunchWithNodeFlags(process.argv[1], argv) ?? main(argv));

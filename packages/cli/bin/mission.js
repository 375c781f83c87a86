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
const { main } =
    bundle !== undefined && (!inRepository || bundle >= compiled)
        ? await import('../dist/main.js')
        : await import('../out/main.js');

process.exitCode = await main(process.argv.slice(2));

#!/usr/bin/env node
import { statSync } from 'node:fs';

// The bundle (scripts/bundle-server.mjs) starts faster: an installed package runs it. In the repository
// (sources beside it) the compiled modules run instead when the bundle is missing or older than them (a `tsc`
// run without `npm run build`).
function modified(relative) {
    try {
        return statSync(new URL(relative, import.meta.url)).mtimeMs;
    } catch {
        return undefined;
    }
}
const bundle = modified('../dist/server.js');
const inRepository = modified('../src') !== undefined;
const compiled = modified('../out/server/main.js') ?? 0;
await (bundle !== undefined && (!inRepository || bundle >= compiled)
    ? import('../dist/server.js')
    : import('../out/server/main.js'));

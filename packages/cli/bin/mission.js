#!/usr/bin/env node
import { statSync } from 'node:fs';

// The bundle (scripts/bundle.mjs) starts faster; the compiled modules are used when the bundle is
// missing or older than them (a `tsc` run without `npm run build`), here or, in the repository, in the
// language package beside this one.
function modified(relative) {
    try {
        return statSync(new URL(relative, import.meta.url)).mtimeMs;
    } catch {
        return undefined;
    }
}
const bundle = modified('../dist/main.js');
const compiled = Math.max(modified('../out/main.js') ?? 0, modified('../../language/out/index.js') ?? 0) || undefined;
const { main } = bundle !== undefined && (compiled === undefined || bundle >= compiled)
    ? await import('../dist/main.js')
    : await import('../out/main.js');

process.exitCode = await main(process.argv.slice(2));

/**
 * Tests that run the built CLI or language server build it first when its output is missing or older
 * than a source file (a fresh checkout, or a test file run alone after an edit). `npm test` builds
 * everything before the suites start, so there this finds nothing to do.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What each package's build must have written. */
const OUTPUTS = { language: 'packages/language/out/index.js', cli: 'packages/cli/out/main.js' } as const;

type BuiltPackage = keyof typeof OUTPUTS;

export function ensureBuilt(...packages: BuiltPackage[]): void {
    // The CLI is built on the language package, so a newer language source makes the CLI stale too.
    const sources = [...new Set(['language', ...packages])].map(name => join(ROOT, 'packages', name, 'src'));
    const outputs = packages.map(name => join(ROOT, OUTPUTS[name]));
    const newestSource = Math.max(...sources.map(newestMtime));
    const stale = outputs.some(path => !existsSync(path) || statSync(path).mtimeMs < newestSource);
    if (!stale) return;
    try {
        execFileSync(
            process.execPath,
            [join(ROOT, 'node_modules/typescript/bin/tsc'), '-b', ...packages.map(name => `packages/${name}`)],
            { cwd: ROOT, stdio: 'pipe' }
        );
    } catch (error) {
        // tsc -b still emits when another part of the tree has a type error; only a missing output is fatal.
        if (outputs.some(path => !existsSync(path))) throw error;
    }
}

function newestMtime(folder: string): number {
    let newest = 0;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
    }
    return newest;
}

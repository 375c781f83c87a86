// `mission diff` at scale (issue #20): two revisions of a generated workspace compared by the CLI as a
// process. The second revision is the first with a change every 50 missions (a `current` moved, a
// status set, a mission renamed, a mission removed), so the diff has a realistic amount to say.
//   node bench/diff.mjs DIR   (prints the figures as JSON; bench/run.mjs calls measureDiff)
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const TODAY = '2026-11-23';
const cli = fileURLToPath(new URL('../packages/cli/bin/mission.js', import.meta.url));

/** Writes the second revision of `dir` beside it and returns its folder. */
export function secondRevision(dir) {
    const next = `${resolve(dir)}.next`;
    rmSync(next, { recursive: true, force: true });
    cpSync(dir, next, { recursive: true });
    let seen = 0;
    for (const name of readdirSync(next).filter(file => file.endsWith('.mission'))) {
        const path = join(next, name);
        const text = readFileSync(path, 'utf8').replace(/current (\d+)/g, (match, value) =>
            ++seen % 50 === 0 ? `current ${Number(value) + 1}` : match
        );
        const changed = text.replace(/^mission (\S+)( [^\n]*)?\{/gm, (match, missionName, rest = ' ') =>
            ++seen % 97 === 0 ? `mission ${missionName}${rest}{ status won` : match
        );
        writeFileSync(path, changed);
    }
    return next;
}

export function measureDiff(dir) {
    const next = secondRevision(dir);
    try {
        const start = performance.now();
        const result = spawnSync(process.execPath, [cli, 'diff', dir, next, '--today', TODAY, '--format', 'json'], {
            encoding: 'utf8',
            maxBuffer: 1 << 30
        });
        const wallMs = performance.now() - start;
        if (result.status !== 0) throw new Error(`mission diff exited ${result.status}: ${result.stderr}`);
        const diff = JSON.parse(result.stdout);
        return {
            wallMs,
            changedMissions: diff.missions.changed.length,
            introduced: diff.diagnostics.introduced.length,
            fixed: diff.diagnostics.fixed.length
        };
    } finally {
        rmSync(next, { recursive: true, force: true });
    }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const dir = process.argv[2];
    if (!dir) throw new Error('usage: node bench/diff.mjs DIR');
    process.stdout.write(JSON.stringify(measureDiff(dir)) + '\n');
}

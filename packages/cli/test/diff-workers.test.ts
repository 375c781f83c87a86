/**
 * A large `mission diff` checks its two sides in two worker threads (src/diff-sides.ts); a small one, and
 * the sources run here by vitest, check them in one thread. Both routes must give the same answer: the
 * built command (which takes the workers at this size) against the same diff in this process.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { generateWorkspace } from '../../../bench/generate.mjs';
import { ensureBuilt } from '../../../test/support/build.js';
import { PARALLEL_FROM_CHARACTERS } from '../src/diff-sides.js';
import { runCli, temporaryFolder } from './helpers.js';

const BIN = fileURLToPath(new URL('../bin/mission.js', import.meta.url));
const ARGS = ['diff', 'old', 'new', '--today', '2026-11-23', '--format', 'json'];

describe('mission diff of two large revisions', () => {
    let folder: string;

    beforeAll(() => {
        ensureBuilt('language', 'cli');
        folder = temporaryFolder();
        const files = generateWorkspace(1000, 10) as Array<{ name: string; text: string }>;
        // Both sides together are large enough for the workers.
        expect(2 * files.reduce((total, file) => total + file.text.length, 0)).toBeGreaterThan(
            PARALLEL_FROM_CHARACTERS
        );
        let seen = 0;
        for (const side of ['old', 'new']) mkdirSync(join(folder, side));
        for (const file of files) {
            writeFileSync(join(folder, 'old', file.name), file.text);
            // The new side: a `current` moved every 20 measures and a mission set won every 60 missions.
            const text = file.text
                .replace(/current (\d+)/g, (match, value: string) =>
                    ++seen % 20 === 0 ? `current ${Number(value) + 1}` : match
                )
                .replace(/^mission (\S+)( [^\n]*)?\{/gm, (match, name: string, rest: string = ' ') =>
                    ++seen % 60 === 0 ? `mission ${name}${rest}{ status won` : match
                );
            writeFileSync(join(folder, 'new', file.name), text);
        }
    }, 120_000);

    test('the worker threads of the built command answer what one thread answers', async () => {
        const inProcess = await runCli(ARGS, { cwd: folder });
        expect(inProcess.code).toBe(0);
        const built = execFileSync(process.execPath, [BIN, ...ARGS], {
            cwd: folder,
            encoding: 'utf8',
            maxBuffer: 1 << 28
        });
        const diff = JSON.parse(built) as { missions: { changed: unknown[] } };
        expect(diff.missions.changed.length).toBeGreaterThan(20);
        expect(built).toBe(inProcess.stdout);
    }, 180_000);
});

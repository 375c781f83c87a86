/**
 * `mission diff` checks each side lean (syntax trees on demand, src/diff-sides.ts): positions are read
 * only for the elements that hold a diagnostic, and a mission's body only where one side lacks it. The
 * diff must be the one the sides checked with every syntax tree give: at 1,000 missions a side, with
 * figures moved, statuses set, a mission renamed and removed, and diagnostics introduced and fixed on
 * missions, measures, persons and between elements. The built command must answer the same.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffModels, sourceFile, type SourceFile } from 'mission-lang-language';
import { beforeAll, describe, expect, test } from 'vitest';
import { generateWorkspace } from '../../../bench/generate.mjs';
import { ensureBuilt } from '../../../test/support/build.js';
import { diffViewFrom } from '../src/diff-sides.js';
import { runCli, temporaryFolder } from './helpers.js';

const BIN = fileURLToPath(new URL('../bin/mission.js', import.meta.url));
const TODAY = '2026-11-23';
const ARGS = ['diff', 'old', 'new', '--today', TODAY, '--format', 'json'];

describe('mission diff of two large revisions, checked lean', () => {
    let folder: string;
    const sides: { old: SourceFile[]; new: SourceFile[] } = { old: [], new: [] };

    beforeAll(() => {
        ensureBuilt('language', 'cli');
        folder = temporaryFolder();
        const files = generateWorkspace(1000, 10) as Array<{ name: string; text: string }>;
        let seen = 0;
        for (const side of ['old', 'new'] as const) mkdirSync(join(folder, side));
        files.forEach((file, index) => {
            let text = file.text
                .replace(/current (\d+)/g, (match, value: string) =>
                    ++seen % 20 === 0 ? `current ${Number(value) + 1}` : match
                )
                .replace(/^mission (\S+)( [^\n]*)?\{/gm, (match, name: string, rest: string = ' ') =>
                    ++seen % 60 === 0 ? `mission ${name}${rest}{ status won` : match
                );
            // A file's first mission renamed, a reference that resolves to nothing, and text that is not
            // the language between two elements.
            if (index === 1) text = text.replace(/^mission (\S+)/m, 'mission $1Renamed');
            if (index === 2) text = text.replace(/ lead (\S+)/, ' lead nobody');
            if (index === 3) text = text.replace(/\nmission /, '\n%%% stray\nmission ');
            sides.old.push(sourceFile(file.name, join(folder, 'old', file.name), file.text));
            sides.new.push(sourceFile(file.name, join(folder, 'new', file.name), text));
            writeFileSync(join(folder, 'old', file.name), file.text);
            writeFileSync(join(folder, 'new', file.name), text);
        });
    }, 120_000);

    test('says what the sides checked with every syntax tree say', async () => {
        const options = { today: TODAY };
        const fileKey = { before: (file: string) => file, after: (file: string) => file };
        const lean = diffModels(await diffViewFrom(sides.old, options), await diffViewFrom(sides.new, options), {
            fileKey
        });
        const full = diffModels(
            await diffViewFrom(sides.old, options, { everyPosition: true }),
            await diffViewFrom(sides.new, options, { everyPosition: true }),
            { fileKey }
        );
        expect(lean).toEqual(full);
        expect(lean.missions.changed.length).toBeGreaterThan(20);
        expect(lean.missions.renamed).toEqual([{ from: 'm0', to: 'm0Renamed' }]);
        const elements = new Set(lean.diagnostics.introduced.map(d => d.element?.split(' ')[0] ?? 'file'));
        expect([...elements].sort()).toEqual(['file', 'measure', 'mission']);
    }, 180_000);

    test('the built command answers what this process answers', async () => {
        const inProcess = await runCli(ARGS, { cwd: folder });
        expect(inProcess.code).toBe(0);
        const built = execFileSync(process.execPath, [BIN, ...ARGS], {
            cwd: folder,
            encoding: 'utf8',
            maxBuffer: 1 << 28
        });
        expect(built).toBe(inProcess.stdout);
    }, 180_000);
});

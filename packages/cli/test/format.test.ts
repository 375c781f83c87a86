import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli, temporaryFolder } from './helpers.js';

const MESSY = 'vision V   "Vision"\nmission M   under V{intent "i"   lead p measure m{target 1}}\nperson p\n';

describe('mission format', () => {
    test('--check lists unformatted files and exits 1 without writing', async () => {
        const folder = temporaryFolder();
        writeFileSync(join(folder, 'a.mission'), MESSY);
        const run = await runCli(['format', '--check', folder]);
        expect(run.code).toBe(1);
        expect(run.stdout).toBe(`${join(folder, 'a.mission')}\n`);
        expect(run.stderr).toBe('mission: 1 of 1 file not formatted; run mission format to fix\n');
        expect(readFileSync(join(folder, 'a.mission'), 'utf8')).toBe(MESSY);
    });

    test('rewrites files atomically; formatting twice changes nothing', async () => {
        const folder = temporaryFolder();
        writeFileSync(join(folder, 'a.mission'), MESSY);
        expect((await runCli(['format', folder])).code).toBe(0);
        const formatted = readFileSync(join(folder, 'a.mission'), 'utf8');
        expect(formatted).toContain('mission M under V {\n  intent "i"\n  lead p\n');
        expect(readdirSync(folder)).toEqual(['a.mission']);
        const again = await runCli(['format', '--check', folder]);
        expect(again).toMatchObject({ code: 0, stdout: '' });
    });

    test('a file that does not parse is reported and left alone; - formats stdin', async () => {
        const folder = temporaryFolder();
        writeFileSync(join(folder, 'bad.mission'), 'mission {');
        const run = await runCli(['format', folder]);
        expect(run.code).toBe(1);
        expect(run.stderr).toMatch(/bad\.mission: cannot format text that does not parse/);
        expect(readFileSync(join(folder, 'bad.mission'), 'utf8')).toBe('mission {');
        const piped = await runCli(['format', '-'], { stdin: MESSY });
        expect(piped.stdout.startsWith('vision V "Vision"\n')).toBe(true);
    });
});

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO, runCli, temporaryFolder } from './helpers.js';

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
        expect(formatted).toBe(
            'vision V "Vision"\n\nmission M under V { intent "i"  lead p  measure m { target 1 } }\n\nperson p\n'
        );
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

    test('blocks written on one line stay there when they fit; comments at line ends are aligned', async () => {
        const text =
            'mission M {\n  lead p // who\n  status active // state\n  boundary { budget 1M GBP headcount 3 }\n}\n';
        const run = await runCli(['format', '-'], { stdin: text });
        expect(run).toMatchObject({ code: 0, stderr: '' });
        expect(run.stdout).toBe(
            'mission M {\n  lead p        // who\n  status active // state\n' +
                '  boundary { budget 1M GBP  headcount 3 }\n}\n'
        );
    });

    test("the config's format section sets the print width and the indentation", async () => {
        const folder = temporaryFolder();
        const text = 'mission M {\n  boundary { budget 1M GBP  headcount 3 }\n}\n';
        writeFileSync(join(folder, 'a.mission'), text);
        expect(await runCli(['format', '--check', 'a.mission'], { cwd: folder })).toMatchObject({ code: 0 });
        writeFileSync(join(folder, 'mission.config.json'), '{ "format": { "printWidth": 30, "indent": 4 } }');
        expect(await runCli(['format', 'a.mission'], { cwd: folder })).toMatchObject({ code: 0 });
        expect(readFileSync(join(folder, 'a.mission'), 'utf8')).toBe(
            'mission M {\n    boundary {\n        budget 1M GBP\n        headcount 3\n    }\n}\n'
        );
        writeFileSync(join(folder, 'other.json'), '{ "format": { "indent": 2 } }');
        const other = await runCli(['format', '--check', '--config', 'other.json', 'a.mission'], { cwd: folder });
        expect(other).toMatchObject({ code: 1, stdout: 'a.mission\n' });
    });

    test('a config with a problem is reported on its line and nothing is formatted', async () => {
        const folder = temporaryFolder();
        writeFileSync(join(folder, 'a.mission'), MESSY);
        writeFileSync(join(folder, 'mission.config.json'), '{\n  "format": { "indnet": 4 }\n}\n');
        const run = await runCli(['format', 'a.mission'], { cwd: folder });
        expect(run).toMatchObject({ code: 1, stdout: '' });
        expect(run.stderr).toBe(
            'mission: mission.config.json:2:15: unknown format setting "indnet" (did you mean "indent"?)\n'
        );
        expect(readFileSync(join(folder, 'a.mission'), 'utf8')).toBe(MESSY);
    });

    test("the README's sample model and every example that parses are formatted", async () => {
        const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
        const sample = /## The language in one screen\s+```mission\n([\s\S]*?)```/.exec(readme)?.[1];
        expect(sample).toBeDefined();
        expect(await runCli(['format', '--check', '-'], { stdin: sample })).toMatchObject({ code: 0, stderr: '' });
        const examples = listMissionFiles(join(REPO, 'examples')).filter(
            file => !file.endsWith('syntax-error.mission') // the one example that does not parse
        );
        expect(examples.length).toBeGreaterThan(40);
        const run = await runCli(['format', '--check', ...examples], { cwd: REPO });
        expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
    });
});

function listMissionFiles(folder: string): string[] {
    return readdirSync(folder, { withFileTypes: true }).flatMap(entry => {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) return listMissionFiles(path);
        return entry.name.endsWith('.mission') ? [path] : [];
    });
}

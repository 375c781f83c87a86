/** Folder walks leave out what a `.missionignore` names; files named on the command line are always checked. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import type { Output } from '../src/output.js';

const folder = mkdtempSync(join(tmpdir(), 'missionignore-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function write(relative: string, text: string): void {
    const path = join(folder, relative);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
}

async function validateJson(args: string[]): Promise<{ code: number; files: string[] }> {
    let stdout = '';
    const output: Output = {
        stdout: text => {
            stdout += text;
        },
        stderr: () => undefined,
        color: false
    };
    const cwd = process.cwd();
    process.chdir(folder);
    try {
        const code = await main(['validate', ...args, '--format', 'json'], output);
        const report = JSON.parse(stdout) as { diagnostics: Array<{ file: string }>; summary: { files: number } };
        return { code, files: [...new Set(report.diagnostics.map(diagnostic => diagnostic.file))].sort() };
    } finally {
        process.chdir(cwd);
    }
}

write('models/.missionignore', '# drafts and the broken cases stay out of the model\nbroken/\n*.draft.mission\n');
write('models/ok.mission', 'vision V\n');
write('models/idea.draft.mission', 'person alice\nperson alice\n');
write('models/broken/dup.mission', 'person bob\nperson bob\n');
write('models/team/.missionignore', 'local.mission\n');
write('models/team/local.mission', 'person carol\nperson carol\n');
write('models/team/shared.mission', 'person dave\n');

describe('.missionignore', () => {
    it('leaves out the folders and files it names, at every level', async () => {
        const result = await validateJson(['models']);
        expect(result).toEqual({ code: 0, files: [] });
    });

    it('never leaves out a file named on the command line', async () => {
        const result = await validateJson(['models/broken/dup.mission', 'models/team/local.mission']);
        expect(result.code).toBe(1);
        expect(result.files).toEqual(['models/broken/dup.mission', 'models/team/local.mission']);
    });

    it('applies only below the folder that holds it', async () => {
        write('other/idea.draft.mission', 'person erin\nperson erin\n');
        const result = await validateJson(['other']);
        expect(result.files).toEqual(['other/idea.draft.mission']);
    });
});

/**
 * `mission validate --cache` (check-cache.ts): an unchanged model is answered from the cache file, with the same
 * output and exit code as a check; every input a diagnostic depends on changes the key; a broken or foreign
 * cache is a miss, an unwritable one a warning.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cacheFilePath, DEFAULT_CACHE_FILE } from '../src/check-cache.js';
import { type CliRun, runCli, temporaryFolder } from './helpers.js';

const TEAM = 'vision V "Be useful"\nperson ana { capacity 1 }\n';
const MISSIONS =
    'mission A under V { intent "a" lead ana measure m { target 1 } }\n' +
    'mission B under V { intent "b" lead ana measure m { target 1 } }\n';

let folder: string;

beforeEach(() => {
    folder = temporaryFolder('mission-cache-');
    writeFileSync(join(folder, 'team.mission'), TEAM);
    writeFileSync(join(folder, 'missions.mission'), MISSIONS);
});

const validate = (...extra: string[]): Promise<CliRun> =>
    runCli(['validate', '.', '--today', '2026-06-01', '--format', 'json', ...extra], { cwd: folder });

/** The cache file's diagnostics, replaced by one the model cannot produce: a run that prints it read the cache. */
function poisonCache(path = join(folder, DEFAULT_CACHE_FILE)): void {
    const file = JSON.parse(readFileSync(path, 'utf8')) as { diagnostics: unknown[] };
    const where = { file: 'team.mission', line: 1, column: 1, endLine: 1, endColumn: 2 };
    file.diagnostics = [{ ...where, severity: 'warning', code: 'no-lead', message: 'from the cache' }];
    writeFileSync(path, JSON.stringify(file));
}

function messages(run: CliRun): string[] {
    return (JSON.parse(run.stdout) as { diagnostics: Array<{ message: string }> }).diagnostics.map(d => d.message);
}

describe('mission validate --cache', () => {
    it('answers an unchanged model from the cache with the output and exit code of a check', async () => {
        const plain = await validate();
        expect(plain.code).toBe(1);
        expect(messages(plain).some(message => message.includes('capacity 1'))).toBe(true);
        const first = await validate('--cache');
        expect(existsSync(join(folder, DEFAULT_CACHE_FILE))).toBe(true);
        const second = await validate('--cache');
        expect([first, second]).toEqual([plain, plain]);

        poisonCache();
        const cached = await validate('--cache');
        expect(cached.code).toBe(0);
        expect(messages(cached)).toEqual(['from the cache']);
        // Without --cache the file is not read.
        expect(await validate()).toEqual(plain);
    });

    const changes: Array<[string, () => void, string[]?]> = [
        ['a model file edited', () => writeFileSync(join(folder, 'team.mission'), TEAM.replace('1', '2'))],
        ['a model file added', () => writeFileSync(join(folder, 'more.mission'), 'mission C under V { intent "c" }\n')],
        ['a model file renamed', () => renameSync(join(folder, 'team.mission'), join(folder, 'people.mission'))],
        [
            'the configuration',
            () => writeFileSync(join(folder, 'mission.config.json'), '{ "rules": { "over-capacity": "off" } }')
        ],
        ['the day of the time-based rules', () => undefined, ['--today', '2026-06-02']]
    ];
    for (const [what, change, extra = []] of changes) {
        it(`checks again when ${what} changed`, async () => {
            await validate('--cache');
            poisonCache();
            change();
            const again = await validate('--cache', ...extra);
            expect(messages(again)).not.toContain('from the cache');
            expect(again).toEqual(await validate(...extra));
            // ... and keeps the new result: the next run with the same inputs reads it.
            poisonCache();
            expect(messages(await validate('--cache', ...extra))).toContain('from the cache');
        });
    }

    it("reads the configuration's own diagnostics afresh, once, beside the cached ones", async () => {
        writeFileSync(join(folder, 'mission.config.json'), '{ "rules": { "no-such-rule": "off" } }');
        const plain = await validate();
        const configProblems = messages(plain).filter(message => message.includes('no-such-rule'));
        expect(configProblems).toHaveLength(1);
        await validate('--cache');
        expect(await validate('--cache')).toEqual(plain);
    });

    it('treats a broken, foreign or older cache file as a miss and writes it again', async () => {
        const plain = await validate();
        const path = join(folder, DEFAULT_CACHE_FILE);
        for (const content of ['{ not json', '[]', '{"format":0,"key":"x","diagnostics":[]}', '']) {
            writeFileSync(path, content);
            const run = await validate('--cache');
            expect(run).toEqual(plain);
            expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ format: 1 });
        }
    });

    it('keeps the cache where --cache-location says: a file, or .missioncache in a folder', async () => {
        mkdirSync(join(folder, 'state'));
        await validate('--cache-location', 'state');
        expect(existsSync(join(folder, 'state', DEFAULT_CACHE_FILE))).toBe(true);
        await validate('--cache-location', 'new-folder/');
        expect(existsSync(join(folder, 'new-folder', DEFAULT_CACHE_FILE))).toBe(true);
        await validate('--cache-location', 'ci/check.cache');
        expect(existsSync(join(folder, 'ci/check.cache'))).toBe(true);
        expect(existsSync(join(folder, DEFAULT_CACHE_FILE))).toBe(false);
        poisonCache(join(folder, 'ci/check.cache'));
        expect(messages(await validate('--cache-location', 'ci/check.cache'))).toContain('from the cache');
        expect(await cacheFilePath(undefined, folder)).toBe(join(folder, DEFAULT_CACHE_FILE));
    });

    it('says on stderr when the cache cannot be written, and the check result stands', async () => {
        const plain = await validate();
        const readOnly = join(folder, 'read-only');
        mkdirSync(readOnly);
        chmodSync(readOnly, 0o500);
        try {
            const run = await validate('--cache-location', 'read-only/cache/');
            expect([run.code, run.stdout]).toEqual([plain.code, plain.stdout]);
            // root can write anywhere: then the cache is simply written.
            if (run.stderr !== '') expect(run.stderr).toMatch(/^mission: warning: the check cache was not written: /);
        } finally {
            chmodSync(readOnly, 0o700);
        }
        writeFileSync(join(folder, 'blocker'), 'a file where a folder is wanted');
        const blocked = await validate('--cache-location', 'blocker/cache');
        expect([blocked.code, blocked.stdout]).toEqual([plain.code, plain.stdout]);
        expect(blocked.stderr).toMatch(/^mission: warning: the check cache was not written: .*blocker/);
        expect(blocked.stderr.trimEnd().split('\n')).toHaveLength(1);
    });
});

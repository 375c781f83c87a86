import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { expectUsageError, runCli, temporaryFolder } from './helpers.js';

describe('mission init', () => {
    test('creates a starter model that checks clean, is formatted, and a config the CLI reads', async () => {
        const folder = join(temporaryFolder(), 'new-strategy');
        const run = await runCli(['init', folder, '--today', '2026-12-04']);
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('strategy.mission');
        const config = join(folder, 'mission.config.json');
        const validate = await runCli([
            'validate',
            folder,
            '--format',
            'json',
            '--config',
            config,
            '--today',
            '2026-12-04'
        ]);
        expect(JSON.parse(validate.stdout).summary).toEqual({ files: 1, errors: 0, warnings: 0, infos: 0 });
        expect(validate.code).toBe(0);
        expect((await runCli(['format', '--check', folder])).code).toBe(0);
        const compiled = JSON.parse((await runCli(['compile', folder, '--today', '2026-12-04'])).stdout);
        expect(compiled.missions.map((mission: { name: string }) => mission.name)).toEqual([
            'Loyalty',
            'FastAnswers',
            'Onboarding'
        ]);
        expect(JSON.parse(readFileSync(config, 'utf8')).rules).toBeTypeOf('object');
    });

    test('writes its dates from the day it is run, so the model checks clean on any day', async () => {
        for (const today of ['2026-12-04', '2028-02-29', '2030-12-31', '2031-06-01']) {
            const folder = join(temporaryFolder(), 'model');
            expect((await runCli(['init', folder, '--today', today])).code).toBe(0);
            const text = readFileSync(join(folder, 'strategy.mission'), 'utf8');
            expect(text).toContain(`review every 30 days last ${today}`);
            expect(text).toContain(`window ${today.slice(0, 7)}-01 ..`);
            const config = join(folder, 'mission.config.json');
            const validate = await runCli([
                'validate',
                folder,
                '--format',
                'json',
                '--config',
                config,
                '--today',
                today
            ]);
            expect(JSON.parse(validate.stdout).diagnostics, today).toEqual([]);
        }
    });

    test('without --today it writes its dates from the system date', async () => {
        const folder = join(temporaryFolder(), 'model');
        // The one test that reads the clock, as the command does: its expectation comes from the same clock
        // (read before and after, so a run across midnight passes too).
        const before = new Date().toISOString().slice(0, 10);
        expect((await runCli(['init', folder])).code).toBe(0);
        const after = new Date().toISOString().slice(0, 10);
        const review = /review every 30 days last (\S+)/.exec(readFileSync(join(folder, 'strategy.mission'), 'utf8'));
        expect([before, after]).toContain(review?.[1]);
    });

    test('--today must be a calendar date', async () => {
        const folder = temporaryFolder();
        expectUsageError(
            await runCli(['init', folder, '--today', '2026-02-30']),
            expect,
            /--today: not a calendar date/
        );
    });

    test('never overwrites a file', async () => {
        const folder = temporaryFolder();
        writeFileSync(join(folder, 'mission.config.json'), '{}');
        expectUsageError(
            await runCli(['init'], { cwd: folder }),
            expect,
            /^mission: mission\.config\.json already exists; mission init never overwrites files$/
        );
        expect(readFileSync(join(folder, 'mission.config.json'), 'utf8')).toBe('{}');
    });
});

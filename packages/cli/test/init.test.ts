import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { expectUsageError, runCli, temporaryFolder } from './helpers.js';

describe('mission init', () => {
    test('creates a starter model that checks clean, is formatted, and a config the CLI reads', async () => {
        const folder = join(temporaryFolder(), 'new-strategy');
        const run = await runCli(['init', folder]);
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('strategy.mission');
        const validate = await runCli([
            'validate',
            folder,
            '--format',
            'json',
            '--config',
            join(folder, 'mission.config.json')
        ]);
        expect(JSON.parse(validate.stdout).summary).toEqual({ files: 1, errors: 0, warnings: 0, infos: 0 });
        expect(validate.code).toBe(0);
        expect((await runCli(['format', '--check', folder])).code).toBe(0);
        const compiled = JSON.parse((await runCli(['compile', folder])).stdout);
        expect(compiled.missions.map((mission: { name: string }) => mission.name)).toEqual([
            'Loyalty',
            'FastAnswers',
            'Onboarding'
        ]);
        expect(JSON.parse(readFileSync(join(folder, 'mission.config.json'), 'utf8')).rules).toBeTypeOf('object');
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

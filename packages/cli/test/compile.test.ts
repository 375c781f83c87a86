import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { EXAMPLE, expectUsageError, FIXTURES, REPO, runCli, temporaryFolder } from './helpers.js';
import { validateModelJson } from './schema.js';

async function compile(args: string[], cwd?: string) {
    const run = await runCli(['compile', ...args, '--today', '2026-11-23'], cwd ? { cwd } : {});
    const json = JSON.parse(run.stdout);
    expect(validateModelJson(json), JSON.stringify(validateModelJson.errors, null, 2)).toBe(true);
    return { run, json };
}

const byName = <T extends { name: string }>(list: T[], name: string): T => list.find(item => item.name === name)!;

describe('mission compile', () => {
    test('the language example: every element, resolved names and facts', async () => {
        const { run, json } = await compile([EXAMPLE]);
        expect(run.code).toBe(0);
        expect([json.visions.length, json.persons.length, json.teams.length, json.missions.length]).toEqual([
            1, 3, 1, 3
        ]);
        expect(json.visions[0]).toMatchObject({ name: 'Acme', horizon: '2030-12-31', children: ['Grow'] });
        const grow = byName(json.missions, 'Grow');
        expect(grow).toMatchObject({
            parent: 'Acme',
            parentKind: 'vision',
            ancestors: ['Acme'],
            children: ['Clinics', 'Recruit'],
            status: 'active',
            active: true,
            lead: 'alice',
            progress: 0.4,
            intent: {
                statement: 'Serve more patients without lowering care quality',
                endStates: ['40,000 registered patients'],
                keyTasks: ['Open three clinics in the north', 'Recruit 40 clinicians']
            },
            boundary: {
                window: { start: '2026-01-01', end: '2026-12-31' },
                budget: { amount: 2_500_000, currency: 'GBP' },
                headcount: 40,
                must: ['comply with CQC regulations'],
                mustNot: ['reduce clinician-to-patient ratios']
            },
            effectiveWindow: { start: '2026-01-01', end: '2026-12-31', source: 'own', from: 'Grow' },
            review: { every: 30, last: '2026-11-01' },
            value: { amount: 120_000, currency: 'GBP', period: 'week', perWeek: 120_000 }
        });
        expect(grow.measures[0]).toMatchObject({
            qualifiedName: 'Grow.patients',
            baseline: 25_000,
            target: 40_000,
            current: 31_000,
            unit: 'patients',
            due: '2026-12-31',
            direction: 'up',
            progress: 0.4,
            contributors: ['Clinics.registered']
        });
        const clinics = byName(json.missions, 'Clinics');
        expect(clinics.crew).toEqual([{ name: 'clinical', kind: 'team' }]);
        expect(clinics.supports).toEqual(['Recruit']);
        expect(clinics.measures[1].contributesTo).toBe('Grow.patients');
        expect(clinics.progress).toBeCloseTo((1 / 3 + 4 / 9) / 2, 10);
        const recruit = byName(json.missions, 'Recruit');
        expect(recruit).toMatchObject({
            status: 'staged',
            active: false,
            supportedBy: ['Clinics'],
            progress: null,
            problems: { errors: 0, warnings: 1, infos: 1 }
        });
        expect(recruit.measures[0]).toMatchObject({ progress: null, current: null });
        expect(byName(json.persons, 'bob')).toMatchObject({
            capacity: 2,
            load: 1,
            missions: ['Clinics'],
            overCapacity: false
        });
        expect(byName(json.persons, 'cara')).toMatchObject({ capacity: 1, load: 1, missions: ['Clinics', 'Recruit'] });
        expect(json.stagingQueue).toEqual([
            { rank: 1, mission: 'Recruit', costOfDelayPerWeek: null, currency: null, windowWeeks: 184 / 7, cd3: null }
        ]);
        expect(json.diagnostics.map((d: { code: string }) => d.code).sort()).toEqual([
            'staged-without-value',
            'unmapped-measures'
        ]);
        expect(json.summary).toEqual({ files: 1, errors: 0, warnings: 1, infos: 1 });
        expect(grow.source).toMatchObject({ line: 11, column: 1 });
    });

    test('over capacity, counted missions, errors per element, a monthly value ranked by CD3', async () => {
        const { run, json } = await compile(['problems.mission'], FIXTURES);
        expect(run.code).toBe(1);
        expect(byName(json.persons, 'dana')).toMatchObject({
            load: 2,
            capacity: 1,
            overCapacity: true,
            counted: ['Alpha', 'Beta']
        });
        expect(byName(json.missions, 'Alpha').problems.errors).toBe(1);
        expect(byName(json.missions, 'Alpha').title).toBe('Alpha <script>alert(1)</script> \\ back');
        expect(byName(json.missions, 'Gamma').value.perWeek).toBeCloseTo((4000 * 12) / 52, 8);
        expect(json.stagingQueue[0]).toMatchObject({ mission: 'Gamma', currency: 'EUR', windowWeeks: 120 / 7 });
        expect(json.stagingQueue[0].cd3).toBeCloseTo((4000 * 12) / 52 / (120 / 7), 8);
        expect(json.missions.find((m: { name: string }) => m.name === 'Beta').measures[0].progress).toBe(0.2);
    });

    test('keys come in a fixed order with 2-space indentation', async () => {
        const { run } = await compile([EXAMPLE]);
        expect(
            run.stdout.startsWith(
                '{\n  "format": "mission-model",\n  "version": 1,\n  "today": "2026-11-23",\n  "files": ['
            )
        ).toBe(true);
        expect((await runCli(['compile', EXAMPLE, '--today', '2026-11-23'])).stdout).toBe(run.stdout);
    });

    test('every example compiles to JSON that the schema accepts', async () => {
        const examples = existsSync(join(REPO, 'examples'))
            ? readdirSync(join(REPO, 'examples')).filter(
                  name => name !== 'broken' && statSync(join(REPO, 'examples', name)).isDirectory()
              )
            : [];
        for (const example of [...examples.map(name => join('examples', name)), 'examples/broken'].filter(path =>
            existsSync(join(REPO, path))
        )) {
            const { json } = await compile([example], REPO);
            expect(json.files.length).toBeGreaterThan(0);
        }
    });

    test('-o writes the file atomically and replaces an older one', async () => {
        const folder = temporaryFolder();
        const target = join(folder, 'deep', 'model.json');
        let run = await runCli(['compile', EXAMPLE, '-o', target, '--today', '2026-11-23']);
        expect(run.code).toBe(0);
        expect(run.stdout).toBe('');
        writeFileSync(target, 'old');
        run = await runCli(['compile', EXAMPLE, '-o', target, '--today', '2026-11-23']);
        expect(run.code).toBe(0);
        expect(validateModelJson(JSON.parse(readFileSync(target, 'utf8')))).toBe(true);
        expect(readdirSync(join(folder, 'deep'))).toEqual(['model.json']);
    });

    test('a write that fails leaves the previous output intact and no temporary file behind', async () => {
        const folder = temporaryFolder();
        const target = join(folder, 'model.json');
        writeFileSync(target, 'previous');
        // The output path is a folder: the rename over it fails after the temporary file was written.
        const blocked = join(folder, 'taken');
        mkdirSync(join(blocked, 'inside'), { recursive: true });
        expectUsageError(
            await runCli(['compile', EXAMPLE, '-o', blocked]),
            expect,
            /^mission: .*taken: cannot write: /
        );
        expect(readdirSync(folder).sort()).toEqual(['model.json', 'taken']);
        expect(readFileSync(target, 'utf8')).toBe('previous');
    });

    test('a file that is not UTF-8 is a usage error', async () => {
        const folder = temporaryFolder();
        writeFileSync(join(folder, 'latin1.mission'), Buffer.from([0x76, 0x69, 0x73, 0x69, 0x6f, 0x6e, 0x20, 0xe9]));
        expectUsageError(await runCli(['compile', folder]), expect, /latin1\.mission: not UTF-8 text$/);
    });

    test('a missing path and an unwritable output are usage errors', async () => {
        expectUsageError(
            await runCli(['compile', 'missing.mission']),
            expect,
            /^mission: missing\.mission: no such file or folder$/m
        );
        const folder = temporaryFolder();
        writeFileSync(join(folder, 'file'), '');
        expectUsageError(
            await runCli(['compile', EXAMPLE, '-o', join(folder, 'file', 'x.json')]),
            expect,
            /cannot write/
        );
    });
});

describe('mission schema', () => {
    test('prints the schema that compile output is validated against', async () => {
        const run = await runCli(['schema']);
        expect(run.code).toBe(0);
        expect(JSON.parse(run.stdout)).toEqual(
            JSON.parse(readFileSync(join(REPO, 'packages/language/schema/mission-model.schema.json'), 'utf8'))
        );
    });
});

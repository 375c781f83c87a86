/**
 * The example models, checked as users check them.
 *
 * - Every folder of examples/ (except broken/) is a realistic multi-file model that must be completely
 *   clean under the whole rule catalog on the day it is "as of" (`today` of its mission.config.json, the same
 *   day for every example): checked in-process for its facts, and through the built CLI as a child process run
 *   as examples/README.md says, from the folder, with no --today (exit 0, no diagnostics), so on any date.
 * - Every case of examples/broken/ (a .mission file, or a folder checked as one model) declares in
 *   header comments `// expect: <code> <line>` every diagnostic it produces; the check must give
 *   exactly those (code, line) pairs, per file.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSources, type CheckResult, DIAGNOSTIC_CODES, sourceFile } from '../packages/language/src/index.js';
import { ensureBuilt } from './support/build.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLES = join(ROOT, 'examples');
/** The day the examples are "as of": `today` of examples/mission.config.json. */
const TODAY = configuredToday(EXAMPLES);
const BROKEN = join(EXAMPLES, 'broken');
const CLI = join(ROOT, 'packages/cli/bin/mission.js');
const EXPECT_LINE = /^\s*\/\/\s*expect:\s*([a-z-]+)\s+(\d+):(\d+)\s+(error|warning|info)\s*$/;

const run = promisify(execFile);

function configuredToday(folder: string): string {
    return (JSON.parse(readFileSync(join(folder, 'mission.config.json'), 'utf8')) as { today: string }).today;
}

/** The .mission files under a folder, recursively, sorted (as the CLI collects them). */
function missionFilesUnder(folder: string): string[] {
    return readdirSync(folder, { withFileTypes: true })
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .flatMap(entry => {
            const path = join(folder, entry.name);
            if (entry.isDirectory()) return missionFilesUnder(path);
            return entry.isFile() && entry.name.endsWith('.mission') ? [path] : [];
        });
}

/** Checks the files together as one model, with paths relative to the project root. */
async function check(files: readonly string[]): Promise<CheckResult> {
    const sources = files.map(file => sourceFile(relative(ROOT, file), resolve(file), readFileSync(file, 'utf8')));
    return checkSources(sources, { today: TODAY });
}

/**
 * The diagnostics a file declares, one header line each, `// expect: <code> <line>:<column> <severity>`, as a sorted
 * list of "code line:column severity" strings (a multiset: a diagnostic reported twice must be declared twice).
 */
function expectationsOf(file: string): string[] {
    return readFileSync(file, 'utf8')
        .split(/\r?\n/)
        .flatMap(line => {
            const match = EXPECT_LINE.exec(line);
            return match ? [`${match[1]} ${match[2]}:${match[3]} ${match[4]}`] : [];
        })
        .sort();
}

function describeDiagnostics(result: CheckResult): string {
    return result.diagnostics.map(d => `${d.file}:${d.line}:${d.column} ${d.code}: ${d.message}`).join('\n');
}

const exampleFolders = readdirSync(EXAMPLES, { withFileTypes: true })
    .filter(entry => entry.isDirectory() && entry.name !== 'broken')
    .map(entry => entry.name)
    .filter(name => missionFilesUnder(join(EXAMPLES, name)).length > 0)
    .sort();

/** A broken case: a file on its own, or a folder whose files are checked together. */
const brokenCases = readdirSync(BROKEN, { withFileTypes: true })
    .filter(entry => entry.isDirectory() || entry.name.endsWith('.mission'))
    .map(entry => {
        const path = join(BROKEN, entry.name);
        return { name: entry.name, files: entry.isDirectory() ? missionFilesUnder(path) : [path] };
    })
    .sort((a, b) => (a.name < b.name ? -1 : 1));

describe('example models', () => {
    it('there are at least three realistic examples', () => {
        expect(exampleFolders.length).toBeGreaterThanOrEqual(3);
    });

    describe.each(exampleFolders)('%s', name => {
        const folder = join(EXAMPLES, name);
        let result: CheckResult;

        beforeAll(async () => {
            result = await check(missionFilesUnder(folder));
        });

        it('is spread over several files', () => {
            expect(result.documents.length).toBeGreaterThanOrEqual(3);
        });

        it(`has no diagnostic at all on ${TODAY}`, () => {
            expect(describeDiagnostics(result)).toBe('');
            expect(result.summary).toMatchObject({ errors: 0, warnings: 0, infos: 0 });
        });

        it('has a vision, persons, teams and at least ten missions', () => {
            const { facts } = result;
            expect(facts.visions.length).toBeGreaterThanOrEqual(1);
            expect(facts.persons.length).toBeGreaterThanOrEqual(5);
            expect(facts.teams.length).toBeGreaterThanOrEqual(1);
            expect(facts.missions.length).toBeGreaterThanOrEqual(10);
        });

        it('cascades over at least three levels of missions, every mission reaching a vision', () => {
            const { facts } = result;
            let deepest = 0;
            for (const mission of facts.missions) {
                const ancestors = facts.ancestorsOf(mission);
                expect(ancestors.at(-1)?.$type, `${mission.name} reaches a vision`).toBe('Vision');
                deepest = Math.max(deepest, ancestors.length); // missions above it, plus the vision
            }
            expect(deepest).toBeGreaterThanOrEqual(3);
        });

        it('uses staged and finished missions, supports and roll-ups', () => {
            const { facts } = result;
            const statuses = new Set(facts.missions.map(mission => facts.statusOf(mission)));
            expect(statuses).toContain('active');
            expect(statuses).toContain('staged');
            expect(facts.missions.some(mission => facts.isFinished(mission))).toBe(true);
            expect(facts.missions.some(mission => mission.supports.length > 0)).toBe(true);
            const rolledUp = facts.missions
                .flatMap(mission => mission.measures)
                .filter(measure => facts.contributorsOf(measure).length > 0);
            expect(rolledUp.length).toBeGreaterThan(0);
        });
    });
});

describe('example models through the CLI', () => {
    // The CLI runs from its build output.
    beforeAll(() => ensureBuilt('language', 'cli'), 300_000);

    it('every example states the same day it is as of, in its own mission.config.json', () => {
        expect(TODAY).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        for (const name of exampleFolders) expect(configuredToday(join(EXAMPLES, name)), name).toBe(TODAY);
    });

    it.each(exampleFolders)(
        'cd examples/%s && mission validate . --format json: exit 0, no diagnostics',
        async name => {
            // No --today: the example's mission.config.json in the working folder gives the day, on any date.
            const { stdout } = await run(process.execPath, [CLI, 'validate', '.', '--format', 'json'], {
                cwd: join(EXAMPLES, name)
            });
            // execFile rejects on a non-zero exit code, so reaching here means exit 0.
            const report = JSON.parse(stdout) as {
                diagnostics: unknown[];
                summary: { files: number; errors: number; warnings: number; infos: number };
            };
            expect(report.diagnostics).toEqual([]);
            expect(report.summary).toEqual({
                files: missionFilesUnder(join(EXAMPLES, name)).length,
                errors: 0,
                warnings: 0,
                infos: 0
            });
        }
    );

    it('mission validate examples --config examples/mission.config.json: one clean model, not broken/', async () => {
        const { stdout } = await run(
            process.execPath,
            [CLI, 'validate', 'examples', '--format', 'json', '--config', 'examples/mission.config.json'],
            { cwd: ROOT }
        );
        const report = JSON.parse(stdout) as { diagnostics: unknown[]; summary: { files: number } };
        expect(report.diagnostics).toEqual([]);
        const clean = exampleFolders.reduce((sum, name) => sum + missionFilesUnder(join(EXAMPLES, name)).length, 0);
        expect(report.summary.files).toBe(clean);
        const fromInside = await run(process.execPath, [CLI, 'validate', '.', '--format', 'json'], { cwd: EXAMPLES });
        expect(JSON.parse(fromInside.stdout)).toEqual(report);
    });

    it('a broken example named explicitly is checked although .missionignore leaves its folder out', async () => {
        const failure = await run(
            process.execPath,
            [CLI, 'validate', 'examples/broken/invalid-date.mission', '--today', TODAY],
            { cwd: ROOT }
        ).then(
            () => undefined,
            (error: { code?: number; stdout?: string }) => error
        );
        expect(failure?.code).toBe(1);
        expect(failure?.stdout).toContain('invalid-date');
    });
});

describe('broken examples give exactly the diagnostics their headers expect', () => {
    it('cover the foundation codes', () => {
        const names = brokenCases.map(entry => entry.name.replace(/\.mission$/, ''));
        for (const code of [
            'syntax-error',
            'unresolved-reference',
            'duplicate-name',
            'invalid-date',
            'invalid-currency',
            'invalid-window'
        ]) {
            expect(names).toContain(code);
        }
    });

    it('cover every code of the catalog that a model can produce (invalid-config is about the config file)', () => {
        const names = new Set(brokenCases.map(entry => entry.name.replace(/\.mission$/, '')));
        expect(DIAGNOSTIC_CODES.filter(code => code !== 'invalid-config' && !names.has(code))).toEqual([]);
    });

    describe.each(brokenCases)('broken/$name', ({ files }) => {
        let result: CheckResult;

        beforeAll(async () => {
            result = await check(files);
        });

        it.each(files.map(file => relative(ROOT, file)))('%s', file => {
            const expected = expectationsOf(join(ROOT, file));
            expect(
                expected.length,
                `${file} declares its diagnostics with // expect: <code> <line>:<column> <severity>`
            ).toBeGreaterThan(0);
            const actual = result.diagnostics
                .filter(d => d.file === file)
                .map(d => `${d.code} ${d.line}:${d.column} ${d.severity}`)
                .sort();
            expect(actual, describeDiagnostics(result)).toEqual(expected);
        });

        it('every diagnostic is in one of its files', () => {
            const known = new Set(files.map(file => relative(ROOT, file)));
            expect(result.diagnostics.filter(d => !known.has(d.file))).toEqual([]);
        });
    });
});

describe('the expectation header', () => {
    it('reads code, line, column and severity, ignoring other comments', () => {
        const read = (line: string) => EXPECT_LINE.exec(line)?.slice(1);
        expect(read('// expect: over-capacity 12:8 error')).toEqual(['over-capacity', '12', '8', 'error']);
        expect(read('//expect:  no-lead   3:9   warning ')).toEqual(['no-lead', '3', '9', 'warning']);
        expect(EXPECT_LINE.exec('// expected: no-lead 3:9 warning')).toBeNull();
        expect(EXPECT_LINE.exec('// expect: no-lead 3')).toBeNull();
        expect(EXPECT_LINE.exec('// expect: no-lead 3:9 loud')).toBeNull();
    });

    it('the broken cases exist on disk', () => {
        for (const { files } of brokenCases) for (const file of files) expect(statSync(file).size).toBeGreaterThan(0);
    });
});

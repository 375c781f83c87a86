import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { formatDocument } from 'mission-lang-language';
import { describe, expect, test } from 'vitest';
import { expectUsageError, runCli, temporaryFolder } from './helpers.js';

const TODAY = ['--today', '2026-11-23'];

/** A formatted model: measures written over several lines, on one line, with comments, without `current`. */
const MODEL = `vision V

mission Grow "Grow" under V {
  intent "Grow"
  measure patients "Registered patients" {
    baseline 25_000
    target 40_000 // the plan's figure
    current 31_000
    unit patients
  }
  measure clinics { target 3  unit clinics }
  measure staff {
    // no figure yet
    target 40
    unit people
  }
  measure sites {
    unit sites
  }
}
`;

function modelFolder(files: Record<string, string> = { 'model.mission': MODEL }): string {
    const folder = temporaryFolder('mission-measures-');
    for (const [name, text] of Object.entries(files)) {
        mkdirSync(join(folder, name, '..'), { recursive: true });
        writeFileSync(join(folder, name), text);
    }
    return folder;
}

/** Every file of a flat folder and its text (temporary files included, so a leftover one shows). */
function snapshot(folder: string): Record<string, string> {
    return Object.fromEntries(readdirSync(folder).map(name => [name, readFileSync(join(folder, name), 'utf8')]));
}

async function update(folder: string, figures: string, name = 'figures.csv', ...args: string[]) {
    writeFileSync(join(folder, name), figures);
    return runCli(['measures', 'update', '--from', name, ...TODAY, ...args], { cwd: folder });
}

describe('mission measures update', () => {
    test('replaces number tokens and inserts missing figures where the formatter puts them', async () => {
        expect(formatDocument(MODEL)).toBe(MODEL);
        const folder = modelFolder();
        const run = await update(
            folder,
            'measure,current,target\nGrow.patients,35_000,\nGrow.clinics,2,4\nGrow.staff,12,\nGrow.sites,1,2\n'
        );
        expect(run.stderr).toBe('set 6 figures in 1 file\n');
        expect(run.code).toBe(0);
        expect(run.stdout).toBe(
            'Grow.patients: current 31_000 → 35_000\nGrow.clinics: target 3 → 4\nGrow.clinics: current none → 2\n' +
                'Grow.staff: current none → 12\nGrow.sites: target none → 2\nGrow.sites: current none → 1\n'
        );
        const after = readFileSync(join(folder, 'model.mission'), 'utf8');
        expect(after).toBe(
            MODEL.replace('current 31_000', 'current 35_000')
                .replace('{ target 3  unit clinics }', '{ target 4  current 2  unit clinics }')
                .replace('    target 40\n', '    target 40\n    current 12\n')
                .replace('measure sites {\n', 'measure sites {\n    target 2\n    current 1\n')
        );
        // Comments and layout kept: the formatted file is still formatted.
        expect(formatDocument(after)).toBe(after);
        const again = await update(
            folder,
            'measure,current,target\nGrow.patients,35000,\nGrow.clinics,2,4\nGrow.staff,12,\nGrow.sites,1,2\n'
        );
        expect([again.code, again.stdout, again.stderr]).toEqual([
            0,
            '',
            'nothing to change: every figure is already as given\n'
        ]);
        expect(readFileSync(join(folder, 'model.mission'), 'utf8')).toBe(after);
    });

    test('--dry-run prints a unified diff and writes nothing', async () => {
        const folder = modelFolder();
        const run = await update(folder, 'measure,current\nGrow.patients,36k\n', 'figures.csv', '--dry-run');
        expect(run.code).toBe(0);
        expect(run.stdout).toBe(
            '--- a/model.mission\n+++ b/model.mission\n@@ -5,7 +5,7 @@\n' +
                '   measure patients "Registered patients" {\n     baseline 25_000\n' +
                "     target 40_000 // the plan's figure\n-    current 31_000\n+    current 36k\n" +
                '     unit patients\n   }\n   measure clinics { target 3  unit clinics }\n'
        );
        expect(run.stderr).toBe('would set 1 figure in 1 file (--dry-run: nothing written)\n');
        expect(readFileSync(join(folder, 'model.mission'), 'utf8')).toBe(MODEL);
    });

    test('--history appends the previous figures to history.csv beside the model; JSON figures', async () => {
        const folder = modelFolder({ 'models/model.mission': MODEL });
        const json = '[{ "measure": "Grow.patients", "current": 33000, "baseline": "25k" }, {"measure": "Grow.staff"}]';
        const run = await update(folder, json, 'figures.json', 'models', '--history');
        expect(run.stderr).toBe('set 1 figure in 1 file; previous figures in models/history.csv\n');
        const first = await update(folder, 'measure,current\nGrow.patients,34000\n', 'f.csv', 'models', '--history');
        expect(first.code).toBe(0);
        expect(readFileSync(join(folder, 'models/history.csv'), 'utf8')).toBe(
            'date,measure,field,value\n2026-11-23,Grow.patients,current,31000\n2026-11-23,Grow.patients,current,33000\n'
        );
    });

    // Each with a valid row first (Other.m): nothing is written all the same.
    test.each([
        [
            'measure,current\nOther.m,5\nGrow.patiens,1\n',
            /^mission: figures\.csv:3:1: row 3: no measure is named 'Grow\.patiens': did you mean 'Grow\.patients'\?$/
        ],
        [
            'measure,current\nOther.m,5\nGrow.sites,"1,5"\n',
            /^mission: figures\.csv:3:12: row 3: current '1,5' is not a number/
        ],
        [
            'measure,current\nOther.m,5\nOther.m,2\n',
            /^mission: figures\.csv:3:1: row 3: Other\.m is already given \(row 2\)$/
        ],
        ['measure,curent\nOther.m,5\n', /^mission: figures\.csv:1:1: bad header: unknown column 'curent'/],
        ['current\n5\n', /^mission: figures\.csv:1:1: bad header: no 'measure' column/],
        ['measure,current\nOther.m,5\nGrow.staff\n', /^mission: figures\.csv:3: Invalid Record Length/]
    ])('bad figures are one line, exit 2, and change nothing: %j', async (figures, message) => {
        const folder = modelFolder({
            'a.mission': MODEL,
            'b.mission': 'mission Other under V { measure m { target 1 } }\n'
        });
        writeFileSync(join(folder, 'figures.csv'), figures);
        const before = snapshot(folder);
        expectUsageError(await update(folder, figures), expect, message);
        expect(snapshot(folder)).toEqual(before);
    });

    test('JSON figures: positions of the bad item', async () => {
        const folder = modelFolder();
        const run = await update(folder, '[\n  {"measure": "Grow.staff", "current": true}\n]\n', 'figures.json');
        expectUsageError(run, expect, /^mission: figures\.json:2:40: item 1: current 'true' is not a number/);
        const unknown = await update(folder, '[{"measure": "Grow.staff", "actual": 1}]', 'figures.json');
        expectUsageError(unknown, expect, /^mission: figures\.json:1:28: item 1: unknown field 'actual'/);
    });
});

describe('mission measures update properties', () => {
    const figure = fc.oneof(
        fc.integer({ min: -5000, max: 100_000 }).map(String),
        fc.constantFrom('1.5', '2k', '-0.25', '1_000')
    );
    test('a re-parse gives exactly the figures given, and a second run changes nothing', async () => {
        const folder = modelFolder();
        await fc.assert(
            fc.asyncProperty(
                fc.record({ patients: figure, clinics: figure, staff: figure, sites: figure, target: figure }),
                async values => {
                    writeFileSync(join(folder, 'model.mission'), MODEL);
                    const rows =
                        `measure,current,target\nGrow.patients,${values.patients},\nGrow.clinics,${values.clinics},` +
                        `\nGrow.staff,${values.staff},${values.target}\nGrow.sites,${values.sites},${values.target}\n`;
                    const first = await update(folder, rows);
                    expect(first.code, first.stderr).toBe(0);
                    const written = readFileSync(join(folder, 'model.mission'), 'utf8');
                    const compiled = await runCli(['compile', 'model.mission', ...TODAY], { cwd: folder });
                    const measures = JSON.parse(compiled.stdout).missions[0].measures as Array<{
                        name: string;
                        current: number;
                        target: number;
                    }>;
                    const value = (text: string) => Number(text.replace(/_/g, '').replace('k', 'e3'));
                    for (const name of ['patients', 'clinics', 'staff', 'sites'] as const)
                        expect(measures.find(m => m.name === name)!.current).toBe(value(values[name]));
                    expect(measures.find(m => m.name === 'sites')!.target).toBe(value(values.target));
                    expect(formatDocument(written)).toBe(written);
                    const second = await update(folder, rows);
                    expect(second.stderr).toBe('nothing to change: every figure is already as given\n');
                    expect(readFileSync(join(folder, 'model.mission'), 'utf8')).toBe(written);
                }
            ),
            { numRuns: 15 }
        );
    }, 120_000);
});

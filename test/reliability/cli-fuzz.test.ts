/**
 * The built CLI on mutated model files, as a child process: whatever the file, `mission` exits 0, 1
 * or 2 and never prints a stack trace. A bounded number of processes under `npm test` (each costs a
 * Node start), many more under `npm run fuzz`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, expect, test } from 'vitest';
import { runMission, runProblems } from '../fuzz/cli.js';
import { validModel } from '../fuzz/model-generators.js';
import { mutatedModel } from '../fuzz/mutations.js';
import { fuzzParameters, printSummary, runs, timeLimit } from '../fuzz/settings.js';

const folder = mkdtempSync(join(tmpdir(), 'mission-cli-fuzz-'));
const figures = { processes: 0, exit0: 0, exit1: 0, exit2: 0 };
afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
    printSummary('cli-fuzz', figures);
});

const PERSON = '<a person of the model>';

/** Every command that reads a model, with the options that change what it writes. */
const COMMANDS: ReadonlyArray<readonly string[]> = [
    ['validate'],
    ['validate', '--format', 'json'],
    ['validate', '--format', 'sarif'],
    ['validate', '--format', 'github'],
    ['compile'],
    ['diagram', '--format', 'mermaid'],
    ['diagram', '--format', 'dot'],
    ['diagram', '--format', 'svg'],
    ['report'],
    ['brief', '--person', PERSON],
    ['format', '--check']
];

let caseNumber = 0;

test(
    'mission exits 0, 1 or 2 and prints no stack trace, whatever the model files hold',
    async () => {
        const anyModel = fc.oneof(
            { weight: 1, arbitrary: validModel.map(model => model.files) },
            { weight: 3, arbitrary: mutatedModel.map(model => model.files) }
        );
        await fc.assert(
            fc.asyncProperty(anyModel, fc.constantFrom(...COMMANDS), async (files, command) => {
                const caseFolder = join(folder, `case-${caseNumber++}`);
                mkdirSync(caseFolder, { recursive: true });
                files.forEach((text, index) => writeFileSync(join(caseFolder, `f${index}.mission`), text));
                const person = /\bperson\s+([A-Za-z_][\w-]*)/.exec(files.join('\n'))?.[1] ?? 'nobody';
                const args =
                    command[0] === 'format'
                        ? [...command, caseFolder]
                        : [...command.map(arg => (arg === PERSON ? person : arg)), caseFolder, '--today', '2026-11-23'];
                const run = await runMission(args);
                figures.processes++;
                if (run.code === 0) figures.exit0++;
                else if (run.code === 1) figures.exit1++;
                else if (run.code === 2) figures.exit2++;
                expect(runProblems(run), `mission ${command.join(' ')} on ${caseFolder}`).toEqual([]);
            }),
            fuzzParameters(runs(6, 300))
        );
    },
    timeLimit(900_000)
);

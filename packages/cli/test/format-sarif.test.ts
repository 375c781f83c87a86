import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { CATALOG, DIAGNOSTIC_CODES } from 'mission-lang-language';
import type { Result } from 'sarif';
import { describe, expect, test } from 'vitest';
import { formatSarif, relativeUri } from '../src/format-sarif.js';
import { EXAMPLE, FIXTURES, REPO, runCli } from './helpers.js';

const sarifSchema = JSON.parse(
    readFileSync(join(REPO, 'node_modules/@microsoft/sarif-multitool-linux/sarif-2.1.0.json'), 'utf8')
);
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
const validateSarif = ajv.compile(sarifSchema);

describe('mission validate --format sarif', () => {
    test('is valid SARIF 2.1.0 listing every catalog code as a rule', async () => {
        const run = await runCli(['validate', EXAMPLE, '--format', 'sarif', '--today', '2026-11-23']);
        expect(run.code).toBe(0);
        const log = JSON.parse(run.stdout);
        expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
        const rules = log.runs[0].tool.driver.rules;
        expect(rules.map((rule: { id: string }) => rule.id)).toEqual(DIAGNOSTIC_CODES);
        const overCapacity = rules.find((rule: { id: string }) => rule.id === 'over-capacity');
        expect(overCapacity.shortDescription.text).toBe(CATALOG['over-capacity'].help);
        expect(overCapacity.defaultConfiguration.level).toBe('error');
        expect(
            rules.find((rule: { id: string }) => rule.id === 'staged-without-value').defaultConfiguration.level
        ).toBe('note');
        const results = log.runs[0].results;
        expect(
            results.map((result: { ruleId: string; level: string }) => `${result.ruleId}/${result.level}`).sort()
        ).toEqual(['staged-without-value/note', 'unmapped-measures/warning']);
    });

    test('locates results with relative URIs and 1-based regions', async () => {
        const run = await runCli(['validate', 'problems.mission', '--format', 'sarif', '--today', '2026-11-23'], {
            cwd: FIXTURES
        });
        expect(run.code).toBe(1);
        const log = JSON.parse(run.stdout);
        expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
        const first = log.runs[0].results[0];
        expect(first).toMatchObject({
            ruleId: 'over-capacity',
            level: 'error',
            locations: [
                {
                    physicalLocation: {
                        artifactLocation: { uri: 'problems.mission', uriBaseId: 'SRCROOT' },
                        region: { startLine: 4, startColumn: 8, endLine: 4, endColumn: 12 }
                    }
                }
            ]
        });
        expect(first.message.text).toContain('dana is on 2 concurrent active missions');
    });

    test('an absolute path becomes relative to the working folder; stdin is encoded', async () => {
        const run = await runCli(['validate', join(FIXTURES, 'problems.mission'), '--format', 'sarif'], { cwd: REPO });
        const uris = new Set(
            JSON.parse(run.stdout).runs[0].results.map(
                (result: Result) => result.locations?.[0]?.physicalLocation?.artifactLocation?.uri
            )
        );
        expect([...uris]).toEqual(['packages/cli/test/fixtures/problems.mission']);
        const fromStdin = await runCli(['validate', '-', '--format', 'sarif'], { stdin: 'mission X {}' });
        const log = JSON.parse(fromStdin.stdout);
        expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
        expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('%3Cstdin%3E');
    });
});

describe('formatSarif', () => {
    const overCapacity = {
        file: 'models/a b.mission',
        line: 4,
        column: 8,
        endLine: 4,
        endColumn: 12,
        severity: 'error',
        code: 'over-capacity',
        message: 'dana is on 2 concurrent active missions'
    } as const;

    test('names the tool and each rule, words the help, and ends with a newline', () => {
        const text = formatSarif([], '/work/repo');
        expect(text.endsWith('}\n')).toBe(true);
        const driver = JSON.parse(text).runs[0].tool.driver;
        expect(driver.name).toBe('mission');
        const rule = driver.rules.find((candidate: { id: string }) => candidate.id === 'over-capacity');
        expect(rule.name).toBe('OverCapacity');
        expect(rule.help.text).toBe(
            `${CATALOG['over-capacity'].help} (mission rule over-capacity; ` +
                'severity error unless mission.config.json overrides it)'
        );
        expect(driver.rules.map((candidate: { name: string }) => candidate.name)).toContain('StagedWithoutValue');
    });

    test('points each result at its rule by index, and SRCROOT at the working folder, percent-encoded', () => {
        const log = JSON.parse(formatSarif([overCapacity], '/work/my repo'));
        expect(log.runs[0].originalUriBaseIds).toEqual({ SRCROOT: { uri: 'file:///work/my%20repo/' } });
        const result = log.runs[0].results[0];
        expect(DIAGNOSTIC_CODES.indexOf('over-capacity')).toBeGreaterThan(0);
        expect(result.ruleIndex).toBe(DIAGNOSTIC_CODES.indexOf('over-capacity'));
        expect(log.runs[0].tool.driver.rules[result.ruleIndex].id).toBe('over-capacity');
        expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('models/a%20b.mission');
    });
});

describe('relativeUri', () => {
    test('keeps a virtual file name (in angle brackets) as given, only encoded', () => {
        expect(relativeUri('<x/../stdin>', '/work/repo')).toBe('%3Cx/../stdin%3E');
        expect(relativeUri('models/../a.mission', '/work/repo')).toBe('a.mission');
    });
});

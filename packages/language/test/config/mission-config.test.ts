import { describe, expect, test } from 'vitest';
import { parseMissionConfig } from '../../src/config/mission-config.js';

describe('parseMissionConfig', () => {
    test('reads today and the rules', () => {
        const config = parseMissionConfig(
            '{ "today": "2026-11-23", "rules": { "no-lead": "off", "review-overdue": "error" } }',
            'mission.config.json'
        );
        expect(config.today).toBe('2026-11-23');
        expect([...config.rules]).toEqual([
            ['no-lead', 'off'],
            ['review-overdue', 'error']
        ]);
        expect(config.diagnostics).toEqual([]);
    });

    test('reports an unknown code on its line, with a suggestion', () => {
        const config = parseMissionConfig('{\n  "rules": {\n    "no_lead": "off"\n  }\n}', 'c.json');
        expect(config.diagnostics).toEqual([
            {
                file: 'c.json',
                line: 3,
                column: 5,
                endLine: 3,
                endColumn: 14,
                severity: 'error',
                code: 'invalid-config',
                message: 'unknown rule code "no_lead" (did you mean "no-lead"?)'
            }
        ]);
        expect(config.rules.size).toBe(0);
    });

    test('reports an unknown severity on the line of the value', () => {
        const config = parseMissionConfig('{ "rules": {\n "no-lead": "warn" } }', 'c.json');
        expect(config.diagnostics).toMatchObject([
            { line: 2, column: 13, message: expect.stringContaining('unknown severity "warn"') }
        ]);
    });

    test.each([
        'syntax-error',
        'unresolved-reference',
        'duplicate-name',
        'invalid-date',
        'invalid-currency',
        'invalid-window'
    ])('%s cannot be lowered or turned off', code => {
        for (const setting of ['warning', 'info', 'off']) {
            const config = parseMissionConfig(JSON.stringify({ rules: { [code]: setting } }), 'c.json');
            expect(config.diagnostics.map(d => d.message)).toEqual([`"${code}" cannot be lowered or turned off`]);
            expect(config.rules.size).toBe(0);
        }
        expect(parseMissionConfig(JSON.stringify({ rules: { [code]: 'error' } }), 'c.json').diagnostics).toEqual([]);
    });

    test('reports a JSON syntax error at its position', () => {
        const config = parseMissionConfig('{\n  "rules": { "no-lead": "off", }\n}', 'c.json');
        expect(config.diagnostics).toMatchObject([
            { line: 2, column: 32, code: 'invalid-config', message: expect.stringContaining('not valid JSON') }
        ]);
        expect(parseMissionConfig('', 'c.json').diagnostics).toMatchObject([{ line: 1, column: 1 }]);
        expect(parseMissionConfig('{ "today": "2026-11-23" } x', 'c.json').diagnostics).toMatchObject([
            { line: 1, column: 27 }
        ]);
    });

    test('reports a bad today, unknown settings and a non-object', () => {
        expect(parseMissionConfig('{ "today": "2026-02-30" }', 'c.json').diagnostics).toMatchObject([
            { message: '"today" must be a calendar date as "YYYY-MM-DD"' }
        ]);
        expect(parseMissionConfig('{ "rulez": {} }', 'c.json').diagnostics).toMatchObject([
            { message: expect.stringContaining('unknown setting "rulez"') }
        ]);
        expect(parseMissionConfig('[1]', 'c.json').diagnostics).toMatchObject([
            { message: expect.stringContaining('must hold a JSON object') }
        ]);
        expect(parseMissionConfig('{ "rules": [] }', 'c.json').diagnostics).toMatchObject([
            { message: expect.stringContaining('"rules" must be an object') }
        ]);
    });

    test('reads the format section', () => {
        const config = parseMissionConfig('{ "format": { "printWidth": 100, "indent": 4 } }', 'c.json');
        expect(config.format).toEqual({ printWidth: 100, indent: 4 });
        expect(config.diagnostics).toEqual([]);
        expect(parseMissionConfig('{ "format": {} }', 'c.json').format).toEqual({});
        expect(parseMissionConfig('{}', 'c.json').format).toBeUndefined();
    });

    test('reports an unknown format key on its line, with a suggestion; the valid keys still apply', () => {
        const config = parseMissionConfig(
            '{\n  "format": {\n    "printwidth": 100,\n    "indent": 4,\n    "tabs": true\n  }\n}',
            'c.json'
        );
        expect(config.diagnostics).toEqual([
            {
                file: 'c.json',
                line: 3,
                column: 5,
                endLine: 3,
                endColumn: 17,
                severity: 'error',
                code: 'invalid-config',
                message: 'unknown format setting "printwidth" (did you mean "printWidth"?)'
            },
            expect.objectContaining({
                line: 5,
                column: 5,
                message: 'unknown format setting "tabs" (expected "printWidth" or "indent")'
            })
        ]);
        expect(config.format).toEqual({ indent: 4 });
    });

    test('reports a format value that is not a whole number in range on the value', () => {
        const config = parseMissionConfig('{ "format": {\n "printWidth": 10,\n "indent": 2.5 } }\n', 'c.json');
        expect(config.diagnostics).toMatchObject([
            { line: 2, column: 16, message: '"format.printWidth" must be a whole number from 20 to 1000' },
            { line: 3, column: 12, message: '"format.indent" must be a whole number from 1 to 8' }
        ]);
        expect(config.format).toEqual({});
        expect(parseMissionConfig('{ "format": { "indent": "4" } }', 'c.json').diagnostics).toMatchObject([
            { column: 25, message: '"format.indent" must be a whole number from 1 to 8' }
        ]);
        expect(parseMissionConfig('{ "format": 120 }', 'c.json').diagnostics).toMatchObject([
            { column: 13, message: expect.stringContaining('"format" must be an object') }
        ]);
    });

    test('keeps escapes and a BOM', () => {
        const config = parseMissionConfig('\ufeff{ "rules": { "no-\\u006cead": "off" } }', 'c.json');
        expect(config.rules.get('no-lead')).toBe('off');
    });
});

describe('mission-config.schema.json', async () => {
    const { readFileSync } = await import('node:fs');
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const addFormats = (await import('ajv-formats')).default as unknown as (ajv: InstanceType<typeof Ajv2020>) => void;
    const { DIAGNOSTIC_CODES } = await import('../../src/validation/codes.js');
    const schema = JSON.parse(
        readFileSync(new URL('../../schema/mission-config.schema.json', import.meta.url), 'utf8')
    );
    const ajv = new Ajv2020({ strict: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);

    test('lists every catalog code', () => {
        expect(Object.keys(schema.properties.rules.properties)).toEqual(DIAGNOSTIC_CODES);
    });

    test('agrees with the parser on what is valid', () => {
        const samples = [
            '{ "today": "2026-11-23", "rules": { "no-lead": "off", "review-overdue": "error" } }',
            '{ "rules": { "no-lead": "loud" } }',
            '{ "rules": { "syntax-error": "off" } }',
            '{ "rules": { "nolead": "off" } }',
            '{ "other": 1 }',
            '{ "format": { "printWidth": 100, "indent": 4 } }',
            '{ "format": { "printWidth": 19 } }',
            '{ "format": { "indent": 9 } }',
            '{ "format": { "indent": 1.5 } }',
            '{ "format": { "tabs": true } }',
            '{ "format": [] }',
            '{ "$schema": "./node_modules/mission-lang-language/schema/mission-config.schema.json" }'
        ];
        for (const sample of samples) {
            expect(validate(JSON.parse(sample)), sample).toBe(
                parseMissionConfig(sample, 'c.json').diagnostics.length === 0
            );
        }
    });
});

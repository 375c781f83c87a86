import { URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { checkSources } from '../../src/api/check.js';
import { parseMissionConfig } from '../../src/config/mission-config.js';
import { formatDocument } from '../../src/api/format.js';
import { STARTER_MODEL_FILE, starterFiles } from '../../src/outputs/starter-model.js';

describe('the starter model (mission init, the editor\'s "Mission: New model")', () => {
    test.each(['2026-12-04', '2028-02-29', '2031-01-31'])(
        'made on %s: formatted, dated from that day, and clean with its config on that day',
        async today => {
            const [model, config] = starterFiles(today);
            expect([model!.name, config!.name]).toEqual([STARTER_MODEL_FILE, 'mission.config.json']);
            expect(model!.text).toBe(formatDocument(model!.text));
            expect(model!.text).toContain(`review every 30 days last ${today}`);
            expect(model!.text).toContain(`window ${today.slice(0, 7)}-01 ..`);
            const settings = parseMissionConfig(config!.text, config!.name);
            expect(settings.diagnostics).toEqual([]);
            const result = await checkSources(
                [{ path: model!.name, uri: URI.parse(`memory:///${model!.name}`), text: model!.text }],
                { today, rules: settings.rules }
            );
            expect(result.diagnostics).toEqual([]);
        }
    );

    test('a day that is not a calendar date is refused', () => {
        expect(() => starterFiles('2026-02-30')).toThrow(/not a calendar date: 2026-02-30/);
        expect(() => starterFiles('soon')).toThrow(/not a calendar date/);
    });
});

import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { EmptyFileSystem } from 'langium';
import { describe, expect, test } from 'vitest';
import { buildModelJson, modelJsonText } from '../../src/outputs/model-json.js';
import { createMissionServices } from '../../src/mission-module.js';
import { generateFromGrammar } from '../grammar-instances.js';
import { checkText } from './output-helpers.js';

const ajv = new Ajv2020({ strict: true, allErrors: true });
(addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
const validate = ajv.compile(
    JSON.parse(readFileSync(new URL('../../schema/mission-model.schema.json', import.meta.url), 'utf8'))
);

/** The parts of the JSON model these tests read (the schema checks the rest). */
interface WindowJson {
    readonly start: string | null;
    readonly end: string | null;
    readonly source: string;
    readonly from: string | null;
}
interface MeasureJson {
    readonly direction: string;
    readonly baseline: number | null;
    readonly progress: number | null;
}
interface MissionJson {
    readonly name: string;
    readonly cycle: readonly string[] | null;
    readonly ancestors: readonly string[];
    readonly effectiveWindow: WindowJson;
    readonly measures: readonly MeasureJson[];
    readonly problems: { readonly errors: number };
}
interface CompiledJson {
    readonly visions: readonly { readonly horizon: string | null }[];
    readonly missions: readonly MissionJson[];
    readonly diagnostics: readonly { readonly code: string }[];
    readonly summary: { readonly errors: number };
}

interface PacedJson {
    readonly missions: ReadonlyArray<{
        readonly pace: string | null;
        readonly measures: ReadonlyArray<{ readonly expected: number | null; readonly pace: string | null }>;
    }>;
}

async function compiled(text: string): Promise<CompiledJson> {
    const json = JSON.parse(modelJsonText(await checkText(text))) as CompiledJson;
    expect(validate(json), JSON.stringify(validate.errors, null, 2)).toBe(true);
    return json;
}

describe('the JSON model on every construct of the grammar', () => {
    test('every construct of the grammar gives JSON the schema accepts (text generated from the grammar)', async () => {
        // The texts below use only the constructs known when they were written; these follow the grammar,
        // so a new key's schema is checked on a value, not only on an empty array or a null.
        const documents = generateFromGrammar(createMissionServices(EmptyFileSystem).Mission.Grammar);
        expect(documents.length).toBeGreaterThan(0);
        for (const text of documents) {
            const json = JSON.parse(modelJsonText(await checkText(text))) as unknown;
            expect(validate(json), `${text}\n${JSON.stringify(validate.errors, null, 2)}`).toBe(true);
        }
    });
});

describe('the JSON model on broken and unusual models', () => {
    test('an under cycle: ancestors stop, the cycle is listed, windows inherit around it', async () => {
        const json = await compiled(`
            mission A under C { boundary { window 2026-01-01 .. 2026-06-30 } }
            mission B under A { }
            mission C under B { }
        `);
        const b = json.missions.find(m => m.name === 'B')!;
        expect([...(b.cycle ?? [])].sort()).toEqual(['A', 'B', 'C']);
        expect(b.ancestors).toEqual(['A', 'C']);
        expect(b.effectiveWindow).toEqual({ start: '2026-01-01', end: '2026-06-30', source: 'inherited', from: 'A' });
        expect(json.diagnostics.some(d => d.code === 'alignment-cycle')).toBe(true);
    });

    test('unresolved references are null or left out; invalid dates are null; open windows are null', async () => {
        const json = await compiled(`
            vision V { horizon 2026-02-30 }
            person p
            mission M under Nowhere { lead ghost crew p, phantom supports Missing
                boundary { window 2026-13-01 .. 2026-12-31 } }
            mission N under V { }
        `);
        const m = json.missions.find(x => x.name === 'M')!;
        expect(m).toMatchObject({
            parent: null,
            parentKind: null,
            lead: null,
            crew: [{ name: 'p', kind: 'person' }],
            supports: [],
            boundary: { window: { start: null, end: '2026-12-31' } }
        });
        expect(m.effectiveWindow).toEqual({ start: null, end: null, source: 'none', from: null });
        expect(json.visions[0].horizon).toBeNull();
        expect(json.missions.find(x => x.name === 'N')!.effectiveWindow.source).toBe('none');
        expect(m.problems.errors).toBeGreaterThanOrEqual(4);
    });

    test('a syntax error still gives a valid model of what parsed', async () => {
        const json = await compiled('vision V\nmission M under V { lead }\nperson p');
        expect(json.diagnostics.some(d => d.code === 'syntax-error')).toBe(true);
        expect(json.summary.errors).toBeGreaterThan(0);
    });

    test('a vision horizon gives the window source "vision"; direction down and negative numbers', async () => {
        const json = await compiled(`
            vision V { horizon 2030-12-31 }
            mission M under V { measure harm { baseline 4.2 target 1 current 3.1 }
                measure debt { baseline -5M target -1M current -3M } }
        `);
        const m = json.missions[0];
        expect(m.effectiveWindow).toEqual({ start: null, end: '2030-12-31', source: 'vision', from: 'V' });
        expect(m.measures[0]).toMatchObject({ direction: 'down', baseline: 4.2, target: 1, current: 3.1 });
        expect(m.measures[0].progress).toBeCloseTo(1.1 / 3.2, 10);
        expect(m.measures[1]).toMatchObject({ direction: 'up', baseline: -5_000_000, progress: 0.5 });
    });

    test('expected progress and pace on the given today, on measures and missions', async () => {
        const text = `
            mission M { boundary { window 2026-01-01 .. 2026-01-10 }
                measure early { target 10 current 3 }
                measure late { target 10 current 0 due 2026-01-20 }
                measure done { target 10 current 10 }
                measure unmeasured { target 10 } }
            mission Open { measure m { target 10 current 5 } }
        `;
        const json = JSON.parse(modelJsonText(await checkText(text, '2026-01-04'))) as PacedJson;
        expect(validate(json), JSON.stringify(validate.errors, null, 2)).toBe(true);
        const [m, open] = json.missions;
        expect(m!.measures.map(measure => [measure.expected, measure.pace])).toEqual([
            [0.4, 'on-track'],
            [0.2, 'behind'],
            [0.4, 'won'],
            [0.4, null]
        ]);
        expect(m!.pace).toBe('behind');
        expect(open!.measures[0]).toMatchObject({ expected: null, pace: null });
        expect(open!.pace).toBeNull();
        const later = JSON.parse(modelJsonText(await checkText(text, '2025-12-01'))) as PacedJson;
        expect(later.missions[0]!.pace).toBe('on-track');
    });

    test('--tag: the tagged missions and, marked context, their ancestors; the visions above them', async () => {
        const model = await checkText(`
            vision V
            vision W
            mission Top under V { }
            mission Mid under Top { tags north }
            mission Other under W { tags south status staged value 1k GBP per week }
            mission Queued under Top { tags north status staged value 1k GBP per week }
        `);
        const json = buildModelJson(model, { tag: 'north' }) as unknown as {
            tag: string;
            visions: Array<{ name: string }>;
            missions: Array<{ name: string; context: boolean }>;
            stagingQueue: Array<{ mission: string }>;
        };
        expect(validate(json), JSON.stringify(validate.errors, null, 2)).toBe(true);
        expect(json.tag).toBe('north');
        expect(json.visions.map(vision => vision.name)).toEqual(['V']);
        expect(json.missions.map(mission => [mission.name, mission.context])).toEqual([
            ['Top', true],
            ['Mid', false],
            ['Queued', false]
        ]);
        expect(json.stagingQueue.map(entry => entry.mission)).toEqual(['Queued']);
        expect(Object.keys(buildModelJson(model))).not.toContain('tag');
        expect(() => buildModelJson(model, { tag: 'west' })).toThrow(/^no mission is tagged 'west'$/);
    });

    test('tags in order, each once; links as written, the label only when given', async () => {
        const json = (await compiled(`
            vision V
            mission M under V {
                tags ops, north, ops tags q1
                link "https://a.example.org/plan" "The \\"plan\\" <b>"
                link "javascript:alert(1)"
            }
            mission N under V { }
        `)) as unknown as {
            missions: ReadonlyArray<{ tags: string[]; links: Array<{ url: string; label?: string }> }>;
        };
        expect(json.missions[0]!.tags).toEqual(['ops', 'north', 'q1']);
        expect(json.missions[0]!.links).toEqual([
            { url: 'https://a.example.org/plan', label: 'The "plan" <b>' },
            { url: 'javascript:alert(1)' }
        ]);
        expect(json.missions[1]).toMatchObject({ tags: [], links: [] });
    });

    test('each measure says how it rolls up: the effective mode, whether written, the combined value', async () => {
        const json = (await compiled(`
            vision V
            mission Net under V {
                measure rate { target 98 current 94 unit "%" }
                measure parcels { target 100 }
                measure cost { rollup none }
            }
            mission A under Net {
                measure rate { target 98 current 91 unit "%" contributes to Net.rate }
                measure parcels { target 60 current 30 contributes to Net.parcels }
                measure cost { current 4 contributes to Net.cost }
            }
            mission B under Net {
                measure rate { target 98 current 96 unit "%" contributes to Net.rate }
                measure parcels { target 40 current 12.5 contributes to Net.parcels rollup sum }
            }
        `)) as unknown as { missions: ReadonlyArray<{ measures: Array<{ rollup: unknown }> }> };
        expect(json.missions[0]!.measures.map(measure => measure.rollup)).toEqual([
            { mode: 'mean', written: false, combined: 93.5 },
            { mode: 'sum', written: false, combined: 42.5 },
            { mode: 'none', written: true, combined: null }
        ]);
        expect(json.missions[2]!.measures[1]!.rollup).toEqual({ mode: 'sum', written: true, combined: null });
    });

    test('the key order is fixed', async () => {
        const model = await checkText('vision V\nperson p\nteam t { members p }\nmission M under V { lead p }');
        const json = buildModelJson(model);
        expect(Object.keys(json)).toEqual([
            'format',
            'version',
            'today',
            'files',
            'visions',
            'persons',
            'teams',
            'missions',
            'stagingQueue',
            'diagnostics',
            'summary'
        ]);
        expect(Object.keys(json.missions[0]!)).toEqual([
            'name',
            'title',
            'parent',
            'parentKind',
            'ancestors',
            'children',
            'cycle',
            'status',
            'active',
            'intent',
            'lead',
            'crew',
            'boundary',
            'effectiveWindow',
            'measures',
            'progress',
            'pace',
            'supports',
            'supportedBy',
            'tags',
            'links',
            'review',
            'value',
            'problems',
            'source'
        ]);
    });
});

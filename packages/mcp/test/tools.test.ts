import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
    buildModelJson,
    checkSources,
    type CheckResult,
    outputModelOf,
    parseDate,
    planJson,
    planStaging,
    renderBrief,
    toDay,
    type ModelJson,
    type NamedJson
} from 'mission-lang-language';
import { LANGUAGE_REFERENCE_URI, MODEL_JSON_URI } from '../src/resources.js';
import { call, type Connected, connect, EXAMPLES, modelSources, textOf, TODAY } from './harness.js';

let connected: Connected;
/** The same model checked by the check API, as the CLI checks it: the tools must say what it says. */
let reference: CheckResult;
let json: ModelJson;

beforeAll(async () => {
    connected = await connect();
    reference = await checkSources(await modelSources(EXAMPLES), { today: TODAY });
    json = buildModelJson(outputModelOf(reference));
});
afterAll(async () => {
    await connected?.close();
});

function missionJson(name: string): NamedJson {
    return (json.missions as NamedJson[]).find(mission => mission.name === name)!;
}

describe('the tools', () => {
    it('are listed with an input schema, an output schema and a title each', async () => {
        const { tools } = await connected.client.listTools();
        expect(tools.map(tool => tool.name).sort()).toEqual(
            ['brief', 'check', 'describe', 'diagram', 'find', 'load', 'plan', 'propose_edit'].sort()
        );
        for (const tool of tools) {
            expect(tool.inputSchema.type).toBe('object');
            expect(tool.outputSchema?.type).toBe('object');
            expect(tool.title).toBeTruthy();
        }
        expect(tools.find(tool => tool.name === 'check')?.annotations?.readOnlyHint).toBe(true);
        expect(tools.find(tool => tool.name === 'propose_edit')?.annotations?.readOnlyHint).toBe(false);
    });
});

describe('check', () => {
    it("gives the check API's diagnostics and summary", async () => {
        const result = await call(connected.client, 'check');
        expect(result.isError).toBeFalsy();
        expect(result.structuredContent?.summary).toEqual(reference.summary);
        expect(result.structuredContent?.diagnostics).toEqual(reference.diagnostics);
        expect(textOf(result)).toContain(`${reference.summary.files} files checked`);
    });

    it('filters by file, code and severity; an unknown file is a tool error', async () => {
        const byFile = await call(connected.client, 'check', { file: 'vaccination-programme/north.mission' });
        expect(byFile.isError).toBeFalsy();
        expect(byFile.structuredContent?.matching).toBe(
            reference.diagnostics.filter(d => d.file === 'vaccination-programme/north.mission').length
        );
        const byCode = await call(connected.client, 'check', { code: 'over-capacity', severity: 'error' });
        expect(byCode.structuredContent?.matching).toBe(0);
        const unknown = await call(connected.client, 'check', { file: 'nowhere.mission' });
        expect(unknown.isError).toBe(true);
        expect(textOf(unknown)).toBe('nowhere.mission: not a model file of this workspace');
    });
});

describe('describe', () => {
    it('gives a mission as the JSON model does, with its people and diagnostics', async () => {
        const result = await call(connected.client, 'describe', { name: 'SupplyChain' });
        expect(result.isError).toBeFalsy();
        expect(result.structuredContent?.kind).toBe('mission');
        expect(result.structuredContent?.element).toEqual(missionJson('SupplyChain'));
        expect(result.structuredContent?.element.ancestors).toEqual(['NationalProgramme', 'Immunity']);
        expect(result.structuredContent?.element.children).toEqual(['ColdChain', 'Forecasting']);
        expect(result.structuredContent?.people).toContainEqual(
            expect.objectContaining({ name: 'okonkwo', role: 'lead', team: null })
        );
        expect(result.structuredContent?.diagnostics).toEqual([]);
    });

    it('gives persons and measures (Mission.measure)', async () => {
        const person = await call(connected.client, 'describe', { name: 'okonkwo' });
        expect(person.structuredContent?.kind).toBe('person');
        expect(person.structuredContent?.element.missions).toContain('SupplyChain');
        const measure = await call(connected.client, 'describe', { name: 'SupplyChain.supplyWastage' });
        expect(measure.structuredContent?.kind).toBe('measure');
        expect(measure.structuredContent?.element).toMatchObject({
            baseline: 5,
            target: 2,
            current: 3.6,
            direction: 'down',
            contributesTo: 'NationalProgramme.wastage'
        });
    });

    it('answers an unknown element with a tool error', async () => {
        const result = await call(connected.client, 'describe', { name: 'Atlantis' });
        expect(result.isError).toBe(true);
        expect(textOf(result)).toBe("no element named 'Atlantis' in the model");
    });
});

describe('find', () => {
    it('finds missions by status, lead and text (all filters must hold)', async () => {
        const byLead = await call(connected.client, 'find', { lead: 'sato', status: 'active' });
        expect(byLead.structuredContent?.missions.map((m: { name: string }) => m.name)).toEqual(['Forecasting']);
        const byText = await call(connected.client, 'find', { text: 'FRIDGE' });
        expect(byText.structuredContent?.missions.map((m: { name: string }) => m.name)).toContain('ColdChain');
        const active = await call(connected.client, 'find', { status: 'active', limit: 2 });
        expect(active.structuredContent?.missions).toHaveLength(2);
        expect(active.structuredContent?.matching).toBe(
            (json.missions as NamedJson[]).filter(m => m.status === 'active').length
        );
    });

    it('finds missions by tag, as the JSON model gives them', async () => {
        const supply = await call(connected.client, 'find', { tag: 'supply' });
        const expected = (json.missions as NamedJson[])
            .filter(m => (m.tags as string[] | undefined)?.includes('supply'))
            .map(m => m.name);
        expect(expected.length).toBeGreaterThan(0);
        expect(supply.structuredContent?.missions.map((m: { name: string }) => m.name)).toEqual(expected);
    });

    it('finds missions by pace, as the JSON model gives it', async () => {
        const behind = await call(connected.client, 'find', { pace: 'behind' });
        const expected = (json.missions as NamedJson[])
            .filter(m => m.pace === 'behind' || (m.pace as { pace?: string } | null)?.pace === 'behind')
            .map(m => m.name);
        expect(expected.length).toBeGreaterThan(0);
        expect(behind.structuredContent?.missions.map((m: { name: string }) => m.name)).toEqual(expected);
    });
});

describe('load', () => {
    it("gives a person's peak and load over time against capacity, from the facts", async () => {
        const result = await call(connected.client, 'load', { person: 'okonkwo' });
        expect(result.isError).toBeFalsy();
        const person = (json.persons as NamedJson[]).find(p => p.name === 'okonkwo')!;
        expect(result.structuredContent).toMatchObject({
            person: 'okonkwo',
            capacity: person.capacity,
            peak: person.load,
            overCapacity: person.overCapacity
        });
        const timeline = result.structuredContent?.timeline as Array<{ load: number; missions: string[] }>;
        expect(Math.max(...timeline.map(step => step.load))).toBe(person.load);
        expect(timeline.every(step => step.missions.length === step.load)).toBe(true);
    });

    it('answers an unknown person with a tool error', async () => {
        const result = await call(connected.client, 'load', { person: 'nobody' });
        expect(result.isError).toBe(true);
        expect(textOf(result)).toBe("no person named 'nobody' in the model");
    });
});

describe('brief and diagram', () => {
    it('brief is the Markdown of mission brief', async () => {
        const result = await call(connected.client, 'brief', { person: 'sato' });
        expect(result.structuredContent?.markdown).toBe(renderBrief(outputModelOf(reference), 'sato'));
        const unknown = await call(connected.client, 'brief', { person: 'nobody' });
        expect(unknown.isError).toBe(true);
    });

    it('diagram draws a subtree in Mermaid, and an unknown root is a tool error', async () => {
        const result = await call(connected.client, 'diagram', { root: 'SupplyChain', depth: 1 });
        expect(result.structuredContent).toMatchObject({ format: 'mermaid', nodes: 3 });
        expect(result.structuredContent?.diagram).toMatch(/^flowchart TB/);
        expect(result.structuredContent?.diagram).toContain('ColdChain');
        const unknown = await call(connected.client, 'diagram', { root: 'Atlantis' });
        expect(unknown.isError).toBe(true);
        expect(textOf(unknown)).toMatch(/^no vision or mission is named 'Atlantis'/);
    });

    it('diagram draws SVG', async () => {
        const result = await call(connected.client, 'diagram', { root: 'ColdChain', depth: 0, format: 'svg' });
        expect(result.isError).toBeFalsy();
        expect(result.structuredContent?.diagram).toMatch(/<svg[\s\S]*ColdChain[\s\S]*<\/svg>/);
    });

    it('answers arguments of the wrong type with a tool error, and goes on answering', async () => {
        const result = await call(connected.client, 'diagram', { depth: 'deep' });
        expect(result.isError).toBe(true);
        const after = await call(connected.client, 'check', { severity: 'error' });
        expect(after.isError).toBeFalsy();
    });
});

describe('plan', () => {
    const today = toDay(parseDate(TODAY))!;

    it('is the staging plan of mission plan', async () => {
        const result = await call(connected.client, 'plan');
        expect(result.isError).toBeFalsy();
        const expected = planJson(planStaging(reference.facts, { today }));
        expect(expected.missions.length).toBeGreaterThan(0);
        expect(result.structuredContent).toEqual(JSON.parse(JSON.stringify(expected)));
        expect(textOf(result)).toMatch(/^Staging plan from 2026-11-23/);
    });

    it('answers what-if: activate, finish, delay and capacity, as the planner does', async () => {
        const whatIf = {
            activate: ['IslandsCampaign'],
            finish: [{ mission: 'SupplyChain', on: '2027-01-31' }],
            delay: [{ mission: 'Forecasting', by: '8w' }],
            capacity: [{ person: 'sato', capacity: 3 }]
        };
        const result = await call(connected.client, 'plan', whatIf);
        expect(result.isError).toBeFalsy();
        const expected = planJson(
            planStaging(reference.facts, {
                today,
                activate: whatIf.activate,
                finish: [{ mission: 'SupplyChain', on: toDay(parseDate('2027-01-31'))! }],
                delay: [{ mission: 'Forecasting', by: { amount: 8, unit: 'w' } }],
                capacity: whatIf.capacity
            })
        );
        expect(result.structuredContent).toEqual(JSON.parse(JSON.stringify(expected)));
    });

    it('answers an unknown mission or a bad duration with a tool error', async () => {
        const unknown = await call(connected.client, 'plan', { delay: [{ mission: 'Atlantis', by: '8w' }] });
        expect(unknown.isError).toBe(true);
        expect(textOf(unknown)).toMatch(/Atlantis/);
        const duration = await call(connected.client, 'plan', { delay: [{ mission: 'Forecasting', by: 'soon' }] });
        expect(duration.isError).toBe(true);
        expect(textOf(duration)).toMatch(/^not a duration: 'soon'/);
    });
});

describe('resources and prompt', () => {
    it('lists each model file, the JSON model and the language reference, and reads them', async () => {
        const { resources } = await connected.client.listResources();
        const uris = resources.map(resource => resource.uri);
        expect(uris).toContain('mission://files/vaccination-programme/centre.mission');
        expect(uris).toContain(MODEL_JSON_URI);
        expect(uris).toContain(LANGUAGE_REFERENCE_URI);
        const file = await connected.client.readResource({
            uri: 'mission://files/vaccination-programme/centre.mission'
        });
        expect((file.contents[0] as { text: string }).text).toBe(
            await readFile(`${EXAMPLES}/vaccination-programme/centre.mission`, 'utf8')
        );
        const model = await connected.client.readResource({ uri: MODEL_JSON_URI });
        expect(JSON.parse((model.contents[0] as { text: string }).text)).toEqual(json);
        const reference = await connected.client.readResource({ uri: LANGUAGE_REFERENCE_URI });
        expect((reference.contents[0] as { text: string }).text).toBe(
            await readFile(new URL('../LANGUAGE.md', import.meta.url), 'utf8')
        );
    });

    it('ships the language reference as it is: the copy equals ../shared/LANGUAGE.md', async () => {
        const contract = new URL('../../../../shared/LANGUAGE.md', import.meta.url);
        expect(await readFile(new URL('../LANGUAGE.md', import.meta.url), 'utf8')).toBe(
            await readFile(contract, 'utf8')
        );
    });

    it('has a prompt that reviews a mission against the method, with its facts', async () => {
        const { prompts } = await connected.client.listPrompts();
        expect(prompts.map(prompt => prompt.name)).toEqual(['review-mission']);
        const prompt = await connected.client.getPrompt({
            name: 'review-mission',
            arguments: { mission: 'ColdChain' }
        });
        const text = (prompt.messages[0]!.content as { text: string }).text;
        expect(text).toContain('Review the mission ColdChain');
        expect(text).toContain('"name": "ColdChain"');
        expect(text).toContain('propose_edit');
    });
});

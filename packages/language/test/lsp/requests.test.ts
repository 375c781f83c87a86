import { beforeAll, describe, expect, test } from 'vitest';
import { MissionRequests } from '../../src/server/requests.js';
import { MISSIONS, PEOPLE } from './fixtures.js';
import { TestWorkspace } from './workspace.js';

describe('custom requests', () => {
    const ws = new TestWorkspace();
    let requests: MissionRequests;
    beforeAll(async () => {
        await ws.set({ 'people.mission': PEOPLE, 'missions.mission': MISSIONS });
        requests = new MissionRequests(ws.services.Mission);
    });

    test('mission/model: the compiled JSON model of the workspace', async () => {
        const model = await requests.model();
        expect(model.format).toBe('mission-model');
        expect(model.today).toBe('2026-11-23');
        expect(model.persons.map(person => (person as { name: string }).name)).toEqual(['alice', 'bob', 'cara']);
        expect(model.missions.map(mission => (mission as { name: string }).name)).toEqual([
            'Grow',
            'Clinics',
            'Recruit'
        ]);
        expect(model.diagnostics.map(diagnostic => diagnostic.code).sort()).toEqual([
            'staged-without-value',
            'unmapped-measures'
        ]);
    });

    test('mission/diagram: the cascade as SVG, for a root and a depth', async () => {
        const whole = await requests.diagram({});
        expect(whole.format).toBe('svg');
        expect(whole.svg).toMatch(/<svg[\s\S]*Grow[\s\S]*<\/svg>/);
        expect(whole.nodes).toBe(4);
        const part = await requests.diagram({ root: 'Grow', depth: 0 });
        expect(part.nodes).toBe(1);
        expect(part.svg).not.toContain('Clinics');
        const mermaid = await requests.diagram({ format: 'mermaid', root: 'Grow', depth: 1 });
        expect(mermaid.nodes).toBe(3);
        expect(mermaid.mermaid).toContain('Clinics');
    });

    test('mission/diagram: a layout over the time limit is an error, and the server keeps serving', async () => {
        // 300 missions each supporting the next ten, and a 1 ms limit: no machine lays that out in time.
        const supported = (i: number) => Array.from({ length: 10 }, (_, k) => `d${(i + k + 1) % 300}`).join(', ');
        const dense = Array.from(
            { length: 300 },
            (_, i) => `mission d${i} "Dense ${i}" under Acme {\n  supports ${supported(i)}\n}`
        ).join('\n');
        const crowded = new TestWorkspace();
        await crowded.set({ 'people.mission': PEOPLE, 'dense.mission': dense });
        const hurried = new MissionRequests(crowded.services.Mission, 1);
        await expect(hurried.diagram({})).rejects.toMatchObject({
            code: -32602,
            message: expect.stringMatching(/draw less with root and depth/)
        });
        // Still serving: text formats need no layout, and a layout with time succeeds (a new Graphviz worker).
        expect((await hurried.diagram({ format: 'mermaid', root: 'd0', depth: 0 })).nodes).toBe(1);
        expect((await requests.diagram({})).svg).toMatch(/<svg[\s\S]*Grow/);
    }, 60_000);

    test('mission/diagram: an unknown root or format is an invalid-params error', async () => {
        await expect(requests.diagram({ root: 'Nowhere' })).rejects.toThrow(/no vision or mission is named 'Nowhere'/);
        await expect(requests.diagram({ format: 'gif' as never })).rejects.toThrow(/unknown diagram format/);
    });

    test('mission/report: the scorecard page', async () => {
        const { html } = await requests.report();
        expect(html).toMatch(/^<!DOCTYPE html>/);
        expect(html).toContain('Grow the patient base');
    });

    test("mission/starter: the files of mission init, dated from the given day or the rules' today", () => {
        const { files } = requests.starter('2027-03-15');
        expect(files.map(file => file.name)).toEqual(['strategy.mission', 'mission.config.json']);
        expect(files[0]!.text).toContain('review every 30 days last 2027-03-15');
        expect(files[0]!.text).toContain('window 2027-03-01 .. 2028-02-29');
        // Without a day: the day the rules use (mission.today of the test workspace).
        expect(requests.starter().files[0]!.text).toContain('review every 30 days last 2026-11-23');
        expect(() => requests.starter('2027-02-30')).toThrow(/wants today as a date YYYY-MM-DD, not 2027-02-30/);
        expect(() => requests.starter(20270315)).toThrow(/YYYY-MM-DD/);
    });

    test("mission/brief: one person's line of sight; an unknown person is an error", async () => {
        const { markdown } = await requests.brief('bob');
        expect(markdown).toContain('Clinics');
        await expect(requests.brief('nobody')).rejects.toThrow(/nobody/);
    });
});

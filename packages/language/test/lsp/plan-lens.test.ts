import { describe, expect, test } from 'vitest';
import { MissionRequests } from '../../src/server/requests.js';
import { MISSIONS, PEOPLE } from './fixtures.js';
import { TestWorkspace } from './workspace.js';

const STAGED = `vision V { horizon 2028-12-31 }
person p
person q { capacity 2 }
mission Now under V { lead p boundary { window 2026-01-01 .. 2027-01-31 } }
mission Next under V { status staged lead p crew q boundary { window 2026-01-01 .. 2026-01-31 } }
mission Free under V { status staged lead q boundary { window 2026-01-01 .. 2026-01-31 } }
`;

async function stagedLenses(ws: TestWorkspace, file: string): Promise<Array<[string, string | undefined]>> {
    const lenses = await ws.services.Mission.lsp.CodeLensProvider!.provideCodeLens(ws.document(file), {
        textDocument: { uri: ws.uri(file).toString() }
    });
    return (lenses ?? [])
        .map(lens => [ws.textAt(file, lens.range), lens.command?.title] as [string, string | undefined])
        .filter(([, title]) => /^(could start|unplannable)/.test(title ?? ''));
}

describe('the staging plan in the editor', () => {
    test('a code lens on each staged mission: when it could start and who it waits for, or why it cannot', async () => {
        const ws = new TestWorkspace('2026-12-01');
        await ws.set({ 'plan.mission': STAGED });
        expect(await stagedLenses(ws, 'plan.mission')).toEqual([
            ['Next', 'could start 2027-02-01 when p frees up'],
            ['Free', 'could start 2026-12-01 (today)']
        ]);
        const example = new TestWorkspace();
        await example.set({ 'people.mission': PEOPLE, 'missions.mission': MISSIONS });
        expect(await stagedLenses(example, 'missions.mission')).toEqual([
            ['Recruit', 'unplannable: it does not fit in the window of Grow (2026-01-01..2026-12-31) from today on']
        ]);
    });

    test('the lens follows the configured today', async () => {
        const ws = new TestWorkspace('2027-03-01');
        await ws.set({ 'plan.mission': STAGED });
        expect(await stagedLenses(ws, 'plan.mission')).toEqual([
            ['Next', 'could start 2027-03-01 (today)'],
            ['Free', 'could start 2027-03-01 (today)']
        ]);
    });

    test('mission/plan: the plan as Markdown and JSON', async () => {
        const ws = new TestWorkspace('2026-12-01');
        await ws.set({ 'plan.mission': STAGED });
        const answer = await new MissionRequests(ws.services.Mission).plan();
        // Neither has a value: the queue takes them by name.
        expect(answer.markdown).toContain('| 1 | Free | 2026-12-01 | 2026-12-31 |  |  |');
        expect(answer.markdown).toContain('| 2 | Next | 2027-02-01 | 2027-03-03 | p frees up 2027-02-01 |  |');
        expect(answer.plan.missions.map(mission => [mission.name, mission.start])).toEqual([
            ['Free', '2026-12-01'],
            ['Next', '2027-02-01']
        ]);
    });
});

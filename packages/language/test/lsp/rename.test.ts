import { describe, expect, test } from 'vitest';
import { MISSIONS, PEOPLE } from './fixtures.js';
import { TestWorkspace } from './workspace.js';

const PARENT = `vision Acme "Acme"
mission Grow "Grow" under Acme {
  measure patients { target 10 }
}
`;
const CHILD = `mission Clinics "Clinics" under Grow {
  measure registered { target 5 contributes to Grow.patients }
  supports Grow
}
`;

async function workspace(): Promise<TestWorkspace> {
    const result = new TestWorkspace();
    await result.set({ 'parent.mission': PARENT, 'child.mission': CHILD });
    return result;
}

describe('rename across files', () => {
    test('a mission: its declaration, `under`, `supports` and the mission part of qualified names', async () => {
        const ws = await workspace();
        const rename = ws.services.Mission.lsp.RenameProvider!;
        const edit = await rename.rename(ws.document('parent.mission'), {
            ...ws.at('parent.mission', 'mission Grow', 9),
            newName: 'Growth'
        });
        expect(ws.applied(edit)).toEqual({
            'parent.mission': PARENT.replace('mission Grow', 'mission Growth'),
            'child.mission': CHILD.replace('under Grow', 'under Growth')
                .replace('to Grow.patients', 'to Growth.patients')
                .replace('supports Grow', 'supports Growth')
        });
    });

    test('a measure: its declaration and the measure part of each `contributes to`', async () => {
        const ws = await workspace();
        const rename = ws.services.Mission.lsp.RenameProvider!;
        const edit = await rename.rename(ws.document('parent.mission'), {
            ...ws.at('parent.mission', 'measure patients', 9),
            newName: 'people'
        });
        expect(ws.applied(edit)).toEqual({
            'parent.mission': PARENT.replace('measure patients', 'measure people'),
            'child.mission': CHILD.replace('Grow.patients', 'Grow.people')
        });
    });

    test('on a qualified reference, the part under the cursor is renamed', async () => {
        const ws = await workspace();
        const rename = ws.services.Mission.lsp.RenameProvider!;
        const child = ws.document('child.mission');
        const onMeasure = ws.at('child.mission', 'Grow.patients', 7);
        expect(ws.textAt('child.mission', (await rename.prepareRename(child, onMeasure))!)).toBe('patients');
        expect(ws.applied(await rename.rename(child, { ...onMeasure, newName: 'people' }))['parent.mission']).toContain(
            'measure people'
        );

        const onMission = ws.at('child.mission', 'Grow.patients', 1);
        expect(ws.textAt('child.mission', (await rename.prepareRename(child, onMission))!)).toBe('Grow');
        const edit = ws.applied(await rename.rename(child, { ...onMission, newName: 'Growth' }));
        expect(edit['parent.mission']).toContain('mission Growth');
        expect(edit['child.mission']).toContain('contributes to Growth.patients');
    });

    test('a person from a `lead` reference, in the example model', async () => {
        const ws = new TestWorkspace();
        await ws.set({ 'people.mission': PEOPLE, 'missions.mission': MISSIONS });
        const edit = await ws.services.Mission.lsp.RenameProvider!.rename(ws.document('missions.mission'), {
            ...ws.at('missions.mission', 'lead bob', 6),
            newName: 'robert'
        });
        const applied = ws.applied(edit);
        expect(applied['people.mission']).toContain('person robert "Bob Jones"');
        expect(applied['people.mission']).toContain('members robert, cara');
        expect(applied['missions.mission']).toContain('lead robert');
    });

    test('a name that is not an ID, or is a keyword, is refused', async () => {
        const ws = await workspace();
        const rename = ws.services.Mission.lsp.RenameProvider!;
        const params = ws.at('parent.mission', 'mission Grow', 9);
        await expect(rename.rename(ws.document('parent.mission'), { ...params, newName: 'two words' })).rejects.toThrow(
            /not a valid name/
        );
        await expect(rename.rename(ws.document('parent.mission'), { ...params, newName: 'measure' })).rejects.toThrow(
            /not a valid name/
        );
    });

    test('a name already in use is refused (it would be a duplicate-name)', async () => {
        const ws = await workspace();
        const rename = ws.services.Mission.lsp.RenameProvider!;
        await expect(
            rename.rename(ws.document('parent.mission'), {
                ...ws.at('parent.mission', 'mission Grow', 9),
                newName: 'Clinics'
            })
        ).rejects.toThrow(/already used by a mission/);
        await expect(
            rename.rename(ws.document('parent.mission'), {
                ...ws.at('parent.mission', 'mission Grow', 9),
                newName: 'Acme'
            })
        ).rejects.toThrow(/already used by a vision/);
        // A measure name is only taken within its mission.
        const edit = await rename.rename(ws.document('parent.mission'), {
            ...ws.at('parent.mission', 'measure patients', 9),
            newName: 'registered'
        });
        expect(ws.applied(edit)['child.mission']).toContain('Grow.registered');
    });
});

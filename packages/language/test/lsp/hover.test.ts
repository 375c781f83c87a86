import { beforeAll, describe, expect, test } from 'vitest';
import { MISSIONS, PEOPLE } from './fixtures.js';
import { TestWorkspace } from './workspace.js';

describe('hover', () => {
    const workspace = new TestWorkspace();
    beforeAll(() => workspace.set({ 'people.mission': PEOPLE, 'missions.mission': MISSIONS }));

    test('a mission (referenced in another mission): title, intent, lead, status, window, progress, path', async () => {
        const text = await workspace.hover('missions.mission', 'supports Recruit', 10);
        expect(text).toBe(
            [
                '**mission Recruit** — Recruit clinicians',
                '*Intent:* Staff the new clinics before they open',
                'Lead: cara · status staged',
                'Window: 2026-01-01 .. 2026-12-31 (inherited from Grow)',
                'Progress: none measured (1 measure)',
                'Path: Recruit → Grow → Acme'
            ].join('\n\n')
        );
    });

    test('a mission at its declaration: own window, progress as the mean of its measures, sub-missions', async () => {
        const text = await workspace.hover('missions.mission', 'mission Grow', 9);
        expect(text).toContain('Window: 2026-01-01 .. 2026-12-31\n');
        expect(text).toContain('Progress: 40% (mean of 1 measure)');
        expect(text).toContain('Sub-missions: Clinics, Recruit');
        expect(text).toContain('Path: Grow → Acme');
        expect(text).toContain('Pace: behind (its worst measure');
    });

    test('pace follows the configured today: on track early in the window, none for a mission unmeasured', async () => {
        const early = new TestWorkspace('2026-04-01');
        await early.set({ 'people.mission': PEOPLE, 'missions.mission': MISSIONS });
        const grow = await early.hover('missions.mission', 'mission Grow', 9);
        expect(grow).toContain('Pace: on track (its worst measure');
        const patients = await early.hover('missions.mission', 'measure patients', 9);
        expect(patients).toContain('Pace: on track: 40% done, 25% expected by today (2026-01-01 .. 2026-12-31)');
        const hired = await early.hover('missions.mission', 'measure hired', 9);
        expect(hired).toContain('Pace: none: no progress, 25% expected by today (2026-01-01 .. 2026-12-31)');
        expect(await early.hover('missions.mission', 'mission Recruit', 9)).not.toContain('Pace');
    });

    test('a person (at a `lead` reference): load against capacity and their missions', async () => {
        const text = await workspace.hover('missions.mission', 'lead bob', 6);
        expect(text).toBe(
            [
                '**person bob** — Bob Jones',
                'load 1 / capacity 2',
                'Missions: Clinics (lead, crew via clinical, active)'
            ].join('\n\n')
        );
    });

    test('a measure (at a qualified `contributes to`): baseline → current → target and contributors', async () => {
        const text = await workspace.hover('missions.mission', 'to Grow.patients', 9);
        expect(text).toBe(
            [
                '**measure Grow.patients** — Registered patients',
                '25,000 → 31,000 → 40,000 patients (baseline → current → target, direction up)',
                'Progress: 40%',
                'Pace: behind: 40% done, 90% expected by today (2026-01-01 .. 2026-12-31)',
                'Contributors: Clinics.registered',
                'Roll-up: sum (the default): 4,000 patients from 1 contributor'
            ].join('\n\n')
        );
    });

    test('a measure rolls up by its effective mode: mean for a % unit, written modes said so', async () => {
        const rates = new TestWorkspace();
        await rates.set({
            'rates.mission': [
                'mission Network { measure onTime { target 98 current 94 unit "%" } measure cost { rollup none } }',
                'mission North under Network { measure onTime { target 98 current 91 unit "%" ' +
                    'contributes to Network.onTime } measure cost { current 5 contributes to Network.cost } }',
                'mission South under Network { measure onTime { target 98 current 96 unit "%" ' +
                    'contributes to Network.onTime } measure own { target 1 rollup mean } }'
            ].join('\n')
        });
        expect(await rates.hover('rates.mission', 'measure onTime', 9)).toContain(
            'Roll-up: mean (the default for %): 93.5 % from 2 contributors'
        );
        expect(await rates.hover('rates.mission', 'measure cost', 9)).toContain(
            'Roll-up: none (written): contributors not combined'
        );
        expect(await rates.hover('rates.mission', 'measure own', 9)).toContain(
            'Roll-up: mean (written): no contributor reports a current'
        );
        expect(await rates.hover('rates.mission', 'onTime { target 98 current 91')).not.toContain('Roll-up');
    });

    test('a contributing measure names what it contributes to', async () => {
        const text = await workspace.hover('missions.mission', 'measure registered', 9);
        expect(text).toContain('**measure Clinics.registered** — Patients registered at new clinics');
        expect(text).toContain('0 → 4,000 → 9,000 patients');
        expect(text).toContain('Progress: 44%');
        expect(text).toContain('Contributes to: Grow.patients');
    });

    test('a vision and a team', async () => {
        expect(await workspace.hover('missions.mission', 'under Acme', 7)).toContain('Missions: Grow');
        expect(await workspace.hover('people.mission', 'team clinical', 6)).toContain('Members: bob, cara');
    });

    test("the model's text is shown as text, not as Markdown", async () => {
        const ws = new TestWorkspace();
        await ws.set({ 'm.mission': 'vision V\nmission M "Win *big* <now>" under V {\n  intent "a_b [c]"\n}\n' });
        const text = await ws.hover('m.mission', 'mission M', 8);
        expect(text).toContain('**mission M** — Win \\*big\\* \\<now\\>');
        expect(text).toContain('*Intent:* a\\_b \\[c\\]');
    });
});

/** over-capacity (docs/rules.md, Capacity): from the facts' per-person sweep. */
import { describe, expect, it } from 'vitest';
import { at, check, codesOf, expectNone, found, messagesOf } from './rule-helpers.js';

describe('over-capacity', () => {
    it('is an error on the person and on each lead/crew reference of the missions counted in the peak', async () => {
        const result = await check(
            [
                'vision Acme',
                'person alice "Alice Smith" { capacity 1 }',
                'person bob { capacity 3 }',
                'mission Grow under Acme {',
                '  lead alice',
                '  boundary { window 2026-01-01 .. 2026-12-31 }',
                '}',
                'mission Clinics under Grow {',
                '  lead bob',
                '  crew alice',
                '  boundary { window 2026-02-01 .. 2026-09-30 }',
                '}',
                'mission Later under Grow {',
                '  lead alice',
                '  status staged',
                '}'
            ].join('\n')
        );
        expect(found(result, 'over-capacity')).toEqual([
            at(result, 'error', 'alice'),
            at(result, 'error', 'alice', 1),
            at(result, 'error', 'alice', 2)
        ]);
        const [onPerson, onLead, onCrew] = messagesOf(result, 'over-capacity');
        expect(onPerson).toBe('alice is on 2 concurrent active missions (capacity 1): Grow, Clinics');
        expect(onLead).toContain('alice leads Grow while over capacity');
        expect(onCrew).toContain('alice is crew of Clinics while over capacity');
    });

    it("reports a team's reference that brings an overloaded member onto a counted mission", async () => {
        const result = await check(
            [
                'person bob',
                'person cara { capacity 2 }',
                'team clinical { members bob, cara }',
                'mission One { crew clinical }',
                'mission Two { lead bob }',
                'mission Three { lead cara }'
            ].join('\n')
        );
        expect(found(result, 'over-capacity')).toEqual([
            at(result, 'error', 'bob'),
            at(result, 'error', 'clinical', 1),
            at(result, 'error', 'bob', 2)
        ]);
        expect(messagesOf(result, 'over-capacity')[1]).toBe(
            'team clinical brings a member onto One while over capacity: ' +
                'bob is on 2 concurrent active missions (capacity 1): One, Two'
        );
    });

    it('counts a person who is lead and crew of one mission once', async () => {
        const result = await check(
            ['person alice', 'team core { members alice }', 'mission Grow { lead alice crew alice, core }'].join('\n')
        );
        expectNone(result, 'over-capacity');
        expect(result.facts.loadOf(result.facts.persons[0]!).load).toBe(1);
    });

    it('treats windows that touch on one day as concurrent, and the next day as not', async () => {
        const touching = await check(
            [
                'person alice',
                'mission A { lead alice boundary { window 2026-01-01 .. 2026-06-30 } }',
                'mission B { lead alice boundary { window 2026-06-30 .. 2026-12-31 } }'
            ].join('\n')
        );
        expect(found(touching, 'over-capacity')).toHaveLength(3);
        const apart = await check(
            [
                'person alice',
                'mission A { lead alice boundary { window 2026-01-01 .. 2026-06-30 } }',
                'mission B { lead alice boundary { window 2026-07-01 .. 2026-12-31 } }'
            ].join('\n')
        );
        expectNone(apart, 'over-capacity');
    });

    it('does not count staged or finished missions, and a load equal to the capacity is fine', async () => {
        const result = await check(
            [
                'person alice { capacity 2 }',
                'mission A { lead alice }',
                'mission B { lead alice }',
                'mission C { lead alice status staged }',
                'mission D { lead alice status won }'
            ].join('\n')
        );
        expectNone(result, 'over-capacity');
    });

    it('reports in each file: the person where it is declared, the references where they are', async () => {
        const result = await check({
            'people.mission': 'person alice',
            'work.mission': 'mission A { lead alice }\nmission B { lead alice }'
        });
        expect(found(result, 'over-capacity')).toEqual([
            at(result, 'error', 'alice', 0, 'people.mission'),
            at(result, 'error', 'alice', 0, 'work.mission'),
            at(result, 'error', 'alice', 1, 'work.mission')
        ]);
    });

    it('names only the missions counted in the peak', async () => {
        const result = await check(
            [
                'person alice',
                'mission Early { lead alice boundary { window 2025-01-01 .. 2025-03-31 } }',
                'mission A { lead alice boundary { window 2026-01-01 .. 2026-06-30 } }',
                'mission B { lead alice boundary { window 2026-03-01 .. 2026-12-31 } }'
            ].join('\n')
        );
        expect(messagesOf(result, 'over-capacity')[0]).toBe(
            'alice is on 2 concurrent active missions (capacity 1): A, B'
        );
        expect(found(result, 'over-capacity')).toHaveLength(3);
    });

    it('reads the facts: isCountedInPeak is true exactly for the missions counted in the peak', async () => {
        const result = await check(
            [
                'person alice',
                'person bob { capacity 2 }',
                'mission Early { lead alice boundary { window 2025-01-01 .. 2025-03-31 } }',
                'mission A { lead alice crew bob boundary { window 2026-01-01 .. 2026-06-30 } }',
                'mission B { lead alice crew bob boundary { window 2026-03-01 .. 2026-12-31 } }'
            ].join('\n')
        );
        const { facts } = result;
        const [alice, bob] = facts.persons;
        const byName = new Map(facts.missions.map(mission => [mission.name, mission]));
        expect(['Early', 'A', 'B'].map(name => facts.isCountedInPeak(alice!, byName.get(name)!))).toEqual([
            false,
            true,
            true
        ]);
        expect(['A', 'B'].map(name => facts.isCountedInPeak(bob!, byName.get(name)!))).toEqual([false, false]);
    });
});

describe('over-capacity messages (what mutation testing found unpinned)', () => {
    it('lists the counted missions by window start, then by name, whatever the order of the text', async () => {
        const result = await check(
            [
                'vision V',
                'person ann { capacity 1 }',
                'mission Zed under V { lead ann boundary { window 2026-03-01 .. 2026-12-31 } }',
                'mission Beta under V { lead ann boundary { window 2026-03-01 .. 2026-12-31 } }',
                'mission Alpha under V { lead ann boundary { window 2026-03-01 .. 2026-12-31 } }',
                'mission Early under V { lead ann boundary { window 2026-01-01 .. 2026-12-31 } }',
                'mission Yak under V { lead ann boundary { window 2026-02-01 .. 2026-12-31 } }'
            ].join('\n')
        );
        expect(messagesOf(result, 'over-capacity')[0]).toBe(
            'ann is on 5 concurrent active missions (capacity 1): Early, Yak, Alpha, Beta, Zed'
        );
    });

    it("words a team's overloaded members: one, several, each once however often listed", async () => {
        const model = (members: string) =>
            [
                'vision V',
                'person ann { capacity 0 }',
                'person bob { capacity 0 }',
                'person cy { capacity 5 }',
                `team t { members ${members} }`,
                'mission M under V { lead cy crew t }'
            ].join('\n');
        const onTeam = async (members: string) =>
            messagesOf(await check(model(members)), 'over-capacity').filter(message => message.startsWith('team'));
        expect(await onTeam('ann, cy')).toEqual([
            'team t brings a member onto M while over capacity: ann is on 1 concurrent active mission (capacity 0): M'
        ]);
        expect(await onTeam('ann, ann, cy')).toEqual([
            'team t brings a member onto M while over capacity: ann is on 1 concurrent active mission (capacity 0): M'
        ]);
        expect(await onTeam('ann, bob')).toEqual([
            'team t brings 2 members onto M while over capacity: ' +
                'ann is on 1 concurrent active mission (capacity 0): M; ' +
                'bob is on 1 concurrent active mission (capacity 0): M'
        ]);
    });

    it('says nothing of a crew name or team member that does not resolve (the linker reports it)', async () => {
        const result = await check(
            [
                'vision V',
                'person ann { capacity 0 }',
                'team t { members ann, nobody }',
                'mission M under V { lead ann crew ghost, t }'
            ].join('\n')
        );
        const relevant = codesOf(result).filter(code => code !== 'missing-intent' && code !== 'unmeasured-mission');
        expect(relevant.sort()).toEqual([
            'over-capacity',
            'over-capacity',
            'over-capacity',
            'unresolved-reference',
            'unresolved-reference'
        ]);
    });
});

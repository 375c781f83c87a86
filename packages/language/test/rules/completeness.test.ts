/** missing-intent, unmeasured-mission, no-lead and empty-team (docs/rules.md, Completeness). */
import { describe, expect, it } from 'vitest';
import { at, check, expectNone, found, messagesOf } from './rule-helpers.js';

const complete = [
    'vision Acme',
    'person alice',
    'mission Grow under Acme { intent "More patients" lead alice measure patients { target 10 } }'
].join('\n');

describe('missing-intent', () => {
    it('is a warning on the name of a mission without intent', async () => {
        const result = await check(
            'vision Acme\nperson alice\nmission Grow under Acme { lead alice measure patients { target 10 } }'
        );
        expect(found(result, 'missing-intent')).toEqual([at(result, 'warning', 'Grow')]);
        expect(messagesOf(result, 'missing-intent')[0]).toContain('mission Grow has no intent');
    });

    it('is not reported with an intent, even one without end state or key tasks', async () => {
        expectNone(await check(complete), 'missing-intent');
    });
});

describe('unmeasured-mission', () => {
    it('is a warning on the name of a mission without measures', async () => {
        const result = await check('vision Acme\nperson alice\nmission Grow under Acme { intent "More" lead alice }');
        expect(found(result, 'unmeasured-mission')).toEqual([at(result, 'warning', 'Grow')]);
    });

    it('is not reported with one measure', async () => {
        expectNone(await check(complete), 'unmeasured-mission');
    });
});

describe('no-lead', () => {
    it('is a warning on the name of a mission without lead, even with a crew', async () => {
        const result = await check(
            'vision Acme\nperson alice\nmission Grow under Acme { intent "More" crew alice measure m { target 1 } }'
        );
        expect(found(result, 'no-lead')).toEqual([at(result, 'warning', 'Grow')]);
    });

    it('is not reported with a lead, even one that does not resolve (reported once, as unresolved)', async () => {
        expectNone(await check(complete), 'no-lead');
        const typo = await check(
            'vision Acme\nmission Grow under Acme { intent "More" lead alcie measure m { target 1 } }'
        );
        expectNone(typo, 'no-lead');
        expect(found(typo, 'unresolved-reference')).toHaveLength(1);
    });
});

describe('empty-team', () => {
    it('is a warning on the name of a team without members', async () => {
        const result = await check('team ghosts "Nobody yet" { }');
        expect(found(result, 'empty-team')).toEqual([at(result, 'warning', 'ghosts')]);
        expect(messagesOf(result, 'empty-team')).toEqual([
            'team ghosts has no members: add `members` or remove the team'
        ]);
    });

    it('is not reported for a team of one', async () => {
        expectNone(await check('person alice\nteam solo { members alice }'), 'empty-team');
    });
});

describe('a complete model', () => {
    it('gives no diagnostic at all', async () => {
        expect((await check(complete)).diagnostics).toEqual([]);
    });
});

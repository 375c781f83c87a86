/**
 * self-support, redundant-support, support-window-disjoint and support-finished-mission
 * (docs/rules.md, Support): each on the reference in the `supports` list.
 */
import { describe, expect, it } from 'vitest';
import { at, check, expectNone, found, messagesOf } from './rule-helpers.js';

describe('self-support', () => {
    it('is an error on the reference to the mission itself', async () => {
        const result = await check('mission Peer { }\nmission Grow { supports Peer, Grow }');
        expect(found(result, 'self-support')).toEqual([at(result, 'error', 'Grow', 1)]);
        expect(messagesOf(result, 'self-support')).toEqual([
            'Grow supports itself: name a peer mission that its work helps'
        ]);
        expectNone(result, 'redundant-support');
    });

    it('is not reported for a peer', async () => {
        const result = await check('mission Peer { }\nmission Grow { supports Peer }');
        expectNone(result, 'self-support');
    });
});

describe('redundant-support', () => {
    it('is a warning on a reference to an ancestor or a descendant', async () => {
        const result = await check(
            [
                'vision V',
                'mission Grow under V { supports Site }',
                'mission Clinics under Grow { }',
                'mission Site under Clinics { supports Grow }'
            ].join('\n')
        );
        expect(found(result, 'redundant-support')).toEqual([
            at(result, 'warning', 'Site', 0),
            at(result, 'warning', 'Grow', 2)
        ]);
        expect(messagesOf(result, 'redundant-support')).toEqual([
            'Grow supports Site, which is already aligned under it: support is for peers',
            'Site supports Grow, which it is already aligned under: its work serves Grow anyway'
        ]);
    });

    it('is not reported for a sibling or a cousin', async () => {
        const result = await check(
            [
                'vision V',
                'mission Grow under V { }',
                'mission Clinics under Grow { supports Recruit, Hire }',
                'mission Recruit under Grow { }',
                'mission Hire under Recruit { }'
            ].join('\n')
        );
        expectNone(result, 'redundant-support');
    });
});

describe('support-window-disjoint', () => {
    it("is a warning on the reference when the supported mission's window does not overlap", async () => {
        const result = await check(
            [
                'mission Clinics { boundary { window 2026-02-01 .. 2026-09-30 } supports Later, Overlapping }',
                'mission Later { boundary { window 2026-10-01 .. 2026-12-31 } }',
                'mission Overlapping { boundary { window 2026-09-30 .. 2026-12-31 } }'
            ].join('\n')
        );
        expect(found(result, 'support-window-disjoint')).toEqual([at(result, 'warning', 'Later')]);
        expect(messagesOf(result, 'support-window-disjoint')).toEqual([
            'Clinics (2026-02-01 .. 2026-09-30) supports Later (2026-10-01 .. 2026-12-31), ' +
                'but their windows do not overlap'
        ]);
    });

    it('uses effective windows, and a mission without any window overlaps everything', async () => {
        const result = await check(
            [
                'mission Parent { boundary { window 2027-01-01 .. 2027-12-31 } }',
                'mission Child under Parent { }',
                'mission Now { boundary { window 2026-01-01 .. 2026-12-31 } supports Child, Anytime }',
                'mission Anytime { }'
            ].join('\n')
        );
        expect(found(result, 'support-window-disjoint')).toEqual([at(result, 'warning', 'Child', 1)]);
    });
});

describe('support-finished-mission', () => {
    it('is a warning on a reference to a won, lost or abandoned mission', async () => {
        const result = await check(
            [
                'mission Grow { supports Won, Lost, Abandoned, Staged, Active }',
                'mission Won { status won }',
                'mission Lost { status lost }',
                'mission Abandoned { status abandoned }',
                'mission Staged { status staged }',
                'mission Active { }'
            ].join('\n')
        );
        expect(found(result, 'support-finished-mission')).toEqual([
            at(result, 'warning', 'Won'),
            at(result, 'warning', 'Lost'),
            at(result, 'warning', 'Abandoned')
        ]);
        expect(messagesOf(result, 'support-finished-mission')[0]).toBe(
            'Grow supports Won, which is won: there is nothing left to support'
        );
    });

    it('is not reported when the supporting mission is finished too (its supports are history)', async () => {
        const result = await check('mission Old { status won supports Done }\nmission Done { status won }');
        expectNone(result, 'support-finished-mission');
    });
});

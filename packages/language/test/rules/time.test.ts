/** review-overdue and inactive-parent (docs/rules.md, Time). */
import { describe, expect, it } from 'vitest';
import { at, check, expectNone, found, messagesOf } from './rule-helpers.js';

describe('review-overdue', () => {
    const reviewed = (last: string, status = 'active'): string =>
        `mission Grow { status ${status} review every 30 days last ${last} }`;

    it('is a warning on the review when `last` is more than `every` days before today', async () => {
        const result = await check(reviewed('2026-10-23'), '2026-11-23');
        expect(found(result, 'review-overdue')).toEqual([
            at(result, 'warning', 'review every 30 days last 2026-10-23')
        ]);
        expect(messagesOf(result, 'review-overdue')).toEqual([
            'Grow was last reviewed 2026-10-23, 31 days ago (every 30 days): the review was due 2026-11-22'
        ]);
    });

    it('is not reported for a review exactly `every` days old, or a newer one', async () => {
        expectNone(await check(reviewed('2026-10-24'), '2026-11-23'), 'review-overdue');
        expectNone(await check(reviewed('2026-11-23'), '2026-11-23'), 'review-overdue');
        expectNone(await check(reviewed('2026-12-01'), '2026-11-23'), 'review-overdue');
    });

    it('uses the configured today (Settings.today, set by --today)', async () => {
        expectNone(await check(reviewed('2026-01-01'), '2026-01-31'), 'review-overdue');
        expect(found(await check(reviewed('2026-01-01'), '2026-02-01'), 'review-overdue')).toHaveLength(1);
    });

    it('is not reported without `last`, or for a finished mission', async () => {
        expectNone(await check('mission Grow { review every 30 days }'), 'review-overdue');
        expectNone(await check(reviewed('2020-01-01', 'won')), 'review-overdue');
        expect(found(await check(reviewed('2020-01-01', 'staged')), 'review-overdue')).toHaveLength(1);
    });
});

describe('inactive-parent', () => {
    it('is a warning on the `under` reference of an active mission under a finished mission', async () => {
        const result = await check(
            [
                'mission Won { status won }',
                'mission Lost { status lost }',
                'mission Dropped { status abandoned }',
                'mission A under Won { }',
                'mission B under Lost { status active }',
                'mission C under Dropped { }'
            ].join('\n')
        );
        expect(found(result, 'inactive-parent')).toEqual([
            at(result, 'warning', 'Won', 1),
            at(result, 'warning', 'Lost', 1),
            at(result, 'warning', 'Dropped', 1)
        ]);
        expect(messagesOf(result, 'inactive-parent')[0]).toBe(
            'A is active but its parent Won is won: align A under a running mission, or finish it too'
        );
    });

    it('is not reported for a staged or finished child, or under an active or staged parent or a vision', async () => {
        const result = await check(
            [
                'vision V',
                'mission Won under V { status won }',
                'mission Next under Won { status staged }',
                'mission Also under Won { status won }',
                'mission Staged under V { status staged }',
                'mission Ready under Staged { }',
                'mission Running under V { }',
                'mission Child under Running { }'
            ].join('\n')
        );
        expectNone(result, 'inactive-parent');
    });
});

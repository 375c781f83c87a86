import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { expectUsageError, FIXTURES, runCli, temporaryFolder } from './helpers.js';

const MODEL = join(FIXTURES, 'staging-plan.mission');
const TODAY = ['--today', '2026-12-01'];

describe('mission reviews', () => {
    test('lists the reviews overdue or due within the window, by lead', async () => {
        const run = await runCli(['reviews', MODEL, ...TODAY, '--within', '2w']);
        expect(run.code).toBe(0);
        expect(run.stdout).toBe(
            [
                'Reviews overdue or due by 2026-12-15 (today 2026-12-01)',
                '',
                'alice',
                '  Clinics: due today (2026-12-01) (every 30 days, last 2026-11-01)',
                '  Vans: never reviewed: due today (every 30 days)',
                '',
                'bob',
                '  Rota: due 2026-12-09 (in 8 days) (every 14 days, last 2026-11-25)',
                ''
            ].join('\n')
        );
        const later = await runCli(['reviews', MODEL, '--today', '2026-12-20', '--within', '3d', '-f', 'json']);
        expect(JSON.parse(later.stdout)).toEqual({
            today: '2026-12-20',
            within: 3,
            leads: [
                {
                    lead: 'alice',
                    reviews: [
                        { mission: 'Clinics', every: 30, last: '2026-11-01', due: '2026-12-01', state: 'overdue' },
                        { mission: 'Vans', every: 30, last: null, due: '2026-12-20', state: 'never' }
                    ]
                },
                {
                    lead: 'bob',
                    reviews: [{ mission: 'Rota', every: 14, last: '2026-11-25', due: '2026-12-09', state: 'overdue' }]
                }
            ]
        });
        const markdown = await runCli(['reviews', MODEL, '--today', '2026-12-02', '--within', '1d', '-f', 'markdown']);
        expect(markdown.stdout).toContain('### alice\n\n- Clinics: overdue since 2026-12-01 \\(1 day\\)');
        expect(markdown.stdout).not.toContain('Rota');
    });

    test('writes an iCalendar file that a parser reads back: one recurring event per review', async () => {
        const ics = join(temporaryFolder(), 'reviews.ics');
        const run = await runCli(['reviews', MODEL, ...TODAY, '--ics', ics]);
        expect(run.code).toBe(0);
        const text = readFileSync(ics, 'utf8');
        const calendar = new ICAL.Component(ICAL.parse(text));
        const events = calendar.getAllSubcomponents('vevent').map(component => new ICAL.Event(component));
        expect(events.map(event => [event.uid, event.startDate.toString(), event.summary])).toEqual([
            ['review-Clinics@mission-lang', '2026-12-01', 'Review Clinics'],
            ['review-Vans@mission-lang', '2026-12-01', 'Review Vans'],
            ['review-Rota@mission-lang', '2026-12-09', 'Review Rota']
        ]);
        const rota = events[2]!;
        expect(rota.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-12-01T00:00:00Z');
        const rule = rota.component.getFirstPropertyValue('rrule') as ICAL.Recur;
        expect([rule.freq, rule.interval]).toEqual(['DAILY', 14]);
        const iterator = rota.iterator();
        const occurrences = [iterator.next(), iterator.next(), iterator.next()].map(time => time?.toString());
        expect(occurrences).toEqual(['2026-12-09', '2026-12-23', '2027-01-06']);
        // The same model and day give the same file: stable UIDs, DTSTAMP from --today.
        await runCli(['reviews', MODEL, ...TODAY, '--ics', ics]);
        expect(readFileSync(ics, 'utf8')).toBe(text);
    });

    test('a bad --within is a usage error', async () => {
        expectUsageError(await runCli(['reviews', MODEL, ...TODAY, '--within', 'soon']), expect, /--within wants/);
    });
});

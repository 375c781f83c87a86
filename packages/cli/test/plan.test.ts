import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { expectUsageError, FIXTURES, runCli, temporaryFolder } from './helpers.js';

const MODEL = join(FIXTURES, 'staging-plan.mission');
const TODAY = ['--today', '2026-12-01'];

describe('mission plan', () => {
    test('plans the staged missions in queue order, with who frees up and the unplannable', async () => {
        const run = await runCli(['plan', MODEL, ...TODAY]);
        expect(run.code).toBe(0);
        expect(run.stderr).toBe('');
        expect(run.stdout.split('\n').map(line => line.trimEnd())).toEqual([
            'Staging plan from 2026-12-01',
            'rank  mission  start       end         waits for                  note',
            '1     Vans     2027-03-01  2027-05-29  alice frees up 2027-03-01',
            '2     Booking  2027-05-01  2027-05-31  bob frees up 2027-05-01',
            '3     Signs                                                       unplannable: it does not fit in the ' +
                'window of Clinics (2026-01-01..2027-02-28) from today on',
            '',
            'Nobody would be over capacity.',
            ''
        ]);
    });

    test('JSON and CSV give the same plan', async () => {
        const json = JSON.parse((await runCli(['plan', MODEL, ...TODAY, '-f', 'json'])).stdout);
        expect(json.today).toBe('2026-12-01');
        expect(json.missions[0]).toEqual({
            rank: 1,
            name: 'Vans',
            cd3: expect.closeTo(10_000 / (90 / 7), 6),
            people: ['alice'],
            start: '2027-03-01',
            end: '2027-05-29',
            waitsFor: [{ person: 'alice', on: '2027-03-01' }],
            unplannable: null
        });
        expect(json.missions[2].unplannable).toMatchObject({ reason: 'parent-window', person: null });
        const csv = parseCsv((await runCli(['plan', MODEL, ...TODAY, '-f', 'csv'])).stdout) as string[][];
        expect(csv[0]).toEqual(['rank', 'mission', 'start', 'end', 'waits for', 'note']);
        expect(csv.slice(1).map(row => row.slice(0, 4))).toEqual([
            ['1', 'Vans', '2027-03-01', '2027-05-29'],
            ['2', 'Booking', '2027-05-01', '2027-05-31'],
            ['3', 'Signs', '', '']
        ]);
    });

    test('what-if: finish, delay, capacity and activate, with who would go over capacity', async () => {
        const finished = await runCli(['plan', MODEL, ...TODAY, '--finish', 'Clinics', '--on', '2026-12-31']);
        expect(finished.stdout).toMatch(/^1 +Vans +2027-01-01 +2027-03-31 +alice frees up 2027-01-01$/m);
        const delayed = await runCli(['plan', MODEL, ...TODAY, '--delay', 'Rota', '--by', '4w']);
        expect(delayed.stdout).toMatch(/^2 +Booking +2027-05-29 +2027-06-28 +bob frees up 2027-05-29$/m);
        const wider = await runCli(['plan', MODEL, ...TODAY, '--capacity', 'alice=2', '-f', 'json']);
        expect(JSON.parse(wider.stdout).missions[0]).toMatchObject({ start: '2026-12-01', waitsFor: [] });
        const activated = await runCli(['plan', MODEL, ...TODAY, '--activate', 'Signs', '--capacity', 'carol=0']);
        expect(activated.stdout).toContain(
            'Over capacity:\n  carol would be on 1 concurrent active missions (capacity 0): Signs\n'
        );
        expect(activated.stdout).toMatch(/^2 +Booking +unplannable: carol is full$/m);
    });

    test('writes a Gantt chart (SVG) beside the table', async () => {
        const gantt = join(temporaryFolder(), 'plan.svg');
        const run = await runCli(['plan', MODEL, ...TODAY, '--gantt', gantt]);
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('Staging plan from 2026-12-01');
        const svg = readFileSync(gantt, 'utf8');
        expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
        expect(svg.match(/<rect /g)).toHaveLength(2);
        expect(svg).toContain('>1. Vans</text>');
        expect(svg).toContain('<title>Vans: could start 2027-03-01 when alice frees up</title>');
        expect(svg).toContain('>unplannable: it does not fit in the window of Clinics');
    });

    test('an unknown name in a what-if option is a usage error with "did you mean"', async () => {
        expectUsageError(
            await runCli(['plan', MODEL, ...TODAY, '--activate', 'Vanz']),
            expect,
            /^mission: --activate Vanz: no mission is named 'Vanz': did you mean 'Vans'\?$/
        );
        expectUsageError(
            await runCli(['plan', MODEL, ...TODAY, '--capacity', 'alise=2']),
            expect,
            /^mission: --capacity alise=2: no person is named 'alise': did you mean 'alice'\?$/
        );
        expectUsageError(
            await runCli(['plan', MODEL, ...TODAY, '--delay', 'Rota', '--by', '8x']),
            expect,
            /not a duration/
        );
        expectUsageError(
            await runCli(['plan', MODEL, ...TODAY, '--delay', 'Rota']),
            expect,
            /--delay wants a duration/
        );
        expectUsageError(
            await runCli(['plan', MODEL, ...TODAY, '--on', '2027-01-01']),
            expect,
            /--on goes with --finish/
        );
    });
});

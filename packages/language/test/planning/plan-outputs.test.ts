import { describe, expect, test } from 'vitest';
import type { Mission } from '../../src/generated/ast.js';
import { renderReport } from '../../src/outputs/report-html.js';
import { planGanttSvg } from '../../src/planning/plan-gantt.js';
import { planJson, planMarkdown, planSummary, planText } from '../../src/planning/plan-output.js';
import type { StagingPlan } from '../../src/planning/staging-plan.js';
import { parseDate, toDay } from '../../src/model/dates.js';
import { checkText } from '../outputs/output-helpers.js';

const day = (text: string): number => toDay(parseDate(text))!;

/** A plan made by hand, with text no model name can hold, to show every output escapes it. */
const HOSTILE: StagingPlan = {
    today: day('2026-12-01'),
    entries: [
        {
            mission: {} as Mission,
            name: 'A<b>&"x"',
            rank: 1,
            people: ['p<i>'],
            window: { start: day('2026-01-01'), end: day('2026-01-31') },
            start: day('2027-01-05'),
            end: day('2027-02-04'),
            waitsFor: [{ person: 'p<i>', on: day('2027-01-05') }]
        },
        {
            mission: {} as Mission,
            name: 'B|*',
            rank: 2,
            people: [],
            window: { start: day('2026-01-01'), end: Number.POSITIVE_INFINITY },
            start: day('2026-12-01'),
            end: Number.POSITIVE_INFINITY,
            waitsFor: []
        },
        {
            mission: {} as Mission,
            name: 'C',
            rank: 3,
            people: ['q'],
            window: { start: day('2026-01-01'), end: day('2026-01-31') },
            waitsFor: [],
            unplannable: { reason: 'full', person: 'q', message: 'q<script> is full' }
        }
    ],
    overCapacity: [{ person: 'r&', capacity: 1, load: 2, missions: ['X', 'Y'] }]
};

describe('plan outputs', () => {
    test('the Gantt chart: a bar per planned mission, open ends to the edge, model text escaped', () => {
        const svg = planGanttSvg(HOSTILE);
        expect(svg).not.toMatch(/<b>|<i>|<script/);
        expect(svg).toContain('1. A&lt;b&gt;&amp;&quot;x&quot;');
        expect(svg).toContain(
            '<title>A&lt;b&gt;&amp;&quot;x&quot;: could start 2027-01-05 when p&lt;i&gt; frees up</title>'
        );
        expect(svg).toContain('unplannable: q&lt;script&gt; is full');
        expect(svg).not.toMatch(/\sstyle="/);
        const bars = [...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)].map(m => [+m[1]!, +m[2]!]);
        expect(bars).toHaveLength(2);
        // The open-ended bar starts today (the left edge) and runs to the right edge.
        expect(bars[1]![0]).toBe(220);
        expect(bars[1]![0] + bars[1]![1]).toBeCloseTo(940, 0);
    });

    test('text, Markdown and JSON', () => {
        expect(planText(HOSTILE)).toContain('2     B|*       2026-12-01  open');
        expect(planText(HOSTILE)).toContain(
            'Over capacity:\n  r& would be on 2 concurrent active missions (capacity 1): X, Y'
        );
        const markdown = planMarkdown(HOSTILE);
        expect(markdown).toContain('| 2 | B\\|\\* | 2026-12-01 | open |  |  |');
        expect(markdown).toContain('| 1 | A\\<b\\>\\&"x" |');
        expect(planJson(HOSTILE).missions[1]).toMatchObject({ start: '2026-12-01', end: null, cd3: null });
        expect(planSummary(HOSTILE.entries[1]!, HOSTILE.today)).toBe('could start 2026-12-01 (today)');
    });

    test('the report shows the plan as a Gantt chart under the staging queue', async () => {
        const model = await checkText(
            `vision V
            person p
            mission A under V { lead p boundary { window 2026-01-01 .. 2027-01-31 } }
            mission S under V { lead p status staged value 1k GBP per week
                boundary { window 2026-01-01 .. 2026-01-28 } }`,
            '2026-12-01'
        );
        const page = renderReport(model);
        expect(page).toMatch(/<h2>Staging queue<\/h2>[\s\S]*<h3>Staging plan<\/h3>[\s\S]*<div class="gantt"><svg /);
        expect(page).toContain('<title>S: could start 2027-02-01 when p frees up</title>');
        expect(renderReport(await checkText('vision V', '2026-12-01'))).not.toContain('class="gantt"');
    });
});

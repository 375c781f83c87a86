import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { diffModels, invertDiff, isEmptyDiff, type ModelDiff } from '../../src/outputs/model-diff.js';
import { modelDiffMarkdown, modelDiffText } from '../../src/outputs/model-diff-text.js';
import { type DiffView, diffViewOf } from '../../src/outputs/model-diff-view.js';
import { checkText } from './output-helpers.js';

async function modelOf(text: string): Promise<DiffView> {
    return diffViewOf(await checkText(text));
}

const PEOPLE = 'person alice\nperson bob { capacity 9 }\nperson carol\nteam core { members bob, carol }\n';

const BEFORE =
    PEOPLE +
    `vision V { horizon 2030-12-31 }
mission Grow under V {
    intent "Grow"
    lead alice
    crew bob
    boundary { window 2026-01-01 .. 2026-12-31  budget 100k GBP  headcount 4 }
    measure users { baseline 0 target 100 current 20 }
}
mission Old under V { intent "Old" lead bob measure m { target 1 } }
mission Before under V { intent "Same body" lead bob measure m { target 2 } }
mission Child under Before { intent "Child" lead bob measure n { target 3 } }
mission Leadless under V { intent "No lead yet" measure m { target 4 } }
`;

const AFTER =
    PEOPLE +
    `vision V { horizon 2030-12-31 }
mission Leadless under V { intent "No lead yet" lead carol measure m { target 4 } }
mission Grow under Leadless {
    intent "Grow"
    status won
    lead bob
    crew carol
    boundary { window 2026-02-01 .. 2026-12-31  budget 120k GBP  headcount 5 }
    measure users { baseline 0 target 100 current 50 }
}
mission After under V { intent "Same body" lead bob measure m { target 2 } }
mission Child under After { intent "Child" lead bob measure n { target 3 } }
mission New under V { intent "New" measure m { target 1 } }
`;

describe('model diff', () => {
    test('a model compared with itself gives an empty diff', async () => {
        const model = await modelOf(BEFORE);
        const diff = diffModels(model, await modelOf(BEFORE));
        expect(isEmptyDiff(diff)).toBe(true);
        expect(modelDiffText(diff)).toBe('no differences between the two models\n');
    });

    test('missions added, removed, renamed, re-aligned and changed; diagnostics introduced and fixed', async () => {
        const diff = diffModels(await modelOf(BEFORE), await modelOf(AFTER));
        expect(diff.missions.added.map(mission => mission.name)).toEqual(['New']);
        expect(diff.missions.removed.map(mission => mission.name)).toEqual(['Old']);
        expect(diff.missions.renamed).toEqual([{ from: 'Before', to: 'After' }]);
        // Child follows its renamed parent: not re-aligned. Leadless got a lead.
        expect(diff.missions.changed.map(mission => mission.name)).toEqual(['Grow', 'Leadless']);
        const grow = diff.missions.changed[0]!.changes;
        expect(grow).toEqual([
            { kind: 'parent', before: 'V', after: 'Leadless' },
            { kind: 'status', before: 'active', after: 'won' },
            { kind: 'lead', before: 'alice', after: 'bob' },
            { kind: 'crew', before: ['bob'], after: ['carol'] },
            {
                kind: 'budget',
                before: { amount: 100000, currency: 'GBP' },
                after: { amount: 120000, currency: 'GBP' }
            },
            {
                kind: 'window',
                before: { start: '2026-01-01', end: '2026-12-31' },
                after: { start: '2026-02-01', end: '2026-12-31' }
            },
            { kind: 'headcount', before: 4, after: 5 },
            {
                kind: 'measure',
                measure: 'users',
                before: { baseline: 0, target: 100, current: 20, progress: 0.2 },
                after: { baseline: 0, target: 100, current: 50, progress: 0.5 }
            }
        ]);
        expect(diff.diagnostics.fixed.map(d => [d.code, d.element])).toEqual([['no-lead', 'mission Leadless']]);
        expect(diff.diagnostics.introduced.map(d => [d.code, d.element])).toEqual([
            ['unmapped-measures', 'mission Grow'],
            ['no-lead', 'mission New']
        ]);
    });

    test('the text and Markdown say each change', async () => {
        const diff = diffModels(await modelOf(BEFORE), await modelOf(AFTER));
        const text = modelDiffText(diff);
        expect(text).toContain('missions added (1)\n  + New under V (active)\n');
        expect(text).toContain('missions renamed (1)\n  Before → After\n');
        expect(text).toContain('mission Grow\n  under: V → Leadless\n  status: active → won\n');
        expect(text).toContain('  crew: +carol, -bob\n');
        expect(text).toContain('  budget: 100,000 GBP → 120,000 GBP (+20,000 GBP)\n');
        expect(text).toContain('  window: 2026-01-01 .. 2026-12-31 → 2026-02-01 .. 2026-12-31 (start +31 days)\n');
        expect(text).toContain('  measure users: current 20 → 50, progress 20% → 50%\n');
        expect(text).toMatch(/diagnostics fixed \(1\)\n {2}- model\.mission:\d+:\d+ warning no-lead: /);
        const markdown = modelDiffMarkdown(diff);
        expect(markdown).toContain('**missions removed (1)**\n\n- Old under V (active)\n');
    });

    test('a mission moved to another line keeps its diagnostics: they are matched by code and element', async () => {
        const moved =
            BEFORE.replace(/mission Leadless[^\n]*\n/, '') +
            'mission Leadless under V { intent "No lead yet" measure m { target 4 } }\n';
        const before = await modelOf(BEFORE);
        const after = await modelOf(`// a comment\n\n${moved}`);
        expect(diffModels(before, after).diagnostics).toEqual({ introduced: [], fixed: [] });
    });
});

/** A small random model: missions M0..Mn under V or an earlier mission, with random items. */
const missionArbitrary = fc.record({
    parent: fc.nat(4),
    status: fc.constantFrom('', 'status staged', 'status won'),
    lead: fc.constantFrom('', 'lead alice', 'lead bob'),
    crew: fc.constantFrom('', 'crew carol', 'crew core'),
    window: fc.constantFrom('', 'window 2026-01-01 .. 2026-06-30', 'window 2026-03-01 .. 2027-06-30'),
    budget: fc.constantFrom('', 'budget 10k GBP', 'budget 20k GBP'),
    current: fc.constantFrom('', 'current 5', 'current 8'),
    title: fc.constantFrom('A', 'B', 'C')
});

const modelArbitrary = fc
    .record({
        names: fc.uniqueArray(fc.constantFrom('M0', 'M1', 'M2', 'M3', 'M4', 'M5'), { minLength: 1, maxLength: 5 }),
        missions: fc.array(missionArbitrary, { minLength: 5, maxLength: 5 })
    })
    .map(({ names, missions }) =>
        names
            .map((name, index) => {
                const m = missions[index]!;
                const parent = m.parent < index ? names[m.parent] : 'V';
                const boundary = m.window || m.budget ? `boundary { ${m.window} ${m.budget} }` : '';
                return (
                    `mission ${name} under ${parent} { intent "${m.title}" ${m.status} ${m.lead} ${m.crew} ` +
                    `${boundary} measure k { target 10 ${m.current} } }\n`
                );
            })
            .join('')
    );

describe('model diff properties', () => {
    test('A→B reversed is B→A, and a model compared with itself is empty', async () => {
        await fc.assert(
            fc.asyncProperty(modelArbitrary, modelArbitrary, async (a, b) => {
                const before = await modelOf(`${PEOPLE}vision V\n${a}`);
                const after = await modelOf(`${PEOPLE}vision V\n${b}`);
                const forward: ModelDiff = diffModels(before, after);
                expect(diffModels(after, before)).toEqual(invertDiff(forward));
                expect(invertDiff(invertDiff(forward))).toEqual(forward);
                expect(isEmptyDiff(diffModels(before, before))).toBe(true);
            }),
            { numRuns: 40 }
        );
    }, 120_000);
});

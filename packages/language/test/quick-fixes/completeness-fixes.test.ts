/** `missing-intent`, `unmeasured-mission`, `no-lead`: the missing item inserted into the mission's body. */
import { describe, expect, it } from 'vitest';
import { actionTitled, expectFixes, fixesOf, titlesOf } from './quick-fix-helpers.js';

const HEAD = 'vision Acme\nperson alice { capacity 10 }\n';

describe('missing-intent', () => {
    it('inserts the intent as the first item, on its own line, indented like the other items', async () => {
        const text = HEAD + 'mission Grow under Acme {\n    lead alice\n    measure m { target 1 }\n}\n';
        const { checked, diagnostic, actions } = await fixesOf(text, 'missing-intent');
        expect(titlesOf(actions)).toEqual(['Add an intent', 'Add an intent with an end state and a key task']);
        expect(actions[0]!.isPreferred).toBe(true);
        const after = await expectFixes(checked, diagnostic, actions[0]!);
        expect(after.files['main.mission']).toBe(
            HEAD +
                'mission Grow under Acme {\n    intent "TODO: why Grow matters"\n    lead alice\n' +
                '    measure m { target 1 }\n}\n'
        );

        const withBlock = await expectFixes(checked, diagnostic, actions[1]!);
        expect(withBlock.files['main.mission']).toContain(
            [
                '    intent "TODO: why Grow matters" {',
                '        end state "TODO"',
                '        key task "TODO"',
                '    }',
                '    lead alice'
            ].join('\n')
        );
    });

    it('stays on the line of a one-line body', async () => {
        const text = HEAD + 'mission Grow under Acme { lead alice measure m { target 1 } }\n';
        const { checked, diagnostic, actions } = await fixesOf(text, 'missing-intent');
        for (const action of actions) await expectFixes(checked, diagnostic, action);
        const after = await expectFixes(checked, diagnostic, actions[0]!);
        expect(after.files['main.mission']).toContain(
            'mission Grow under Acme { intent "TODO: why Grow matters" lead alice measure m'
        );
    });

    it('opens an empty body onto lines of its own', async () => {
        const text = HEAD + 'mission Grow under Acme {}';
        const { checked, diagnostic, actions } = await fixesOf(text, 'missing-intent');
        const after = await expectFixes(checked, diagnostic, actions[0]!);
        expect(after.files['main.mission']).toBe(
            HEAD + 'mission Grow under Acme {\n  intent "TODO: why Grow matters"\n}'
        );
    });

    it('puts the item above a closing brace that has a line of its own', async () => {
        const text = HEAD + '  mission Grow under Acme {\n    // nothing yet\n  }\n';
        const { checked, diagnostic, actions } = await fixesOf(text, 'missing-intent');
        const after = await expectFixes(checked, diagnostic, actions[0]!);
        expect(after.files['main.mission']).toBe(
            HEAD + '  mission Grow under Acme {\n    // nothing yet\n    intent "TODO: why Grow matters"\n  }\n'
        );
    });
});

describe('unmeasured-mission', () => {
    it('inserts a measure skeleton as the last item', async () => {
        const text = HEAD + 'mission Grow under Acme {\n  intent "why"\n  lead alice\n}\n';
        const { checked, diagnostic, actions } = await fixesOf(text, 'unmeasured-mission');
        expect(titlesOf(actions)).toEqual(['Add a measure']);
        expect(actions[0]!.isPreferred).toBe(true);
        const after = await expectFixes(checked, diagnostic, actions[0]!);
        expect(after.files['main.mission']).toBe(
            HEAD +
                [
                    'mission Grow under Acme {',
                    '  intent "why"',
                    '  lead alice',
                    '  measure success "TODO: what shows Grow is won" {',
                    '    target 1',
                    '  }',
                    '}',
                    ''
                ].join('\n')
        );
    });

    it('offers measures that contribute to each measure of the parent mission, before `supports`', async () => {
        const text =
            HEAD +
            [
                'mission Grow under Acme {',
                '  intent "why"',
                '  lead alice',
                '  measure patients { target 100 unit patients }',
                '  measure clinics { target 3 }',
                '}',
                'mission Peer under Grow { intent "x" lead alice measure p { target 1 contributes to Grow.clinics } }',
                'mission Clinics under Grow {',
                '  intent "why"',
                '  lead alice',
                '  supports Peer',
                '}',
                ''
            ].join('\n');
        const { checked, diagnostic, actions } = await fixesOf(text, 'unmeasured-mission');
        expect(titlesOf(actions)).toEqual([
            'Add a measure',
            'Add a measure contributing to Grow.patients',
            'Add a measure contributing to Grow.clinics'
        ]);
        expect(actions.some(action => action.isPreferred)).toBe(false);
        for (const action of actions) await expectFixes(checked, diagnostic, action);
        const after = await expectFixes(checked, diagnostic, actions[1]!);
        expect(after.files['main.mission']).toContain(
            [
                '  lead alice',
                '  measure patients {',
                '    target 1',
                '    unit patients',
                '    contributes to Grow.patients',
                '  }',
                '  supports Peer'
            ].join('\n')
        );
        // The contributing measure maps 1-up: no unmapped-measures on Clinics.
        expect(after.diagnostics().filter(each => each.code === 'unmapped-measures')).toEqual([]);
    });
});

describe('no-lead', () => {
    const PEOPLE = 'vision Acme\nperson alice { capacity 10 }\nperson bob\nperson cara\nteam ops { members cara }\n';

    it('offers the crew first (preferred when one person), then the other persons, then a new person', async () => {
        const text = PEOPLE + 'mission Grow under Acme {\n  intent "why"\n  crew ops\n  measure m { target 1 }\n}\n';
        const { checked, diagnostic, actions } = await fixesOf(text, 'no-lead');
        expect(titlesOf(actions)).toEqual([
            "Add 'lead cara' (crew)",
            "Add 'lead alice'",
            "Add 'lead bob'",
            "Add 'lead Grow-lead' and create person Grow-lead"
        ]);
        expect(actions.filter(action => action.isPreferred).map(action => action.title)).toEqual([
            "Add 'lead cara' (crew)"
        ]);
        for (const action of actions) await expectFixes(checked, diagnostic, action);
        const after = await expectFixes(checked, diagnostic, actions[0]!);
        expect(after.files['main.mission']).toContain('  intent "why"\n  lead cara\n  crew ops\n');
        const created = await expectFixes(checked, diagnostic, actions[3]!);
        expect(created.files['main.mission']).toContain('  intent "why"\n  lead Grow-lead\n');
        expect(created.files['main.mission'].endsWith('}\n\nperson Grow-lead "TODO: who leads Grow"\n')).toBe(true);
    });

    it('leaves out persons who would go over capacity, but not those whose other missions do not overlap', async () => {
        const text = [
            'vision Acme',
            'person busy',
            'person free',
            'mission Now under Acme { intent "x" lead busy measure m { target 1 } ' +
                'boundary { window 2026-01-01 .. 2026-06-30 } }',
            'mission Before under Acme { intent "x" lead free measure m { target 1 } ' +
                'boundary { window 2025-01-01 .. 2025-06-30 } }',
            'mission Grow under Acme { intent "x" measure m { target 1 } ' +
                'boundary { window 2026-03-01 .. 2026-09-30 } }',
            ''
        ].join('\n');
        const { checked, diagnostic, actions } = await fixesOf(text, 'no-lead');
        expect(titlesOf(actions)).toEqual(["Add 'lead free'", "Add 'lead Grow-lead' and create person Grow-lead"]);
        expect(actions[0]!.isPreferred).toBe(true);
        for (const action of actions) await expectFixes(checked, diagnostic, action);
    });

    it('goes after a comment that ends the line of the intent', async () => {
        const text =
            'vision Acme\nperson alice\nmission Grow under Acme {\n  intent "why" // to refine\n' +
            '  measure m { target 1 }\n}\n';
        const { checked, diagnostic, actions } = await fixesOf(text, 'no-lead');
        const after = await expectFixes(checked, diagnostic, actionTitled(actions, "Add 'lead alice'"));
        expect(after.files['main.mission']).toContain('  intent "why" // to refine\n  lead alice\n  measure m');
    });

    it('places the lead first when there is no intent', async () => {
        const text = 'vision Acme\nperson alice\nmission Grow under Acme { measure m { target 1 } }\n';
        const { checked, diagnostic, actions } = await fixesOf(text, 'no-lead');
        const after = await expectFixes(checked, diagnostic, actionTitled(actions, "Add 'lead alice'"));
        expect(after.files['main.mission']).toContain('mission Grow under Acme { lead alice measure m');
    });
});

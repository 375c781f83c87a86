/** `unresolved-reference`: "Did you mean" names of the expected kind, and "Create <kind> X". */
import { describe, expect, it } from 'vitest';
import { actionTitled, expectFixes, fixesOf, titlesOf } from './quick-fix-helpers.js';

const PEOPLE =
    'vision Acme\nperson alice { capacity 10 }\nperson alicia { capacity 10 }\nperson bob { capacity 10 }\n' +
    'team ops { members bob }\n';

function mission(header: string, ...items: string[]): string {
    return [
        `mission ${header} {`,
        '  intent "why"',
        ...items.map(item => `  ${item}`),
        '  measure m { target 1 }',
        '}'
    ].join('\n');
}

describe('unresolved-reference', () => {
    it('suggests the nearest persons for a lead (the nearest preferred), and creating the person', async () => {
        const text = PEOPLE + mission('Grow under Acme', 'lead alise') + '\n';
        const { checked, diagnostic, actions } = await fixesOf(text, 'unresolved-reference');
        expect(titlesOf(actions)).toEqual(["Did you mean 'alice'?", 'Create person alise']);
        expect(actions.filter(action => action.isPreferred).map(action => action.title)).toEqual([
            "Did you mean 'alice'?"
        ]);
        for (const action of actions) await expectFixes(checked, diagnostic, action);
        const after = await expectFixes(checked, diagnostic, actions[0]!);
        expect(after.files['main.mission']).toContain('  lead alice\n');
        const created = await expectFixes(checked, diagnostic, actionTitled(actions, 'Create person alise'));
        expect(created.files['main.mission'].endsWith('}\n\nperson alise\n')).toBe(true);
    });

    it('prefers no suggestion when two are equally near', async () => {
        const { checked, diagnostic, actions } = await fixesOf(
            PEOPLE + mission('Grow under Acme', 'lead alica') + '\n',
            'unresolved-reference'
        );
        expect(titlesOf(actions)).toEqual(["Did you mean 'alice'?", "Did you mean 'alicia'?", 'Create person alica']);
        expect(actions.some(action => action.isPreferred)).toBe(false);
        for (const action of actions) await expectFixes(checked, diagnostic, action);
    });

    it('suggests only names of the expected kind: a team is no lead, but may be crew', async () => {
        const lead = await fixesOf(PEOPLE + mission('Grow under Acme', 'lead opx') + '\n', 'unresolved-reference');
        expect(titlesOf(lead.actions)).toEqual(['Create person opx']);
        expect(lead.actions[0]!.isPreferred).toBe(true);

        const crew = await fixesOf(
            PEOPLE + mission('Grow under Acme', 'lead alice', 'crew bob, opx') + '\n',
            'unresolved-reference'
        );
        expect(titlesOf(crew.actions)).toEqual(["Did you mean 'ops'?", 'Create person opx', 'Create team opx']);
        for (const action of crew.actions) await expectFixes(crew.checked, crew.diagnostic, action);
        const after = await expectFixes(crew.checked, crew.diagnostic, crew.actions[0]!);
        expect(after.files['main.mission']).toContain('  crew bob, ops\n');
    });

    it('creates a person named as a team member', async () => {
        const text =
            PEOPLE +
            'team crew2 { members bob, dan }\n' +
            mission('Grow under Acme', 'lead alice', 'crew crew2') +
            '\n';
        const { checked, diagnostic, actions } = await fixesOf(text, 'unresolved-reference');
        expect(titlesOf(actions)).toEqual(['Create person dan']);
        const created = await expectFixes(checked, diagnostic, actions[0]!);
        expect(created.files['main.mission'].endsWith('}\n\nperson dan\n')).toBe(true);
    });

    it('offers the members of a team named as a lead, and does not create a name another element has', async () => {
        // `ops` is a team: a lead cannot name it, and a person ops would be a duplicate name.
        const { checked, diagnostic, actions } = await fixesOf(
            PEOPLE + mission('Grow under Acme', 'lead ops') + '\n',
            'unresolved-reference'
        );
        expect(titlesOf(actions)).toEqual(['Replace with bob (member of team ops)']);
        expect(actions[0]!.isPreferred).toBe(true);
        const after = await expectFixes(checked, diagnostic, actions[0]!);
        expect(after.files['main.mission']).toContain('  lead bob\n');
    });

    it('creates a mission for `under` under a vision, and a vision', async () => {
        const text = PEOPLE + mission('Grow under Acmee', 'lead alice') + '\n';
        const { checked, diagnostic, actions } = await fixesOf(text, 'unresolved-reference');
        expect(titlesOf(actions)).toEqual(["Did you mean 'Acme'?", 'Create mission Acmee', 'Create vision Acmee']);
        for (const action of actions) await expectFixes(checked, diagnostic, action);
        const created = await expectFixes(checked, diagnostic, actionTitled(actions, 'Create mission Acmee'));
        expect(created.files['main.mission'].endsWith('}\n\nmission Acmee under Acme {\n}\n')).toBe(true);
    });

    it('never suggests a descendant for `under` (a cycle), nor the mission itself for `supports`', async () => {
        const text =
            PEOPLE +
            [
                mission('Root under Rooot', 'lead alice'),
                mission('Roots under Root', 'lead alice'),
                mission('Peer under Acme', 'lead alice', 'supports Peer2'),
                ''
            ].join('\n');
        const under = await fixesOf(text, 'unresolved-reference', 'Rooot');
        expect(titlesOf(under.actions)).toEqual(['Create mission Rooot', 'Create vision Rooot']);
        const supports = await fixesOf(text, 'unresolved-reference', 'Peer2');
        expect(titlesOf(supports.actions)).toEqual(['Create mission Peer2']);
    });

    it("creates a supported mission as a peer, under the supporter's parent", async () => {
        const text =
            PEOPLE +
            [
                mission('Grow under Acme', 'lead alice'),
                mission('Clinics under Grow', 'lead bob', 'supports Recruit'),
                ''
            ].join('\n');
        const { checked, diagnostic, actions } = await fixesOf(text, 'unresolved-reference');
        expect(titlesOf(actions)).toEqual(['Create mission Recruit']);
        const created = await expectFixes(checked, diagnostic, actions[0]!);
        expect(created.files['main.mission'].endsWith('\nmission Recruit under Grow {\n}\n')).toBe(true);
    });

    it('suggests measures by qualified name and never creates one', async () => {
        const text =
            PEOPLE +
            [
                mission('Grow under Acme', 'lead alice', 'measure patients { target 10 }'),
                'mission Clinics under Grow { intent "x" lead bob measure m { target 1 contributes to Grow.patiens } }',
                ''
            ].join('\n');
        const { checked, diagnostic, actions } = await fixesOf(text, 'unresolved-reference');
        expect(titlesOf(actions)).toEqual(["Did you mean 'Grow.patients'?"]);
        const after = await expectFixes(checked, diagnostic, actions[0]!);
        expect(after.files['main.mission']).toContain('contributes to Grow.patients }');
    });

    it('finds names in other files and edits the file of the reference', async () => {
        const files = {
            'people.mission': PEOPLE,
            'grow.mission': mission('Grow under Acme', 'lead Bob') + '\n'
        };
        const { checked, diagnostic, actions } = await fixesOf(files, 'unresolved-reference', undefined, {
            path: 'grow.mission'
        });
        expect(titlesOf(actions)).toEqual(["Did you mean 'bob'?", 'Create person Bob']);
        const after = await expectFixes(checked, diagnostic, actions[0]!);
        expect(after.files['grow.mission']).toContain('  lead bob\n');
        expect(after.files['people.mission']).toBe(PEOPLE);
    });
});

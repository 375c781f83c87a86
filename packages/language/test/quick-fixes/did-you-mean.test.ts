/**
 * `unresolved-reference` says what the reference may have meant ("did you mean 'alice'?") whenever the
 * quick fix for it offers a name, with the same code (references/suggestions.ts): the message and the
 * fixes always agree. Suggestions cost nothing for references that resolve, compare a failing text only
 * with names of the expected kind and a near length, and are computed once per text while the names stay.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MissionIndexManager } from '../../src/references/name-index.js';
import { TestWorkspace } from '../lsp/workspace.js';
import { actionsFor, check, type Checked, titlesOf } from './quick-fix-helpers.js';

const PEOPLE = 'person alice\nperson alicia\nperson bob\nteam ops { members bob, alice }\n';

function unresolvedMessages(checked: Checked): string[] {
    return checked
        .diagnostics()
        .filter(diagnostic => diagnostic.code === 'unresolved-reference')
        .map(diagnostic => diagnostic.message);
}

async function messagesOf(text: string | Record<string, string>): Promise<string[]> {
    return unresolvedMessages(await check(text));
}

describe('the unresolved-reference message', () => {
    it.each([
        ['a near name', 'mission M { lead alise }', "no person named 'alise': did you mean 'alice'?"],
        [
            'every name as near as the nearest',
            'mission M { lead alica }',
            "no person named 'alica': did you mean 'alice' or 'alicia'?"
        ],
        [
            'a difference of case alone, nearest of all',
            'mission M { lead Alice }',
            "no person named 'Alice': did you mean 'alice'?"
        ],
        [
            'the wrong kind, keeping its hint',
            'mission M { crew bob, opx }',
            "no person or team named 'opx': did you mean 'ops'?"
        ],
        [
            "a team's name where a person is expected: its members",
            'mission M { lead ops }',
            "no person named 'ops' ('ops' is a team): did you mean 'bob' or 'alice' (members of team 'ops')?"
        ],
        ['nothing near', 'mission M { lead zed }', "no person named 'zed'"],
        ['a name of another kind is no suggestion', 'mission M { lead opx }', "no person named 'opx'"]
    ])('%s', async (_what, text, message) => {
        expect(await messagesOf(PEOPLE + text)).toEqual([message]);
    });

    it('names one member of a one-person team', async () => {
        expect(await messagesOf('person bob\nteam ops { members bob }\nmission M { lead ops }')).toEqual([
            "no person named 'ops' ('ops' is a team): did you mean 'bob' (a member of team 'ops')?"
        ]);
    });

    it('lists at most three names', async () => {
        const people = ['abcde', 'abcdf', 'abcdg', 'abcdh'].map(name => `person ${name}`).join('\n');
        expect(await messagesOf(`${people}\nmission M { lead abcdx }`)).toEqual([
            "no person named 'abcdx': did you mean 'abcde', 'abcdf' or 'abcdg'?"
        ]);
    });

    it('never suggests the mission itself or a descendant for under, nor the supporter for supports', async () => {
        const text = [
            'vision Clinia',
            'mission Clinic under Clinix { }',
            'mission Clinics under Clinic { }',
            'mission Grow under Clinia { supports Grov }'
        ].join('\n');
        expect(await messagesOf(text)).toEqual([
            "no vision or mission named 'Clinix': did you mean 'Clinia'?",
            "no mission named 'Grov'"
        ]);
    });

    it('finds names in other files, and measures by their qualified name', async () => {
        const messages = await messagesOf({
            'main.mission': 'mission M under Grw { measure m { contributes to Grow.patient } }',
            'grow.mission': 'vision Acme\nmission Grow under Acme { measure patients { target 1 } }'
        });
        expect(messages).toEqual([
            "no vision or mission named 'Grw': did you mean 'Grow'?",
            "no measure named 'Grow.patient': did you mean 'Grow.patients'?"
        ]);
    });
});

describe('the message and the quick fixes agree', () => {
    const cases = [
        'mission M { lead alise }',
        'mission M { lead alica }',
        'mission M { lead Alice }',
        'mission M { lead ops }',
        'mission M { lead zed }',
        'mission M { crew opx }',
        'mission M { lead opx }',
        'mission Clinic under Clinix { }\nmission Clinics under Clinic { }\nvision Clinia',
        'mission Grow under Clinia { supports Grov }\nvision Clinia'
    ];

    it.each(cases)('%s', async text => {
        const checked = await check(PEOPLE + text);
        for (const diagnostic of checked.diagnostics().filter(each => each.code === 'unresolved-reference')) {
            const offered = titlesOf(await actionsFor(checked, diagnostic))
                .map(title => /^Did you mean '(.+)'\?$/.exec(title)?.[1] ?? /^Replace with (\S+)/.exec(title)?.[1])
                .filter(name => name !== undefined);
            const named = [...(/did you mean (.*)\?$/.exec(diagnostic.message)?.[1] ?? '').matchAll(/'([^']+)'/g)]
                .map(match => match[1]!)
                .filter(name => !diagnostic.message.endsWith(`of team '${name}')?`));
            // The message names the nearest of the names the fixes offer (the first ones, up to three).
            expect(named.length > 0, diagnostic.message).toBe(offered.length > 0);
            expect(offered.slice(0, named.length)).toEqual(named);
        }
    });
});

describe('in the editor', () => {
    it('the suggestion follows the names as files change', async () => {
        const workspace = new TestWorkspace();
        const unresolved = () =>
            workspace
                .diagnostics('main.mission')
                .filter(diagnostic => diagnostic.code === 'unresolved-reference')
                .map(diagnostic => diagnostic.message);
        await workspace.set({ 'main.mission': 'mission M { lead alise }', 'people.mission': 'person bob' });
        expect(unresolved()).toEqual(["no person named 'alise'"]);
        await workspace.set({ 'people.mission': 'person bob\nperson alice' });
        expect(unresolved()).toEqual(["no person named 'alise': did you mean 'alice'?"]);
        await workspace.set({ 'people.mission': 'person bob\nperson alicia\nperson alice' });
        expect(unresolved()).toEqual(["no person named 'alise': did you mean 'alice'?"]);
        await workspace.set({ 'people.mission': 'person bob\nperson alisa' });
        expect(unresolved()).toEqual(["no person named 'alise': did you mean 'alisa'?"]);
        await workspace.remove('people.mission');
        expect(unresolved()).toEqual(["no person named 'alise'"]);
    });
});

describe('what suggestions cost', () => {
    afterEach(() => {
        vi.restoreAllMocks();
    });

    it('searches only the names of the expected kind', async () => {
        const missions = Array.from({ length: 3000 }, (_, i) => `mission M${i} { lead alice }`).join('\n');
        const names = vi.spyOn(MissionIndexManager.prototype, 'namesOfType');
        const checked = await check(`${PEOPLE}${missions}\nmission Typo { lead alise }`);
        expect(unresolvedMessages(checked)).toEqual(["no person named 'alise': did you mean 'alice'?"]);
        expect(new Set(names.mock.calls.map(call => call[0]))).toEqual(new Set(['Person']));
    });

    it('looks up a text once while the names stay, however many references fail with it', async () => {
        const missions = Array.from({ length: 2000 }, (_, i) => `mission M${i} { lead alise }`).join('\n');
        const names = vi.spyOn(MissionIndexManager.prototype, 'namesOfType');
        const checked = await check(PEOPLE + missions);
        expect(new Set(unresolvedMessages(checked))).toEqual(
            new Set(["no person named 'alise': did you mean 'alice'?"])
        );
        expect(unresolvedMessages(checked)).toHaveLength(2000);
        // One search of the person names (within one edit: a five-letter text allows no more).
        expect(names).toHaveBeenCalledTimes(1);
    });

    it('asks nothing of the index when every reference resolves', async () => {
        const names = vi.spyOn(MissionIndexManager.prototype, 'namesOfType');
        const exported = vi.spyOn(MissionIndexManager.prototype, 'exportedTypes');
        await check(`${PEOPLE}mission M { lead alice crew ops }`);
        expect(names).not.toHaveBeenCalled();
        expect(exported).not.toHaveBeenCalled();
    });
});

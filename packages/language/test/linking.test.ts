/**
 * Names are global across files: references resolve across documents, by kind; a wrong-kind or
 * unknown name is one `unresolved-reference` on the reference; duplicate names are reported on each.
 */
import { AstUtils, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { createMissionServices } from '../src/mission-module.js';
import type { MissionIndexManager } from '../src/references/name-index.js';
import { check, covered, expectClean, mission, summaryOf, withCode } from './foundation-helpers.js';

describe('cross-file references', () => {
    it('resolves under, lead, crew, members, supports and contributes to across documents', async () => {
        const result = await expectClean({
            'vision.mission': 'vision Acme { horizon 2030-12-31 }',
            'people.mission': 'person alice\nperson bob\nteam ops { members alice, bob }',
            'grow.mission': 'mission Grow under Acme {\n  lead alice\n  measure patients { target 10 }\n}',
            'clinics.mission': [
                'mission Clinics under Grow {',
                '  lead bob',
                '  crew ops, alice',
                '  supports Grow',
                '  measure opened { target 3 contributes to Grow.patients }',
                '}'
            ].join('\n')
        });
        const grow = mission(result, 'Grow');
        const clinics = mission(result, 'Clinics');
        expect(grow.parent?.ref?.$type).toBe('Vision');
        expect(AstUtils.getDocument(grow.parent!.ref!).uri.path).toBe('/workspace/vision.mission');
        expect(AstUtils.getDocument(grow.leads[0]!.person.ref!).uri.path).toBe('/workspace/people.mission');
        expect(clinics.parent?.ref).toBe(grow);
        expect(clinics.crews[0]!.members.map(member => member.ref?.$type)).toEqual(['Team', 'Person']);
        expect(clinics.supports[0]!.missions[0]!.ref).toBe(grow);
        expect(clinics.measures[0]!.contributions[0]!.measure.ref).toBe(grow.measures[0]);
    });

    it('resolves regardless of the order of the files and of the elements', async () => {
        const result = await expectClean({
            'a.mission': 'mission Child under Parent { lead zed measure m { contributes to Parent.n } }',
            'b.mission': 'mission Parent { measure n { } }\nperson zed'
        });
        expect(mission(result, 'Child').parent?.ref?.name).toBe('Parent');
        expect(mission(result, 'Child').measures[0]!.contributions[0]!.measure.ref?.name).toBe('n');
    });

    it('picks the element of the expected kind when two kinds share a name (and reports the duplicate)', async () => {
        const result = await check({ 'a.mission': 'person X\nmission M { lead X }', 'b.mission': 'mission X { }' });
        expect(mission(result, 'M').leads[0]!.person.ref?.$type).toBe('Person');
        expect(summaryOf(result)).toEqual(['duplicate-name [X]', 'duplicate-name [X]']);
    });
});

describe('unresolved references', () => {
    it.each([
        ['lead naming a team', 'team t { }\nmission M { lead t }', 't', "no person named 't' ('t' is a team)"],
        [
            'crew naming a mission',
            'mission N { }\nmission M { crew N }',
            'N',
            "no person or team named 'N' ('N' is a mission)"
        ],
        [
            'under naming a person',
            'person p\nmission M under p { }',
            'p',
            "no vision or mission named 'p' ('p' is a person)"
        ],
        [
            'supports naming a vision',
            'vision V\nmission M { supports V }',
            'V',
            "no mission named 'V' ('V' is a vision)"
        ],
        [
            'members naming a mission',
            'mission N { }\nteam t { members N }',
            'N',
            "no person named 'N' ('N' is a mission)"
        ],
        [
            'contributes to naming a measure that does not exist',
            'mission N { measure a { } }\nmission M { measure m { contributes to N.b } }',
            'N.b',
            "no measure named 'N.b': did you mean 'N.a'?"
        ],
        ['lead naming nothing', 'mission M { lead nobody }', 'nobody', "no person named 'nobody'"]
    ])('%s', async (_what, text, reference, message) => {
        const result = await check(text);
        expect(summaryOf(result)).toEqual([`unresolved-reference [${reference}]`]);
        expect(result.diagnostics[0]!.message).toBe(message);
        expect(result.diagnostics[0]!.severity).toBe('error');
    });

    it('contributes to naming a mission: a measure is expected (an unqualified name does not parse)', async () => {
        const result = await check('mission Grow { measure p { } }\nmission M { measure m { contributes to Grow } }');
        const unresolved = withCode(result, 'unresolved-reference');
        expect(unresolved.map(diagnostic => [covered(result, diagnostic), diagnostic.message])).toEqual([
            ['Grow', "no measure named 'Grow' ('Grow' is a mission)"]
        ]);
        expect(withCode(result, 'syntax-error')).toHaveLength(1);
    });

    it('a measure name without its mission does not resolve: measures are named Mission.measure', async () => {
        const result = await check('mission Grow { measure p { } }\nmission M { measure m { contributes to M.p } }');
        expect(summaryOf(result)).toEqual(['unresolved-reference [M.p]']);
    });

    it('reports each unresolved reference once, with its own range, in a list', async () => {
        const result = await check('person a\nmission M {\n  crew a, ghost, a, phantom\n}');
        expect(
            result.diagnostics.map(diagnostic => [
                diagnostic.code,
                diagnostic.line,
                diagnostic.column,
                diagnostic.endColumn
            ])
        ).toEqual([
            ['unresolved-reference', 3, 11, 16],
            ['unresolved-reference', 3, 21, 28]
        ]);
    });

    it('treats an unresolved reference as absent', async () => {
        const result = await check('mission M under Nowhere { lead nobody }');
        expect(mission(result, 'M').parent?.ref).toBeUndefined();
        expect(result.facts.parentOf(mission(result, 'M'))).toBeUndefined();
        expect(result.facts.ancestorsOf(mission(result, 'M'))).toEqual([]);
    });

    it('resolves a reference once the missing element is in another file of the same check', async () => {
        expect(summaryOf(await check({ 'a.mission': 'mission M { lead p }' }))).toEqual(['unresolved-reference [p]']);
        await expectClean({ 'a.mission': 'mission M { lead p }', 'b.mission': 'person p' });
    });
});

describe('duplicate names', () => {
    it('reports each duplicate across files, on its name, naming the other file', async () => {
        const result = await check({ 'a.mission': 'person alice', 'b.mission': 'person bob\nperson alice' });
        expect(
            result.diagnostics.map(diagnostic => [
                diagnostic.file,
                diagnostic.line,
                covered(result, diagnostic),
                diagnostic.code
            ])
        ).toEqual([
            ['a.mission', 1, 'alice', 'duplicate-name'],
            ['b.mission', 2, 'alice', 'duplicate-name']
        ]);
        expect(result.diagnostics[0]!.message).toContain('b.mission');
        expect(result.diagnostics[1]!.message).toContain('a.mission');
    });

    it('reports a name shared by elements of different kinds, and three holders three times', async () => {
        const result = await check('vision Acme\nmission Acme { }\nteam Acme { }\nperson other');
        expect(summaryOf(result)).toEqual(['duplicate-name [Acme]', 'duplicate-name [Acme]', 'duplicate-name [Acme]']);
        expect(result.diagnostics[0]!.message).toContain('3');
    });

    it('names at most three other holders in a message, and counts the rest', async () => {
        const result = await check('person a\nperson a\nteam a { }\nmission a { }\nvision a');
        expect(result.diagnostics).toHaveLength(5);
        expect(result.diagnostics[0]!.message).toBe(
            "the name 'a' is used by 5 elements (this person; also a person in main.mission, a team in main.mission, " +
                'a mission in main.mission and 1 more)'
        );
    });

    it('stays short and quick for a name held thousands of times', async () => {
        const result = await check(Array.from({ length: 3000 }, () => 'person a').join('\n'));
        expect(result.diagnostics).toHaveLength(3000);
        expect(Math.max(...result.diagnostics.map(diagnostic => diagnostic.message.length))).toBeLessThan(200);
    });

    it('reports each duplicate measure within a mission', async () => {
        const result = await check('mission M {\n  measure m { }\n  measure other { }\n  measure m { target 1 }\n}');
        expect(
            result.diagnostics.map(diagnostic => [diagnostic.code, diagnostic.line, covered(result, diagnostic)])
        ).toEqual([
            ['duplicate-name', 2, 'm'],
            ['duplicate-name', 4, 'm']
        ]);
        expect(result.diagnostics[0]!.message).toContain('M');
    });

    it('does not report measures of the same name in two different missions', async () => {
        const result = await expectClean({
            'a.mission': 'mission A { measure patients { } }',
            'b.mission': 'mission B { measure patients { } }'
        });
        expect(mission(result, 'A').measures[0]!.name).toBe(mission(result, 'B').measures[0]!.name);
    });

    it('does not confuse a measure with a global element of the same name', async () => {
        await expectClean('person patients\nmission M { measure patients { } lead patients }');
    });

    it('names are case-sensitive: Alice and alice are different', async () => {
        await expectClean('person Alice\nperson alice');
    });
});

describe('the name index', () => {
    it('forgets the names of a document that is removed or changed', async () => {
        const { shared } = createMissionServices();
        const documents = shared.workspace.LangiumDocuments;
        const factory = shared.workspace.LangiumDocumentFactory;
        const index = shared.workspace.IndexManager as MissionIndexManager;
        const uriA = URI.file('/w/a.mission');
        const uriB = URI.file('/w/b.mission');
        documents.addDocument(factory.fromString('person alice\nmission M { measure m { } }', uriA));
        documents.addDocument(factory.fromString('person alice', uriB));
        await shared.workspace.DocumentBuilder.build(documents.all.toArray());
        expect(index.lookup('alice').map(description => description.documentUri.path)).toEqual([
            '/w/a.mission',
            '/w/b.mission'
        ]);
        expect(index.lookup('M.m').map(description => description.type)).toEqual(['Measure']);

        await shared.workspace.DocumentBuilder.update([], [uriB]);
        expect(index.lookup('alice').map(description => description.documentUri.path)).toEqual(['/w/a.mission']);

        // A changed document: re-indexing its URI replaces the names it had.
        documents.deleteDocument(uriA);
        const changed = factory.fromString('person bob', uriA);
        documents.addDocument(changed);
        await shared.workspace.DocumentBuilder.build([changed]);
        expect(index.lookup('alice')).toEqual([]);
        expect(index.lookup('M.m')).toEqual([]);
        expect(index.lookup('bob')).toHaveLength(1);
    });
});

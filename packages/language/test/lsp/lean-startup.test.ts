/**
 * The server reads its workspace lean (workspace/workspace-manager.ts `performStartup`, syntax trees on demand):
 * whatever it is asked afterwards (diagnostics, references, hover, edits of every kind, in the lean files and in
 * the files that reference them), the answers must be those of a workspace parsed with its trees.
 */
import { describe, expect, it } from 'vitest';
import { OnDemandNode } from '../../src/syntax/syntax-on-demand.js';
import { TestWorkspace } from './workspace.js';

const PEOPLE = [
    '// Everyone.',
    'vision V "Serve" { horizon 2030-12-31 }',
    'person ann "Ann" { capacity 1 role "Lead" }',
    'person bob "Bob" { capacity 1 }',
    'team clinic "Clinic" { members ann, bob }',
    ''
].join('\n');

const MISSIONS = [
    'mission Grow "Grow" under V {',
    '  intent "grow the base"',
    '  lead ann',
    '  boundary { window 2027-01-01 .. 2027-12-31 budget 100k GBP }',
    '  measure patients "Patients" { baseline 0 target 10 current 4 unit patients }',
    '}',
    'mission Clinics "Clinics" under Grow {',
    '  intent "open clinics"',
    '  lead bob',
    '  crew clinic',
    '  boundary { window 2027-02-01 .. 2027-06-30 budget 160k GBP }',
    '  measure opened { target 3 current 1 unit patients contributes to Grow.patients }',
    '}',
    'mission Train "Train" under Grow { intent "train" lead bob boundary { budget 50k GBP } }',
    ''
].join('\n');

const FILES = { 'people.mission': PEOPLE, 'missions.mission': MISSIONS };

/** Every file's diagnostics as `code line:col-line:col message`. */
function diagnosticsOf(workspace: TestWorkspace, names: string[]): Record<string, string[]> {
    return Object.fromEntries(
        names.map(name => [
            name,
            workspace.diagnostics(name).map(d => {
                const { start, end } = d.range;
                return `${String(d.code)} ${start.line}:${start.character}-${end.line}:${end.character} ${d.message}`;
            })
        ])
    );
}

/** A workspace built from the same texts with syntax trees (opened, not read lean). */
async function fresh(files: Record<string, string>): Promise<TestWorkspace> {
    const workspace = new TestWorkspace();
    await workspace.set(files);
    return workspace;
}

describe('a workspace read lean at start-up', () => {
    it('is read lean, and reports what a workspace parsed with trees reports', async () => {
        const workspace = new TestWorkspace(undefined, FILES);
        await workspace.startup();
        expect(workspace.document('missions.mission').parseResult.value).toBeInstanceOf(OnDemandNode);
        const names = Object.keys(FILES);
        const expected = diagnosticsOf(await fresh(FILES), names);
        expect(expected['missions.mission']!.length).toBeGreaterThan(0);
        expect(diagnosticsOf(workspace, names)).toEqual(expected);
        // References (their positions) and hover read through the lean tree.
        const references = async (w: TestWorkspace) => {
            const ann = w.document('people.mission').parseResult.value.elements[1]!;
            return w.services.Mission.references.References.findReferences(ann, { includeDeclaration: true })
                .map(reference => `${reference.sourceUri.path} ${JSON.stringify(reference.segment.range)}`)
                .toArray()
                .sort();
        };
        const annReferences = await references(workspace);
        expect(annReferences).toHaveLength(3);
        expect(annReferences).toEqual(await references(await fresh(FILES)));
        expect(await workspace.hover('missions.mission', 'Clinics "')).toEqual(
            await (await fresh(FILES)).hover('missions.mission', 'Clinics "')
        );
    });

    const edits: Array<[string, Record<string, string>]> = [
        ['a title (moved onto the tree)', { 'missions.mission': MISSIONS.replace('"Train"', '"Train staff"') }],
        ['a budget (a value the facts read)', { 'missions.mission': MISSIONS.replace('160k', '60k') }],
        [
            'a capacity in the file others reference',
            { 'people.mission': PEOPLE.replace('capacity 1 role', 'capacity 3 role') }
        ],
        ['a name (parsed again, relinked)', { 'people.mission': PEOPLE.replaceAll('bob', 'rob') }],
        ['a new mission', { 'missions.mission': `${MISSIONS}mission Vans under Grow { intent "v" lead ann }\n` }]
    ];
    for (const [what, change] of edits) {
        it(`after an edit of ${what}, reports what a fresh build of the same texts reports`, async () => {
            const workspace = new TestWorkspace(undefined, FILES);
            await workspace.startup();
            await workspace.set(change);
            const names = Object.keys(FILES);
            expect(diagnosticsOf(workspace, names)).toEqual(diagnosticsOf(await fresh({ ...FILES, ...change }), names));
            // A second edit of the same file, now parsed with its tree, takes the same road as any other.
            const again = Object.fromEntries(Object.entries(change).map(([name, text]) => [name, `${text}\n`]));
            await workspace.set(again);
            expect(diagnosticsOf(workspace, names)).toEqual(diagnosticsOf(await fresh({ ...FILES, ...again }), names));
        });
    }
});

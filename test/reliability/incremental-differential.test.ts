/**
 * The editor's incremental re-checking, held to a fresh check along every dependency path of the rule
 * catalog. The language server re-checks after an edit only the files the change can reach
 * (packages/language/src/incremental/affected.ts, document-builder.ts): a rule that reads a value one or two
 * links away from where it reports (a crew team's member's capacity, a parent's window inherited from
 * its own parent) shows stale diagnostics when that reach is computed too small.
 *
 * Each path is a workspace skeleton (test/fuzz/dependency-workspaces.ts) with every element in a file of
 * its own and random values; then a random sequence of edits, each a value (the in-place path) or a
 * link (the structural path) of some element of the path, goes through the same DocumentBuilder.update
 * the server runs on didChange. After each edit the diagnostics published for every file (what Langium's
 * publisher sends on each document's Validated phase) must equal `checkSources` of the same texts:
 * code, severity, range and message.
 */
import fc from 'fast-check';
import { DocumentState, URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { afterAll, describe, expect, test } from 'vitest';
import { checkSources, toMissionDiagnostic } from '../../packages/language/src/index.js';
import { TestWorkspace } from '../../packages/language/test/lsp/workspace.js';
import { TODAY } from '../fuzz/check-helpers.js';
import {
    applyEdits,
    mission,
    type ElementPlan,
    type Hop,
    person,
    type PlanEdit,
    planEdit,
    randomEdit,
    renderPlan,
    team,
    vision,
    type WorkspacePlan
} from '../fuzz/dependency-workspaces.js';
import { fuzzParameters, printSummary, runs, timeLimit } from '../fuzz/settings.js';

const figures = { edits: 0, inPlace: 0, structural: 0, crossFileChanges: 0 };
afterAll(() => printSummary('incremental-differential', figures));

/** A file's diagnostics as comparable lines (1-based range, severity, code, message), sorted. */
function keys(file: string, diagnostics: readonly Diagnostic[]): string[] {
    return diagnostics
        .map(diagnostic => toMissionDiagnostic(file, diagnostic))
        .map(d => `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.code} ${d.message}`)
        .sort();
}

async function freshCheck(files: Record<string, string>): Promise<Map<string, string[]>> {
    const result = await checkSources(
        Object.entries(files).map(([path, text]) => ({ path, uri: URI.file(`/workspace/${path}`), text })),
        { today: TODAY }
    );
    return new Map(
        result.documents.map(({ source, document }) => [source.path, keys(source.path, document.diagnostics ?? [])])
    );
}

/** A language server workspace, and the last diagnostics it published for each file. */
function openWorkspace(): { workspace: TestWorkspace; published: Map<string, string[]> } {
    const workspace = new TestWorkspace(TODAY);
    const published = new Map<string, string[]>();
    // What Langium's diagnostics handler sends (addDiagnosticsHandler): each validated document's diagnostics.
    workspace.services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
        const file = document.uri.path.split('/').at(-1)!;
        published.set(file, keys(file, document.diagnostics ?? []));
    });
    return { workspace, published };
}

/**
 * Opens the plan, then applies the edits one at a time (each file as the editor sends it, the whole new
 * text), and after each compares every file's published diagnostics with a fresh check. Returns how many
 * edits changed the diagnostics of a file they did not touch.
 */
async function expectEditsAsFresh(
    start: WorkspacePlan,
    edits: readonly PlanEdit[],
    hops: readonly Hop[] = []
): Promise<number> {
    let crossFileChanges = 0;
    const { workspace, published } = openWorkspace();
    let files = renderPlan(start);
    await workspace.set(files);
    let expected = await freshCheck(files);
    for (const file of Object.keys(files))
        expect(published.get(file), `${file} when opened`).toEqual(expected.get(file));
    let plan = start;
    for (const [step, edit] of edits.entries()) {
        plan = applyEdits(plan, [edit], true, hops);
        const next = renderPlan(plan);
        const changed = Object.keys(next).filter(file => next[file] !== files[file]);
        if (changed.length === 0) continue;
        const before = changed.map(file => workspace.document(file).parseResult.value.elements[0]);
        files = next;
        await workspace.set(Object.fromEntries(changed.map(file => [file, next[file]!])));
        figures.edits++;
        const inPlace = changed.every(
            (file, i) => workspace.document(file).parseResult.value.elements[0] === before[i]
        );
        if (inPlace) figures.inPlace++;
        else figures.structural++;
        const previous = expected;
        expected = await freshCheck(files);
        if (
            Object.keys(files).some(
                file => !changed.includes(file) && previous.get(file)?.join('\n') !== expected.get(file)?.join('\n')
            )
        )
            crossFileChanges++;
        for (const file of Object.keys(files)) {
            expect(
                published.get(file),
                `${file} after edit ${step + 1} (${changed.join(', ')}, ${inPlace ? 'in place' : 'structural'}):\n` +
                    changed.map(name => `--- ${name}\n${next[name]}`).join('\n')
            ).toEqual(expected.get(file));
        }
    }
    figures.crossFileChanges += crossFileChanges;
    return crossFileChanges;
}

interface DependencyPath {
    readonly name: string;
    readonly skeleton: WorkspacePlan;
    /** The fields along the path whose edits change a diagnostic in another file (half of all edits). */
    readonly hops: readonly Hop[];
}

/** The dependency paths of the rule catalog; each element in a file of its own. */
const PATHS: readonly DependencyPath[] = [
    {
        // over-capacity on the person and on each lead/crew reference counted in the peak: p's capacity
        // decides A's `lead p`; B's window or status decides whether C's `crew p` is counted (two links).
        name: 'mission → person: lead and crew against a capacity',
        skeleton: {
            elements: [
                vision('V'),
                person('p'),
                person('q'),
                mission('A', { under: 'V', lead: 'p' }),
                mission('B', { under: 'V', crew: ['q', 'p'] }),
                mission('C', { under: 'V', lead: 'q', crew: ['p'] })
            ]
        },
        hops: [
            { element: 'p', field: 'capacity' },
            { element: 'q', field: 'capacity' },
            { element: 'B', field: 'window' },
            { element: 'B', field: 'status' },
            { element: 'C', field: 'window' }
        ]
    },
    {
        // A's crew is a team: p's capacity (p.mission) decides A's over-capacity (A.mission), two links
        // away; so do B's window and status (p's load), three links away.
        name: 'mission → team → person: a member’s capacity in another file',
        skeleton: {
            elements: [
                vision('V'),
                person('p'),
                person('q'),
                team('T', ['p', 'q']),
                mission('A', { under: 'V', crew: ['T'] }),
                mission('B', { under: 'V', lead: 'p' }),
                mission('C', { under: 'V', lead: 'q' })
            ]
        },
        hops: [
            { element: 'p', field: 'capacity' },
            { element: 'q', field: 'capacity' },
            { element: 'B', field: 'window' },
            { element: 'B', field: 'status' },
            { element: 'T', field: 'members' }
        ]
    },
    {
        // unit-mismatch on each `contributes to`, rollup-discrepancy on the parent measure's current,
        // unmapped-measures (F maps to G.n only while G is above it: C's `under`, three links away; C's
        // other parent is a vision of its own, W, so that nothing else links the edit to F).
        name: 'measure → measure: contributes to, units, roll-ups, mapping',
        skeleton: {
            elements: [
                vision('V'),
                vision('W'),
                mission('G', { under: 'V', measures: [{ name: 'n' }] }),
                mission('A', { under: 'G', measures: [{ name: 'a', contributes: 'G.n' }] }),
                mission('B', { under: 'G', measures: [{ name: 'b', contributes: 'G.n' }] }),
                mission('C', { under: 'A', measures: [{ name: 'c', contributes: 'A.a' }] }),
                mission('D', { under: 'C', measures: [{ name: 'd', contributes: 'C.c' }] }),
                mission('E', { under: 'D', measures: [{ name: 'e', contributes: 'G.n' }] }),
                mission('F', { under: 'E', measures: [{ name: 'f', contributes: 'G.n' }] })
            ]
        },
        hops: [
            { element: 'G', field: 'unit' },
            { element: 'G', field: 'current' },
            { element: 'G', field: 'rollup' },
            { element: 'A', field: 'current' },
            { element: 'A', field: 'unit' },
            { element: 'B', field: 'current' },
            { element: 'C', field: 'current' },
            { element: 'A', field: 'under', targets: ['G', 'W'] },
            { element: 'C', field: 'under', targets: ['A', 'W'] }
        ]
    },
    {
        // window-outside-parent (P inherits G's window: C's diagnostic two links from G), budget-exceeded,
        // currency-mismatch, headcount-exceeded, inactive-parent.
        name: 'parent ↔ child: windows, budgets, headcounts, status',
        skeleton: {
            elements: [
                vision('V'),
                mission('G', { under: 'V' }),
                mission('P', { under: 'G' }),
                mission('C', { under: 'P' }),
                mission('D', { under: 'P' })
            ]
        },
        hops: [
            { element: 'V', field: 'horizon' },
            { element: 'G', field: 'window' },
            { element: 'P', field: 'window' },
            { element: 'P', field: 'budget' },
            { element: 'P', field: 'currency' },
            { element: 'P', field: 'headcount' },
            { element: 'P', field: 'status' },
            { element: 'C', field: 'budget' },
            { element: 'C', field: 'headcount' },
            { element: 'D', field: 'budget' },
            { element: 'D', field: 'currency' }
        ]
    },
    {
        // support-window-disjoint (Y inherits H's, H G's window), support-finished-mission, redundant-support
        // (X becomes an ancestor of Y when G moves under L: three links from X's `supports Y`).
        name: 'supports: windows, status, ancestry',
        skeleton: {
            elements: [
                vision('V'),
                vision('U'),
                mission('G', { under: 'V' }),
                mission('H', { under: 'G' }),
                mission('Y', { under: 'H' }),
                mission('X', { under: 'U', supports: ['Y', 'Z'] }),
                mission('Z', { under: 'U' }),
                mission('K', { under: 'X' }),
                mission('L', { under: 'K' })
            ]
        },
        hops: [
            { element: 'G', field: 'window' },
            { element: 'H', field: 'window' },
            { element: 'X', field: 'window' },
            { element: 'Y', field: 'status' },
            { element: 'Z', field: 'status' },
            { element: 'G', field: 'under', targets: ['V', 'L'] },
            { element: 'K', field: 'under', targets: ['X', 'U'] }
        ]
    }
];

/**
 * Stale diagnostics this test found (fixed in incremental/affected.ts and facts/fingerprints.ts), kept as fixed
 * cases: a field changed and changed back (`hop`, to each of `values` in turn), each change altering the
 * diagnostics of a file it does not touch.
 */
const FOUND: ReadonlyArray<{ name: string; elements: ElementPlan[]; hop: Hop; values: number[] }> = [
    {
        // G moving under L (under K, under X) puts X above Y: X's `supports Y` references nothing edited.
        // Fixed by comparing each `supports` relation before and after (incremental/affected.ts, cascadeRelations).
        name: 'redundant-support when the supported mission’s grandparent moves under the supporter',
        elements: [
            vision('V'),
            vision('U'),
            mission('G', { under: 'V' }),
            mission('H', { under: 'G' }),
            mission('Y', { under: 'H' }),
            mission('X', { under: 'U', supports: ['Y'] }),
            mission('K', { under: 'X' }),
            mission('L', { under: 'K' })
        ],
        hop: { element: 'G', field: 'under', targets: ['V', 'L'] },
        values: [1, 0]
    },
    {
        // R moving under G puts G above M, whose measure contributes to G.x: M's measures are mapped now.
        // Fixed as the one above, for each `contributes to`.
        name: 'unmapped-measures when the mission’s great-grandparent moves under the measure’s mission',
        elements: [
            vision('V'),
            mission('G', { under: 'V', measures: [{ name: 'x' }] }),
            mission('H', { under: 'V', measures: [{ name: 'y' }] }),
            mission('R', { under: 'H', measures: [{ name: 'r' }] }),
            mission('Q', { under: 'R', measures: [{ name: 'q' }] }),
            mission('P', { under: 'Q', measures: [{ name: 'p' }] }),
            mission('M', { under: 'P', measures: [{ name: 'm', contributes: 'G.x' }] })
        ],
        hop: { element: 'R', field: 'under', targets: ['H', 'G'] },
        values: [1, 0]
    },
    {
        // B's window now starts with C's: C's `lead q` message lists q's missions by start, then name
        // ("C, B" becomes "B, C"), and q's load and counted missions are the same. Fixed by the starts in
        // a person's fingerprint. (Found by FUZZ_RUNS=300.)
        name: 'over-capacity on another mission’s lead when a counted mission’s start moves',
        elements: [
            vision('V'),
            person('q'),
            mission('B', { under: 'V', crew: ['q'], window: 3 }),
            mission('C', { under: 'V', lead: 'q', window: 1 })
        ],
        hop: { element: 'B', field: 'window' },
        values: [1, 3]
    }
];

const RANDOM_VALUES = fc.array(planEdit, { minLength: 4, maxLength: 12 });
const EDITS = fc.array(planEdit, { minLength: 1, maxLength: 8 });

describe('the editor re-checks what an edit reaches: published diagnostics equal a fresh check', () => {
    for (const path of PATHS) {
        test(
            path.name,
            async () => {
                const crossFileBefore = figures.crossFileChanges;
                await fc.assert(
                    fc.asyncProperty(RANDOM_VALUES, EDITS, async (values, edits) => {
                        await expectEditsAsFresh(applyEdits(path.skeleton, values, false, path.hops), edits, path.hops);
                    }),
                    fuzzParameters(runs(10, 1000))
                );
                // The path was exercised: some edit changed the diagnostics of a file it did not touch.
                expect(figures.crossFileChanges).toBeGreaterThan(crossFileBefore);
            },
            timeLimit(60_000)
        );
    }

    for (const found of FOUND) {
        test(found.name, async () => {
            const edits = found.values.map(value => ({ hop: 0, value }));
            expect(await expectEditsAsFresh({ elements: found.elements }, edits, [found.hop])).toBe(edits.length);
        });
    }

    test(
        'any workspace: random links and values, elements sharing files',
        async () => {
            const skeleton = fc
                .array(fc.nat({ max: 3 }), { minLength: 15, maxLength: 15 })
                .map((files): WorkspacePlan => {
                    const file = (index: number) => `f${files[index]}.mission`;
                    const measures = [{ name: 'x' }];
                    return {
                        elements: [
                            vision('V', file(0)),
                            vision('W', file(1)),
                            ...['p0', 'p1', 'p2', 'p3'].map((name, i) => person(name, file(2 + i))),
                            team('t0', ['p0', 'p1'], file(6)),
                            team('t1', ['p2'], file(7)),
                            ...['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6'].map((name, i) =>
                                mission(name, { under: 'V', measures, file: file(8 + i) })
                            )
                        ]
                    };
                });
            await fc.assert(
                fc.asyncProperty(
                    skeleton,
                    fc.array(randomEdit, { minLength: 10, maxLength: 30 }),
                    fc.array(randomEdit, { minLength: 1, maxLength: 8 }),
                    async (start, shape, edits) => {
                        await expectEditsAsFresh(applyEdits(start, shape, true), edits);
                    }
                ),
                fuzzParameters(runs(10, 1000))
            );
            expect(figures.inPlace).toBeGreaterThan(0);
            expect(figures.structural).toBeGreaterThan(0);
        },
        timeLimit(60_000)
    );
});

/**
 * Diagnostics on one item of a list (`crew a, b, c`, `supports X, Y`, `members a, b`) sit on that item,
 * not on the first one or on the whole list: the rules report with the item's index (`{ node, property,
 * index }`) and unresolved references with their own syntax node. Each case is checked three ways, as
 * each is built differently: the language server (TestWorkspace, full syntax trees, the editor's
 * path), the check API with syntax trees, and the CLI's check (no reference index, syntax trees built
 * only where a diagnostic is reported: syntax/syntax-on-demand.ts).
 */
import { URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { checkSources, toMissionDiagnostic } from '../../src/api/check.js';
import type { DiagnosticCode } from '../../src/validation/codes.js';
import { TestWorkspace } from '../lsp/workspace.js';
import { rangeOf, TODAY } from './rule-helpers.js';

type Files = Record<string, string>;

const WAYS = {
    'the language server': async (files: Files) => {
        const workspace = new TestWorkspace(TODAY);
        await workspace.set(files);
        return Object.keys(files).flatMap(file =>
            workspace.diagnostics(file).map(diagnostic => toMissionDiagnostic(file, diagnostic))
        );
    },
    'the check API': async (files: Files) => (await checkSources(sources(files), { today: TODAY })).diagnostics,
    'the CLI’s check (syntax on demand)': async (files: Files) =>
        (await checkSources(sources(files), { today: TODAY, referenceIndex: false })).diagnostics
};

function sources(files: Files) {
    return Object.entries(files).map(([path, text]) => ({ path, uri: URI.file(`/workspace/${path}`), text }));
}

/** Where a code's diagnostics are: `file line:column-endLine:endColumn`, sorted. */
async function placesOf(way: keyof typeof WAYS, files: Files, code: DiagnosticCode): Promise<string[]> {
    return (await WAYS[way](files))
        .filter(diagnostic => diagnostic.code === code)
        .map(d => `${d.file} ${d.line}:${d.column}-${d.endLine}:${d.endColumn}`)
        .sort();
}

/** The places of the given appearances of text: [file, needle, occurrence (0-based)]. */
function places(files: Files, ...needles: Array<[file: string, needle: string, occurrence: number]>): string[] {
    return needles
        .map(([file, needle, occurrence]) => {
            const range = rangeOf(files[file]!, needle, occurrence);
            return `${file} ${range.line}:${range.column}-${range.endLine}:${range.endColumn}`;
        })
        .sort();
}

/** Two missions all year, so everyone on both is on two at once. */
const YEAR = 'boundary { window 2027-01-01 .. 2027-12-31 }';

describe.each(Object.keys(WAYS) as Array<keyof typeof WAYS>)('ranges inside lists, by %s', way => {
    it('over-capacity on the overloaded crew member, not the first of the list', async () => {
        const files = {
            'people.mission': [
                'person ann { capacity 1 }',
                'person bea { capacity 5 }',
                'person cid { capacity 5 }',
                'person dan { capacity 1 }',
                'team core { members bea, dan }'
            ].join('\n'),
            'work.mission': [
                `mission One { intent "1" lead ann ${YEAR} }`,
                `mission Two { intent "2" crew bea, ann, cid ${YEAR} }`,
                `mission Three { intent "3" lead dan ${YEAR} }`,
                // dan through the team (second item), then ann on a line of her own (third item).
                `mission Four { intent "4" crew cid, core,\n    ann ${YEAR} }`
            ].join('\n')
        };
        expect(await placesOf(way, files, 'over-capacity')).toEqual(
            places(
                files,
                ['people.mission', 'ann', 0],
                ['people.mission', 'dan', 0],
                ['work.mission', 'ann', 0], // One's lead
                ['work.mission', 'ann', 1], // Two: crew bea, ann, cid
                ['work.mission', 'dan', 0], // Three's lead
                ['work.mission', 'core', 0], // Four: crew cid, core, ...
                ['work.mission', 'ann', 2] // ... and ann on the next line
            )
        );
    });

    it('self-support on the item naming the mission itself', async () => {
        const files = {
            'main.mission': 'mission Peer { }\nmission Grow { supports Peer, Grow, Other }\nmission Other { }'
        };
        expect(await placesOf(way, files, 'self-support')).toEqual(places(files, ['main.mission', 'Grow', 1]));
    });

    it('redundant-support on the item naming an ancestor or a descendant', async () => {
        const files = {
            'main.mission': [
                'vision V',
                'mission Root under V { supports Peer, Leaf }',
                'mission Mid under Root { }',
                'mission Leaf under Mid { supports Peer, Other, Root }',
                'mission Peer under V { }',
                'mission Other under V { }'
            ].join('\n')
        };
        expect(await placesOf(way, files, 'redundant-support')).toEqual(
            places(files, ['main.mission', 'Leaf', 0], ['main.mission', 'Root', 2])
        );
    });

    it('support-window-disjoint and support-finished-mission on the item they concern', async () => {
        const files = {
            'main.mission': [
                'vision V',
                'mission Now under V { boundary { window 2027-01-01 .. 2027-06-30 } supports With, Later, Done }',
                'mission With under V { boundary { window 2027-03-01 .. 2027-12-31 } }',
                'mission Later under V { boundary { window 2028-01-01 .. 2028-12-31 } }',
                'mission Done under V { status won boundary { window 2027-01-01 .. 2027-12-31 } }'
            ].join('\n')
        };
        expect(await placesOf(way, files, 'support-window-disjoint')).toEqual(
            places(files, ['main.mission', 'Later', 0])
        );
        expect(await placesOf(way, files, 'support-finished-mission')).toEqual(
            places(files, ['main.mission', 'Done', 0])
        );
    });

    it('unresolved-reference on the team member that names nothing (or no person)', async () => {
        const files = {
            'team.mission': 'team core { members ann, ghost, bea, other }\nteam other { members ann }',
            'people.mission': 'person ann\nperson bea'
        };
        expect(await placesOf(way, files, 'unresolved-reference')).toEqual(
            places(files, ['team.mission', 'ghost', 0], ['team.mission', 'other', 0])
        );
    });
});

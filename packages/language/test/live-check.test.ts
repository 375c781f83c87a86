/**
 * The check that stays open (src/api/live-check.ts, `mission serve`): each later state of the files,
 * checked through the incremental path, says exactly what a fresh `checkSources` of the same texts says.
 */
import { URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { checkSources, type MissionDiagnostic, openLiveCheck, type SourceFile } from '../src/index.js';

const TODAY = '2026-06-01';

function source(path: string, text: string): SourceFile {
    return { path, uri: URI.file(`/live/${path}`), text };
}

const PEOPLE = source(
    'people.mission',
    [
        'vision Acme',
        'person bob { capacity 2 }',
        'person cara { capacity 2 }',
        'team clinical { members bob, cara }'
    ].join('\n')
);
const ONE = source('one.mission', 'mission One under Acme { crew clinical }\n');
const TWO = source('two.mission', 'mission Two under Acme { lead bob }\n');

function withText(file: SourceFile, text: string): SourceFile {
    return { ...file, text };
}

function codes(diagnostics: readonly MissionDiagnostic[]): string[] {
    return diagnostics.map(d => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`);
}

async function expectFreshCheck(diagnostics: readonly MissionDiagnostic[], sources: readonly SourceFile[]) {
    const fresh = await checkSources(sources, { today: TODAY });
    expect(diagnostics).toEqual(fresh.diagnostics);
}

describe('openLiveCheck', () => {
    test("two hops away (a crew team's member's capacity, in another file): the crewed mission checked", async () => {
        const live = await openLiveCheck([PEOPLE, ONE, TWO], { today: TODAY });
        expect(codes(live.result.diagnostics).filter(line => line.includes('over-capacity'))).toEqual([]);

        const lowered = withText(PEOPLE, PEOPLE.text.replace('person bob { capacity 2 }', 'person bob { capacity 1 }'));
        const result = await live.update([lowered, ONE, TWO]);
        expect(codes(result.diagnostics).filter(line => line.includes('over-capacity'))).toEqual([
            'people.mission:2:8 error over-capacity',
            'one.mission:1:31 error over-capacity',
            'two.mission:1:31 error over-capacity'
        ]);
        await expectFreshCheck(result.diagnostics, [lowered, ONE, TWO]);
        expect(live.result).toBe(result);
        expect(result.facts.missions.map(m => m.name)).toEqual(['One', 'Two']);
    });

    test('a file added, one removed and one left as it was: the model of the files given now', async () => {
        const live = await openLiveCheck([PEOPLE, ONE, TWO], { today: TODAY });
        const three = source('three.mission', 'mission Three under Nowhere { lead cara }\n');
        const added = await live.update([PEOPLE, ONE, TWO, three]);
        expect(added.documents.map(entry => entry.source.path)).toEqual([
            'people.mission',
            'one.mission',
            'two.mission',
            'three.mission'
        ]);
        expect(codes(added.diagnostics)).toContain('three.mission:1:21 error unresolved-reference');
        await expectFreshCheck(added.diagnostics, [PEOPLE, ONE, TWO, three]);

        const removed = await live.update([PEOPLE, TWO]);
        expect(removed.summary.files).toBe(2);
        expect(removed.facts.missions.map(m => m.name)).toEqual(['Two']);
        await expectFreshCheck(removed.diagnostics, [PEOPLE, TWO]);

        // Nothing changed: nothing is re-checked, and the facts are the ones already computed.
        const same = await live.update([PEOPLE, TWO]);
        expect(same.facts).toBe(removed.facts);
        expect(same.diagnostics).toEqual(removed.diagnostics);
    });

    test('updates given at once run one after another, each answering for its own files', async () => {
        const live = await openLiveCheck([PEOPLE, ONE], { today: TODAY });
        const broken = withText(ONE, 'mission One under Acme { crew clinical \n');
        const [first, second] = await Promise.all([live.update([PEOPLE, broken]), live.update([PEOPLE, ONE])]);
        expect(codes(first.diagnostics).some(line => line.includes('syntax-error'))).toBe(true);
        expect(codes(second.diagnostics).some(line => line.includes('syntax-error'))).toBe(false);
        await expectFreshCheck(second.diagnostics, [PEOPLE, ONE]);
    });
});

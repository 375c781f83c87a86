/**
 * A batch check (the CLI: `checkSources` with `referenceIndex: false`) skips Langium's reference index
 * and must report exactly what the full check reports, across files.
 */
import { URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { checkSources, type SourceFile } from '../src/api/check.js';

const FILES: SourceFile[] = [
    {
        path: 'people.mission',
        uri: URI.file('/workspace/people.mission'),
        text:
            'vision Acme "Acme" { horizon 2030-12-31 }\nperson alice "Alice" { capacity 1 }\n' +
            'team core "Core" { members alice }\n'
    },
    {
        path: 'missions.mission',
        uri: URI.file('/workspace/missions.mission'),
        text: [
            'mission Grow "Grow" under Acme {',
            '  intent "More patients"',
            '  lead alice',
            '  review every 30 days last 2026-11-01',
            '  boundary { window 2026-01-01 .. 2026-12-31 budget 100 GBP }',
            '  measure patients { baseline 10 target 20 current 15 }',
            '}',
            'mission Clinics "Clinics" under Grow {',
            '  intent "North"',
            '  lead alice',
            '  crew core, bobb',
            '  review every 30 days last 2026-11-01',
            '  boundary { window 2026-02-01 .. 2026-06-30 budget 200 GBP }',
            '  measure opened { target 3 current 1 contributes to Grow.patients }',
            '}',
            ''
        ].join('\n')
    }
];

describe('batch check without the reference index', () => {
    test('reports the same diagnostics as the full check', async () => {
        const full = await checkSources(FILES, { today: '2026-11-23' });
        const batch = await checkSources(FILES, { today: '2026-11-23', referenceIndex: false });
        expect(full.diagnostics.map(d => d.code)).toEqual(
            expect.arrayContaining(['unresolved-reference', 'over-capacity'])
        );
        expect(batch.diagnostics).toEqual(full.diagnostics);
        expect(batch.summary).toEqual(full.summary);
    });

    test('links across files but keeps no reference index', async () => {
        const full = await checkSources(FILES, { today: '2026-11-23' });
        const batch = await checkSources(FILES, { today: '2026-11-23', referenceIndex: false });
        const alice = (result: typeof full) => result.facts.persons.find(person => person.name === 'alice')!;
        expect(batch.facts.loadOf(alice(batch)).missions.map(mission => mission.name)).toEqual(['Grow', 'Clinics']);
        const referencesTo = (result: typeof full) =>
            result.services.shared.workspace.IndexManager.findAllReferences(
                alice(result),
                result.services.Mission.workspace.AstNodeLocator.getAstNodePath(alice(result))
            ).count();
        expect(referencesTo(full)).toBeGreaterThan(0);
        expect(referencesTo(batch)).toBe(0);
    });
});

/**
 * unmapped-measures, unit-mismatch, rollup-discrepancy and target-equals-baseline
 * (docs/rules.md, Measures).
 */
import { describe, expect, it } from 'vitest';
import { at, check, expectNone, found, messagesOf } from './rule-helpers.js';

describe('unmapped-measures', () => {
    it("is a warning on the name when no measure contributes to an ancestor's measure", async () => {
        const result = await check(
            [
                'mission Grow { measure patients { target 10 } }',
                'mission Recruit under Grow { measure hired { target 40 } measure trained { target 20 } }'
            ].join('\n')
        );
        expect(found(result, 'unmapped-measures')).toEqual([at(result, 'warning', 'Recruit')]);
        expect(messagesOf(result, 'unmapped-measures')).toEqual([
            'none of the measures of Recruit (hired, trained) contributes to a measure of Grow or above: ' +
                'add `contributes to` naming Grow.patients'
        ]);
    });

    it('is satisfied by one measure contributing to a measure of any ancestor, not only the parent', async () => {
        const result = await check(
            [
                'mission Grow { measure patients { target 10 } }',
                'mission Clinics under Grow { measure opened { target 3 } }',
                'mission Site under Clinics { measure a { target 1 } ' +
                    'measure b { target 1 contributes to Grow.patients } }'
            ].join('\n')
        );
        expect(found(result, 'unmapped-measures')).toEqual([at(result, 'warning', 'Clinics')]);
    });

    it("counts a contribution to a peer's measure as unmapped", async () => {
        const result = await check(
            [
                'mission Grow { measure patients { target 10 } }',
                'mission Clinics under Grow { measure opened { target 3 contributes to Recruit.hired } }',
                'mission Recruit under Grow { measure hired { target 40 contributes to Grow.patients } }'
            ].join('\n')
        );
        expect(found(result, 'unmapped-measures')).toEqual([at(result, 'warning', 'Clinics')]);
    });

    it('is not reported under a vision or a mission without measures, without measures, or unresolved', async () => {
        const result = await check(
            [
                'vision Acme',
                'mission Grow under Acme { measure patients { target 10 } }',
                'mission Plain under Grow { }',
                'mission Below under Plain { measure x { target 1 } }',
                'mission Typo under Grow { measure y { target 1 contributes to Grow.patinets } }'
            ].join('\n')
        );
        expectNone(result, 'unmapped-measures');
        expect(found(result, 'unresolved-reference')).toHaveLength(1);
    });
});

describe('unit-mismatch', () => {
    it('is a warning on the `contributes to` reference when both units are given and differ', async () => {
        const result = await check(
            [
                'mission Grow { measure patients { target 10 unit patients } }',
                'mission Recruit under Grow { ' +
                    'measure hired { target 40 unit clinicians contributes to Grow.patients } }'
            ].join('\n')
        );
        expect(found(result, 'unit-mismatch')).toEqual([at(result, 'warning', 'Grow.patients')]);
        expect(messagesOf(result, 'unit-mismatch')).toEqual([
            'Recruit.hired is in clinicians but contributes to Grow.patients, which is in patients'
        ]);
    });

    it('is not reported for equal units or when either has none', async () => {
        const result = await check(
            [
                'mission Grow { measure patients { target 10 unit patients } measure plain { target 1 } }',
                'mission A under Grow { measure same { target 1 unit patients contributes to Grow.patients } }',
                'mission B under Grow { measure none { target 1 contributes to Grow.patients } }',
                'mission C under Grow { measure other { target 1 unit "clinicians" contributes to Grow.plain } }',
                'mission D under Grow { measure quoted { target 1 unit "patients" contributes to Grow.patients } }'
            ].join('\n')
        );
        expectNone(result, 'unit-mismatch');
    });
});

describe('rollup-discrepancy', () => {
    const model = (parentCurrent: string, extra = ''): string =>
        [
            'mission Grow { measure patients { baseline 0 target 40000 current ' + parentCurrent + ' unit patients } }',
            'mission Clinics under Grow { ' +
                'measure registered { target 9000 current 4000 unit patients contributes to Grow.patients } }',
            'mission North under Grow { ' +
                'measure walkins { target 9000 current 3000 unit patients contributes to Grow.patients ' +
                extra +
                '} }',
            'mission South under Grow { measure referrals { target 100 unit patients contributes to Grow.patients } }'
        ].join('\n');

    it("is a warning on the parent measure's current when the contributors report more", async () => {
        const result = await check(model('6_999'));
        expect(found(result, 'rollup-discrepancy')).toEqual([at(result, 'warning', 'current 6_999')]);
        expect(messagesOf(result, 'rollup-discrepancy')).toEqual([
            'the contributors to Grow.patients report 7,000 patients, more than its current 6,999 patients: ' +
                'Clinics.registered 4,000, North.walkins 3,000'
        ]);
    });

    it('is not reported when the contributors add up to exactly the current', async () => {
        expectNone(await check(model('7000')), 'rollup-discrepancy');
    });

    it('is not reported when a contributor goes down, or has another unit, or the parent has no current', async () => {
        expectNone(await check(model('10', 'direction down')), 'rollup-discrepancy');
        const otherUnit = model('10').replace('current 3000 unit patients', 'current 3000 unit visits');
        expectNone(await check(otherUnit), 'rollup-discrepancy');
        const noCurrent = model('10').replace('current 10 ', '');
        expectNone(await check(noCurrent), 'rollup-discrepancy');
    });

    it('is not reported when the parent measure goes down', async () => {
        const result = await check(
            [
                'mission Cut { measure waits { baseline 30 target 10 current 1 } }',
                'mission Part under Cut { measure w { baseline 0 target 5 current 4 contributes to Cut.waits } }'
            ].join('\n')
        );
        expectNone(result, 'rollup-discrepancy');
    });
});

describe('target-equals-baseline', () => {
    it('is a warning on the target when it equals the baseline, a missing baseline counting as 0', async () => {
        const result = await check(
            [
                'mission Grow {',
                '  measure patients { baseline 40_000 target 40k }',
                '  measure zero { target 0 }',
                '}'
            ].join('\n')
        );
        expect(found(result, 'target-equals-baseline')).toEqual([
            at(result, 'warning', 'target 40k'),
            at(result, 'warning', 'target 0')
        ]);
        expect(messagesOf(result, 'target-equals-baseline')).toEqual([
            'the target of Grow.patients (40,000) equals its baseline: there is nothing to achieve',
            'the target of Grow.zero (0) equals the baseline (0 when none is given): there is nothing to achieve'
        ]);
    });

    it('is not reported for a target one away from the baseline, or without a target', async () => {
        const result = await check(
            'mission Grow { measure a { baseline 5 target 4 } measure b { target 1 } measure c { baseline 3 } }'
        );
        expectNone(result, 'target-equals-baseline');
    });
});

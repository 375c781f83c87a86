/** staged-without-value (docs/rules.md, Staging). */
import { describe, expect, it } from 'vitest';
import { at, check, expectNone, found, messagesOf } from './rule-helpers.js';

describe('staged-without-value', () => {
    it('is an info on the name of a staged mission without value', async () => {
        const result = await check('vision V\nmission Recruit under V { status staged }');
        expect(found(result, 'staged-without-value')).toEqual([at(result, 'info', 'Recruit')]);
        expect(messagesOf(result, 'staged-without-value')[0]).toContain(
            'staged mission Recruit has no value, so it cannot be ranked for staging'
        );
    });

    it('is not reported for a staged mission with a value, or an active one without', async () => {
        const result = await check(
            'vision V\nmission Recruit under V { status staged value 10k GBP per week }\nmission Grow under V { }'
        );
        expectNone(result, 'staged-without-value');
    });
});

/**
 * The tags in use (completion after `tags`): every tag once, in code-unit order, with how many missions
 * carry it; computed once per model state.
 */
import { describe, expect, it } from 'vitest';
import { tagsInUse } from '../src/facts/tags.js';
import { check } from './foundation-helpers.js';

describe('tagsInUse', () => {
    it('lists each tag once in code-unit order (capitals first), counting missions, not mentions', async () => {
        const result = await check(`
mission A { tags ops, beta }
mission B { tags beta, Zeta, beta }
mission C { }
mission D { tags alpha, Alpha }`);
        expect(tagsInUse(result.facts)).toEqual([
            { tag: 'Alpha', missions: 1 },
            { tag: 'Zeta', missions: 1 },
            { tag: 'alpha', missions: 1 },
            { tag: 'beta', missions: 2 },
            { tag: 'ops', missions: 1 }
        ]);
    });

    it('is empty for a model without tags', async () => {
        expect(tagsInUse((await check('mission M { }')).facts)).toEqual([]);
    });

    it('is computed once per model state: the same list until the facts change', async () => {
        const result = await check('mission A { tags ops }');
        const first = tagsInUse(result.facts);
        expect(tagsInUse(result.facts)).toBe(first);
        const other = await check('mission A { tags ops }');
        expect(tagsInUse(other.facts)).not.toBe(first);
        expect(tagsInUse(other.facts)).toEqual(first);
    });
});

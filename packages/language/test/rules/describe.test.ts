/** The rules' small text helpers (validation/rules/describe.ts): window origins, name lists, days. */
import { describe, expect, it } from 'vitest';
import type { EffectiveWindow } from '../../src/facts/cascade.js';
import { days, nameList, namesOf, windowOrigin } from '../../src/validation/rules/describe.js';

const window = (source: EffectiveWindow['source'], name?: string): EffectiveWindow =>
    ({ source, from: name === undefined ? undefined : { name } }) as unknown as EffectiveWindow;

describe('describe helpers', () => {
    it('say where a window comes from, with a fallback for a nameless source', () => {
        expect(
            [
                window('own', 'Grow'),
                window('inherited', 'Grow'),
                window('inherited'),
                window('vision', 'Acme'),
                window('vision'),
                window('none')
            ].map(windowOrigin)
        ).toEqual([
            'its own window',
            'inherited from Grow',
            'inherited from an ancestor',
            'the horizon of Acme',
            'the horizon of its vision',
            'no window'
        ]);
    });

    it('list up to max names, then say how many more', () => {
        const names = ['A', 'B', 'C', 'D'];
        expect([nameList(names, 4), nameList(names, 3), nameList(names.slice(0, 1), 1), nameList([], 2)]).toEqual([
            'A, B, C, D',
            'A, B, C and 1 more',
            'A',
            ''
        ]);
        const elements = names.map(name => ({ name }));
        expect([namesOf(elements, 4), namesOf(elements, 2), namesOf(elements)]).toEqual([
            'A, B, C, D',
            'A, B and 2 more',
            'A, B, C, D'
        ]);
        const many = Array.from({ length: 12 }, (_, index) => `M${index}`);
        expect(nameList(many)).toBe('M0, M1, M2, M3, M4, M5, M6, M7, M8, M9 and 2 more');
    });

    it('count days', () => {
        expect([days(1), days(0), days(3), days(1200)]).toEqual(['1 day', '0 days', '3 days', '1,200 days']);
    });
});

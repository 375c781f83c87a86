/** The bounded edit distance behind "Did you mean". */
import { describe, expect, it } from 'vitest';
import { distanceLimit, editDistance, nearestNames } from '../../src/lsp/quick-fixes/edit-distance.js';

describe('editDistance', () => {
    it('counts insertions, deletions and substitutions', () => {
        expect(editDistance('alice', 'alice', 3)).toBe(0);
        expect(editDistance('alise', 'alice', 3)).toBe(1);
        expect(editDistance('alic', 'alice', 3)).toBe(1);
        expect(editDistance('kitten', 'sitting', 3)).toBe(3);
        expect(editDistance('', 'abc', 3)).toBe(3);
    });

    it('gives up beyond the limit', () => {
        expect(editDistance('kitten', 'sitting', 2)).toBeUndefined();
        expect(editDistance('a', 'abcdef', 2)).toBeUndefined();
        expect(editDistance('abcdef', 'uvwxyz', 5)).toBeUndefined();
    });

    it('allows a third of the length, between 1 and 3', () => {
        expect([
            distanceLimit('ab'),
            distanceLimit('alice'),
            distanceLimit('Grow.patients'),
            distanceLimit('recruitment')
        ]).toEqual([1, 1, 3, 3]);
    });
});

describe('nearestNames', () => {
    const names = ['alice', 'Alise', 'alicia', 'bob', 'alice'].map(name => ({ item: name, name }));

    it('orders by distance, a case-only difference first, then by name; never the text itself; each name once', () => {
        expect(nearestNames('alise', names, 5).map(match => [match.name, match.distance])).toEqual([
            ['Alise', 0.5],
            ['alice', 1]
        ]);
        expect(nearestNames('alica', names, 5).map(match => match.name)).toEqual(['alice', 'alicia']);
        expect(nearestNames('alica', names, 1).map(match => match.name)).toEqual(['alice']);
        expect(nearestNames('zed', names, 5)).toEqual([]);
    });
});

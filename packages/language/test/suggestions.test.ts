/** The bounded edit distance behind "did you mean" (the unresolved-reference message and quick fixes). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distanceLimit, editDistance, namesWithin, nearestNames } from '../src/model/edit-distance.js';

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

describe('namesWithin', () => {
    function within(names: readonly string[], text: string, limit: number): Array<[string, number]> {
        const found: Array<[string, number]> = [];
        namesWithin([...new Set(names)].sort(), text, limit, (name, distance) => found.push([name, distance]));
        return found;
    }

    it('finds every name within the limit, with its distance, in list order', () => {
        const names = ['alice', 'alicia', 'alise', 'bob', 'Alice', 'al', 'xalice'];
        expect(within(names, 'alice', 1)).toEqual([
            ['Alice', 1],
            ['alice', 0],
            ['alise', 1],
            ['xalice', 1]
        ]);
        expect(within(names, 'alice', 2).map(([name]) => name)).toEqual([
            'Alice',
            'alice',
            'alicia',
            'alise',
            'xalice'
        ]);
        expect(within(names, 'alice', 3).map(([name]) => name)).toContain('al');
        expect(within([], 'alice', 3)).toEqual([]);
        expect(within(['', 'a'], '', 1)).toEqual([
            ['', 0],
            ['a', 1]
        ]);
    });

    it('agrees with the plain bounded distance on any names (the trie walk skips only what is too far)', () => {
        const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', '.', '-'), maxLength: 8 });
        fc.assert(
            fc.property(
                fc.array(word, { maxLength: 40 }),
                word,
                fc.integer({ min: 0, max: 3 }),
                (names, text, limit) => {
                    const expected = [...new Set(names)].sort().flatMap(name => {
                        const distance = editDistance(text, name, limit);
                        return distance === undefined ? [] : [[name, distance] as [string, number]];
                    });
                    expect(within(names, text, limit)).toEqual(expected);
                }
            ),
            { numRuns: 500 }
        );
    });

    it('searches 100,000 similar names quickly: a prefix too far away skips its whole block', () => {
        const names = Array.from({ length: 100_000 }, (_, i) => `m${i}`).sort();
        const started = performance.now();
        let found = 0;
        for (let i = 0; i < 1000; i++) namesWithin(names, `m${i * 97}x`, 1, () => found++);
        // A plain scan is 100 million distances (minutes); the walk visits a few hundred prefixes a search.
        expect(performance.now() - started).toBeLessThan(5000);
        expect(found).toBeGreaterThanOrEqual(1000);
    });
});

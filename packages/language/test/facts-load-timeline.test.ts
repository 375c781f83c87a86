import { describe, expect, it } from 'vitest';
import { loadSteps } from '../src/facts/load-timeline.js';

const window = (start: number, end: number) => ({ start, end });

describe('loadSteps', () => {
    it('gives each stretch of days with the items running then, ends inclusive', () => {
        const steps = loadSteps([
            { item: 'a', window: window(1, 10) },
            { item: 'b', window: window(5, 20) },
            { item: 'c', window: window(10, 10) }
        ]);
        expect(steps).toEqual([
            { start: 1, end: 4, load: 1, items: ['a'] },
            { start: 5, end: 9, load: 2, items: ['a', 'b'] },
            { start: 10, end: 10, load: 3, items: ['a', 'b', 'c'] },
            { start: 11, end: 20, load: 1, items: ['b'] }
        ]);
    });

    it('leaves out gaps, keeps open ends open and counts back-to-back windows apart', () => {
        const steps = loadSteps([
            { item: 'late', window: window(30, Number.POSITIVE_INFINITY) },
            { item: 'early', window: window(Number.NEGATIVE_INFINITY, 9) },
            { item: 'next', window: window(10, 12) }
        ]);
        expect(steps).toEqual([
            { start: Number.NEGATIVE_INFINITY, end: 9, load: 1, items: ['early'] },
            { start: 10, end: 12, load: 1, items: ['next'] },
            { start: 30, end: Number.POSITIVE_INFINITY, load: 1, items: ['late'] }
        ]);
    });

    it('has no steps without items', () => {
        expect(loadSteps([])).toEqual([]);
    });
});

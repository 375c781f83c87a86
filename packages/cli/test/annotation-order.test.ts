import type { DiagnosticCode } from 'mission-lang-language';
import { describe, expect, it } from 'vitest';
import { orderForAnnotations } from '../src/annotation-order.js';

type Entry = { severity: 'error' | 'warning' | 'info'; code: DiagnosticCode; id: string };

const entry = (id: string, severity: Entry['severity'], code: DiagnosticCode): Entry => ({ id, severity, code });

describe('orderForAnnotations', () => {
    it('puts the most severe first, then one per code, then the rest, otherwise keeping the order', () => {
        const diagnostics = [
            entry('w1', 'warning', 'missing-intent'),
            entry('e1', 'error', 'unresolved-reference'),
            entry('e2', 'error', 'unresolved-reference'),
            entry('i1', 'info', 'staged-without-value'),
            entry('e3', 'error', 'unresolved-reference'),
            entry('e4', 'error', 'duplicate-name'),
            entry('w2', 'warning', 'missing-intent'),
            entry('w3', 'warning', 'unmeasured-mission'),
            entry('e5', 'error', 'duplicate-name')
        ];
        expect(orderForAnnotations(diagnostics).map(d => d.id)).toEqual([
            'e1',
            'e4',
            'e2',
            'e3',
            'e5',
            'w1',
            'w3',
            'w2',
            'i1'
        ]);
    });

    it('brings every error code into the first 10 when one code has many errors', () => {
        const many = Array.from({ length: 30 }, (_, index) => entry(`u${index}`, 'error', 'unresolved-reference'));
        const diagnostics = [
            ...many,
            entry('cycle', 'error', 'alignment-cycle'),
            entry('dup', 'error', 'duplicate-name')
        ];
        const firstTen = orderForAnnotations(diagnostics).slice(0, 10);
        expect(new Set(firstTen.map(d => d.code))).toEqual(
            new Set(['unresolved-reference', 'alignment-cycle', 'duplicate-name'])
        );
        expect(firstTen.slice(0, 3).map(d => d.id)).toEqual(['u0', 'cycle', 'dup']);
    });

    it('returns a new array and leaves the input alone; an empty list stays empty', () => {
        const diagnostics = [entry('w', 'warning', 'missing-intent'), entry('e', 'error', 'duplicate-name')];
        const ordered = orderForAnnotations(diagnostics);
        expect(ordered.map(d => d.id)).toEqual(['e', 'w']);
        expect(diagnostics.map(d => d.id)).toEqual(['w', 'e']);
        expect(orderForAnnotations([])).toEqual([]);
    });
});

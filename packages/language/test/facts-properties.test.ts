/**
 * Property tests: the fast implementations (exact number conversion, the load sweep, the numbered
 * cascade) agree with slow, obviously correct ones on random inputs, cycles and broken parts included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sweepLoad } from '../src/facts/load.js';
import type { DayWindow } from '../src/facts/windows.js';
import type { AlignmentTarget, Mission } from '../src/generated/ast.js';
import { parseNumberLiteral } from '../src/model/numbers.js';
import { linkedFacts } from './foundation-helpers.js';

describe('number literals', { timeout: 120_000 }, () => {
    const SHIFT: Record<string, number> = { '': 0, k: 3, M: 6, B: 9 };

    /** The exact decimal value of the literal as a string, computed with BigInt (no floating point). */
    function exactDecimal(negative: boolean, whole: string, fraction: string, suffix: string): string {
        const digits = BigInt(whole + fraction) * 10n ** BigInt(SHIFT[suffix]!);
        const scale = fraction.length;
        const text = digits.toString().padStart(scale + 1, '0');
        const integer = text.slice(0, text.length - scale) || '0';
        const decimals = text.slice(text.length - scale).replace(/0+$/, '');
        return `${negative ? '-' : ''}${integer}${decimals ? `.${decimals}` : ''}`;
    }

    it('converts every literal to the number nearest its exact decimal value', () => {
        fc.assert(
            fc.property(
                fc.boolean(),
                fc.stringMatching(/^[1-9][0-9]{0,9}$|^0$/),
                fc.stringMatching(/^[0-9]{0,7}$/),
                fc.constantFrom('', 'k', 'M', 'B'),
                fc.boolean(),
                (negative, whole, fraction, suffix, underscores) => {
                    const group = (digits: string) =>
                        underscores && digits.length > 3 ? digits.replace(/\B(?=(\d{3})+$)/g, '_') : digits;
                    const text = `${negative ? '-' : ''}${group(whole)}${fraction ? `.${fraction}` : ''}${suffix}`;
                    expect(parseNumberLiteral(text), text).toBe(
                        Number(exactDecimal(negative, whole, fraction, suffix))
                    );
                }
            ),
            { numRuns: 2000 }
        );
    });
});

describe('the load sweep', { timeout: 120_000 }, () => {
    const DAYS = 40;
    const windowArbitrary = fc
        .tuple(
            fc.integer({ min: 0, max: DAYS }),
            fc.integer({ min: 0, max: 10 }),
            fc.constantFrom('finite', 'finite', 'finite', 'open-start', 'open-end')
        )
        .map(([start, length, kind]): DayWindow => ({
            start: kind === 'open-start' ? Number.NEGATIVE_INFINITY : start,
            end: kind === 'open-end' ? Number.POSITIVE_INFINITY : start + length
        }));

    /** Day by day over a range wide enough to hold every finite end and a day beyond. */
    function bruteForce(windows: readonly DayWindow[], capacity: number): { peak: number; counted: number[] } {
        const days = Array.from({ length: DAYS + 14 }, (_, index) => index - 2);
        const open = (day: number) => windows.filter(window => window.start <= day && day <= window.end).length;
        const peak = Math.max(0, ...days.map(open));
        const counted = windows
            .map((_, index) => index)
            .filter(index =>
                days.some(day => {
                    const window = windows[index]!;
                    return window.start <= day && day <= window.end && open(day) > capacity;
                })
            );
        return { peak, counted };
    }

    it('agrees with counting day by day', () => {
        fc.assert(
            fc.property(
                fc.array(windowArbitrary, { maxLength: 12 }),
                fc.integer({ min: 0, max: 4 }),
                (windows, capacity) => {
                    const result = sweepLoad(
                        windows.map((window, item) => ({ item, window })),
                        capacity
                    );
                    expect(result).toEqual(bruteForce(windows, capacity));
                }
            ),
            { numRuns: 1500 }
        );
    });

    it('agrees with counting day by day for people on many missions (long lists are sorted otherwise)', () => {
        fc.assert(
            fc.property(
                fc.array(windowArbitrary, { minLength: 17, maxLength: 40 }),
                fc.integer({ min: 0, max: 12 }),
                (windows, capacity) => {
                    const result = sweepLoad(
                        windows.map((window, item) => ({ item, window })),
                        capacity
                    );
                    expect(result).toEqual(bruteForce(windows, capacity));
                }
            ),
            { numRuns: 300 }
        );
    });
});

describe('the cascade', { timeout: 180_000 }, () => {
    type Parent =
        | { kind: 'none' }
        | { kind: 'vision'; horizon: boolean }
        | { kind: 'unresolved' }
        | { kind: 'mission'; index: number };
    interface MissionSpec {
        parent: Parent;
        window: 'none' | 'valid' | 'invalid';
    }

    const specArbitrary = (size: number) =>
        fc.array(
            fc.record({
                parent: fc.oneof(
                    { arbitrary: fc.constant<Parent>({ kind: 'none' }), weight: 1 },
                    { arbitrary: fc.boolean().map<Parent>(horizon => ({ kind: 'vision', horizon })), weight: 1 },
                    { arbitrary: fc.constant<Parent>({ kind: 'unresolved' }), weight: 1 },
                    {
                        arbitrary: fc
                            .integer({ min: 0, max: size - 1 })
                            .map<Parent>(index => ({ kind: 'mission', index })),
                        weight: 5
                    }
                ),
                window: fc.constantFrom<MissionSpec['window']>('none', 'none', 'valid', 'invalid')
            }),
            { minLength: size, maxLength: size }
        );

    function modelText(specs: readonly MissionSpec[]): string {
        const lines = ['vision WithHorizon { horizon 2030-12-31 }', 'vision Open'];
        specs.forEach((spec, index) => {
            const under =
                spec.parent.kind === 'none'
                    ? ''
                    : spec.parent.kind === 'vision'
                      ? spec.parent.horizon
                          ? ' under WithHorizon'
                          : ' under Open'
                      : spec.parent.kind === 'unresolved'
                        ? ' under Missing'
                        : ` under M${spec.parent.index}`;
            const day = String(1 + (index % 28)).padStart(2, '0');
            const window =
                spec.window === 'valid'
                    ? ` boundary { window 2026-01-${day} .. 2026-02-${day} }`
                    : spec.window === 'invalid'
                      ? ` boundary { window 2026-03-${day} .. 2026-02-${day} }`
                      : '';
            lines.push(`mission M${index}${under} {${window} }`);
        });
        return lines.join('\n');
    }

    /**
     * Follows `under` one step at a time, stopping at the first mission met again (on a cycle when that is the
     * start).
     */
    function naiveAncestors(mission: Mission): { ancestors: AlignmentTarget[]; onCycle: boolean } {
        const seen = new Set<AlignmentTarget>([mission]);
        const ancestors: AlignmentTarget[] = [];
        let current = mission.parent?.ref;
        while (current && !seen.has(current)) {
            ancestors.push(current);
            seen.add(current);
            current = current.$type === 'Mission' ? current.parent?.ref : undefined;
        }
        return { ancestors, onCycle: current === mission };
    }

    it('agrees with naive walks: ancestors, isAncestor, cycles and effective windows', async () => {
        await fc.assert(
            fc.asyncProperty(fc.integer({ min: 1, max: 9 }).chain(specArbitrary), async specs => {
                const { facts, mission } = await linkedFacts(modelText(specs));
                const missions = specs.map((_, index) => mission(`M${index}`));
                const targets: AlignmentTarget[] = [...facts.visions, ...missions];
                for (const m of missions) {
                    const { ancestors, onCycle } = naiveAncestors(m);
                    expect(facts.ancestorsOf(m)).toEqual(ancestors);
                    const last = ancestors.at(-1);
                    expect(facts.cycleOf(m) !== undefined, `${m.name} on a cycle`).toBe(onCycle);
                    if (onCycle) expect(new Set(facts.cycleOf(m))).toEqual(new Set([m, ...ancestors]));
                    for (const candidate of targets) {
                        const expected = ancestors.includes(candidate) || (candidate === m && onCycle);
                        expect(facts.isAncestor(candidate, m), `${candidate.name} ancestor of ${m.name}`).toBe(
                            expected
                        );
                    }
                    const window = facts.windowOf(m);
                    const withOwn = [m, ...ancestors].find(
                        item => item.$type === 'Mission' && specs[Number(item.name.slice(1))]!.window === 'valid'
                    );
                    if (withOwn) {
                        expect(window.source).toBe(withOwn === m ? 'own' : 'inherited');
                        expect(window.from).toBe(withOwn);
                    } else if (last?.$type === 'Vision' && last.name === 'WithHorizon') {
                        expect(window).toMatchObject({ source: 'vision', from: last, start: Number.NEGATIVE_INFINITY });
                    } else {
                        expect(window).toMatchObject({
                            source: 'none',
                            start: Number.NEGATIVE_INFINITY,
                            end: Number.POSITIVE_INFINITY
                        });
                    }
                }
            }),
            { numRuns: 100 }
        );
    });
});

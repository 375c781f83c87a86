/**
 * Rules on large and broken shapes: long `under` chains and cycles never hang or crash a rule, and the
 * work grows with the model, not with its square.
 */
import { describe, expect, it } from 'vitest';
import { check, found } from './rule-helpers.js';

describe('rules on cycles and deep chains', () => {
    it('check a 500-mission cycle with missions hanging off it, reporting each `under` once', async () => {
        const size = 500;
        const lines = ['person p { capacity 1000 }'];
        for (let i = 0; i < size; i++) {
            lines.push(
                `mission C${i} under C${(i + 1) % size} { lead p supports C${(i + 7) % size} ` +
                    'boundary { window 2026-01-01 .. 2026-12-31 budget 10 GBP } ' +
                    `measure m { target 1 contributes to C${(i + 1) % size}.m } }`
            );
        }
        lines.push(
            'mission Off under C0 { boundary { window 2027-01-01 .. 2027-12-31 budget 11 GBP } measure m { target 1 } }'
        );
        const result = await check(lines.join('\n'));
        expect(found(result, 'alignment-cycle')).toHaveLength(size);
        // Off hangs below the cycle: its own parent rules still apply.
        expect(found(result, 'window-outside-parent')).toHaveLength(1);
        expect(found(result, 'budget-exceeded')).toHaveLength(1);
        expect(found(result, 'unmapped-measures')).toHaveLength(1);
        // Every member supports a mission on the same cycle: that is the cycle's problem, not redundancy.
        expect(found(result, 'redundant-support')).toHaveLength(0);
    });

    it('check a 5,000-deep chain and 5,000 siblings in seconds', async () => {
        const depth = 5000;
        const lines = [
            'vision V { horizon 2030-12-31 }',
            'person p { capacity 10000 }',
            'mission M0 under V { lead p boundary { budget 1M GBP headcount 10 } measure m { target 1 } }'
        ];
        for (let i = 1; i < depth; i++) {
            lines.push(
                `mission M${i} under M${i - 1} { lead p boundary { budget 1M GBP } ` +
                    'measure m { target 1 contributes to M0.m } }'
            );
        }
        for (let i = 0; i < depth; i++) {
            lines.push(
                `mission S${i} under M0 { lead p boundary { headcount 1 } measure m { target 1 contributes to M0.m } }`
            );
        }
        const started = performance.now();
        const result = await check(lines.join('\n'));
        const elapsed = performance.now() - started;
        expect(found(result, 'headcount-exceeded')).toHaveLength(1);
        expect(found(result, 'budget-exceeded')).toHaveLength(0);
        expect(found(result, 'unmapped-measures')).toHaveLength(0);
        expect(elapsed).toBeLessThan(30_000);
    });
});

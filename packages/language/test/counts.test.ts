/** How counts read in every text output: `1 error`, `2 warnings`, `1 info` (the JSON keeps `infos`). */
import { describe, expect, it } from 'vitest';
import { counted, problemCounts } from '../src/model/numbers.js';
import { check } from './rules/rule-helpers.js';

describe('counted', () => {
    it('is singular for exactly one, plural otherwise, with grouped digits', () => {
        expect([counted(0, 'error'), counted(1, 'error'), counted(2, 'error'), counted(1200, 'mission')]).toEqual([
            '0 errors',
            '1 error',
            '2 errors',
            '1,200 missions'
        ]);
        expect([counted(1, 'info', 'info'), counted(3, 'info', 'info')]).toEqual(['1 info', '3 info']);
    });
});

describe('problemCounts', () => {
    it('words the summary of a check, never "infos"', () => {
        expect(problemCounts({ errors: 1, warnings: 1, infos: 1 })).toBe('1 error, 1 warning, 1 info');
        expect(problemCounts({ errors: 0, warnings: 2, infos: 5 })).toBe('0 errors, 2 warnings, 5 info');
    });
});

describe('messages with counts', () => {
    it('over-capacity for one mission says "1 concurrent active mission"', async () => {
        const result = await check(
            'vision V\nperson p { capacity 0 }\nmission A under V { intent "i" lead p measure m { target 1 } }'
        );
        expect(result.diagnostics.map(diagnostic => diagnostic.message)).toContain(
            'p is on 1 concurrent active mission (capacity 0): A'
        );
    });
});

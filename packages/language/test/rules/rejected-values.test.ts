/**
 * A value that a syntax error rejects (a negative budget, a fractional headcount or capacity, a review
 * every 0 days, a negative value) is reported once, as that syntax error, and is absent for every rule,
 * fact and output; an element without a name (error recovery after `measure {` or `mission {`) is named
 * "(unnamed)" in messages, and two nameless measures are no duplicates.
 */
import { describe, expect, it } from 'vitest';
import { outputModelOf } from '../../src/outputs/output-model.js';
import { buildModelJson } from '../../src/outputs/model-json.js';
import { check, type RuleCheck } from './rule-helpers.js';

function codesAndMessages(result: RuleCheck): string[] {
    return result.diagnostics.map(diagnostic => `${diagnostic.code}: ${diagnostic.message}`);
}

const VISION = 'vision V { horizon 2030-12-31 }\nperson p { capacity 5 }\n';

/**
 * A mission with everything the completeness rules ask for (its measure contributes to its parent's when
 * the parent is a mission), plus the given items.
 */
function mission(header: string, ...items: string[]): string {
    const parent = / under (\w+)/.exec(header)?.[1];
    const contributes = parent && parent !== 'V' ? ` contributes to ${parent}.m` : '';
    return `mission ${header} { intent "why" lead p measure m { target 1${contributes} } ${items.join(' ')} }\n`;
}

describe('a value rejected by a syntax error', () => {
    it('a negative budget is no budget: no budget-exceeded against it', async () => {
        const result = await check(
            VISION +
                mission('Parent under V', 'boundary { budget -5 GBP }') +
                mission('Child under Parent', 'boundary { budget 1 GBP }')
        );
        expect(codesAndMessages(result)).toEqual([
            'syntax-error: a budget cannot be negative ' +
                '(a leading - is only allowed for baselines, targets and current values)'
        ]);
        const parent = result.facts.missions.find(each => each.name === 'Parent')!;
        expect(buildModelJson(outputModelOf(result, result.diagnostics, result.summary)).missions[0]).toMatchObject({
            name: 'Parent',
            boundary: { budget: null }
        });
        expect(parent.boundaries[0]!.budgets[0]!.amount).toBe(-5);
    });

    it("a negative child budget does not lower the sum of its siblings' budgets", async () => {
        const result = await check(
            VISION +
                mission('Parent under V', 'boundary { budget 10 GBP }') +
                mission('A under Parent', 'boundary { budget 12 GBP }') +
                mission('B under Parent', 'boundary { budget -5 GBP }')
        );
        expect(result.diagnostics.map(diagnostic => diagnostic.code)).toEqual(['budget-exceeded', 'syntax-error']);
        expect(result.diagnostics[0]!.message).toBe(
            'the children of Parent spend 12 GBP of its 10 GBP budget (2 GBP over): A 12 GBP'
        );
    });

    it('a fractional headcount is no headcount: no headcount-exceeded against it', async () => {
        const result = await check(
            VISION +
                mission('Parent under V', 'boundary { headcount 1.5 }') +
                mission('A under Parent', 'boundary { headcount 1 }') +
                mission('B under Parent', 'boundary { headcount 1 }')
        );
        expect(codesAndMessages(result)).toEqual([
            'syntax-error: a headcount must be a whole number, 0 or more, not 1.5'
        ]);
    });

    it('a capacity that is not a whole number counts as the default, 1', async () => {
        const text = [
            'vision V { horizon 2030-12-31 }',
            'person p { capacity 0.5 }',
            mission('A under V'),
            mission('B under V')
        ].join('\n');
        const result = await check(text);
        expect(result.diagnostics.map(diagnostic => diagnostic.code).sort()).toEqual([
            'over-capacity',
            'over-capacity',
            'over-capacity',
            'syntax-error'
        ]);
        expect(result.diagnostics.find(diagnostic => diagnostic.message.startsWith('p is on'))!.message).toContain(
            '(capacity 1)'
        );
        expect(result.facts.loadOf(result.facts.persons[0]!).capacity).toBe(1);
    });

    it('a negative value does not rank a staged mission', async () => {
        const result = await check(
            VISION +
                mission('S under V', 'status staged value -3 GBP per week boundary { window 2027-01-01 .. 2027-03-31 }')
        );
        expect(result.diagnostics.map(diagnostic => diagnostic.code)).toEqual(['syntax-error']);
        const json = buildModelJson(outputModelOf(result, result.diagnostics, result.summary));
        expect(json.missions[0]).toMatchObject({ name: 'S', value: null });
    });
});

describe('elements without a name', () => {
    it('two nameless measures are not duplicates "named undefined"', async () => {
        const result = await check(
            VISION + 'mission M under V { intent "why" lead p measure { target 1 } measure { target 1 } }'
        );
        const messages = codesAndMessages(result);
        expect(messages.filter(message => message.startsWith('duplicate-name'))).toEqual([]);
        expect(messages.some(message => message.startsWith('syntax-error'))).toBe(true);
        expect(messages.join('\n')).not.toMatch(/undefined|NaN|\[object Object\]/);
    });

    it('a nameless mission is "(unnamed)" in its messages', async () => {
        const result = await check(VISION + 'mission under V { }');
        const messages = codesAndMessages(result);
        expect(messages).toContain(
            'no-lead: mission (unnamed) has no lead: name the one accountable person with `lead`'
        );
        expect(messages.join('\n')).not.toMatch(/undefined|NaN|\[object Object\]/);
    });

    it('a review interval that is not there is not "undefined"', async () => {
        const result = await check(VISION + mission('M under V', 'review lead 3 days'));
        expect(codesAndMessages(result).join('\n')).not.toMatch(/undefined|NaN/);
    });
});

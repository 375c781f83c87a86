/**
 * A misspelt item keyword is a syntax-error in the language's words: which item, in which block, and
 * the nearest item keyword of that block (docs/rules.md, syntax-error).
 */
import { describe, expect, it } from 'vitest';
import { at, check, found, messagesOf } from './rule-helpers.js';

const HEAD = 'vision Acme\nperson alice\n';

describe('unknown item', () => {
    it.each([
        [
            'mission Hubs under Acme {\n  intent "x"\n  statis active\n}',
            'statis',
            "unknown item 'statis' in mission Hubs (did you mean 'status'?)"
        ],
        [
            'mission M under Acme {\n  intent "x"\n  measure x { trget 5 }\n}',
            'trget',
            "unknown item 'trget' in measure x of mission M (did you mean 'target'?)"
        ],
        [
            'mission M under Acme {\n  measure a { target 1 }\n  measure b { target 1 rollp mean }\n}',
            'rollp',
            "unknown item 'rollp' in measure b of mission M (did you mean 'rollup'?)"
        ],
        [
            'mission M under Acme { boundary { budgt 5 GBP } }',
            'budgt',
            "unknown item 'budgt' in the boundary of mission M (did you mean 'budget'?)"
        ],
        ['person bob { capacty 2 }', 'capacty', "unknown item 'capacty' in person bob (did you mean 'capacity'?)"],
        ['mission M under Acme { tag finance }', 'tag', "unknown item 'tag' in mission M (did you mean 'tags'?)"],
        [
            'mission M under Acme { intent "x" { end state "y" kee task "z" } }',
            'kee',
            "unknown item 'kee' in the intent of mission M (did you mean 'key'?)"
        ]
    ])('%s', async (text, word, message) => {
        const result = await check(HEAD + text);
        expect(found(result, 'syntax-error')).toEqual([at(result, 'error', word)]);
        expect(messagesOf(result, 'syntax-error')).toEqual([message]);
    });

    it("lists the block's items when no keyword is near", async () => {
        const result = await check(HEAD + 'mission M under Acme { measure m { target 1 frobnicate 2 } }');
        expect(messagesOf(result, 'syntax-error')).toEqual([
            "unknown item 'frobnicate' in measure m of mission M (an item starts with baseline, target, current, " +
                'unit, due, direction, contributes or rollup)'
        ]);
    });

    it("keeps the parser's words for other syntax errors", async () => {
        const elementKeyword = await check(HEAD + 'misson M under Acme { }');
        expect(messagesOf(elementKeyword, 'syntax-error')[0]).toBe(
            'expected a vision, person, team or mission but found `misson`'
        );
        const missingName = await check(HEAD + 'mission { intent "x" }');
        expect(messagesOf(missingName, 'syntax-error')[0]).not.toContain('unknown item');
        const missingValue = await check(HEAD + 'mission M under Acme { measure m { target } }');
        expect(messagesOf(missingValue, 'syntax-error')[0]).not.toContain('unknown item');
    });
});

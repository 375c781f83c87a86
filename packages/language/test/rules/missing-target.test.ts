/** missing-target (docs/rules.md, Completeness): a measure with no `target` says nothing of winning. */
import { describe, expect, it } from 'vitest';
import { at, check, expectNone, found, messagesOf } from './rule-helpers.js';

const HEAD = 'vision Acme\nperson alice\n';

describe('missing-target', () => {
    it('is a warning on the name of a measure without target', async () => {
        const result = await check(
            HEAD + 'mission Grow under Acme { intent "More" lead alice measure patients { baseline 2 current 4 } }'
        );
        expect(found(result, 'missing-target')).toEqual([at(result, 'warning', 'patients')]);
        expect(messagesOf(result, 'missing-target')).toEqual([
            'measure Grow.patients has no target: say what winning is with `target`'
        ]);
    });

    it('is reported for an empty measure block, once per measure', async () => {
        const result = await check(
            HEAD +
                'mission Grow under Acme { intent "More" lead alice\n' +
                '    measure alpha { }\n    measure beta { target 3 }\n    measure gamma {}\n}'
        );
        expect(found(result, 'missing-target')).toEqual([
            at(result, 'warning', 'alpha'),
            at(result, 'warning', 'gamma')
        ]);
    });

    it('is not reported with a target, even one equal to the baseline or in any position', async () => {
        expectNone(
            await check(HEAD + 'mission Grow under Acme { intent "More" lead alice measure m { unit % target 0 } }'),
            'missing-target'
        );
        expectNone(
            await check(HEAD + 'mission Grow under Acme { intent "More" lead alice measure m { current 1 target 5 } }'),
            'missing-target'
        );
    });

    it('is not reported when a syntax error rejects the value (reported once, as the syntax error)', async () => {
        const result = await check(HEAD + 'mission Grow under Acme { intent "More" lead alice measure m { target } }');
        expect(found(result, 'syntax-error').length).toBeGreaterThan(0);
        expectNone(result, 'missing-target');
    });

    it('can be turned off and its severity changed like any rule code', async () => {
        const { checkSources } = await import('../../src/api/check.js');
        const { URI } = await import('langium');
        const text = HEAD + 'mission Grow under Acme { intent "More" lead alice measure m { current 1 } }';
        const source = { path: 'main.mission', uri: URI.file('/workspace/main.mission'), text };
        const off = await checkSources([source], { today: '2026-11-23', rules: new Map([['missing-target', 'off']]) });
        expect(off.diagnostics.map(diagnostic => diagnostic.code)).not.toContain('missing-target');
        const error = await checkSources([source], {
            today: '2026-11-23',
            rules: new Map([['missing-target', 'error']])
        });
        expect(error.diagnostics.filter(diagnostic => diagnostic.code === 'missing-target')[0]?.severity).toBe('error');
    });
});

/**
 * The snippets (snippets/mission.code-snippets, equal to the language server's table: contributions.test.ts)
 * cover every element and item of the language, and each one, accepted with its default placeholders, is
 * text that parses where it is offered: no syntax error and no bad date, currency or window of its own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { checkSources, sourceFile } from '../../language/src/index.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const snippets = JSON.parse(
    readFileSync(join(root, 'packages/extension/snippets/mission.code-snippets'), 'utf8')
) as Record<string, { prefix: string; body: string[] }>;

/** The day the variables are filled from, as VS Code (CURRENT_*) and the server (the rules' today) do. */
const TODAY = { CURRENT_YEAR: '2031', CURRENT_MONTH: '06', CURRENT_DATE: '01' };

/** The text VS Code inserts when every placeholder is left at its default (a choice at its first option). */
function expandWithDefaults(body: string): string {
    let text = body.replace(
        /\$\{(CURRENT_YEAR|CURRENT_MONTH|CURRENT_DATE)\}/g,
        (_, name: keyof typeof TODAY) => TODAY[name]
    );
    for (let previous = ''; previous !== text;) {
        previous = text;
        text = text.replace(/\$\{\d+:([^${}]*)\}/g, '$1');
    }
    text = text.replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1').replace(/\$\{?\d+\}?/g, '');
    if (text.includes('$')) throw new Error(`a snippet variable is left unexpanded: ${text}`);
    return text;
}

/** Where each snippet is offered, as a model with the hole `@` where the snippet goes. */
const CONTEXTS = {
    top: '@\n',
    vision: 'vision Ctx {\n@\n}\n',
    person: 'person ctx {\n@\n}\n',
    team: 'team ctx {\n@\n}\n',
    mission: 'mission Ctx {\n@\n}\n',
    intent: 'mission Ctx {\n  intent "i" {\n@\n  }\n}\n',
    boundary: 'mission Ctx {\n  boundary {\n@\n  }\n}\n',
    measure: 'mission Ctx {\n  measure ctx {\n@\n  }\n}\n'
};
const CONTEXT_OF: Record<string, keyof typeof CONTEXTS> = {
    vision: 'top',
    person: 'top',
    team: 'top',
    mission: 'top',
    horizon: 'vision',
    capacity: 'person',
    role: 'person',
    members: 'team',
    intent: 'mission',
    lead: 'mission',
    crew: 'mission',
    status: 'mission',
    boundary: 'mission',
    measure: 'mission',
    supports: 'mission',
    review: 'mission',
    value: 'mission',
    tags: 'mission',
    link: 'mission',
    'end state': 'intent',
    'key task': 'intent',
    window: 'boundary',
    budget: 'boundary',
    headcount: 'boundary',
    must: 'boundary',
    'must not': 'boundary',
    baseline: 'measure',
    target: 'measure',
    current: 'measure',
    unit: 'measure',
    due: 'measure',
    direction: 'measure',
    'contributes to': 'measure',
    rollup: 'measure'
};
/** What a snippet's own text may not give: the errors of the text itself, not of names it leaves to the user. */
const OWN_ERRORS = ['syntax-error', 'invalid-date', 'invalid-currency', 'invalid-window'];

describe('the snippets', () => {
    test('are one for every element and item of the language, each with a known context', () => {
        expect(Object.keys(snippets).sort()).toEqual(Object.keys(CONTEXT_OF).sort());
        // Every rule of the grammar that starts with a keyword (an element or an item) has a snippet.
        const grammar = readFileSync(join(root, 'packages/language/src/mission.langium'), 'utf8');
        const leading = [...grammar.matchAll(/^\w+:\s*\n\s*'([a-z]+)'/gm)].map(match => match[1]!);
        expect(leading.length).toBeGreaterThan(25);
        const firstWords = new Set(Object.keys(snippets).map(name => name.split(' ')[0]));
        expect(leading.filter(keyword => !firstWords.has(keyword))).toEqual([]);
    });

    test('expanding fills placeholders, nested variables and choices', () => {
        expect(expandWithDefaults('window ${1:${CURRENT_YEAR}-01-01} .. ${2:${CURRENT_YEAR}-12-31}$0')).toBe(
            'window 2031-01-01 .. 2031-12-31'
        );
        expect(expandWithDefaults('status ${1|active,staged|} ${2}')).toBe('status active ');
    });

    test.each(Object.keys(CONTEXT_OF))('"%s" with its defaults parses where it is offered', async name => {
        const text = CONTEXTS[CONTEXT_OF[name]!].replace('@', expandWithDefaults(snippets[name]!.body.join('\n')));
        const result = await checkSources([sourceFile('snippet.mission', join(root, 'snippet.mission'), text)], {
            today: '2031-06-01'
        });
        const own = result.diagnostics.filter(diagnostic => OWN_ERRORS.includes(diagnostic.code));
        expect(own, text).toEqual([]);
    });

    test('a snippet with a keyword as its default would be caught', async () => {
        const text = CONTEXTS.mission.replace('@', expandWithDefaults('lead ${1:person}'));
        const result = await checkSources([sourceFile('snippet.mission', join(root, 'snippet.mission'), text)], {
            today: '2031-06-01'
        });
        expect(result.diagnostics.map(diagnostic => diagnostic.code)).toContain('syntax-error');
    });
});

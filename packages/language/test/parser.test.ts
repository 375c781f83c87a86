/**
 * Every construct of LANGUAGE.md parses into the expected AST, items in any order, and what must not
 * parse is a `syntax-error` on the offending token.
 */
import { describe, expect, it } from 'vitest';
import { isValidDate } from '../src/model/dates.js';
import {
    baselineOf,
    boundaryOf,
    budgetOf,
    capacityOf,
    currentOf,
    headcountOf,
    intentOf,
    leadOf,
    linksOf,
    reviewOf,
    rollupOf,
    statusOf,
    tagsOf,
    targetOf,
    unitOf,
    valueOf,
    windowOf
} from '../src/model/accessors.js';
import { check, element, expectClean, mission, modelOf, summaryOf, withCode } from './foundation-helpers.js';

const iso = (date: Date | undefined): string | undefined =>
    isValidDate(date) ? date.toISOString().slice(0, 10) : undefined;

describe('vision', () => {
    it('parses with a title and a horizon', async () => {
        const result = await expectClean('vision Acme "Be trusted" { horizon 2030-12-31 }');
        const vision = element(result, 'Vision', 'Acme');
        expect(vision.title).toBe('Be trusted');
        expect(iso(vision.horizon)).toBe('2030-12-31');
    });

    it('parses without a title, without a horizon and without braces', async () => {
        const result = await expectClean('vision A\nvision B { }\nvision C { horizon 2031-01-01 }');
        expect(element(result, 'Vision', 'A').title).toBeUndefined();
        expect(element(result, 'Vision', 'A').horizon).toBeUndefined();
        expect(element(result, 'Vision', 'B').horizon).toBeUndefined();
        expect(iso(element(result, 'Vision', 'C').horizon)).toBe('2031-01-01');
        expect(element(result, 'Vision', 'C').title).toBeUndefined();
    });
});

describe('person', () => {
    it('parses capacity and role in either order', async () => {
        const result = await expectClean(
            'person a "A" { capacity 2 role "analyst" }\nperson b { role "lead" capacity 3 }'
        );
        const a = element(result, 'Person', 'a');
        const b = element(result, 'Person', 'b');
        expect([a.title, capacityOf(a), a.roles[0]?.text]).toEqual(['A', 2, 'analyst']);
        expect([b.title, capacityOf(b), b.roles[0]?.text]).toEqual([undefined, 3, 'lead']);
    });

    it('defaults the capacity to 1, with or without braces', async () => {
        const result = await expectClean('person a\nperson b "B" { }\nperson c { role "x" }');
        expect(['a', 'b', 'c'].map(name => capacityOf(element(result, 'Person', name)))).toEqual([1, 1, 1]);
    });

    it('reports a repeated capacity or role on the repeat', async () => {
        const result = await check('person p { capacity 2 role "r" capacity 3 role "s" }');
        expect(summaryOf(result)).toEqual(['syntax-error [capacity]', 'syntax-error [role]']);
        expect(result.diagnostics[0]!.column).toBe(32);
    });
});

describe('team', () => {
    it('parses with members, one member and no members', async () => {
        const result = await expectClean(
            'person a\nperson b\nteam t "T" { members a, b }\nteam u { members a }\nteam empty { }'
        );
        expect(element(result, 'Team', 't').members.map(member => member.ref?.name)).toEqual(['a', 'b']);
        expect(element(result, 'Team', 't').title).toBe('T');
        expect(element(result, 'Team', 'u').members.map(member => member.$refText)).toEqual(['a']);
        expect(element(result, 'Team', 'empty').members).toEqual([]);
    });

    it('needs braces', async () => {
        const result = await check('team t\nperson a');
        expect(summaryOf(result)).toEqual(['syntax-error [person]']);
    });

    it('rejects a trailing comma in the member list', async () => {
        const result = await check('person a\nteam t { members a, }');
        expect(summaryOf(result)).toEqual(['syntax-error [}]']);
    });
});

const FULL_MISSION = `
vision Acme
person alice
person bob
team clinical { members bob }
mission Peer { }
mission Grow "Grow the base" under Acme {
  intent "Serve more patients" {
    end state "40,000 registered patients"
    key task "Open three clinics"
    key task "Recruit 40 clinicians"
  }
  lead alice
  crew bob, clinical
  status staged
  review every 30 days last 2026-11-01
  value 120k GBP per week
  boundary {
    window 2026-01-01 .. 2026-12-31
    budget 2.5M GBP
    headcount 40
    must "comply with CQC regulations"
    must not "reduce ratios"
    must "publish results"
  }
  measure patients "Registered patients" {
    baseline 25_000
    target 40_000
    current 31_000
    unit patients
    due 2026-12-31
    direction up
  }
  measure share { unit "per cent" contributes to Grow.patients direction down target 5 }
  supports Peer
}`;

describe('mission', () => {
    it('parses every item', async () => {
        const result = await expectClean(FULL_MISSION);
        const grow = mission(result, 'Grow');
        expect(grow.title).toBe('Grow the base');
        expect(grow.parent?.ref?.name).toBe('Acme');
        expect(grow.parent?.ref?.$type).toBe('Vision');

        const intent = intentOf(grow)!;
        expect(intent.statement).toBe('Serve more patients');
        expect(intent.endStates.map(item => item.text)).toEqual(['40,000 registered patients']);
        expect(intent.keyTasks.map(item => item.text)).toEqual(['Open three clinics', 'Recruit 40 clinicians']);

        expect(leadOf(grow)?.person.ref?.name).toBe('alice');
        expect(grow.crews[0]!.members.map(member => [member.ref?.$type, member.ref?.name])).toEqual([
            ['Person', 'bob'],
            ['Team', 'clinical']
        ]);
        expect(statusOf(grow)).toBe('staged');

        expect(reviewOf(grow)?.every).toBe(30);
        expect(iso(reviewOf(grow)?.last)).toBe('2026-11-01');
        expect([valueOf(grow)?.amount, valueOf(grow)?.currency, valueOf(grow)?.period]).toEqual([
            120_000,
            'GBP',
            'week'
        ]);

        expect([iso(windowOf(grow)?.start), iso(windowOf(grow)?.end)]).toEqual(['2026-01-01', '2026-12-31']);
        expect([budgetOf(grow)?.amount, budgetOf(grow)?.currency]).toEqual([2_500_000, 'GBP']);
        expect(headcountOf(grow)?.count).toBe(40);
        expect(boundaryOf(grow)!.rules.map(rule => [rule.negated, rule.text])).toEqual([
            [false, 'comply with CQC regulations'],
            [true, 'reduce ratios'],
            [false, 'publish results']
        ]);

        const [patients, share] = grow.measures;
        expect(patients!.title).toBe('Registered patients');
        expect([baselineOf(patients!), targetOf(patients!), currentOf(patients!), unitOf(patients!)]).toEqual([
            25_000,
            40_000,
            31_000,
            'patients'
        ]);
        expect(iso(patients!.dues[0]?.date)).toBe('2026-12-31');
        expect(patients!.directions[0]?.value).toBe('up');
        expect(unitOf(share!)).toBe('per cent');
        expect(share!.units[0]!.text).toBe('per cent');
        expect(share!.units[0]!.name).toBeUndefined();
        expect(share!.directions[0]?.value).toBe('down');
        expect(share!.contributions[0]?.measure.ref).toBe(patients);

        expect(grow.supports[0]!.missions.map(reference => reference.ref?.name)).toEqual(['Peer']);
    });

    it('accepts the items in any order', async () => {
        // The same items as FULL_MISSION's Grow, reversed.
        const result = await expectClean(`
vision Acme
person alice
mission Peer { }
mission Other { }
mission Grow under Acme {
  supports Peer, Other
  measure m { contributes to Grow.n due 2026-06-30 unit widgets current 2 target 4 baseline 1 }
  measure n { target 1 }
  boundary { must not "x" headcount 3 budget 10 EUR window 2026-01-01 .. 2026-06-30 }
  value 5k EUR per month
  review every 14 days
  status active
  crew alice
  lead alice
  intent "Do it" { key task "k" end state "e" }
}`);
        const grow = mission(result, 'Grow');
        expect(grow.supports[0]!.missions.map(reference => reference.$refText)).toEqual(['Peer', 'Other']);
        expect(valueOf(grow)?.period).toBe('month');
        expect(valueOf(grow)?.amount).toBe(5000);
        expect(reviewOf(grow)?.last).toBeUndefined();
        expect(statusOf(grow)).toBe('active');
        expect(leadOf(grow)?.person.ref?.name).toBe('alice');
        expect(intentOf(grow)?.keyTasks[0]?.text).toBe('k');
        expect(boundaryOf(grow)?.rules[0]?.negated).toBe(true);
        expect(grow.measures[0]!.contributions[0]!.measure.ref?.name).toBe('n');
        expect([baselineOf(grow.measures[0]!), targetOf(grow.measures[0]!), currentOf(grow.measures[0]!)]).toEqual([
            1, 4, 2
        ]);
    });

    it('parses an empty mission, without title or under', async () => {
        const result = await expectClean('mission M { }');
        const m = mission(result, 'M');
        expect([m.title, m.parent, statusOf(m), intentOf(m), leadOf(m), boundaryOf(m)]).toEqual([
            undefined,
            undefined,
            'active',
            undefined,
            undefined,
            undefined
        ]);
    });

    it('parses an intent without braces, and an empty boundary', async () => {
        const result = await expectClean('mission M { intent "Just the purpose" boundary { } }');
        const m = mission(result, 'M');
        expect(intentOf(m)?.statement).toBe('Just the purpose');
        expect(intentOf(m)?.endStates).toEqual([]);
        expect(boundaryOf(m)?.windows).toEqual([]);
    });

    it.each(['staged', 'active', 'won', 'lost', 'abandoned'])('parses status %s', async status => {
        const result = await expectClean(`mission M { status ${status} }`);
        expect(statusOf(mission(result, 'M'))).toBe(status);
    });

    it('rejects an unknown status on the status word', async () => {
        const result = await check('mission M { status done }');
        expect(summaryOf(result)).toEqual(['syntax-error [done]']);
    });

    it('parses a measure without a title or items, and a measure with a unit that is a keyword', async () => {
        const result = await expectClean('mission M { measure a { } measure b "B" { unit days } }');
        const [a, b] = mission(result, 'M').measures;
        expect([a!.name, a!.title, unitOf(a!)]).toEqual(['a', undefined, undefined]);
        expect([b!.name, b!.title, unitOf(b!)]).toEqual(['b', 'B', 'days']);
    });

    it('rejects an unknown period of value and an unknown direction', async () => {
        expect(summaryOf(await check('mission M { value 5 GBP per year }'))).toEqual(['syntax-error [year]']);
        expect(summaryOf(await check('mission M { measure m { direction sideways } }'))).toEqual([
            'syntax-error [sideways]'
        ]);
    });
});

describe('tags, links and roll-up modes', () => {
    it('keeps tags in order, each once, across repeated tags items', async () => {
        const result = await expectClean('mission M { tags ops, north, ops tags q1, north link "https://a.org" }');
        const m = mission(result, 'M');
        expect(m.tags.map(item => item.names)).toEqual([
            ['ops', 'north', 'ops'],
            ['q1', 'north']
        ]);
        expect(tagsOf(m)).toEqual(['ops', 'north', 'q1']);
    });

    it('keeps every link, with its label when written', async () => {
        const result = await check('mission M { link "https://a.org/plan" "The \\"plan\\"" link "mailto:x@y.z" }');
        expect(linksOf(mission(result, 'M')).map(link => [link.url, link.label])).toEqual([
            ['https://a.org/plan', 'The "plan"'],
            ['mailto:x@y.z', undefined]
        ]);
    });

    it('gives the written roll-up mode, or nothing when none is written', async () => {
        const result = await check(
            'mission M { measure a { target 1 rollup mean } measure b { rollup none } measure c { } }'
        );
        expect(mission(result, 'M').measures.map(rollupOf)).toEqual(['mean', 'none', undefined]);
    });

    it('rejects an unknown mode, a tag that is a string or keyword, and a link without a URL', async () => {
        expect(summaryOf(await check('mission M { measure m { rollup max } }'))).toEqual(['syntax-error [max]']);
        expect(summaryOf(await check('mission M { tags "ops" }'))).toEqual(['syntax-error ["ops"]']);
        expect(summaryOf(await check('mission M { tags up }'))).toEqual(['syntax-error [up]']);
        expect(summaryOf(await check('mission M { link }'))).toEqual(['syntax-error [}]']);
    });
});

describe('repeated single items are syntax errors on the repeated keyword', () => {
    it.each([
        ['lead', 'person a\nmission M { lead a lead a }', 'lead'],
        ['intent', 'mission M { intent "a" intent "b" }', 'intent'],
        ['status', 'mission M { status won status lost }', 'status'],
        ['boundary', 'mission M { boundary { } boundary { } }', 'boundary'],
        ['review', 'mission M { review every 1 days review every 2 days }', 'review'],
        ['value', 'mission M { value 1 GBP per week value 2 GBP per month }', 'value'],
        [
            'window',
            'mission M { boundary { window 2026-01-01 .. 2026-01-02 window 2026-01-01 .. 2026-01-03 } }',
            'window'
        ],
        ['budget', 'mission M { boundary { budget 1 GBP budget 2 GBP } }', 'budget'],
        ['headcount', 'mission M { boundary { headcount 1 headcount 2 } }', 'headcount'],
        ['baseline', 'mission M { measure m { baseline 1 baseline 2 } }', 'baseline'],
        ['target', 'mission M { measure m { target 1 target 2 } }', 'target'],
        ['current', 'mission M { measure m { current 1 current 2 } }', 'current'],
        ['unit', 'mission M { measure m { unit a unit b } }', 'unit'],
        ['due', 'mission M { measure m { due 2026-01-01 due 2026-01-02 } }', 'due'],
        ['direction', 'mission M { measure m { direction up direction down } }', 'direction'],
        [
            'contributes to',
            'mission M { measure m { contributes to M.n contributes to M.n } measure n { } }',
            'contributes'
        ],
        ['rollup', 'mission M { measure m { rollup sum rollup mean } }', 'rollup']
    ])('a repeated %s', async (keyword, text, token) => {
        const result = await check(text);
        expect(summaryOf(result)).toEqual([`syntax-error [${token}]`]);
        expect(result.diagnostics[0]!.message).toContain(`at most one \`${keyword}\``);
        // The repeat is reported, not the first one.
        expect(result.diagnostics[0]!.column).toBe(text.split('\n').at(-1)!.lastIndexOf(`${token} `) + 1);
    });

    it('keeps crew, measure, supports and must repeatable', async () => {
        await expectClean(
            'person a\nperson b\nmission P { }\nmission Q { }\n' +
                'mission M { crew a crew b measure x { } measure y { } supports P supports Q ' +
                'boundary { must "a" must "b" must not "c" must not "d" } }'
        );
    });

    it('keeps the first of a repeated item for the accessors', async () => {
        const result = await check('person a\nperson b\nmission M { lead a lead b status won status lost }');
        expect(leadOf(mission(result, 'M'))?.person.ref?.name).toBe('a');
        expect(statusOf(mission(result, 'M'))).toBe('won');
    });
});

describe('what must not parse', () => {
    it.each([
        ['a missing opening brace', 'person a\nmission M lead a }', ['syntax-error [lead]']],
        ['a missing closing brace at the end of the file', 'mission M { status won', ['syntax-error []']],
        [
            'a missing closing brace before the next element',
            'mission M { status won\nmission N { }',
            ['syntax-error [mission]']
        ],
        ['an extra closing brace', 'person p { capacity 2 } }', ['syntax-error [}]']],
        ['under with two names', 'vision A\nvision B\nmission M under A B { }', ['syntax-error [B]']],
        ['a mission item outside a mission', 'person alice\nlead alice', ['syntax-error [lead]']],
        ['an unknown keyword in a boundary', 'mission M { boundary { color red } }', ['syntax-error [color]']],
        [
            'a boundary item directly in a mission',
            'mission M { window 2026-01-01 .. 2026-02-01 }',
            ['syntax-error [window]']
        ],
        ['an unknown top-level keyword', 'goal G { }', ['syntax-error [goal]']],
        ['an empty crew', 'mission M { crew }', ['syntax-error [}]']],
        [
            'a date where a number is expected',
            'mission M { measure m { baseline 2026-01-01 } }',
            ['syntax-error [2026-01-01]']
        ],
        ['a number with two decimal points', 'mission M { measure m { baseline 1.5.5 } }', ['syntax-error [.]']],
        ['review without days', 'mission M { review every 30 }', ['syntax-error [}]']],
        ['value without a period', 'mission M { value 5 GBP }', ['syntax-error [}]']],
        [
            'a window without ..',
            'mission M { boundary { window 2026-01-01 2026-02-01 } }',
            ['syntax-error [2026-02-01]']
        ],
        ['`must not` without a string', 'mission M { boundary { must not } }', ['syntax-error [}]']],
        [
            'an unqualified contributes to',
            'mission M { measure m { contributes to n } measure n { } }',
            ['syntax-error [}]', 'unresolved-reference [n]']
        ]
    ])('%s', async (_what, text, expected) => {
        const result = await check(text);
        expect(summaryOf(result).sort()).toEqual([...expected].sort());
        expect(withCode(result, 'syntax-error').every(diagnostic => diagnostic.severity === 'error')).toBe(true);
        // One line each: the CLI prints `file:line:col severity code message` on one line.
        expect(result.diagnostics.filter(diagnostic => diagnostic.message.includes('\n'))).toEqual([]);
    });

    it('recovers after an error and still parses the rest of the file', async () => {
        const result = await check('mission M { boundary { color red } }\nperson p { capacity 2 }');
        expect(summaryOf(result)).toEqual(['syntax-error [color]']);
        expect(capacityOf(element(result, 'Person', 'p'))).toBe(2);
    });

    it('parses an empty file and a file of comments into an empty model', async () => {
        expect(modelOf(await expectClean('')).elements).toEqual([]);
        expect(modelOf(await expectClean('// nothing\n/* here */')).elements).toEqual([]);
    });
});

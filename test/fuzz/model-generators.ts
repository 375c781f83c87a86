/**
 * Grammar-aware generators of VALID mission models (LANGUAGE.md): visions, persons, teams and
 * missions with every item, in any order, spread over several files, with cross references that
 * resolve (`under`, `lead`, `crew`, `members`, `supports`, `contributes to`). Valid means the text
 * parses and every reference resolves; rule diagnostics (cycles, over-capacity, ...) may still occur,
 * which is what the properties want to exercise.
 */
import fc from 'fast-check';

export interface GeneratedModel {
    /** The text of each file, in order. */
    readonly files: readonly string[];
    /** How many elements of each kind it holds. */
    readonly counts: { visions: number; persons: number; teams: number; missions: number; measures: number };
}

/** A string literal's content: any Unicode (no line break, which strings may not hold), with `\"` and `\\` escapes. */
export const stringContent = fc
    .array(
        fc.oneof(
            { weight: 6, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
            { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
            { weight: 1, arbitrary: fc.constantFrom('"', '\\', '<b>', '&amp;', ' -- ', '%%', '\u202e', '\u200b', '\t') }
        ),
        { maxLength: 4 }
    )
    .map(parts =>
        parts
            .join('')
            .replace(/[\r\n\u2028\u2029]/g, ' ')
            .replace(/[\\"]/g, char => `\\${char}`)
    );

export const stringLiteral = stringContent.map(content => `"${content}"`);

/** A name: an ID that is never a keyword (it ends in `_<kind><index>`, which no keyword does). */
const nameBase = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,6}$/);

const DAY = 86_400_000;
const dayNumber = fc.integer({ min: Date.UTC(1990, 0, 1) / DAY, max: Date.UTC(2090, 11, 31) / DAY });
const isoDay = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);
export const dateLiteral = dayNumber.map(isoDay);

/** A number literal: digits with `_` groups, a fraction, a k/M/B suffix; negative where allowed. */
export function numberLiteral(options: { negative?: boolean; integer?: boolean } = {}): fc.Arbitrary<string> {
    return fc
        .record({
            sign: options.negative ? fc.boolean() : fc.constant(false),
            whole: fc.nat({ max: 999_999 }),
            grouped: fc.boolean(),
            fraction: options.integer ? fc.constant(undefined) : fc.option(fc.nat({ max: 99 }), { nil: undefined }),
            suffix: options.integer ? fc.constant('') : fc.constantFrom('', '', '', 'k', 'M', 'B')
        })
        .map(({ sign, whole, grouped, fraction, suffix }) => {
            const digits = grouped ? whole.toLocaleString('en-US').replace(/,/g, '_') : String(whole);
            return `${sign ? '-' : ''}${digits}${fraction === undefined ? '' : `.${fraction}`}${suffix}`;
        });
}

const currency = fc.oneof(fc.constantFrom('GBP', 'EUR', 'USD'), fc.stringMatching(/^[A-Z]{3}$/));
const comment = fc.oneof(
    fc.string({ maxLength: 20 }).map(text => `// ${text.replace(/[\r\n]/g, ' ')}`),
    fc.string({ maxLength: 20 }).map(text => `/* ${text.replace(/\*\//g, '* /')} */`)
);

/** Raw random choices; references are indexes resolved modulo the number of targets when rendering. */
const itemPlan = fc.oneof(
    fc.record({
        kind: fc.constant('intent' as const),
        statement: stringLiteral,
        parts: fc.option(fc.array(fc.record({ end: fc.boolean(), text: stringLiteral }), { maxLength: 3 }), {
            nil: undefined
        })
    }),
    fc.record({ kind: fc.constant('lead' as const), person: fc.nat() }),
    fc.record({
        kind: fc.constant('crew' as const),
        members: fc.array(fc.record({ team: fc.boolean(), index: fc.nat() }), { minLength: 1, maxLength: 3 })
    }),
    fc.record({
        kind: fc.constant('status' as const),
        value: fc.constantFrom('staged', 'active', 'won', 'lost', 'abandoned')
    }),
    fc.record({
        kind: fc.constant('boundary' as const),
        window: fc.option(fc.tuple(dayNumber, fc.nat({ max: 2000 })), { nil: undefined }),
        budget: fc.option(fc.tuple(numberLiteral(), currency), { nil: undefined }),
        headcount: fc.option(numberLiteral({ integer: true }), { nil: undefined }),
        rules: fc.array(fc.tuple(fc.boolean(), stringLiteral), { maxLength: 2 })
    }),
    fc.record({
        kind: fc.constant('measure' as const),
        base: nameBase,
        title: fc.option(stringLiteral, { nil: undefined }),
        baseline: fc.option(numberLiteral({ negative: true }), { nil: undefined }),
        target: fc.option(numberLiteral({ negative: true }), { nil: undefined }),
        current: fc.option(numberLiteral({ negative: true }), { nil: undefined }),
        unit: fc.option(
            fc.oneof(
                nameBase.map(base => `${base}_u`),
                fc.constantFrom('days', 'week', 'month'),
                stringLiteral
            ),
            { nil: undefined }
        ),
        due: fc.option(dateLiteral, { nil: undefined }),
        direction: fc.option(fc.constantFrom('up', 'down'), { nil: undefined }),
        contributes: fc.option(fc.nat(), { nil: undefined })
    }),
    fc.record({ kind: fc.constant('supports' as const), missions: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }) }),
    fc.record({
        kind: fc.constant('review' as const),
        every: fc.integer({ min: 1, max: 999 }).map(String),
        last: fc.option(dateLiteral, { nil: undefined })
    }),
    fc.record({
        kind: fc.constant('value' as const),
        amount: numberLiteral(),
        currency,
        period: fc.constantFrom('week', 'month')
    })
);

const elementHead = fc.record({
    base: nameBase,
    title: fc.option(stringLiteral, { nil: undefined }),
    file: fc.nat(),
    order: fc.nat(),
    comment: fc.option(comment, { nil: undefined })
});

const modelPlan = fc.record({
    fileCount: fc.integer({ min: 1, max: 4 }),
    visions: fc.array(
        fc.record({
            head: elementHead,
            horizon: fc.option(fc.option(dateLiteral, { nil: undefined }), { nil: undefined })
        }),
        { minLength: 1, maxLength: 3 }
    ),
    persons: fc.array(
        fc.record({
            head: elementHead,
            capacity: fc.option(numberLiteral({ integer: true }), { nil: undefined }),
            role: fc.option(stringLiteral, { nil: undefined }),
            braces: fc.boolean()
        }),
        { minLength: 1, maxLength: 5 }
    ),
    teams: fc.array(fc.record({ head: elementHead, members: fc.array(fc.nat(), { maxLength: 3 }) }), { maxLength: 2 }),
    missions: fc.array(
        fc.record({
            head: elementHead,
            under: fc.option(fc.record({ vision: fc.boolean(), index: fc.nat() }), { nil: undefined }),
            items: fc.array(itemPlan, { maxLength: 9 })
        }),
        { minLength: 1, maxLength: 8 }
    ),
    layout: fc.array(fc.constantFrom(' ', ' ', ' ', '\n', '\n  ', '\t', '  \n\n    '), { minLength: 1, maxLength: 16 })
});

const SINGLE_ITEMS = new Set(['intent', 'lead', 'status', 'boundary', 'review', 'value']);

type Plan = typeof modelPlan extends fc.Arbitrary<infer T> ? T : never;

export const validModel: fc.Arbitrary<GeneratedModel> = modelPlan.map(render);

function render(plan: Plan): GeneratedModel {
    const visionNames = plan.visions.map((vision, index) => `${vision.head.base}_v${index}`);
    const personNames = plan.persons.map((person, index) => `${person.head.base}_p${index}`);
    const teamNames = plan.teams.map((team, index) => `${team.head.base}_t${index}`);
    const missionNames = plan.missions.map((mission, index) => `${mission.head.base}_m${index}`);
    // Measure names per mission, unique within it, so `contributes to` can name any of them.
    const measureNames = plan.missions.map(mission =>
        mission.items.flatMap((item, index) => (item.kind === 'measure' ? [`${item.base}_q${index}`] : []))
    );
    const qualified = plan.missions.flatMap((_, index) =>
        measureNames[index]!.map(measure => `${missionNames[index]}.${measure}`)
    );

    let separatorIndex = 0;
    const gap = (): string => plan.layout[separatorIndex++ % plan.layout.length]!;
    const join = (tokens: ReadonlyArray<string | undefined>): string =>
        tokens
            .filter(token => token !== undefined && token !== '')
            .map((token, index) => (index === 0 ? token : gap() + token))
            .join('');
    const pick = <T>(items: readonly T[], index: number): T | undefined =>
        items.length === 0 ? undefined : items[index % items.length];

    const blocks: Array<{ file: number; order: number; text: string }> = [];
    const place = (head: Plan['visions'][number]['head'], text: string) =>
        blocks.push({
            file: head.file % plan.fileCount,
            order: head.order,
            text: head.comment ? `${head.comment}\n${text}` : text
        });

    plan.visions.forEach((vision, index) => {
        const horizon =
            vision.horizon === undefined ? [] : ['{', ...(vision.horizon ? ['horizon', vision.horizon] : []), '}'];
        place(vision.head, join(['vision', visionNames[index], vision.head.title, ...horizon]));
    });
    plan.persons.forEach((person, index) => {
        const body =
            person.braces || person.capacity || person.role
                ? [
                      '{',
                      ...(person.capacity ? ['capacity', person.capacity] : []),
                      ...(person.role ? ['role', person.role] : []),
                      '}'
                  ]
                : [];
        place(person.head, join(['person', personNames[index], person.head.title, ...body]));
    });
    plan.teams.forEach((team, index) => {
        const members = [...new Set(team.members.map(member => pick(personNames, member)!))];
        const list = members.length > 0 ? ['members', members.join(', ')] : [];
        place(team.head, join(['team', teamNames[index], team.head.title, '{', ...list, '}']));
    });
    let measureCount = 0;
    plan.missions.forEach((mission, missionIndex) => {
        const under =
            mission.under === undefined
                ? []
                : [
                      'under',
                      mission.under.vision
                          ? pick(visionNames, mission.under.index)
                          : pick(missionNames, mission.under.index)
                  ];
        // intent, lead, status, boundary, review and value may appear once per mission (a repeat is a syntax error).
        const seen = new Set<string>();
        const items = mission.items.map((item, itemIndex): string => {
            if (SINGLE_ITEMS.has(item.kind)) {
                if (seen.has(item.kind)) return '';
                seen.add(item.kind);
            }
            switch (item.kind) {
                case 'intent': {
                    const parts = item.parts?.map(part =>
                        join(part.end ? ['end', 'state', part.text] : ['key', 'task', part.text])
                    );
                    return join(['intent', item.statement, ...(parts ? ['{', ...parts, '}'] : [])]);
                }
                case 'lead':
                    return join(['lead', pick(personNames, item.person)]);
                case 'crew': {
                    const members = [
                        ...new Set(
                            item.members.map(
                                member =>
                                    (member.team && teamNames.length > 0
                                        ? pick(teamNames, member.index)
                                        : pick(personNames, member.index))!
                            )
                        )
                    ];
                    return join(['crew', members.join(', ')]);
                }
                case 'status':
                    return join(['status', item.value]);
                case 'boundary':
                    return join([
                        'boundary',
                        '{',
                        ...(item.window
                            ? ['window', isoDay(item.window[0]), '..', isoDay(item.window[0] + item.window[1])]
                            : []),
                        ...(item.budget ? ['budget', item.budget[0], item.budget[1]] : []),
                        ...(item.headcount ? ['headcount', item.headcount] : []),
                        ...item.rules.flatMap(([negated, text]) => (negated ? ['must', 'not', text] : ['must', text])),
                        '}'
                    ]);
                case 'measure': {
                    measureCount++;
                    const self = `${missionNames[missionIndex]}.${item.base}_q${itemIndex}`;
                    const others = qualified.filter(name => name !== self);
                    const target = item.contributes === undefined ? undefined : pick(others, item.contributes);
                    return join([
                        'measure',
                        `${item.base}_q${itemIndex}`,
                        item.title,
                        '{',
                        ...(item.baseline ? ['baseline', item.baseline] : []),
                        ...(item.target ? ['target', item.target] : []),
                        ...(item.current ? ['current', item.current] : []),
                        ...(item.unit ? ['unit', item.unit] : []),
                        ...(item.due ? ['due', item.due] : []),
                        ...(item.direction ? ['direction', item.direction] : []),
                        ...(target ? ['contributes', 'to', target] : []),
                        '}'
                    ]);
                }
                case 'supports':
                    return join([
                        'supports',
                        [...new Set(item.missions.map(index => pick(missionNames, index)!))].join(', ')
                    ]);
                case 'review':
                    return join(['review', 'every', item.every, 'days', ...(item.last ? ['last', item.last] : [])]);
                case 'value':
                    return join(['value', item.amount, item.currency, 'per', item.period]);
            }
        });
        place(
            mission.head,
            join(['mission', missionNames[missionIndex], mission.head.title, ...under, '{', ...items, '}'])
        );
    });

    blocks.sort((a, b) => a.order - b.order);
    const files = Array.from(
        { length: plan.fileCount },
        (_, file) =>
            blocks
                .filter(block => block.file === file)
                .map(block => block.text)
                .join('\n\n') + '\n'
    );
    return {
        files,
        counts: {
            visions: plan.visions.length,
            persons: plan.persons.length,
            teams: plan.teams.length,
            missions: plan.missions.length,
            measures: measureCount
        }
    };
}

/**
 * Grammar drift is loud: what must follow the grammar is held to the grammar itself, so that adding a
 * construct to mission.langium and forgetting one of the places that must follow it fails here, by
 * name (ARCHITECTURE.md, "Adding a construct").
 *
 * - Text generated from the grammar, rule by rule, covering every alternative, every optional part
 *   and every repetition, must be parsed by the fast path (no fall back to Langium's parser) into the
 *   AST Langium's parser builds.
 * - The formatter lays out every construct without changing what it means.
 * - Every STRING property is either free text (`FREE_TEXT` of model-signature.ts: editing it re-checks
 *   no other document) or declared here as seen by other documents.
 * - The quick fixes' list of a mission's items (`missionItems`) holds every item the grammar allows.
 * - Every property of the grammar appears in the JSON model, or is declared here as left out, with why.
 */
import { AstUtils, EmptyFileSystem, GrammarAST, isReference, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { checkSources } from '../src/api/check.js';
import { formatDocument } from '../src/api/format.js';
import type { Mission } from '../src/generated/ast.js';
import { FREE_TEXT } from '../src/incremental/model-signature.js';
import { missionItems } from '../src/lsp/quick-fixes/mission-body.js';
import { createMissionServices } from '../src/mission-module.js';
import { buildModelJson } from '../src/outputs/model-json.js';
import { outputModelOf } from '../src/outputs/output-model.js';
import { MissionFastParser } from '../src/syntax/fast-parser.js';
import { generateFromGrammar, parserRules, stringProperties, grammarProperties } from './grammar-instances.js';

const { Mission: services } = createMissionServices(EmptyFileSystem);
const grammar = services.Grammar;
const langiumParser = services.parser.LangiumParser;
const fastParser = new MissionFastParser(services);

/** An AST as plain data: its type, its properties in order, references by the text written. */
function plainAst(value: unknown): unknown {
    if (isReference(value)) return { $refText: value.$refText };
    if (Array.isArray(value)) return value.map(plainAst);
    if (value instanceof Date) return value.toISOString();
    if (value && typeof value === 'object')
        return Object.fromEntries(
            Object.entries(value)
                .filter(([key]) => key === '$type' || !key.startsWith('$'))
                .map(([key, property]) => [key, plainAst(property)])
        );
    return value;
}

const documents = generateFromGrammar(grammar);

describe('text generated from every rule and alternative of the grammar', () => {
    test('covers the whole grammar in a few documents, each of which Langium parses without error', () => {
        expect(documents.length).toBeGreaterThan(0);
        expect(documents.length).toBeLessThan(200);
        for (const text of documents) {
            const parsed = langiumParser.parse(text);
            expect(
                [...parsed.lexerErrors, ...parsed.parserErrors].map(error => error.message),
                text
            ).toEqual([]);
        }
    });

    test('the fast path parses every one of them, to the AST that Langium parses', () => {
        for (const text of documents) {
            const fast = fastParser.parse(text);
            expect(
                fast,
                `the fast parser fell back to Langium's on text that uses a construct it does not follow ` +
                    `(syntax/fast-parser.ts):\n${text}`
            ).toBeDefined();
            expect(plainAst(fast!.value), text).toEqual(plainAst(langiumParser.parse(text).value));
        }
    });
});

/**
 * STRING properties that other documents see, so editing them re-checks dependents. Every other STRING
 * property is free text in `FREE_TEXT` (model-signature.ts).
 */
const STRINGS_SEEN_BY_OTHERS: ReadonlySet<string> = new Set([
    // `unit-mismatch` compares a measure's unit with the unit of the measure it contributes to.
    'Unit.text'
]);

describe('what follows the grammar by hand is checked against it', () => {
    test('the formatter lays out every construct: the formatted text parses to the same AST, and is stable', () => {
        for (const text of documents) {
            const formatted = formatDocument(text);
            expect(plainAst(langiumParser.parse(formatted).value), formatted).toEqual(
                plainAst(langiumParser.parse(text).value)
            );
            expect(formatDocument(formatted)).toBe(formatted);
        }
    });

    test('every STRING property is free text or declared as seen by other documents', () => {
        const undecided = stringProperties(grammar).filter(
            property =>
                !STRINGS_SEEN_BY_OTHERS.has(property) &&
                !FREE_TEXT[property.split('.')[0]!]?.has(property.split('.')[1]!)
        );
        expect(
            undecided,
            'add each to FREE_TEXT in incremental/model-signature.ts, or to STRINGS_SEEN_BY_OTHERS here'
        ).toEqual([]);
        const stale = Object.entries(FREE_TEXT).flatMap(([type, properties]) =>
            [...properties].map(property => `${type}.${property}`)
        );
        expect(stale.filter(property => !stringProperties(grammar).includes(property))).toEqual([]);
    });

    test("the quick fixes' list of a mission's items holds every item of every kind the grammar allows", () => {
        for (const text of documents) {
            const model = langiumParser.parse(text).value;
            for (const mission of AstUtils.streamAllContents(model).filter(
                (node): node is Mission => node.$type === 'Mission'
            )) {
                const items = AstUtils.streamContents(mission).toArray();
                expect(
                    missionItems(mission).map(item => item.$type),
                    'missionItems (lsp/quick-fixes/mission-body.ts) misses an item kind'
                ).toEqual(items.sort((a, b) => a.$cstNode!.offset - b.$cstNode!.offset).map(item => item.$type));
            }
        }
    });
});

/**
 * Where each property of the grammar is in the JSON model: `kind.key` (the key on the JSON object of a
 * vision, person, team, mission or measure), or `omitted: why`.
 */
const JSON_PLACES: Readonly<Record<string, string | { omitted: string }>> = {
    'Model.elements': 'visions, persons, teams, missions',
    'Vision.name': 'vision.name',
    'Vision.title': 'vision.title',
    'Vision.horizon': 'vision.horizon',
    'Person.name': 'person.name',
    'Person.title': 'person.title',
    'Person.capacities': 'person.capacity',
    'Person.roles': 'person.role',
    'Capacity.value': 'person.capacity',
    'Role.text': 'person.role',
    'Team.name': 'team.name',
    'Team.title': 'team.title',
    'Team.members': 'team.members',
    'Mission.name': 'mission.name',
    'Mission.title': 'mission.title',
    'Mission.parent': 'mission.parent',
    'Mission.intents': 'mission.intent',
    'Mission.leads': 'mission.lead',
    'Mission.crews': 'mission.crew',
    'Mission.statuses': 'mission.status',
    'Mission.boundaries': 'mission.boundary',
    'Mission.measures': 'mission.measures',
    'Mission.supports': 'mission.supports',
    'Mission.reviews': 'mission.review',
    'Mission.values': 'mission.value',
    'Mission.tags': 'mission.tags',
    'Mission.links': 'mission.links',
    'Tags.names': 'mission.tags',
    'Link.url': 'mission.links',
    'Link.label': 'mission.links',
    'Intent.statement': 'mission.intent',
    'Intent.endStates': 'mission.intent',
    'Intent.keyTasks': 'mission.intent',
    'EndState.text': 'mission.intent',
    'KeyTask.text': 'mission.intent',
    'Lead.person': 'mission.lead',
    'Crew.members': 'mission.crew',
    'StatusItem.value': 'mission.status',
    'Boundary.windows': 'mission.boundary',
    'Boundary.budgets': 'mission.boundary',
    'Boundary.headcounts': 'mission.boundary',
    'Boundary.rules': 'mission.boundary',
    'Window.start': 'mission.boundary',
    'Window.end': 'mission.boundary',
    'Budget.amount': 'mission.boundary',
    'Budget.currency': 'mission.boundary',
    'Headcount.count': 'mission.boundary',
    'BoundaryRule.negated': 'mission.boundary',
    'BoundaryRule.text': 'mission.boundary',
    'Measure.name': 'measure.name',
    'Measure.title': 'measure.title',
    'Measure.baselines': 'measure.baseline',
    'Measure.targets': 'measure.target',
    'Measure.currents': 'measure.current',
    'Measure.units': 'measure.unit',
    'Measure.dues': 'measure.due',
    'Measure.directions': 'measure.direction',
    'Measure.contributions': 'measure.contributesTo',
    'Measure.rollups': 'measure.rollup',
    'RollupItem.value': 'measure.rollup',
    'Baseline.value': 'measure.baseline',
    'Target.value': 'measure.target',
    'Current.value': 'measure.current',
    'Unit.name': 'measure.unit',
    'Unit.text': 'measure.unit',
    'Due.date': 'measure.due',
    'DirectionItem.value': 'measure.direction',
    'Contribution.measure': 'measure.contributesTo',
    'Supports.missions': 'mission.supports',
    'Review.every': 'mission.review',
    'Review.last': 'mission.review',
    'Value.amount': 'mission.value',
    'Value.currency': 'mission.value',
    'Value.period': 'mission.value'
};

describe('the JSON model', () => {
    test('says where every property of the grammar is, or that it leaves it out and why', () => {
        const properties = grammarProperties(grammar);
        expect(
            properties.filter(property => !(property in JSON_PLACES)),
            'a grammar property the JSON model does not place: add it to outputs/model-json.ts (and its schema) ' +
                'and to JSON_PLACES here'
        ).toEqual([]);
        expect(Object.keys(JSON_PLACES).filter(property => !properties.includes(property))).toEqual([]);
    });

    test('has each key that JSON_PLACES names, on a model that uses every construct', async () => {
        const sources = documents.map((text, index) => ({
            path: `generated-${index}.mission`,
            uri: URI.file(`/virtual/generated-${index}.mission`),
            text
        }));
        // One document at a time: generated names repeat across documents.
        const objects: Record<string, object[]> = { vision: [], person: [], team: [], mission: [], measure: [] };
        for (const source of sources) {
            const json = buildModelJson(outputModelOf(await checkSources([source], { today: '2026-11-23' })));
            objects.vision!.push(...json.visions);
            objects.person!.push(...json.persons);
            objects.team!.push(...json.teams);
            objects.mission!.push(...json.missions);
            for (const mission of json.missions as { measures: object[] }[]) objects.measure!.push(...mission.measures);
        }
        for (const [property, place] of Object.entries(JSON_PLACES)) {
            if (typeof place !== 'string' || !place.includes('.')) continue;
            const [kind, key] = place.split('.') as [string, string];
            expect(objects[kind]!.length, `no ${kind} in the generated model`).toBeGreaterThan(0);
            for (const object of objects[kind]!) expect(Object.keys(object), `${property} → ${place}`).toContain(key);
        }
    });

    test('the generated documents cover every parser rule of the grammar', () => {
        const used = new Set<string>();
        for (const text of documents)
            for (const node of AstUtils.streamAst(langiumParser.parse(text).value)) used.add(node.$type);
        const typeRules = parserRules(grammar).filter(rule => !GrammarAST.isParserRule(rule) || !rule.dataType);
        expect(typeRules.map(rule => rule.name).filter(name => !used.has(name) && name !== 'Element')).toEqual([]);
    });
});

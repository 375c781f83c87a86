/**
 * The fast parse path (src/syntax/fast-parser.ts) is held to Langium's own parser of the same grammar:
 * on text Langium parses without error, the same AST (keys in the same order, values, containers,
 * references) and the same CST (node classes, offsets, ranges, token types, grammar elements, where
 * comments go, which CST node belongs to which AST node); on text with any lexing or syntax error, no
 * result, so that Langium's parser reports it. Inputs: every model in the repository, a generated
 * workspace, edge cases of the lexical rules, and thousands of random mutations of valid text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
    type AstNode,
    CompositeCstNodeImpl,
    type CstNode,
    createLangiumParser,
    EmptyFileSystem,
    LeafCstNodeImpl,
    type ParseResult,
    RootCstNodeImpl
} from 'langium';
import { describe, expect, it, vi } from 'vitest';
import { generateWorkspace } from '../../../bench/generate.mjs';
import { createMissionServices } from '../src/mission-module.js';
import { createMissionParser, MissionFastParser, MissionParser } from '../src/syntax/fast-parser.js';
import { generateFromGrammar } from './grammar-instances.js';

const { Mission } = createMissionServices(EmptyFileSystem);
const langiumParser = createLangiumParser(Mission);
const fastParser = new MissionFastParser(Mission);
const repositoryRoot = join(__dirname, '../../..');

type Pairs = Map<object, object>;

/** Fails (with a path) where the two results differ. */
function expectSameParse(text: string, label: string): 'parsed' | 'fell back' {
    const expected = langiumParser.parse(text);
    const actual = fastParser.parse(text);
    if (expected.lexerErrors.length > 0 || expected.parserErrors.length > 0) {
        expect(actual, `${label}: the fast path accepted text Langium rejects`).toBeUndefined();
        return 'fell back';
    }
    if (!actual) {
        // Text it does not model (non-ASCII whitespace, …) may fall back; the repository's models may not.
        return 'fell back';
    }
    const cstPairs: Pairs = new Map();
    sameCst(expected.value.$cstNode!, actual.value.$cstNode!, cstPairs, label);
    const astPairs: Pairs = new Map();
    sameAst(expected.value, actual.value, astPairs, cstPairs, label);
    for (const [left, right] of cstPairs) {
        if (left instanceof CompositeCstNodeImpl) {
            const leftAst = left._astNode;
            expect(leftAst ? astPairs.get(leftAst) : undefined, `${label}: CST node's AST node`).toBe(
                (right as CompositeCstNodeImpl)._astNode
            );
        }
    }
    expect(actual.lexerErrors).toEqual([]);
    expect(actual.parserErrors).toEqual([]);
    expect(actual.lexerReport?.diagnostics).toEqual(expected.lexerReport?.diagnostics ?? []);
    return 'parsed';
}

function sameCst(left: CstNode, right: CstNode, pairs: Pairs, path: string): void {
    expect(right.constructor, `${path}: CST node class`).toBe(left.constructor);
    expect(right.grammarSource, `${path}: grammar element`).toBe(left.grammarSource);
    expect([right.offset, right.length, right.hidden, right.range], `${path}: position`).toEqual([
        left.offset,
        left.length,
        left.hidden,
        left.range
    ]);
    expect(pairs.get(left.container!) ?? left.container, `${path}: container`).toBe(right.container ?? left.container);
    pairs.set(left, right);
    if (left instanceof LeafCstNodeImpl) {
        expect((right as LeafCstNodeImpl).tokenType, `${path}: token type`).toBe(left.tokenType);
        expect(right.text).toBe(left.text);
    } else {
        const leftContent = (left as CompositeCstNodeImpl).content;
        const rightContent = (right as CompositeCstNodeImpl).content;
        expect(rightContent.length, `${path}: children of '${left.text.slice(0, 40)}'`).toBe(leftContent.length);
        leftContent.forEach((child, index) => sameCst(child, rightContent[index]!, pairs, `${path}/${index}`));
        if (left instanceof RootCstNodeImpl) expect((right as RootCstNodeImpl).fullText).toBe(left.fullText);
    }
}

function sameAst(left: AstNode, right: AstNode, astPairs: Pairs, cstPairs: Pairs, path: string): void {
    astPairs.set(left, right);
    const leftRecord = left as unknown as Record<string, unknown>;
    const rightRecord = right as unknown as Record<string, unknown>;
    expect(Object.keys(right), `${path}: keys of ${left.$type}`).toEqual(Object.keys(left));
    for (const key of Object.keys(left)) {
        const where = `${path}.${key}`;
        if (key === '$cstNode') expect(cstPairs.get(left.$cstNode!), `${where}`).toBe(right.$cstNode);
        else if (key === '$container') expect(astPairs.get(left.$container!), where).toBe(right.$container);
        else sameValue(leftRecord[key], rightRecord[key], astPairs, cstPairs, where);
    }
}

function sameValue(left: unknown, right: unknown, astPairs: Pairs, cstPairs: Pairs, path: string): void {
    if (Array.isArray(left)) {
        expect(Array.isArray(right) && right.length, path).toBe(left.length);
        left.forEach((item, index) =>
            sameValue(item, (right as unknown[])[index], astPairs, cstPairs, `${path}[${index}]`)
        );
    } else if (left instanceof Date) {
        expect(right instanceof Date && Object.is(right.getTime(), left.getTime()), path).toBe(true);
    } else if (typeof left === 'object' && left !== null && '$type' in left) {
        sameAst(left as AstNode, right as AstNode, astPairs, cstPairs, path);
    } else if (typeof left === 'object' && left !== null && '$refText' in left) {
        const [leftReference, rightReference] = [left as Record<string, unknown>, right as Record<string, unknown>];
        expect(Object.keys(rightReference), path).toEqual(Object.keys(leftReference));
        expect(rightReference.$refText, path).toBe(leftReference.$refText);
        expect(cstPairs.get(leftReference.$refNode as object), `${path}: reference's CST node`).toBe(
            rightReference.$refNode
        );
        expect(astPairs.get(leftReference.node as object), `${path}: reference's container`).toBe(rightReference.node);
        expect(rightReference.property, path).toBe(leftReference.property);
    } else {
        expect(Object.is(right, left), `${path}: ${String(right)} vs ${String(left)}`).toBe(true);
    }
}

function modelFiles(directory: string): string[] {
    return readdirSync(directory, { recursive: true, encoding: 'utf8' })
        .filter(name => name.endsWith('.mission'))
        .map(name => join(directory, name));
}

/** A small seeded generator, so that a failing mutation can be replayed. */
function seededRandom(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
        return state / 4294967296;
    };
}

const EDGE_CASES: Record<string, string> = {
    'empty text': '',
    'only whitespace': ' \t\n\r\n\v\f ',
    'only comments': '// one\n/* two\n lines */ // three',
    'comments everywhere':
        '/*a*/ mission /*b*/ m1 /*c*/ "T" /*d*/ under /*e*/ v /*f*/ { // g\n lead /*h*/ p // i\n crew a, /*j*/ b\n' +
        ' measure x { contributes /*k*/ to /*l*/ v2 /*m*/ . /*n*/ y }\n /*o*/ } // p\n/* q */',
    'comment before the first element': '// header\nvision V',
    'line endings CRLF and CR':
        'vision V {\r\n  horizon 2030-12-31\r\n}\rperson p {\r capacity 2 }\r\n/* a\r\nb\rc */ team t { }',
    'string escapes': 'person p "a \\"quoted\\" \\\\ path \\q bad"',
    numbers: 'mission m { boundary { budget 1_000.5_0k EUR budget -3 EUR budget 2.5M USD budget 7B X headcount 5kg } }',
    'number then name': 'mission m { value 5kg per week }',
    'dates and ranges': 'mission m { boundary { window 2026-01-01..2026-02-30 window 2026-01-011..2027-01-01 } }',
    'keyword prefixes':
        'mission mission-x { crew end_state, days2, statusx } person measure1 team team-2 { members mission-x }',
    units:
        'mission m { measure a { unit days } measure b { unit week } measure c { unit "% of staff" } ' +
        'measure d { unit hours } }',
    'every construct': readFileSync(
        join(
            repositoryRoot,
            'test/fixtures',
            readdirSync(join(repositoryRoot, 'test/fixtures')).find(name => name.endsWith('.mission'))!
        ),
        'utf8'
    ),
    'dotted and double dots':
        'mission m { measure a { contributes to x.y } boundary { window 2026-01-01 .. 2026-01-02 } }',
    'not and must': 'mission m { boundary { must not "x" must "y" } status won direction up }',
    review: 'mission m { review every 14 days last 2026-01-01 review every 7 days }',
    'tags, links and roll-ups':
        'mission m { tags ops, north /*c*/ , ops tags q1 link "https://x.org/a" "Plan" link "mailto:a@b.c" ' +
        'measure a { rollup mean unit "%" target 5 rollup none } measure b { rollup sum } }',
    'tags and link broken': 'mission m { tags , a link } mission n { tags a, } mission o { link "x" "y" "z" }',
    'rollup broken': 'mission m { measure a { rollup max } measure b { rollup } measure c { rollup "sum" } }',
    'new keywords as names': 'mission tags { } person link team rollup { members sum, mean, none }',
    'unterminated comment': 'vision V /* open',
    'unterminated string': 'vision V "open\nperson p',
    'stray characters': 'vision V # person p',
    'non-ASCII whitespace': 'vision\u00a0V',
    'non-ASCII in strings and comments': 'vision V "Élan — ünïcode" // ça\n/* ✓ */',
    'keyword where a name is expected': 'mission status { }',
    'missing brace': 'mission m { lead p',
    'minus alone': 'mission m { boundary { budget - 3 EUR } }',
    'slash alone': 'vision V / person p'
};

describe("the fast parse path gives what Langium's parser gives", () => {
    it('on every model in the repository', () => {
        const files = [
            ...modelFiles(join(repositoryRoot, 'examples')),
            ...modelFiles(join(repositoryRoot, 'test')),
            ...modelFiles(join(repositoryRoot, 'packages/cli/test'))
        ];
        expect(files.length).toBeGreaterThan(40);
        const outcomes = files.map(file => [file, expectSameParse(readFileSync(file, 'utf8'), file)]);
        // The valid ones take the fast path: it must not silently fall back on ordinary models.
        const clean = outcomes.filter(([file]) => !file.includes('/broken/'));
        expect(clean.filter(([, outcome]) => outcome === 'fell back').map(([file]) => file)).toEqual(
            clean
                .filter(([file]) => {
                    const result = langiumParser.parse(readFileSync(file, 'utf8'));
                    return result.lexerErrors.length + result.parserErrors.length > 0;
                })
                .map(([file]) => file)
        );
    });

    it('on a generated 1,000-mission workspace (every construct, comments, a scattering of problems)', () => {
        const files = generateWorkspace(1000, 20) as Array<{ name: string; text: string }>;
        for (const file of files) expect(expectSameParse(file.text, file.name), file.name).toBe('parsed');
    });

    it('on text generated from every rule and alternative of the grammar (so a new construct is held too)', () => {
        // The fixed inputs above use only the constructs known when they were written; these follow the grammar.
        const documents = generateFromGrammar(Mission.Grammar);
        expect(documents.length).toBeGreaterThan(0);
        for (const [index, text] of documents.entries())
            expect(
                expectSameParse(text, `generated document ${index}:\n${text}\n`),
                `the fast parser fell back on a construct it does not follow (syntax/fast-parser.ts):\n${text}`
            ).toBe('parsed');
    });

    it.each(Object.entries(EDGE_CASES))('on %s', (label, text) => {
        expectSameParse(text, label);
    });

    it('takes the fast path on the lexical edge cases it models, and falls back on errors', () => {
        expect(fastParser.parse(EDGE_CASES['comments everywhere']!)).toBeDefined();
        expect(fastParser.parse(EDGE_CASES['line endings CRLF and CR']!)).toBeDefined();
        expect(fastParser.parse(EDGE_CASES['non-ASCII in strings and comments']!)).toBeDefined();
        expect(fastParser.parse(EDGE_CASES['tags, links and roll-ups']!)).toBeDefined();
        expect(fastParser.parse(EDGE_CASES['rollup broken']!)).toBeUndefined();
        expect(fastParser.parse(EDGE_CASES['missing brace']!)).toBeUndefined();
        expect(fastParser.parse(EDGE_CASES['unterminated string']!)).toBeUndefined();
    });

    it('on 3,000 random mutations of valid models', () => {
        const sources = [
            EDGE_CASES['comments everywhere']!,
            EDGE_CASES['every construct']!,
            EDGE_CASES['numbers']!,
            ...modelFiles(join(repositoryRoot, 'examples/training-startup')).map(file => readFileSync(file, 'utf8'))
        ];
        const alphabet = [
            '"',
            '\\',
            '/',
            '*',
            '\n',
            '\r',
            ' ',
            '-',
            '_',
            '.',
            ',',
            '{',
            '}',
            '0',
            '5',
            'k',
            'M',
            'a',
            'Z',
            'é',
            '\u00a0',
            'mission ',
            'status ',
            'tags a, b ',
            'link "https://x.org" ',
            'rollup mean ',
            '2026-01-01',
            '..',
            '//',
            '/*',
            '*/'
        ];
        const random = seededRandom(20261123);
        let fellBack = 0;
        for (let round = 0; round < 3000; round++) {
            const source = sources[round % sources.length]!;
            const at = Math.floor(random() * (source.length + 1));
            const choice = random();
            const mutated =
                choice < 0.4
                    ? source.slice(0, at) + alphabet[Math.floor(random() * alphabet.length)] + source.slice(at)
                    : choice < 0.8
                      ? source.slice(0, at) + source.slice(at + 1 + Math.floor(random() * 3))
                      : source.slice(0, at) + source.slice(at, at + 12) + source.slice(at);
            if (expectSameParse(mutated, `mutation ${round} at ${at}`) === 'fell back') fellBack++;
        }
        // Both kinds were exercised: many mutations break the text, many keep it valid.
        expect(fellBack).toBeGreaterThan(300);
        expect(fellBack).toBeLessThan(2700);
    }, 300_000); // ~25 s on a quiet machine; a generous bound for a shared, loaded one (a limit, not a benchmark)
});

describe("the language's parser service", () => {
    it("is the fast path in front of Langium's parser, which still reports errors with recovery", () => {
        const parser = Mission.parser.LangiumParser;
        expect(parser).toBeInstanceOf(MissionParser);
        const result: ParseResult = parser.parse('mission m { lead }\nmission n { }');
        expect(result.parserErrors.length).toBeGreaterThan(0);
        expect((result.value as unknown as { elements: unknown[] }).elements).toHaveLength(2);
    });

    it("builds Langium's parser only when a text first needs it", () => {
        const parser = createMissionParser(Mission) as unknown as MissionParser;
        parser.parse('mission m "M" { intent "x" }');
        expect(parser['langiumParser']).toBeUndefined();
        const broken: ParseResult = parser.parse('mission m { lead }');
        expect(parser['langiumParser']).toBeDefined();
        expect(broken.parserErrors.length).toBeGreaterThan(0);
    });

    it('reads the token types the lexer is built from without building the lexer', () => {
        const { Mission: fresh } = createMissionServices(EmptyFileSystem);
        const buildTokens = vi.spyOn(fresh.parser.TokenBuilder, 'buildTokens');
        const parser = new MissionFastParser(fresh);
        const leaf = parser.parse('vision v')!.value.$cstNode!.content[0]!.content[0]!.content[0] as LeafCstNodeImpl;
        expect(buildTokens).toHaveBeenCalledTimes(1);
        // The lexer, built afterwards, has the very same token types: the tokens are built once.
        expect(fresh.parser.Lexer.definition['vision']).toBe(leaf.tokenType);
        expect(buildTokens.mock.results[1]?.value).toBe(buildTokens.mock.results[0]?.value);
    });
});

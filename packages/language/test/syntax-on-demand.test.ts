/**
 * Syntax trees on demand (src/syntax/syntax-on-demand.ts): a lean parse (the batch services') builds
 * the AST alone, and a node's `$cstNode` (a reference's `$refNode`) is built when first read. Held here
 * to the CST the full parse gives: same positions, texts, grammar elements, CST → AST links to the lean
 * nodes, whether built element by element (in any order) or for the whole document; built only where
 * read; and a batch check reports exactly what a full one does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type AstNode, type CstNode, CstUtils, EmptyFileSystem, GrammarUtils, type Reference } from 'langium';
import { describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../../bench/generate.mjs';
import { checkSources, sourceFile } from '../src/api/check.js';
import type { Model } from '../src/generated/ast.js';
import { createMissionServices } from '../src/mission-module.js';
import { forEachNode, forEachOwnReference } from '../src/model/walk.js';
import { createMissionParser } from '../src/syntax/fast-parser.js';
import { ITEM_START, OnDemandNode } from '../src/syntax/syntax-on-demand.js';

const { Mission } = createMissionServices(EmptyFileSystem);
const leanParser = createMissionParser(Mission, { syntaxOnDemand: true });
const fullParser = createMissionParser(Mission);
const repositoryRoot = join(__dirname, '../../..');

function nodesOf(root: AstNode): AstNode[] {
    const nodes: AstNode[] = [];
    forEachNode(root, node => nodes.push(node));
    return nodes;
}

function referencesOf(node: AstNode): Reference[] {
    const references: Reference[] = [];
    forEachOwnReference(node, reference => references.push(reference));
    return references;
}

function hasSyntaxTree(node: AstNode): boolean {
    return Object.hasOwn(node, '$cstNode');
}

function sameCstNode(lean: CstNode | undefined, full: CstNode | undefined, where: string): void {
    expect(lean === undefined, `${where}: has a CST node`).toBe(full === undefined);
    if (!lean || !full) return;
    expect([lean.offset, lean.end, lean.range, lean.text, lean.grammarSource], where).toEqual([
        full.offset,
        full.end,
        full.range,
        full.text,
        full.grammarSource
    ]);
}

/** The lean subtree `lean` (syntax trees built by now) against its full twin. */
function expectSameTrees(lean: AstNode, full: AstNode, label: string): void {
    const leanNodes = nodesOf(lean);
    const fullNodes = nodesOf(full);
    expect(
        leanNodes.map(node => node.$type),
        label
    ).toEqual(fullNodes.map(node => node.$type));
    leanNodes.forEach((node, index) => {
        const twin = fullNodes[index]!;
        const where = `${label}: ${node.$type} #${index}`;
        sameValues(node, twin, where);
        sameCstNode(node.$cstNode, twin.$cstNode, where);
        // The CST names the lean node, so that finding a node by position gives the live one.
        if (node.$cstNode) expect(node.$cstNode.astNode, `${where}: CST → AST`).toBe(node);
        const [leanReferences, fullReferences] = [referencesOf(node), referencesOf(twin)];
        expect(leanReferences.length, where).toBe(fullReferences.length);
        leanReferences.forEach((reference, nth) =>
            sameCstNode(reference.$refNode, fullReferences[nth]!.$refNode, `${where} reference ${nth}`)
        );
        if (node.$type === 'Mission' && (node as unknown as { title?: string }).title !== undefined) {
            sameCstNode(
                GrammarUtils.findNodeForProperty(node.$cstNode, 'title'),
                GrammarUtils.findNodeForProperty(twin.$cstNode, 'title'),
                `${where} title`
            );
        }
    });
}

/** The lean parse's values are the full parse's: same keys in the same order, same values, same reference texts. */
function sameValues(lean: AstNode, full: AstNode, where: string): void {
    const keys = Object.keys(full).filter(key => key !== '$cstNode');
    expect(
        Object.keys(lean).filter(key => key !== '$cstNode' && key !== ITEM_START),
        where
    ).toEqual(keys);
    for (const key of keys.filter(key => !key.startsWith('$'))) {
        const [a, b] = [
            (lean as unknown as Record<string, unknown>)[key],
            (full as unknown as Record<string, unknown>)[key]
        ];
        expect(summary(a), `${where}.${key}`).toEqual(summary(b));
    }
}

function summary(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(summary);
    if (value instanceof Date) return `date ${value.getTime()}`;
    if (typeof value === 'object' && value !== null && '$refText' in value)
        return `reference ${(value as Reference).$refText}`;
    if (typeof value === 'object' && value !== null && '$type' in value) return `node ${(value as AstNode).$type}`;
    return value;
}

/** A small seeded generator, so that a failure can be replayed. */
function seededRandom(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
        return state / 4294967296;
    };
}

function modelFiles(directory: string): string[] {
    return readdirSync(directory, { recursive: true, encoding: 'utf8' })
        .filter(name => name.endsWith('.mission'))
        .map(name => join(directory, name));
}

const repositoryModels = [
    ...modelFiles(join(repositoryRoot, 'examples')),
    ...modelFiles(join(repositoryRoot, 'test'))
].map(file => ({ name: file, text: readFileSync(file, 'utf8') }));
const generated = generateWorkspace(1000, 20) as Array<{ name: string; text: string }>;

const lineEnds = {
    name: 'CRLF, CR and comments before items',
    text:
        'vision V {\r\n  horizon 2030-12-31\r\n}\rperson p "P" {\r capacity 2\r\n role "x" }\r\n' +
        '/* a\r\nb\rc */ mission m under V {\r\n' +
        '  lead p // c\r\n  crew p\r  /* d\r\n */ review every 7 days last 2026-01-01\r\n  measure x { target 3 }\n}'
};

describe('syntax trees on demand', () => {
    it("builds an item's tree alone, at the right line and column whatever the line ends", () => {
        let items = 0;
        for (const { name, text } of [lineEnds, generated[1]!]) {
            const lean = leanParser.parse<Model>(text).value;
            const full = fullParser.parse<Model>(text).value;
            expect(lean, name).toBeInstanceOf(OnDemandNode);
            lean.elements.forEach((element, index) => {
                const twins = nodesOf(full.elements[index]!);
                nodesOf(element).forEach((item, position) => {
                    if (item.$container !== element || !(ITEM_START in item)) return;
                    expect(item.$cstNode, name).toBeDefined();
                    expect(hasSyntaxTree(element), name).toBe(false);
                    expectSameTrees(item, twins[position]!, `${name}: ${item.$type} of element ${index}`);
                    items++;
                });
            });
        }
        expect(items).toBeGreaterThan(100);
    });

    it("builds none while parsing, then each element's where one of its nodes is read, in any order", () => {
        const random = seededRandom(11);
        let checked = 0;
        let items = 0;
        for (const { name, text } of [lineEnds, ...repositoryModels, ...generated.slice(0, 5)]) {
            const lean = leanParser.parse<Model>(text).value;
            const full = fullParser.parse<Model>(text).value;
            if (!(lean instanceof OnDemandNode)) continue; // parsed by Langium's parser: a model with a syntax error
            const elements = lean.elements;
            expect(elements.some(hasSyntaxTree), name).toBe(false);
            const order = elements.map((_, index) => index).sort(() => random() - 0.5);
            for (const index of order) {
                const element = elements[index]!;
                const nodes = nodesOf(element);
                const reader = nodes[Math.floor(random() * nodes.length)]!;
                const item =
                    reader === element
                        ? undefined
                        : nodes.find(node => node.$container === element && nodesOf(node).includes(reader));
                expect(reader.$cstNode, `${name}: ${reader.$type}`).toBeDefined();
                if (item && (element.$type === 'Mission' || element.$type === 'Person')) {
                    // An item's tree alone: the element has none yet.
                    expect(hasSyntaxTree(element), `${name}: ${item.$type} alone`).toBe(false);
                    const twin = nodesOf(full.elements[index]!)[nodes.indexOf(item)]!;
                    expectSameTrees(item, twin, `${name} element ${index} item ${item.$type}`);
                    items++;
                }
                expect(element.$cstNode, name).toBeDefined();
                expectSameTrees(element, full.elements[index]!, `${name} element ${index}`);
            }
            // The model's own tree is built last, over the elements' own ones.
            expectSameTrees(lean, full, name);
            checked++;
        }
        expect(checked).toBeGreaterThan(30);
        expect(items).toBeGreaterThan(100);
    });

    it("builds the whole document's tree when the model's is read, with the lean nodes found by position", () => {
        for (const { name, text } of generated.slice(1, 4)) {
            const lean = leanParser.parse<Model>(text).value;
            const root = lean.$cstNode!;
            expect(root.root.fullText, name).toBe(text);
            expect(lean.elements.every(hasSyntaxTree), name).toBe(true);
            expectSameTrees(lean, fullParser.parse<Model>(text).value, name);
            const mission = lean.elements.find(element => element.$type === 'Mission')!;
            const leaf = CstUtils.findLeafNodeAtOffset(root, mission.$cstNode!.offset + 2);
            expect(leaf?.astNode).toBe(mission);
        }
    });

    it("builds a reference's CST node where it is read, and only its element's", () => {
        const text = generated[1]!.text;
        const lean = leanParser.parse<Model>(text).value;
        const full = fullParser.parse<Model>(text).value;
        const index = lean.elements.findIndex(
            element => element.$type === 'Mission' && referencesOf(element).length > 0
        );
        const reference = referencesOf(lean.elements[index]!)[0]!;
        const twin = referencesOf(full.elements[index]!)[0]!;
        sameCstNode(reference.$refNode, twin.$refNode, 'reference');
        expect(lean.elements.filter(hasSyntaxTree)).toEqual([lean.elements[index]]);
    });

    it('gives a batch check exactly the diagnostics of a full one, building trees only where it reports', async () => {
        const workspace = generated.map(file => sourceFile(file.name, resolve('/generated', file.name), file.text));
        const [batch, full] = await Promise.all([
            checkSources(workspace, { today: '2026-11-23', referenceIndex: false }),
            checkSources(workspace, { today: '2026-11-23', referenceIndex: true })
        ]);
        expect(batch.diagnostics.length).toBeGreaterThan(20);
        expect(batch.diagnostics).toEqual(full.diagnostics);
        const elements = batch.documents.flatMap(({ document }) => document.parseResult.value.elements);
        const built = elements.filter(
            element =>
                hasSyntaxTree(element) ||
                nodesOf(element).some(node => node.$container === element && hasSyntaxTree(node))
        );
        expect(built.length).toBeGreaterThan(0);
        expect(built.length).toBeLessThanOrEqual(batch.diagnostics.length);
        expect(built.length).toBeLessThan(elements.length / 4);
    });

    it('builds every tree while parsing when a batch check asks to (outputs that read every position)', async () => {
        const workspace = generated
            .slice(0, 4)
            .map(file => sourceFile(file.name, resolve('/generated', file.name), file.text));
        const [eager, onDemand] = await Promise.all([
            checkSources(workspace, { today: '2026-11-23', referenceIndex: false, syntaxOnDemand: false }),
            checkSources(workspace, { today: '2026-11-23', referenceIndex: false })
        ]);
        const models = (result: typeof eager): Model[] =>
            result.documents.map(({ document }) => document.parseResult.value);
        expect(models(eager).every(model => !(model instanceof OnDemandNode) && hasSyntaxTree(model))).toBe(true);
        expect(models(onDemand).every(model => model instanceof OnDemandNode)).toBe(true);
        expect(eager.diagnostics).toEqual(onDemand.diagnostics);
    });

    it('gives a batch check exactly the diagnostics of a full one on every model in the repository', async () => {
        for (const { name, text } of repositoryModels) {
            const sources = [sourceFile(name, resolve(name), text)];
            const [batch, full] = await Promise.all([
                checkSources(sources, { today: '2026-11-23', referenceIndex: false }),
                checkSources(sources, { today: '2026-11-23', referenceIndex: true })
            ]);
            expect(batch.diagnostics, name).toEqual(full.diagnostics);
        }
    });
});

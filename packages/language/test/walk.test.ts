/**
 * The fast walks (src/model/walk.ts) read only the properties the grammar assigns nodes to and the
 * cross-references: they must meet every node and every reference Langium's own streams meet.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AstNode, AstUtils, EmptyFileSystem, type Reference } from 'langium';
import { describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../../bench/generate.mjs';
import { createMissionServices } from '../src/mission-module.js';
import { forEachNode, forEachNodeOf, forEachOwnReference, nodeTypes, referenceHolderTypes } from '../src/model/walk.js';

const { Mission } = createMissionServices(EmptyFileSystem);
const repositoryRoot = join(__dirname, '../../..');

function texts(): Array<{ name: string; text: string }> {
    const directory = join(repositoryRoot, 'examples');
    const files = readdirSync(directory, { recursive: true, encoding: 'utf8' })
        .filter(name => name.endsWith('.mission'))
        .map(name => ({ name, text: readFileSync(join(directory, name), 'utf8') }));
    return [...files, ...(generateWorkspace(300, 3) as Array<{ name: string; text: string }>)];
}

describe('the fast walks', () => {
    it("meet every node and every reference that Langium's streams meet", () => {
        let nodes = 0;
        for (const { name, text } of texts()) {
            const model = Mission.parser.LangiumParser.parse(text).value;
            const walked = new Set<AstNode>();
            const references: Reference[] = [];
            forEachNode(model, node => {
                walked.add(node);
                forEachOwnReference(node, reference => references.push(reference));
            });
            const streamed = AstUtils.streamAst(model).toArray();
            expect(walked.size, name).toBe(streamed.length);
            expect(
                streamed.every(node => walked.has(node)),
                name
            ).toBe(true);
            const streamedReferences = streamed.flatMap(node =>
                AstUtils.streamReferences(node)
                    .map(info => info.reference)
                    .toArray()
            );
            expect(new Set(references), name).toEqual(new Set(streamedReferences));
            nodes += walked.size;
        }
        expect(nodes).toBeGreaterThan(5000);
    });
});

describe('the walk for some node types', () => {
    it('meets exactly the nodes of those types, in the order of the full walk, whatever the types', () => {
        const allTypes = [
            ...new Set(
                texts()
                    .slice(0, 8)
                    .flatMap(({ text }) =>
                        AstUtils.streamAst(Mission.parser.LangiumParser.parse(text).value)
                            .map(node => node.$type)
                            .toArray()
                    )
            )
        ];
        const typeSets = [
            referenceHolderTypes(),
            ...allTypes.map(type => [type]),
            allTypes.filter((_, index) => index % 3 === 0)
        ];
        expect(typeSets.length).toBeGreaterThan(15);
        for (const { name, text } of texts()) {
            const model = Mission.parser.LangiumParser.parse(text).value;
            const all: AstNode[] = [];
            forEachNode(model, node => all.push(node));
            const streamed = new Set(AstUtils.streamAst(model));
            for (const types of typeSets) {
                const met: AstNode[] = [];
                forEachNodeOf(model, nodeTypes(types), node => met.push(node));
                const expected = all.filter(node => types.includes(node.$type));
                expect(met, `${name}: ${types.join(', ')}`).toEqual(expected);
                expect(expected.every(node => streamed.has(node))).toBe(true);
                expect([...streamed].filter(node => types.includes(node.$type)).length, name).toBe(expected.length);
            }
        }
    });
});

/**
 * Which documents a change of facts reaches (src/incremental/affected.ts), hop by hop: the changed
 * element's own document, the documents of elements that reference it (one hop: a mission whose lead is
 * a person), and of elements that reference those (two hops: a mission whose crew is a team of the person).
 * The differential suite (test/reliability/incremental-differential.test.ts) holds the same against
 * fresh builds; this pins each hop in a unit test, so that mutation testing sees it too.
 */
import type { AstNode, LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import type { Model } from '../src/generated/ast.js';
import { affectedDocuments } from '../src/incremental/affected.js';
import { TestWorkspace } from './lsp/workspace.js';

const PEOPLE = `vision Acme "Acme" { horizon 2030-12-31 }
person alice "Alice" { capacity 1 }
person bob "Bob" { capacity 1 }
team clinical "Clinical" { members bob }
`;
const LED = `mission Led "Led by alice" under Acme { lead alice }\n`;
const CREWED = `mission Crewed "Crewed by the team" under Acme { lead alice  crew clinical }\n`;
const UNRELATED = `mission Alone "No one of the people file" under Acme { }\n`;

async function workspace(): Promise<{ documents: LangiumDocument[]; named(name: string): AstNode }> {
    const files = new TestWorkspace();
    await files.set({
        'people.mission': PEOPLE,
        'led.mission': LED,
        'crewed.mission': CREWED,
        'alone.mission': UNRELATED
    });
    const documents = files.services.shared.workspace.LangiumDocuments.all.toArray();
    const named = (name: string): AstNode => {
        for (const document of documents) {
            const found = (document.parseResult.value as Model).elements.find(element => element.name === name);
            if (found) return found;
        }
        throw new Error(`no element ${name}`);
    };
    return { documents, named };
}

function names(documents: Set<LangiumDocument>): string[] {
    return [...documents].map(document => document.uri.path.split('/').at(-1)!).sort();
}

describe('affectedDocuments', () => {
    test('one hop: a person whose facts changed reaches the missions that name them', async () => {
        const { documents, named } = await workspace();
        expect(names(affectedDocuments(documents, new Set([named('alice')])))).toEqual([
            'crewed.mission',
            'led.mission',
            'people.mission'
        ]);
    });

    test('two hops: a team member reaches the missions crewed by the team, through the team', async () => {
        const { documents, named } = await workspace();
        expect(names(affectedDocuments(documents, new Set([named('bob')])))).toEqual([
            'crewed.mission',
            'people.mission'
        ]);
    });

    test('what a changed mission references is reached too; nothing reaches an unrelated file', async () => {
        const { documents, named } = await workspace();
        expect(names(affectedDocuments(documents, new Set([named('Led')])))).toEqual(['led.mission', 'people.mission']);
        expect(names(affectedDocuments(documents, new Set<AstNode>()))).toEqual([]);
    });
});

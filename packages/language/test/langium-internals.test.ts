/**
 * src/langium-internals.ts against the installed Langium: each function that reaches a private field
 * does what the engine relies on. A Langium upgrade that renames or repurposes one fails here, by name,
 * rather than as stale diagnostics in the editor (docs/langium-upgrade.md).
 */
import { AstUtils, CompositeCstNodeImpl, EmptyFileSystem, type LangiumDocument, type Reference, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import type { Mission, Model } from '../src/generated/ast.js';
import {
    documentWithReferences,
    linkedTarget,
    moveLeaves,
    mutableRoot,
    ownAstNodeOf,
    setAstNodeOf,
    setRootText,
    shiftNode
} from '../src/langium-internals.js';
import { createMissionServices } from '../src/mission-module.js';

const { Mission: services, shared } = createMissionServices(EmptyFileSystem);
const factory = shared.workspace.LangiumDocumentFactory;
let documents = 0;

/** A parsed and indexed document, not linked: its references resolve when first read. */
async function parse(text: string): Promise<LangiumDocument<Model>> {
    const uri = URI.parse(`file:///internals-${++documents}.mission`);
    const document = factory.fromString<Model>(text, uri);
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { eagerLinking: false, validation: false });
    return document;
}

const TEXT = `vision V
person alice
mission Grow under V { lead alice }
mission Lost under Nowhere { lead alice }
`;

function missions(document: LangiumDocument<Model>): Mission[] {
    return document.parseResult.value.elements.filter((element): element is Mission => element.$type === 'Mission');
}

describe('langium-internals', () => {
    test('linkedTarget reads what a reference resolved to, without linking it', async () => {
        const document = await parse(TEXT);
        const [grow, lost] = missions(document);
        const parent = grow!.parent as Reference;
        // Not linked yet (parseHelper only parses): nothing, and reading it links nothing.
        expect(linkedTarget(parent)).toBeUndefined();
        expect(linkedTarget(parent)).toBeUndefined();
        expect(parent.ref?.name).toBe('V');
        expect(linkedTarget(parent)).toBe(parent.ref);
        // An unresolved reference, once linked, has a linking error there: not a target.
        expect(lost!.parent?.ref).toBeUndefined();
        expect(linkedTarget(lost!.parent)).toBeUndefined();
        expect(linkedTarget(undefined)).toBeUndefined();
    });

    test("ownAstNodeOf is a syntax node's own AST node, not the getter's fallback to its container's", async () => {
        const document = await parse(TEXT);
        const grow = missions(document)[0]!;
        expect(ownAstNodeOf(grow.$cstNode!)).toBe(grow);
        const detached = new CompositeCstNodeImpl();
        detached.container = grow.$cstNode as CompositeCstNodeImpl;
        expect(detached.astNode).toBe(grow);
        expect(ownAstNodeOf(detached)).toBeUndefined();
        const lead = grow.leads[0]!;
        setAstNodeOf(detached, lead);
        expect(ownAstNodeOf(detached)).toBe(lead);
        expect(detached.astNode).toBe(lead);
    });

    test('moveLeaves and shiftNode move the positions that ranges and offsets report', async () => {
        const document = await parse(TEXT);
        const grow = missions(document)[0]!;
        const cst = grow.$cstNode!;
        const before = { offset: cst.offset, range: cst.range };
        moveLeaves(cst, 10, 2, 4);
        expect(cst.offset).toBe(before.offset + 10);
        expect(cst.range.start).toEqual({
            line: before.range.start.line + 2,
            character: before.range.start.character + (before.range.start.line === 0 ? 4 : 0)
        });
        const moved = { offset: cst.offset, range: cst.range };
        shiftNode(cst, {
            oldEnd: 0,
            offsetDelta: 5,
            oldEndLine: moved.range.start.line,
            lineDelta: 1,
            columnDelta: 3
        });
        expect(cst.offset).toBe(moved.offset + 5);
        expect(cst.range.start).toEqual({
            line: moved.range.start.line + 1,
            character: moved.range.start.character + 3
        });
    });

    test("setRootText is the text a document's root syntax node reports", async () => {
        const document = await parse(TEXT);
        const root = mutableRoot(document.parseResult.value);
        setRootText(root, `${TEXT}// more\n`);
        expect(root.root.fullText).toBe(`${TEXT}// more\n`);
        expect(root.content.length).toBeGreaterThan(0);
    });

    test("documentWithReferences is all that Langium's processLinkingErrors reads", async () => {
        const document = await parse(TEXT);
        const references = AstUtils.streamAst(document.parseResult.value)
            .flatMap(node => AstUtils.streamReferences(node))
            .map(info => info.reference)
            .toArray();
        for (const reference of references) void reference.ref;
        const diagnostics: Array<{ message: string }> = [];
        const validator = services.validation.DocumentValidator as unknown as {
            processLinkingErrors(document: LangiumDocument, diagnostics: unknown[], options: object): void;
        };
        validator.processLinkingErrors(documentWithReferences(references), diagnostics, {});
        expect(diagnostics.map(diagnostic => diagnostic.message)).toEqual([expect.stringMatching(/Nowhere/) as string]);
    });
});

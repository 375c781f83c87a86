import {
    type AstNode,
    CstUtils,
    type LangiumDocument,
    type Lexer,
    type MaybePromise,
    type ReferenceDescription
} from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import {
    type Position,
    type PrepareRenameParams,
    type Range,
    type RenameParams,
    ResponseError,
    type TextEdit,
    type WorkspaceEdit
} from 'vscode-languageserver';
import { isContribution, isMeasure, type Measure, type Mission } from '../generated/ast.js';
import type { MissionServices } from '../mission-module.js';
import type { MissionIndexManager } from '../references/name-index.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Renames across every file. A measure is referenced by its qualified name, `Mission.measure`, so
 * renaming a measure rewrites the measure part of each `contributes to`, and renaming a mission
 * rewrites the mission part of the references to all its measures. On a qualified reference the part
 * under the cursor decides what is renamed: `Gr|ow.patients` renames the mission, `Grow.pat|ients` the
 * measure.
 */
export class MissionRenameProvider extends DefaultRenameProvider {
    private readonly lexer: Lexer;
    private keywordSet?: ReadonlySet<string>;
    private readonly index: MissionIndexManager;

    constructor(services: MissionServices) {
        super(services);
        this.index = services.shared.workspace.IndexManager as MissionIndexManager;
        this.lexer = services.parser.Lexer;
    }

    /** The language's keywords, read on the first rename (reading them builds the lexer: syntax/lazy-parsers.ts). */
    private get keywords(): ReadonlySet<string> {
        return (this.keywordSet ??= new Set(Object.keys(this.lexer.definition).filter(name => /^[a-z]+$/.test(name))));
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const target = this.targetAt(document, params.position);
        if (!target) return undefined;
        if (!NAME.test(params.newName) || this.keywords.has(params.newName)) {
            throw new ResponseError(
                -32602,
                `'${params.newName}' is not a valid name: ` +
                    'a letter or _, then letters, digits, _ or -, and not a keyword'
            );
        }
        const taken = this.nameTaken(target, params.newName);
        if (taken) throw new ResponseError(-32602, taken);
        const changes: Record<string, TextEdit[]> = {};
        const add = (reference: ReferenceDescription, newText: string): void => {
            const uri = reference.sourceUri.toString();
            (changes[uri] ??= []).push({ range: reference.segment.range, newText });
        };
        // A mission's references include the mission part of its measures' qualified names (MissionReferences).
        for (const reference of this.references.findReferences(target, { includeDeclaration: true })) {
            add(
                reference,
                isMeasure(target) && !isDeclaration(reference)
                    ? `${target.$container.name}.${params.newName}`
                    : params.newName
            );
        }
        return { changes };
    }

    /** Why the new name cannot be used (it would make a duplicate-name), or undefined. */
    private nameTaken(target: AstNode, newName: string): string | undefined {
        if (isMeasure(target)) {
            const clash = target.$container.measures.some(measure => measure !== target && measure.name === newName);
            return clash ? `mission ${target.$container.name} already has a measure named '${newName}'` : undefined;
        }
        const holder = this.index
            .lookup(newName)
            .find(description => description.node !== target && !description.name.includes('.'));
        return holder
            ? `the name '${newName}' is already used by a ${holder.type.toLowerCase()} (names are global)`
            : undefined;
    }

    override prepareRename(document: LangiumDocument, params: PrepareRenameParams): MaybePromise<Range | undefined> {
        const qualified = this.qualifiedPartAt(document, params.position);
        if (qualified) return qualified.range;
        return super.prepareRename(document, params);
    }

    /** The element to rename at a position: a declaration's name, a reference, or one part of a qualified reference. */
    private targetAt(document: LangiumDocument, position: Position): AstNode | undefined {
        const qualified = this.qualifiedPartAt(document, position);
        if (qualified) return qualified.target;
        const root = document.parseResult.value.$cstNode;
        const leaf =
            root &&
            CstUtils.findDeclarationNodeAtOffset(
                root,
                document.textDocument.offsetAt(position),
                this.grammarConfig.nameRegexp
            );
        return leaf ? this.references.findDeclarations(leaf)[0] : undefined;
    }

    /** On a resolved `contributes to Mission.measure`: which part is under the cursor, and what it names. */
    private qualifiedPartAt(
        document: LangiumDocument,
        position: Position
    ): { target: Mission | Measure; range: Range } | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const offset = document.textDocument.offsetAt(position);
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp);
        const contribution = leaf?.astNode;
        if (!leaf || !isContribution(contribution)) return undefined;
        const measure = contribution.measure?.ref; // absent while typing `contributes to`
        const refNode = contribution.measure?.$refNode;
        if (!measure || !refNode) return undefined;
        const names = CstUtils.flattenCst(refNode)
            .filter(node => !node.hidden && node.text !== '.')
            .toArray();
        if (names.length !== 2) return undefined;
        const [missionPart, measurePart] = names as [typeof leaf, typeof leaf];
        if (leaf === missionPart) return { target: measure.$container, range: missionPart.range };
        if (leaf === measurePart) return { target: measure, range: measurePart.range };
        return undefined;
    }
}

/** The declaration's own name among the references (Langium lists it with source = target). */
function isDeclaration(reference: ReferenceDescription): boolean {
    return (
        reference.sourcePath === reference.targetPath &&
        reference.sourceUri.toString() === reference.targetUri.toString()
    );
}

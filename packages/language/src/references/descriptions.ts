import {
    type AstNode,
    type AstNodeDescription,
    AstUtils,
    type CstNode,
    CstUtils,
    DefaultAstNodeDescriptionProvider,
    DefaultReferenceDescriptionProvider,
    type DocumentSegment,
    type LangiumDocument,
    type ReferenceDescription,
    type URI
} from 'langium';
import type { Model } from '../generated/ast.js';
import { forEachNode, forEachOwnReference } from '../model/walk.js';

/**
 * Descriptions of exported names that read their positions from the live syntax tree when asked.
 * Langium's compute the selection segment when the name is indexed; the editor moves a typing edit onto
 * the current tree (incremental/transplant.ts, incremental/incremental-parse.ts), which shifts positions without
 * re-indexing, so a segment taken at indexing time would go stale. The path is computed on first use:
 * the tree keeps its structure for as long as the description lives.
 */
export class MissionAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(
        node: AstNode,
        name: string | undefined,
        document?: LangiumDocument
    ): AstNodeDescription {
        const documentUri = (document ?? AstUtils.getDocument(node)).uri;
        const nodeName = name ?? this.nameProvider.getName(node);
        if (!nodeName) throw new Error(`A ${node.$type} without a name cannot be exported.`);
        return new LiveAstNodeDescription(node, nodeName, documentUri, this);
    }

    /** The path of a node in its document (what `AstNodeDescription.path` holds). */
    pathOf(node: AstNode): string {
        return this.astNodeLocator.getAstNodePath(node);
    }

    /** The CST node of a node's name, or of the node where it has no name. */
    nameNodeOf(node: AstNode): CstNode | undefined {
        return this.nameProvider.getNameNode(node) ?? node.$cstNode;
    }
}

/**
 * One exported name. A class, with its lazy parts as getters on the prototype: a workspace exports
 * hundreds of thousands of names, and an object literal with getters costs a closure per getter each.
 */
class LiveAstNodeDescription implements AstNodeDescription {
    readonly type: string;
    private cachedPath?: string = undefined;

    constructor(
        readonly node: AstNode,
        readonly name: string,
        readonly documentUri: URI,
        private readonly provider: MissionAstNodeDescriptionProvider
    ) {
        this.type = node.$type;
    }

    get path(): string {
        return (this.cachedPath ??= this.provider.pathOf(this.node));
    }

    get nameSegment(): DocumentSegment | undefined {
        return CstUtils.toDocumentSegment(this.provider.nameNodeOf(this.node));
    }

    get selectionSegment(): DocumentSegment | undefined {
        return CstUtils.toDocumentSegment(this.node.$cstNode);
    }
}

/**
 * The reference index of a document (find references, rename, what to relink), built with a plain walk
 * over the tree: Langium's awaits a cancellation check at every node and streams each node's references,
 * a quarter of a second per keystroke in a file of 45,000 persons.
 */
export class MissionReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    /**
     * Langium's entry point; the index asks `createDescriptionsNow` itself, on its first question
     * (references/name-index.ts), so this is only for callers that use the provider directly.
     */
    override async createDescriptions(document: LangiumDocument): Promise<ReferenceDescription[]> {
        return this.createDescriptionsNow(document);
    }

    /** The descriptions of every resolved reference in a document, in tree order, at once. */
    createDescriptionsNow(document: LangiumDocument): ReferenceDescription[] {
        const descriptions: ReferenceDescription[] = [];
        const describeOwnReferences = (node: AstNode): void =>
            forEachOwnReference(node, (reference, property, index) => {
                if (reference.error) return;
                for (const description of this.createInfoDescriptions({ reference, container: node, property, index }))
                    descriptions.push(description);
            });
        const model = document.parseResult.value as Model;
        describeOwnReferences(model);
        for (const element of model.elements ?? []) forEachNode(element, describeOwnReferences);
        return descriptions;
    }
}

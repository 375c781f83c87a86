import {
    type AstNode, type AstNodeDescription, AstUtils, CstUtils, DefaultAstNodeDescriptionProvider, DefaultReferenceDescriptionProvider,
    type LangiumDocument, type ReferenceDescription
} from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import type { Model } from '../generated/ast.js';
import { forEachElementInSlices, forEachNode, forEachOwnReference } from '../model/walk.js';

/**
 * Descriptions of exported names that read their positions from the live syntax tree when asked.
 * Langium's compute the selection segment when the name is indexed; the editor moves a typing edit onto
 * the current tree (lsp/transplant.ts, lsp/incremental-parse.ts), which shifts positions without
 * re-indexing, so a segment taken at indexing time would go stale. The path is computed on first use:
 * the tree keeps its structure for as long as the description lives.
 */
export class MissionAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const documentUri = (document ?? AstUtils.getDocument(node)).uri;
        const nodeName = name ?? this.nameProvider.getName(node);
        if (!nodeName) throw new Error(`A ${node.$type} without a name cannot be exported.`);
        const locator = this.astNodeLocator;
        const nameProvider = this.nameProvider;
        let path: string | undefined;
        return {
            node,
            name: nodeName,
            type: node.$type,
            documentUri,
            get path() {
                return path ??= locator.getAstNodePath(node);
            },
            get nameSegment() {
                return CstUtils.toDocumentSegment(nameProvider.getNameNode(node) ?? node.$cstNode);
            },
            get selectionSegment() {
                return CstUtils.toDocumentSegment(node.$cstNode);
            }
        };
    }
}

/**
 * The reference index of a document (find references, rename, what to relink), built with a plain walk
 * over the tree: Langium's awaits a cancellation check at every node and streams each node's references,
 * a quarter of a second per keystroke in a file of 45,000 persons.
 */
export class MissionReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken: CancellationToken = CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        const describeOwnReferences = (node: AstNode): void => forEachOwnReference(node, (reference, property, index) => {
            if (reference.error) return;
            for (const description of this.createInfoDescriptions({ reference, container: node, property, index })) descriptions.push(description);
        });
        const model = document.parseResult.value as Model;
        describeOwnReferences(model);
        await forEachElementInSlices(model.elements ?? [], cancelToken, element => forEachNode(element, describeOwnReferences));
        return descriptions;
    }
}

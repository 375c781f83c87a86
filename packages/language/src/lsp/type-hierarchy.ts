import { type AstNode, AstUtils, CstUtils, type LangiumDocument, type MaybePromise, URI } from 'langium';
import { AbstractTypeHierarchyProvider, type NodeKindProvider } from 'langium/lsp';
import type {
    TypeHierarchyItem,
    TypeHierarchySubtypesParams,
    TypeHierarchySupertypesParams
} from 'vscode-languageserver';
import type { ModelFactsProvider } from '../facts/facts-provider.js';
import { type AlignmentTarget, isMission, isVision } from '../generated/ast.js';
import type { MissionServices } from '../mission-module.js';

/**
 * The cascade as a type hierarchy: a mission's supertype is its parent (`under`: a mission or the
 * vision), its subtypes are the missions directly under it. Editors expand one level at a time, so
 * following supertypes walks the path up to the vision; a cycle simply comes round again.
 */
export class MissionTypeHierarchyProvider extends AbstractTypeHierarchyProvider {
    private readonly facts: ModelFactsProvider;
    private readonly nodeKinds: NodeKindProvider;

    constructor(services: MissionServices) {
        super(services);
        this.facts = services.facts.ModelFactsProvider;
        this.nodeKinds = services.shared.lsp.NodeKindProvider;
    }

    /**
     * Only visions and missions are in the cascade. The item's document is the element's own (Langium
     * passes the document the request came from, which is wrong for an element in another file).
     */
    protected override getTypeHierarchyItems(
        node: AstNode,
        _document: LangiumDocument
    ): TypeHierarchyItem[] | undefined {
        return isMission(node) || isVision(node)
            ? super.getTypeHierarchyItems(node, AstUtils.getDocument(node))
            : undefined;
    }

    protected override getTypeHierarchyItem(node: AstNode): Partial<TypeHierarchyItem> | undefined {
        const title = (node as { title?: string }).title;
        return { kind: this.nodeKinds.getSymbolKind(node), ...(title ? { detail: title } : {}) };
    }

    /** Finds the element by its name (the item's selection range), which is stable under leading comments. */
    override async supertypes(params: TypeHierarchySupertypesParams): Promise<TypeHierarchyItem[] | undefined> {
        const node = await this.elementOf(params.item);
        return node ? this.getSupertypes(node) : undefined;
    }

    override async subtypes(params: TypeHierarchySubtypesParams): Promise<TypeHierarchyItem[] | undefined> {
        const node = await this.elementOf(params.item);
        return node ? this.getSubtypes(node) : undefined;
    }

    protected override getSupertypes(node: AstNode): MaybePromise<TypeHierarchyItem[] | undefined> {
        if (!isMission(node)) return undefined;
        const parent = this.facts.get().parentOf(node);
        return parent ? this.itemsOf([parent]) : [];
    }

    protected override getSubtypes(node: AstNode): MaybePromise<TypeHierarchyItem[] | undefined> {
        if (!isMission(node) && !isVision(node)) return undefined;
        return this.itemsOf(this.facts.get().childrenOf(node));
    }

    private itemsOf(elements: readonly AlignmentTarget[]): TypeHierarchyItem[] {
        return elements.flatMap(element => this.getTypeHierarchyItems(element, AstUtils.getDocument(element)) ?? []);
    }

    private async elementOf(item: TypeHierarchyItem): Promise<AstNode | undefined> {
        const document: LangiumDocument = await this.documents.getOrCreateDocument(URI.parse(item.uri));
        const root = document.parseResult.value.$cstNode;
        const offset = document.textDocument.offsetAt(item.selectionRange.start);
        const leaf = root && CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp);
        const node = leaf?.astNode;
        return node && (isMission(node) || isVision(node)) ? node : undefined;
    }
}

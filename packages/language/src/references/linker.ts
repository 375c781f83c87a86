import {
    type AstNode,
    type AstNodeDescription,
    type CstNode,
    DefaultLinker,
    type DefaultReference,
    isLinkingError,
    type LangiumDocument,
    type LinkingError,
    type Reference,
    type ReferenceInfo
} from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import type { Model } from '../generated/ast.js';
import type { MissionServices } from '../mission-module.js';
import {
    forEachElementInSlices,
    forEachNodeOf,
    forEachOwnReference,
    type NodeTypes,
    nodeTypes,
    referenceHolderTypes
} from '../model/walk.js';
import type { OnDemandReferences } from '../syntax/fast-tree-builder.js';
import { materializeSyntaxOf } from '../syntax/syntax-on-demand.js';
import { kindWord } from './kinds.js';
import type { MissionIndexManager } from './name-index.js';

/** Linking errors say what kind was expected, and what the name is when it exists with another kind. */
export class MissionLinker extends DefaultLinker implements OnDemandReferences {
    private readonly index: MissionIndexManager;

    constructor(services: MissionServices) {
        super(services);
        this.index = services.shared.workspace.IndexManager as MissionIndexManager;
    }

    /**
     * Langium's linker awaits a cancellation check at every node and streams each node's references;
     * on a 10k-mission workspace that bookkeeping costs more than resolving the references. Link the
     * same references in the same order, yielding once per slice of top-level elements instead.
     */
    override async link(
        document: LangiumDocument,
        cancelToken: CancellationToken = CancellationToken.None
    ): Promise<void> {
        const model = document.parseResult.value as Model;
        // Two callbacks for the whole document, not one per node: the container is the node being walked.
        let container: AstNode = model;
        const linkReference = (reference: Reference, property: string, index: number | undefined): void => {
            this.doLink({ reference, container, property, index }, document);
        };
        const linkOwnReferences = (node: AstNode): void => {
            container = node;
            forEachOwnReference(node, linkReference);
        };
        linkOwnReferences(model);
        const holders = (REFERENCE_HOLDERS ??= nodeTypes(referenceHolderTypes()));
        await forEachElementInSlices(model.elements ?? [], cancelToken, element =>
            forEachNodeOf(element, holders, linkOwnReferences)
        );
    }

    /** A reference made by a lean parse: its `$refNode` is built with its node's syntax tree, when first read. */
    buildReferenceOnDemand(node: AstNode, property: string, refText: string): Reference {
        return new ReferenceOnDemand(this.referenceResolver, node, property, refText);
    }

    protected override createLinkingError(
        refInfo: ReferenceInfo,
        targetDescription?: AstNodeDescription
    ): LinkingError {
        const name = refInfo.reference.$refText;
        const expected = kindWord(this.reflection.getReferenceType(refInfo));
        const others = this.index.lookup(name).map(description => kindWord(description.type));
        const hint = others.length > 0 ? ` ('${name}' is a ${others[0]})` : '';
        return { info: refInfo, message: `no ${expected} named '${name}'${hint}`, targetDescription };
    }
}

/** The node types that hold references, and those that can contain one: what linking walks. */
let REFERENCE_HOLDERS: NodeTypes | undefined;

/** What resolves a reference: the part of the linker Langium hands its references. */
interface ReferenceResolver {
    resolveReference(reference: DefaultReference, node: AstNode, property: string): AstNode | undefined;
}

/**
 * Langium's own reference (`DefaultReferenceImpl` in its linker, which it does not export), with the
 * same fields the linker reads and writes, except that `$refNode` is built on demand
 * (syntax/syntax-on-demand.ts).
 */
class ReferenceOnDemand implements DefaultReference {
    _ref?: DefaultReference['_ref'] = undefined;
    _nodeDescription?: AstNodeDescription = undefined;
    private refNode?: CstNode = undefined;
    private refNodeKnown = false;

    constructor(
        private readonly resolver: ReferenceResolver,
        private readonly node: AstNode,
        private readonly property: string,
        readonly $refText: string
    ) {}

    get ref(): AstNode | undefined {
        return this.resolver.resolveReference(this, this.node, this.property);
    }

    get $nodeDescription(): AstNodeDescription | undefined {
        return this._nodeDescription;
    }

    get error(): LinkingError | undefined {
        return isLinkingError(this._ref) ? this._ref : undefined;
    }

    get $refNode(): CstNode | undefined {
        if (!this.refNodeKnown) materializeSyntaxOf(this.node);
        return this.refNode;
    }

    set $refNode(refNode: CstNode | undefined) {
        this.refNode = refNode;
        this.refNodeKnown = true;
    }
}

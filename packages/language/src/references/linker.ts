import { type AstNode, type AstNodeDescription, DefaultLinker, type LangiumDocument, type LinkingError, type ReferenceInfo } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import type { Model } from '../generated/ast.js';
import type { MissionServices } from '../mission-module.js';
import { forEachElementInSlices, forEachNode, forEachOwnReference } from '../model/walk.js';
import { kindWord } from './kinds.js';
import type { MissionIndexManager } from './name-index.js';

/** Linking errors say what kind was expected, and what the name is when it exists with another kind. */
export class MissionLinker extends DefaultLinker {
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
    override async link(document: LangiumDocument, cancelToken: CancellationToken = CancellationToken.None): Promise<void> {
        const model = document.parseResult.value as Model;
        const linkOwnReferences = (node: AstNode): void => forEachOwnReference(node, (reference, property, index) => {
            this.doLink({ reference, container: node, property, index }, document);
        });
        linkOwnReferences(model);
        await forEachElementInSlices(model.elements ?? [], cancelToken, element => forEachNode(element, linkOwnReferences));
    }

    protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const name = refInfo.reference.$refText;
        const expected = kindWord(this.reflection.getReferenceType(refInfo));
        const others = this.index.lookup(name).map(description => kindWord(description.type));
        const hint = others.length > 0 ? ` ('${name}' is a ${others[0]})` : '';
        return { info: refInfo, message: `no ${expected} named '${name}'${hint}`, targetDescription };
    }
}

import { DocumentState, type LangiumDocuments, type LangiumSharedCoreServices } from 'langium';
import type { Model } from '../generated/ast.js';
import { ModelFacts } from './model-facts.js';

/**
 * Computes the model facts once per build, over every document of the workspace, and hands the same
 * instance to every consumer until the model changes. Two things drop them: any document linked again
 * (Langium's build phase), and the document builder's explicit `invalidate()` on an update that changed
 * the model (incremental/document-builder.ts: an update that kept every node, link and value, as an
 * edit of a title, a comment or the layout does, keeps them).
 */
export class ModelFactsProvider {
    private readonly documents: LangiumDocuments;
    private facts: ModelFacts | undefined;

    constructor(shared: LangiumSharedCoreServices) {
        this.documents = shared.workspace.LangiumDocuments;
        shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Linked, () => this.invalidate());
    }

    /** Drops the facts: the next `get()` computes them from the documents as they are. */
    invalidate(): void {
        this.facts = undefined;
    }

    get(): ModelFacts {
        return (this.facts ??= new ModelFacts(this.documents.all.map(document => document.parseResult.value as Model)));
    }
}

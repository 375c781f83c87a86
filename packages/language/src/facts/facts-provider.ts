import { DocumentState, type LangiumDocuments, type LangiumSharedCoreServices } from 'langium';
import type { Model } from '../generated/ast.js';
import { ModelFacts } from './model-facts.js';

/**
 * A document builder that can tell when an update left the model as it was: every node, link and
 * value the facts read (an edit of a title, a comment or the layout, moved onto the current tree).
 */
export interface ModelKeepingBuilder {
    readonly lastUpdateKeptModel: boolean;
}

function keepsModel(builder: unknown): builder is ModelKeepingBuilder {
    return typeof (builder as Partial<ModelKeepingBuilder>).lastUpdateKeptModel === 'boolean';
}

/**
 * Computes the model facts once per build, over every document of the workspace, and hands the same
 * instance to every consumer until the model changes: any update (unless the builder says it kept the
 * model) and any document linked again.
 */
export class ModelFactsProvider {
    private readonly documents: LangiumDocuments;
    private facts: ModelFacts | undefined;

    constructor(shared: LangiumSharedCoreServices) {
        this.documents = shared.workspace.LangiumDocuments;
        const builder = shared.workspace.DocumentBuilder;
        builder.onUpdate(() => {
            if (!(keepsModel(builder) && builder.lastUpdateKeptModel)) this.facts = undefined;
        });
        builder.onDocumentPhase(DocumentState.Linked, () => {
            this.facts = undefined;
        });
    }

    get(): ModelFacts {
        return (this.facts ??= new ModelFacts(this.documents.all.map(document => document.parseResult.value as Model)));
    }
}

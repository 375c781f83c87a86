import { type LangiumDocuments, type LangiumSharedCoreServices, WorkspaceCache } from 'langium';
import type { Model } from '../generated/ast.js';
import { ModelFacts } from './model-facts.js';

/**
 * Computes the model facts once per build, over every document of the workspace, and hands the same
 * instance to every consumer until the next change (the cache is cleared on every workspace update).
 */
export class ModelFactsProvider {
    private readonly documents: LangiumDocuments;
    private readonly cache: WorkspaceCache<'facts', ModelFacts>;

    constructor(shared: LangiumSharedCoreServices) {
        this.documents = shared.workspace.LangiumDocuments;
        this.cache = new WorkspaceCache(shared);
    }

    get(): ModelFacts {
        return this.cache.get('facts', () => new ModelFacts(
            this.documents.all.map(document => document.parseResult.value as Model)
        ));
    }
}

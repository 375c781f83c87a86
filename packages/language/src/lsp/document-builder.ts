import { type BuildOptions, DefaultDocumentBuilder, DocumentState, type LangiumSharedCoreServices, type URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';

/**
 * Keeps every document's diagnostics current as you type. Langium rebuilds the changed documents and
 * relinks those that reference them, but the catalog's facts-based rules (budget-exceeded on a parent,
 * over-capacity on a person, duplicate-name, unmapped-measures, ...) read the whole model: a change in
 * one file can add or remove a diagnostic in a file that does not reference it. So after each update
 * every other document is validated again (its links and index entries are kept: only validation
 * re-runs, which reads the facts computed once for the new model).
 */
export class MissionDocumentBuilder extends DefaultDocumentBuilder {
    /** All validation categories on every update: the rules do not depend on which file changed. */
    override updateBuildOptions: BuildOptions = { validation: true };

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    override async update(changed: URI[], deleted: URI[], cancelToken?: CancellationToken): Promise<void> {
        this.requestRevalidation();
        await super.update(changed, deleted, cancelToken);
    }

    /**
     * Marks every validated document for validation only. A cancelled update leaves them marked, so the
     * next update still validates them.
     */
    requestRevalidation(): void {
        for (const document of this.langiumDocuments.all) {
            if (document.state >= DocumentState.Validated) this.resetToState(document, DocumentState.IndexedReferences);
        }
    }
}

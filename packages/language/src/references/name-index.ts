import {
    type AstNodeDescription,
    DefaultIndexManager,
    type LangiumDocument,
    type LangiumSharedCoreServices,
    type URI
} from 'langium';
import type { CancellationToken } from 'vscode-languageserver';

/**
 * The index of exported names, kept up to date per document as Langium indexes it, so that resolving a
 * reference is one map lookup instead of a scan of every exported element (Langium's default global
 * scope walks them all). Names are global: visions, persons, teams and missions by name, measures by
 * `Mission.measure`.
 */
export class MissionIndexManager extends DefaultIndexManager {
    private readonly byName = new Map<string, AstNodeDescription[]>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    /** Every exported element of that name, in any document, in index order. */
    lookup(name: string): readonly AstNodeDescription[] {
        return this.byName.get(name) ?? [];
    }

    override async updateContent(document: LangiumDocument, cancelToken?: CancellationToken): Promise<void> {
        this.forgetNames(document.uri.toString());
        await super.updateContent(document, cancelToken);
        for (const description of this.symbolIndex.get(document.uri.toString()) ?? []) {
            const entries = this.byName.get(description.name);
            if (entries) entries.push(description);
            else this.byName.set(description.name, [description]);
        }
    }

    override removeContent(uri: URI): void {
        this.forgetNames(uri.toString());
        super.removeContent(uri);
    }

    private forgetNames(uri: string): void {
        for (const description of this.symbolIndex.get(uri) ?? []) {
            const entries = this.byName.get(description.name);
            if (!entries) continue;
            const remaining = entries.filter(entry => entry.documentUri.toString() !== uri);
            if (remaining.length > 0) this.byName.set(description.name, remaining);
            else this.byName.delete(description.name);
        }
    }
}

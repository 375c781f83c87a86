import {
    type AstNode,
    type AstNodeDescription,
    AstUtils,
    DefaultIndexManager,
    type LangiumDocument,
    type LangiumSharedCoreServices,
    type ReferenceDescription,
    type Stream,
    type URI
} from 'langium';
import { linkedTarget } from '../langium-internals.js';
import { MissionReferenceDescriptionProvider } from './descriptions.js';
import type { CancellationToken } from 'vscode-languageserver';

/** The names that elements of one exported type hold: what "did you mean" searches. */
export interface NamesOfType {
    /** Distinct names in code-unit order. */
    readonly sorted: readonly string[];
    /** Names by their lower case, for a text that differs from one only in case. */
    readonly byLowerCase: ReadonlyMap<string, readonly string[]>;
}

const NO_NAMES: NamesOfType = { sorted: [], byLowerCase: new Map() };

/**
 * The index of exported names, kept up to date per document as Langium indexes it, so that resolving a
 * reference is one map lookup instead of a scan of every exported element (Langium's default global
 * scope walks them all). Names are global: visions, persons, teams and missions by name, measures by
 * `Mission.measure`.
 */
export class MissionIndexManager extends DefaultIndexManager {
    private readonly byName = new Map<string, AstNodeDescription[]>();
    /** Counts the changes of the names (a document indexed again with the same names is none). */
    private changes = 0;
    /** The names by exported type, built when "did you mean" first needs them after a change. */
    private byType: { changes: number; names: Map<string, NamesOfType> } | undefined;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    /** Every exported element of that name, in any document, in index order. */
    lookup(name: string): readonly AstNodeDescription[] {
        return this.byName.get(name) ?? [];
    }

    /** A number that changes whenever a name is added, removed or held by another type. */
    get generation(): number {
        return this.changes;
    }

    /** The exported types that hold at least one name (`Person`, `Mission`, `Measure`, ...). */
    exportedTypes(): readonly string[] {
        return [...this.namesByType().keys()];
    }

    /**
     * The names of one exported type. Built for all types once per change of the names, and only when
     * asked (an unresolved reference): a workspace that links cleanly never pays for it.
     */
    namesOfType(type: string): NamesOfType {
        return this.namesByType().get(type) ?? NO_NAMES;
    }

    override async updateContent(document: LangiumDocument, cancelToken?: CancellationToken): Promise<void> {
        const uri = document.uri.toString();
        const before = this.symbolIndex.get(uri);
        this.forgetNames(uri);
        await super.updateContent(document, cancelToken);
        const after = this.symbolIndex.get(uri) ?? [];
        for (const description of after) {
            const entries = this.byName.get(description.name);
            if (entries) insertInFileOrder(entries, description, uri);
            else this.byName.set(description.name, [description]);
        }
        if (!sameNames(before ?? [], after)) this.changes++;
    }

    /**
     * The reference index is written when asked, not when a document is linked: describing every reference
     * (a path and a range each) is ~0.3 s of the editor's first build at 10k missions, and only find references
     * and rename read it. A linked document is noted here; the first question describes the noted ones (then
     * only those linked since).
     */
    private readonly undescribed = new Map<string, LangiumDocument>();

    override async updateReferences(document: LangiumDocument): Promise<void> {
        const uri = document.uri.toString();
        this.referenceIndex.delete(uri);
        this.undescribed.set(uri, document);
    }

    override removeReferences(uri: URI): void {
        this.undescribed.delete(uri.toString());
        super.removeReferences(uri);
    }

    override findAllReferences(targetNode: AstNode, astNodePath: string): Stream<ReferenceDescription> {
        this.describeNoted();
        return super.findAllReferences(targetNode, astNodePath);
    }

    /**
     * Whether a document links into a changed one. A document not described yet is answered from its links, as
     * its descriptions would answer: describing the whole workspace on the first edit would move the cost of the
     * first build to the first keystroke.
     */
    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (!this.undescribed.has(document.uri.toString())) return super.isAffected(document, changedUris);
        const own = document.uri.toString();
        return document.references.some(reference => {
            const target = linkedTarget(reference);
            const owner = target && AstUtils.findRootNode(target).$document?.uri.toString();
            return owner !== undefined && owner !== own && changedUris.has(owner);
        });
    }

    /** Whether a document's references are described yet (tests ask). */
    isDescribed(uri: URI): boolean {
        return this.referenceIndex.has(uri.toString());
    }

    private describeNoted(): void {
        if (this.undescribed.size === 0) return;
        for (const [uri, document] of this.undescribed) {
            const provider = this.serviceRegistry.getServices(document.uri).workspace.ReferenceDescriptionProvider;
            const descriptions =
                provider instanceof MissionReferenceDescriptionProvider ? provider.createDescriptionsNow(document) : [];
            this.referenceIndex.set(uri, descriptions);
        }
        this.undescribed.clear();
    }

    override removeContent(uri: URI): void {
        if ((this.symbolIndex.get(uri.toString())?.length ?? 0) > 0) this.changes++;
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

    private namesByType(): Map<string, NamesOfType> {
        if (this.byType?.changes === this.changes) return this.byType.names;
        const lists = new Map<string, string[]>();
        const add = (type: string, name: string): void => {
            const list = lists.get(type);
            if (list) list.push(name);
            else lists.set(type, [name]);
        };
        for (const [name, descriptions] of this.byName) {
            if (descriptions.length === 1) add(descriptions[0]!.type, name);
            else for (const type of new Set(descriptions.map(description => description.type))) add(type, name);
        }
        const names = new Map<string, NamesOfType>();
        for (const [type, list] of lists) {
            const byLowerCase = new Map<string, string[]>();
            for (const name of list) {
                const lower = name.toLowerCase();
                const same = byLowerCase.get(lower);
                if (same) same.push(name);
                else byLowerCase.set(lower, [name]);
            }
            // Code-unit order (not localeCompare): names that share a prefix are contiguous.
            names.set(type, { sorted: list.sort(), byLowerCase });
        }
        this.byType = { changes: this.changes, names };
        return names;
    }
}

/**
 * Keeps the elements of one name in a fixed order, by file (URI) and then by place in the file: a reference to a
 * duplicated name resolves to the first (docs/language-decisions.md), and that must be the same element whatever
 * order the files were indexed in. An editor indexes an edited file again after the others; a fresh check indexes
 * them in order. A file's own descriptions arrive in its order, so they go after any of the same file.
 */
function insertInFileOrder(entries: AstNodeDescription[], description: AstNodeDescription, uri: string): void {
    let at = entries.length;
    while (at > 0 && entries[at - 1]!.documentUri.toString() > uri) at--;
    entries.splice(at, 0, description);
}

/** Whether two lists of a document's exported descriptions hold the same names of the same types. */
function sameNames(before: readonly AstNodeDescription[], after: readonly AstNodeDescription[]): boolean {
    if (before.length !== after.length) return false;
    for (let i = 0; i < before.length; i++)
        if (before[i]!.name !== after[i]!.name || before[i]!.type !== after[i]!.type) return false;
    return true;
}

import {
    type AstNode,
    AstUtils,
    type BuildOptions,
    DefaultDocumentBuilder,
    DocumentState,
    interruptAndCheck,
    type LangiumDocument,
    type LangiumSharedCoreServices,
    type ParseResult,
    type Reference,
    type TextDocument,
    type URI
} from 'langium';
import { CancellationToken, type Diagnostic } from 'vscode-languageserver';
import { factFingerprints } from '../facts/fingerprints.js';
import type { ModelFacts } from '../facts/model-facts.js';
import type { Model } from '../generated/ast.js';
import type { MissionServices } from '../mission-module.js';
import type { MissionIndexManager } from '../references/name-index.js';
import { MissionDocumentValidator } from '../validation/document-validator.js';
import {
    affectedDocuments,
    cascadeRelations,
    documentsOf,
    LinkPairs,
    type ModelBefore,
    modelBefore,
    relationsChanged,
    structurallyChanged
} from './affected.js';
import { diagnosticsAround, type ElementReparse, reparseEditedElements, spliceElements } from './incremental-parse.js';
import { modelSignature } from './model-signature.js';
import { compareTrees, type EditOutcome, transplant } from './transplant.js';
import { linkedTarget } from '../langium-internals.js';

/** An edit moved onto the current tree: the edited elements re-parsed, or the whole text, or neither (same text). */
interface InPlaceEdit {
    readonly document: LangiumDocument;
    readonly textDocument: TextDocument;
    readonly text: string;
    readonly elements?: ElementReparse;
    readonly parsed?: ParseResult;
    readonly outcome: Exclude<EditOutcome, 'incompatible'>;
}

/** The top-level elements an edit re-parsed (all of the document's when it re-parsed the whole text). */
function editedElements(edit: InPlaceEdit): AstNode[] {
    const elements = (edit.document.parseResult.value as Model).elements;
    return edit.elements
        ? elements.slice(edit.elements.first, edit.elements.first + edit.elements.elements.length)
        : elements;
}

/** The signature of a document that does not exist (deleted, or not yet created). */
const ABSENT = '';

/**
 * Keeps every document's diagnostics current as you type, re-checking only what an edit can reach
 * (ARCHITECTURE.md, "How an edit is re-checked"):
 *
 * - an edit that keeps every name and reference text is moved onto the current tree (transplant.ts),
 *   re-parsing only the edited top-level elements when it can (incremental-parse.ts): nothing is
 *   relinked. Free text, comments, layout: the facts stay and only the edited elements are validated.
 *   A value (number, date, status): the facts are recomputed and the documents the change reaches are
 *   validated (affected.ts, from the fact fingerprints before and after);
 * - any other edit goes Langium's way (rebuild the changed documents, relink those that link into
 *   them), then the documents the change reaches are validated: a facts-based rule (budget-exceeded
 *   on a parent, over-capacity on a person, duplicate-name) can change in a file that does not
 *   reference the changed one. When nothing other documents can see changed (the model signature),
 *   that step is skipped;
 * - when the workspace was not quiet before the edit (a cancelled build, a settings change), every
 *   document is validated again.
 */
export class MissionDocumentBuilder extends DefaultDocumentBuilder {
    /** All validation categories on every update: the rules do not depend on which file changed. */
    override updateBuildOptions: BuildOptions = { validation: true };

    /**
     * The signature of each document changed since every document was last validated together, as it
     * was then. Kept across cancelled updates, so a change is never forgotten.
     */
    private readonly baselines = new Map<string, { uri: URI; signature: string }>();
    private revalidateAllRequested = false;
    /**
     * Set while the other documents' validation after a change of facts is still to run (an update
     * cancelled before it got there): the next update then validates them all.
     */
    private revalidationOwed = false;
    /**
     * Documents of which only some top-level elements need validating again: the diagnostics of the
     * others, moved to their new positions, and the elements to validate.
     */
    private readonly partialValidations = new WeakMap<LangiumDocument, { kept: Diagnostic[]; elements: AstNode[] }>();
    private readonly printsOfFacts = new WeakMap<ModelFacts, Map<AstNode, string>>();
    /** Like the prints: how each `supports` and `contributes to` relates its missions, per facts instance. */
    private readonly relationsOfFacts = new WeakMap<ModelFacts, Map<Reference, number>>();
    /** Each document's links as top-level elements, read again only when its references change. */
    private readonly links = new LinkPairs();
    /** Whether the last update left every node, link and fact as it was: the facts are then kept. */
    private lastUpdateKeptModel = false;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    override async update(
        changed: URI[],
        deleted: URI[],
        cancelToken: CancellationToken = CancellationToken.None
    ): Promise<void> {
        this.lastUpdateKeptModel = false;
        if (deleted.length === 0 && changed.length > 0 && (await this.updateInPlace(changed, cancelToken))) return;
        // A change of a cancelled update that was never re-checked everywhere: what it reached is unknown, even
        // when this update edits the same file again (its baseline then is what the file was before both).
        const pending = this.baselines.size > 0;
        for (const uri of [...changed, ...deleted]) {
            const key = uri.toString();
            if (!this.baselines.has(key))
                this.baselines.set(key, { uri, signature: this.signatureOf(this.langiumDocuments.getDocument(uri)) });
        }
        const before = pending ? undefined : this.structuralBaseline(changed, deleted);
        const validatedNow = new Set<string>();
        const listener = this.onDocumentPhase(DocumentState.Validated, document => {
            validatedNow.add(document.uri.toString());
        });
        try {
            await super.update(changed, deleted, cancelToken);
        } finally {
            listener.dispose();
        }
        if (!this.revalidateAllRequested && !this.revalidationOwed && !this.visibleChange()) {
            this.baselines.clear();
            return;
        }
        await this.revalidateOthers(validatedNow, cancelToken, before && this.structuralDependents(before, changed));
    }

    /**
     * What a structural edit may take away, when the workspace is quiet (everything validated, nothing
     * pending): then only the documents it reaches are validated again. Otherwise undefined: all are.
     */
    private structuralBaseline(changed: URI[], deleted: URI[]): ModelBefore | undefined {
        if (this.revalidateAllRequested || this.revalidationOwed) return undefined;
        const all = this.langiumDocuments.all.toArray();
        if (
            all.length === 0 ||
            all.some(
                document =>
                    document.state < DocumentState.Validated || !this.buildState.get(document.uri.toString())?.completed
            )
        )
            return undefined;
        const touched = [...changed, ...deleted].map(uri => this.langiumDocuments.getDocument(uri));
        if (touched.some(document => document === undefined)) return undefined;
        return modelBefore(this.factPrints(all[0]!), this.relationsOf(all[0]!), touched as LangiumDocument[]);
    }

    private structuralDependents(before: ModelBefore, changed: URI[]): Set<LangiumDocument> {
        const all = this.langiumDocuments.all.toArray();
        const changedDocuments = changed
            .map(uri => this.langiumDocuments.getDocument(uri))
            .filter(document => document !== undefined);
        const index = this.indexManager as MissionIndexManager;
        const elementsNamed = (name: string) =>
            index
                .lookup(name)
                .map(description => description.node)
                .filter(node => node !== undefined);
        const dependents = affectedDocuments(
            all,
            structurallyChanged(
                before,
                all.length > 0 ? this.factPrints(all[0]!) : new Map(),
                changedDocuments,
                elementsNamed
            ),
            this.links
        );
        // A `supports` or `contributes to` whose missions are now above or below each other (or no longer
        // are), however far from the edit: only the document holding it.
        if (all.length > 0) {
            const facts = this.factsOf(all[0]!);
            const relations = new Map<Reference, number>();
            for (const document of documentsOf(relationsChanged(before.relations, facts, relations)))
                dependents.add(document);
            this.relationsOfFacts.set(facts, relations);
        }
        return dependents;
    }

    /**
     * Edits that keep every name and reference are moved onto the current trees (no relinking). Returns
     * false, having changed nothing, when any changed document cannot be updated so.
     */
    private async updateInPlace(changed: URI[], cancelToken: CancellationToken): Promise<boolean> {
        const edits: InPlaceEdit[] = [];
        for (const uri of changed) {
            const document = this.langiumDocuments.getDocument(uri);
            const textDocument = this.textDocuments?.get(uri.toString());
            // Only a document whose last build completed, open in the editor. Its `textDocument` can always be
            // replaced (applyInPlace): Langium's document factory defines it configurable, as a getter or a value,
            // and redefines it on every update itself.
            if (!document || !textDocument) return false;
            if (document.state < DocumentState.Validated || !this.buildState.get(uri.toString())?.completed)
                return false;
            const text = textDocument.getText();
            if (document.parseResult.value.$cstNode?.root.fullText === text) {
                // Opened as it is on disk: nothing moves, but the editor expects its diagnostics.
                edits.push({ document, textDocument, text, outcome: 'same-model' });
                continue;
            }
            const edit = this.planInPlaceEdit(document, textDocument, text);
            if (!edit) return false;
            edits.push(edit);
        }
        // From here on nothing awaits until the trees are updated: the change is all or nothing.
        // What the facts said before the values change, to tell afterwards which elements it reached.
        const before = edits.some(edit => edit.outcome === 'values-changed')
            ? this.factPrints(edits[0]!.document)
            : undefined;
        for (const edit of edits) this.applyInPlace(edit);
        // A visible change of an earlier, cancelled update may still wait for the others' validation.
        if (this.baselines.size > 0 && !this.visibleChange()) this.baselines.clear();
        const quiet = !this.revalidateAllRequested && !this.revalidationOwed && this.baselines.size === 0;
        const keptModel = quiet && edits.every(edit => edit.outcome === 'same-model');
        if (!keptModel) {
            for (const edit of edits) this.partialValidations.delete(edit.document);
            this.revalidationOwed = true;
        }
        this.lastUpdateKeptModel = keptModel;
        const documents = edits.map(edit => edit.document);
        // The name index is unchanged: same names, same nodes, and descriptions read positions live
        // (references/descriptions.ts).
        await this.emitUpdate(
            documents.map(document => document.uri),
            []
        );
        await interruptAndCheck(cancelToken);
        const rebuild = this.langiumDocuments.all
            .filter(
                document =>
                    document.state < DocumentState.Validated || !this.buildState.get(document.uri.toString())?.completed
            )
            .toArray();
        await this.buildDocuments(this.sortDocuments(rebuild), this.updateBuildOptions, cancelToken);
        if (!keptModel) {
            const validatedNow = new Set(documents.map(document => document.uri.toString()));
            const dependents = before && quiet ? this.dependentsOf(edits, before) : undefined;
            await this.revalidateOthers(validatedNow, cancelToken, dependents);
        }
        return true;
    }

    /** Moves an edit onto the document's tree and resets the document to what must be redone. */
    private applyInPlace(edit: InPlaceEdit): void {
        const { document } = edit;
        if (document.textDocument !== edit.textDocument)
            Object.defineProperty(document, 'textDocument', { value: edit.textDocument });
        const model = document.parseResult.value as Model;
        if (edit.elements) {
            const { elements, shift } = edit.elements;
            const edited = editedElements(edit);
            // While the facts stay, the other elements' diagnostics stay too: only their positions move.
            const kept =
                edit.outcome === 'same-model' && document.diagnostics
                    ? diagnosticsAround(
                          document.diagnostics,
                          edited[0]!.$cstNode!.range.start,
                          edited.at(-1)!.$cstNode!.range.end,
                          shift
                      )
                    : undefined;
            spliceElements(model, edit.elements, edit.text);
            edited.forEach((element, i) => transplant(element, elements[i]!));
            // Positions moved: the reference index of the document is rebuilt, and it is validated again.
            this.resetToState(document, DocumentState.Linked);
            if (kept) this.partialValidations.set(document, { kept, elements: edited });
        } else if (edit.parsed) {
            transplant(model, edit.parsed.value);
            document.parseResult = { ...edit.parsed, value: model };
            this.resetToState(document, DocumentState.Linked);
        } else {
            // The same text: only its diagnostics are published again.
            this.resetToState(document, DocumentState.IndexedReferences);
        }
    }

    /**
     * Before the update's listeners run: the facts of every language are dropped unless this update kept
     * the model (facts/facts-provider.ts), so no listener reads the facts of the model before the change.
     */
    protected override async emitUpdate(changed: URI[], deleted: URI[]): Promise<void> {
        if (!this.lastUpdateKeptModel) {
            for (const services of this.serviceRegistry.all)
                (services as MissionServices).facts.ModelFactsProvider.invalidate();
        }
        await super.emitUpdate(changed, deleted);
    }

    /**
     * How the new text can be moved onto the current tree: only the edited top-level elements re-parsed
     * when that is possible, else the whole text; undefined when a name or reference changed.
     */
    private planInPlaceEdit(
        document: LangiumDocument,
        textDocument: TextDocument,
        text: string
    ): InPlaceEdit | undefined {
        const parser = this.serviceRegistry.getServices(document.uri).parser.LangiumParser;
        const model = document.parseResult.value as Model;
        const elements = reparseEditedElements(parser, document, text);
        if (elements) {
            const outcomes = elements.elements.map((element, i) =>
                compareTrees(model.elements[elements.first + i]!, element)
            );
            if (!outcomes.includes('incompatible')) {
                return {
                    document,
                    textDocument,
                    text,
                    elements,
                    outcome: outcomes.includes('values-changed') ? 'values-changed' : 'same-model'
                };
            }
        }
        const parsed = parser.parse(text);
        const outcome = compareTrees(model, parsed.value);
        return outcome === 'incompatible' ? undefined : { document, textDocument, text, parsed, outcome };
    }

    /** A document reset for any other reason is validated whole: its kept diagnostics may no longer hold. */
    override resetToState<T extends AstNode>(document: LangiumDocument<T>, state: DocumentState): void {
        this.partialValidations.delete(document);
        super.resetToState(document, state);
    }

    /** Validates only the edited elements of a document when the others' diagnostics could be kept. */
    protected override async validate(document: LangiumDocument, cancelToken: CancellationToken): Promise<void> {
        const partial = this.partialValidations.get(document);
        this.partialValidations.delete(document);
        const validator = this.serviceRegistry.getServices(document.uri).validation.DocumentValidator;
        if (partial && validator instanceof MissionDocumentValidator) {
            const options = this.getBuildOptions(document);
            const validationOptions = typeof options.validation === 'object' ? { ...options.validation } : {};
            const categories = this.findMissingValidationCategories(document, options);
            const fresh = await validator.validateElements(
                document,
                partial.elements,
                { ...validationOptions, categories },
                cancelToken
            );
            if (fresh) {
                document.diagnostics = [...partial.kept, ...fresh];
                const state = this.buildState.get(document.uri.toString());
                if (state) state.result = { ...state.result, validationChecks: [...categories] };
                return;
            }
        }
        await super.validate(document, cancelToken);
    }

    /**
     * The documents whose diagnostics a change of values can have changed: those holding an edited
     * element or one whose facts changed, and their neighbours by reference (incremental/affected.ts).
     */
    private dependentsOf(edits: readonly InPlaceEdit[], before: ReadonlyMap<AstNode, string>): Set<LangiumDocument> {
        const after = this.factPrints(edits[0]!.document);
        const changed = new Set<AstNode>();
        for (const edit of edits) {
            for (const element of editedElements(edit)) changed.add(element);
        }
        for (const [element, print] of after) {
            if (before.get(element) !== print) changed.add(element);
        }
        return affectedDocuments(this.langiumDocuments.all.toArray(), changed, this.links);
    }

    /**
     * The fingerprints of the facts as they are now. Kept per facts instance: the prints taken after one
     * edit are the "before" of the next (an assistant's proposals, a run of value edits), and a facts
     * instance is replaced, never changed, when the values it read change (facts-provider.ts).
     */
    private factPrints(document: LangiumDocument): Map<AstNode, string> {
        const facts = this.factsOf(document);
        let prints = this.printsOfFacts.get(facts);
        if (!prints) this.printsOfFacts.set(facts, (prints = factFingerprints(facts)));
        return prints;
    }

    /** The relations of `supports` and `contributes to` as the facts now say (affected.ts, cascadeRelations). */
    private relationsOf(document: LangiumDocument): Map<Reference, number> {
        const facts = this.factsOf(document);
        let relations = this.relationsOfFacts.get(facts);
        if (!relations) this.relationsOfFacts.set(facts, (relations = cascadeRelations(facts)));
        return relations;
    }

    private factsOf(document: LangiumDocument): ModelFacts {
        const services = this.serviceRegistry.getServices(document.uri) as MissionServices;
        return services.facts.ModelFactsProvider.get();
    }

    /**
     * Validates again, with the facts of the new model, every document not validated by this update, or
     * only those of `dependents`.
     */
    private async revalidateOthers(
        validatedNow: ReadonlySet<string>,
        cancelToken: CancellationToken,
        dependents?: ReadonlySet<LangiumDocument>
    ): Promise<void> {
        const others = this.langiumDocuments.all
            .filter(document => document.state >= DocumentState.Validated && !validatedNow.has(document.uri.toString()))
            .filter(document => dependents === undefined || dependents.has(document))
            .toArray();
        for (const document of others) this.resetToState(document, DocumentState.IndexedReferences);
        // From here on a cancelled build leaves the others below Validated: the next update builds them.
        this.baselines.clear();
        this.revalidateAllRequested = false;
        this.revalidationOwed = false;
        await this.buildDocuments(this.sortDocuments(others), this.updateBuildOptions, cancelToken);
    }

    /**
     * Langium decides from the reference index whether a document links into a changed one. That index
     * is written only after linking, so a build cancelled between the two (an edit while the previous
     * one is still being checked) leaves it describing older links: a document whose references now
     * point into a changed file would keep pointing into that file's replaced syntax tree, and every fact
     * read through them would be wrong (stale diagnostics after an edit storm). Decide from the links
     * themselves as well: one pass over the document's resolved references.
     */
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        return (
            super.shouldRelink(document, changedUris) ||
            document.references.some(reference => {
                // The resolved target, read without resolving anything (`.ref` would link an unresolved reference now).
                const target = linkedTarget(reference);
                if (!target) return false;
                const root = AstUtils.findRootNode(target);
                const owner = root.$document;
                return owner === undefined || changedUris.has(owner.uri.toString()) || owner.parseResult.value !== root;
            })
        );
    }

    /**
     * Takes now, rather than at the first edit, what an edit compares against (the fact prints and the
     * relations of the model as it is): an assistant's first proposal is then as quick as the next.
     * Does nothing before the first build.
     */
    prepareForEdits(): void {
        const first = this.langiumDocuments.all.head();
        if (!first || first.state < DocumentState.Validated) return;
        this.factPrints(first);
        this.relationsOf(first);
    }

    /** Validates every document again on the next update (settings changed), even with nothing changed. */
    requestRevalidation(): void {
        this.revalidateAllRequested = true;
    }

    /** Whether a document changed since the last complete validation changed what the others see. */
    private visibleChange(): boolean {
        for (const { uri, signature } of this.baselines.values()) {
            if (this.signatureOf(this.langiumDocuments.getDocument(uri)) !== signature) return true;
        }
        return false;
    }

    private signatureOf(document: LangiumDocument | undefined): string {
        if (!document || document.state < DocumentState.Parsed) return ABSENT;
        return modelSignature(document.parseResult.value);
    }
}

import {
    type AstNode,
    type AstReflection,
    DefaultDocumentValidator,
    DocumentValidator,
    type DiagnosticInfo,
    type LangiumDocument,
    type ParseResult,
    type Reference,
    type ValidationAcceptor,
    type ValidationOptions
} from 'langium';
import { CancellationToken, type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { Model } from '../generated/ast.js';
import type { ModelFactsProvider } from '../facts/facts-provider.js';
import type { MissionServices } from '../mission-module.js';
import { forEachElementInSlices, forEachNode, forEachNodeOf, forEachOwnReference } from '../model/walk.js';
import type { MissionIndexManager } from '../references/name-index.js';
import { suggestionsFor, suggestionText } from '../references/suggestions.js';
import { type DiagnosticCode, isDiagnosticCode, type Severity } from './codes.js';
import type { MissionValidationRegistry } from './registry.js';
import type { MissionSettings } from './settings.js';
import { documentWithReferences } from '../langium-internals.js';
import { ItemKeywords, unknownItemMessage } from '../syntax/unknown-items.js';

/** Langium's built-in error kinds, as catalog codes. */
const BUILT_IN_CODES: Record<string, DiagnosticCode> = {
    'lexing-error': 'syntax-error',
    'parsing-error': 'syntax-error',
    'linking-error': 'unresolved-reference'
};

const TO_LSP: Record<Severity, DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    info: DiagnosticSeverity.Information
};

const FROM_LSP: Record<number, Severity> = {
    [DiagnosticSeverity.Error]: 'error',
    [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info',
    [DiagnosticSeverity.Hint]: 'info'
};

/**
 * Gives every diagnostic a catalog code (lexer, parser and linker errors included) and applies the
 * configured severity overrides, so the editor and the CLI show exactly the same thing.
 */
export class MissionDocumentValidator extends DefaultDocumentValidator {
    private readonly settings: MissionSettings;
    private readonly facts: ModelFactsProvider;
    private readonly index: MissionIndexManager;
    private readonly astReflection: AstReflection;
    /** The checks' diagnostics of a document, set aside so that Langium never spreads them (see validateAst). */
    private readonly checked = new WeakMap<AstNode, Diagnostic[]>();
    /** The item keywords of each block, read from the grammar when a first syntax error needs them. */
    private itemKeywords: ItemKeywords | undefined;
    private readonly grammar: MissionServices['Grammar'];

    constructor(services: MissionServices) {
        super(services);
        this.settings = services.config.Settings;
        this.facts = services.facts.ModelFactsProvider;
        this.index = services.shared.workspace.IndexManager as MissionIndexManager;
        this.astReflection = services.shared.AstReflection;
        this.grammar = services.Grammar;
    }

    /** The parser's errors, a misspelt item keyword said in the language's words (syntax/unknown-items.ts). */
    protected override processParsingErrors(
        parseResult: ParseResult,
        diagnostics: Diagnostic[],
        options: ValidationOptions
    ): void {
        const root = parseResult.value as Model;
        const parserErrors = parseResult.parserErrors.map(error => {
            const message = unknownItemMessage(error, root, (this.itemKeywords ??= new ItemKeywords(this.grammar)));
            if (message === undefined) return error;
            // Langium reads the token (and a previous token) and the message; the error itself stays untouched.
            return Object.assign(Object.create(Object.getPrototypeOf(error) as object) as typeof error, error, {
                message,
                token: error.token
            });
        });
        super.processParsingErrors({ ...parseResult, parserErrors }, diagnostics, options);
    }

    /**
     * Langium's linking-error diagnostics, with what the reference may have meant appended to the
     * linker's message ("no person named 'alise': did you mean 'alice'?"): the same suggestions as the
     * quick fixes (references/suggestions.ts), computed only for the references that failed.
     */
    protected override processLinkingErrors(
        document: LangiumDocument,
        diagnostics: Diagnostic[],
        _options: ValidationOptions
    ): void {
        for (const reference of document.references) {
            const linkingError = reference.error;
            if (!linkingError) continue;
            const { container, property, index } = linkingError.info;
            const info: DiagnosticInfo<AstNode> = {
                node: container,
                range: reference.$refNode?.range,
                property,
                index,
                data: {
                    code: DocumentValidator.LinkingError,
                    containerType: container.$type,
                    property,
                    refText: reference.$refText
                }
            };
            const suggestion = suggestionText(
                suggestionsFor(linkingError.info, this.index, this.astReflection, this.facts.get()),
                reference.$refText
            );
            const message = suggestion ? `${linkingError.message}: ${suggestion}` : linkingError.message;
            diagnostics.push(this.toDiagnostic('error', message, info));
        }
    }

    override async validateDocument(
        document: LangiumDocument,
        options?: ValidationOptions,
        cancelToken?: CancellationToken
    ): Promise<Diagnostic[]> {
        const builtIn = await super.validateDocument(document, options, cancelToken);
        const root = document.parseResult.value;
        const checked = this.checked.get(root) ?? [];
        this.checked.delete(root);
        return this.asCatalog([builtIn, checked].flat());
    }

    /**
     * The diagnostics of some top-level elements only: their nodes' checks and their references' linking
     * errors. Undefined when the document's diagnostics are not the union of its elements' own (see
     * MissionValidationRegistry.checksAreElementLocal) or the document has syntax errors.
     */
    async validateElements(
        document: LangiumDocument,
        elements: readonly AstNode[],
        options: ValidationOptions,
        cancelToken?: CancellationToken
    ): Promise<Diagnostic[] | undefined> {
        const { parseResult } = document;
        const registry = this.validationRegistry as MissionValidationRegistry;
        if (
            parseResult.lexerErrors.length > 0 ||
            parseResult.parserErrors.length > 0 ||
            !registry.checksAreElementLocal()
        )
            return undefined;
        const diagnostics: Diagnostic[] = [];
        if (!options.categories || options.categories.includes('built-in')) {
            const references: Reference[] = [];
            for (const element of elements)
                forEachNode(element, node =>
                    forEachOwnReference(node, reference => {
                        references.push(reference);
                    })
                );
            this.processLinkingErrors(documentWithReferences(references), diagnostics, options);
        }
        const acceptor: ValidationAcceptor = (severity, message, info) => {
            diagnostics.push(this.toDiagnostic(severity, message, info));
        };
        await this.validateNodes(elements, options, acceptor, cancelToken);
        return this.asCatalog(diagnostics);
    }

    /** Every diagnostic with its catalog code (lexer, parser and linker errors too) and configured severity. */
    private asCatalog(diagnostics: readonly Diagnostic[]): Diagnostic[] {
        const result: Diagnostic[] = [];
        for (const diagnostic of diagnostics) {
            const langiumCode = (diagnostic.data as { code?: string } | undefined)?.code;
            const code = langiumCode && BUILT_IN_CODES[langiumCode] ? BUILT_IN_CODES[langiumCode] : diagnostic.code;
            if (!isDiagnosticCode(code)) {
                result.push(diagnostic);
                continue;
            }
            const severity = this.settings.severityFor(
                code,
                FROM_LSP[diagnostic.severity ?? DiagnosticSeverity.Error] ?? 'error'
            );
            if (severity === 'off') continue;
            result.push({ ...diagnostic, code, severity: TO_LSP[severity] });
        }
        return result;
    }

    /**
     * Langium appends these with `push(...diagnostics)`, which overflows the stack past ~125,000
     * diagnostics in one file (a 100k-mission file without intents); keep them aside instead.
     */
    protected override async validateAst(
        rootNode: AstNode,
        options: ValidationOptions,
        cancelToken?: CancellationToken
    ): Promise<Diagnostic[]> {
        this.checked.set(rootNode, await super.validateAst(rootNode, options, cancelToken));
        return [];
    }

    /**
     * Every node's checks, called directly (see MissionValidationRegistry) in Langium's order, yielding
     * for cancellation once per slice of top-level elements rather than at every check of every node.
     */
    protected override async validateAstNodes(
        rootNode: AstNode,
        options: ValidationOptions,
        acceptor: ValidationAcceptor,
        cancelToken: CancellationToken = CancellationToken.None
    ): Promise<void> {
        const registry = this.validationRegistry as MissionValidationRegistry;
        const checksOf = registry.directChecks(options.categories);
        for (const entry of checksOf(rootNode.$type)) await registry.runCheck(entry, rootNode, acceptor, cancelToken);
        await this.validateNodes((rootNode as Model).elements ?? [], options, acceptor, cancelToken);
    }

    /** The checks of every node of the given top-level elements. */
    private async validateNodes(
        elements: readonly AstNode[],
        options: ValidationOptions,
        acceptor: ValidationAcceptor,
        cancelToken: CancellationToken = CancellationToken.None
    ): Promise<void> {
        const registry = this.validationRegistry as MissionValidationRegistry;
        const checksOf = registry.directChecks(options.categories);
        const pending: Array<Promise<void>> = [];
        const validateNode = (node: AstNode): void => {
            const checks = checksOf(node.$type);
            for (let i = 0; i < checks.length; i++) {
                const result = registry.runCheck(checks[i]!, node, acceptor, cancelToken);
                if (result) pending.push(result);
            }
        };
        const settle = async (): Promise<void> => {
            await Promise.all(pending.splice(0));
        };
        // Only the nodes that have checks, and the subtrees that can hold one.
        const checked = registry.checkedTypes(options.categories);
        await forEachElementInSlices(
            elements,
            cancelToken,
            element => forEachNodeOf(element, checked, validateNode),
            settle
        );
        await settle();
    }
}

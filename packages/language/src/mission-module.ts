import './node20-polyfill.js';
import { EmptyFileSystem, inject, type Module } from 'langium';
import {
    createDefaultModule,
    createDefaultSharedModule,
    type DefaultSharedModuleContext,
    type LangiumServices,
    type LangiumSharedServices,
    type PartialLangiumServices,
    type PartialLangiumSharedServices
} from 'langium/lsp';
import { ModelFactsProvider } from './facts/facts-provider.js';
import { MissionCodeActionProvider } from './lsp/code-actions.js';
import { MissionCodeLensProvider } from './lsp/code-lens.js';
import { MissionCompletionProvider } from './lsp/completion.js';
import { MissionDocumentBuilder } from './incremental/document-builder.js';
import { MissionDocumentSymbolProvider } from './lsp/document-symbols.js';
import { MissionFormatter } from './lsp/formatter.js';
import { MissionFuzzyMatcher } from './lsp/fuzzy-matcher.js';
import { MissionHoverProvider } from './lsp/hover.js';
import { MissionInlayHintProvider } from './lsp/inlay-hints.js';
import { MissionNodeKindProvider } from './lsp/node-kinds.js';
import { MissionReferences } from './lsp/references.js';
import { MissionRenameProvider } from './lsp/rename.js';
import { MissionSemanticTokenProvider } from './lsp/semantic-tokens.js';
import { MissionTypeHierarchyProvider } from './lsp/type-hierarchy.js';
import { MissionDocumentLinkProvider } from './lsp/document-links.js';
import { MissionWorkspaceManager } from './workspace/workspace-manager.js';
import { MissionEditorSettings } from './server/editor-settings.js';
import { MissionGeneratedSharedModule, MissionLanguageGeneratedModule } from './generated/module.js';
import { BatchCheckModule, SyntaxOnDemandModule } from './references/batch-check.js';
import { MissionAstNodeDescriptionProvider, MissionReferenceDescriptionProvider } from './references/descriptions.js';
import { MissionLinker } from './references/linker.js';
import { MissionIndexManager } from './references/name-index.js';
import { MissionScopeComputation } from './references/scope-computation.js';
import { MissionScopeProvider } from './references/scope-provider.js';
import { createMissionParser } from './syntax/fast-parser.js';
import { MissionTokenBuilder } from './syntax/token-builder.js';
import { createLazyCompletionParser, LazyLexer } from './syntax/lazy-parsers.js';
import { MissionLexerErrorMessageProvider, MissionParserErrorMessageProvider } from './syntax/parser-messages.js';
import { MissionValueConverter } from './syntax/value-converter.js';
import { MissionDocumentValidator } from './validation/document-validator.js';
import { MissionValidationRegistry } from './validation/registry.js';
import { registerValidationChecks } from './validation/register.js';
import { MissionSettings } from './validation/settings.js';

/** Services this language adds to Langium's. */
export interface MissionAddedServices {
    config: {
        Settings: MissionSettings;
        /** The editor's `mission` settings and mission.config.json, applied to Settings. */
        EditorSettings: MissionEditorSettings;
    };
    facts: {
        ModelFactsProvider: ModelFactsProvider;
    };
}

export type MissionServices = LangiumServices & MissionAddedServices;

export const MissionModule: Module<MissionServices, PartialLangiumServices & MissionAddedServices> = {
    config: {
        Settings: () => new MissionSettings(),
        EditorSettings: services => new MissionEditorSettings(services)
    },
    facts: {
        ModelFactsProvider: services => new ModelFactsProvider(services.shared)
    },
    parser: {
        LangiumParser: services => createMissionParser(services),
        Lexer: services => new LazyLexer(services),
        CompletionParser: services => createLazyCompletionParser(services),
        TokenBuilder: () => new MissionTokenBuilder(),
        ValueConverter: () => new MissionValueConverter(),
        ParserErrorMessageProvider: () => new MissionParserErrorMessageProvider(),
        LexerErrorMessageProvider: () => new MissionLexerErrorMessageProvider()
    },
    workspace: {
        AstNodeDescriptionProvider: services => new MissionAstNodeDescriptionProvider(services),
        ReferenceDescriptionProvider: services => new MissionReferenceDescriptionProvider(services)
    },
    references: {
        ScopeComputation: services => new MissionScopeComputation(services),
        ScopeProvider: services => new MissionScopeProvider(services),
        Linker: services => new MissionLinker(services),
        References: services => new MissionReferences(services)
    },
    validation: {
        DocumentValidator: services => new MissionDocumentValidator(services),
        ValidationRegistry: services => new MissionValidationRegistry(services)
    },
    lsp: {
        CodeActionProvider: services => new MissionCodeActionProvider(services),
        CompletionProvider: services => new MissionCompletionProvider(services),
        HoverProvider: services => new MissionHoverProvider(services),
        RenameProvider: services => new MissionRenameProvider(services),
        SemanticTokenProvider: services => new MissionSemanticTokenProvider(services),
        DocumentSymbolProvider: services => new MissionDocumentSymbolProvider(services),
        Formatter: services => new MissionFormatter(services),
        CodeLensProvider: services => new MissionCodeLensProvider(services),
        InlayHintProvider: services => new MissionInlayHintProvider(services),
        TypeHierarchyProvider: services => new MissionTypeHierarchyProvider(services),
        DocumentLinkProvider: () => new MissionDocumentLinkProvider()
    }
};

export const MissionSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        IndexManager: services => new MissionIndexManager(services),
        DocumentBuilder: services => new MissionDocumentBuilder(services),
        WorkspaceManager: services => new MissionWorkspaceManager(services)
    },
    lsp: {
        NodeKindProvider: () => new MissionNodeKindProvider(),
        FuzzyMatcher: () => new MissionFuzzyMatcher()
    }
};

export interface MissionServiceSet {
    shared: LangiumSharedServices;
    Mission: MissionServices;
}

export interface MissionServiceOptions {
    /** A one-shot check (no editor): no reference index (references/batch-check.ts). */
    readonly batch?: boolean;
    /**
     * Parse to the AST alone and build syntax trees where read (syntax/syntax-on-demand.ts). Default:
     * as `batch`. Only for services that never edit documents (the language server reads its workspace lean at
     * start-up through the workspace manager instead, and parses every later text with its tree).
     */
    readonly syntaxOnDemand?: boolean;
}

/** Creates the services of the language (and, given a connection, of the language server). */
export function createMissionServices(
    context: DefaultSharedModuleContext = EmptyFileSystem,
    options: MissionServiceOptions = {}
): MissionServiceSet {
    const shared = inject(createDefaultSharedModule(context), MissionGeneratedSharedModule, MissionSharedModule);
    const syntaxOnDemand = options.syntaxOnDemand ?? options.batch ?? false;
    const Mission = inject(
        createDefaultModule({ shared }),
        MissionLanguageGeneratedModule,
        MissionModule,
        options.batch ? BatchCheckModule : {},
        syntaxOnDemand ? SyntaxOnDemandModule : {}
    );
    shared.ServiceRegistry.register(Mission);
    registerValidationChecks(Mission);
    if (!context.connection) {
        // Outside a language server nothing sends configuration: start with the defaults now. Without a
        // fetchConfiguration callback `initialized` only marks the configuration ready, with nothing to wait for.
        void shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Mission };
}

import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import {
    type CodeAction,
    CodeActionKind,
    type CodeActionParams,
    type Command,
    type Diagnostic
} from 'vscode-languageserver';
import type { MissionServices } from '../mission-module.js';
import type { MissionIndexManager } from '../references/name-index.js';
import { type DiagnosticCode, isDiagnosticCode } from '../validation/codes.js';
import type { FixContext, QuickFix } from './quick-fixes/fix-context.js';
import { addTarget } from './quick-fixes/measure-fixes.js';
import { addIntent, addLead, addMeasure, addUnder } from './quick-fixes/mission-fixes.js';
import { fixReference } from './quick-fixes/reference-fixes.js';
import { removeSupport, reviewToday, swapWindowDates, upperCaseCurrency } from './quick-fixes/value-fixes.js';

/** The quick fixes by diagnostic code (the catalog code every diagnostic carries). */
const QUICK_FIXES: Partial<Record<DiagnosticCode, QuickFix>> = {
    'unaligned-mission': addUnder,
    'missing-intent': addIntent,
    'unmeasured-mission': addMeasure,
    'no-lead': addLead,
    'missing-target': addTarget,
    'unresolved-reference': fixReference,
    'invalid-currency': upperCaseCurrency,
    'invalid-window': swapWindowDates,
    'self-support': removeSupport,
    'redundant-support': removeSupport,
    'review-overdue': reviewToday
};

/**
 * Quick fixes keyed on the diagnostic's code. Each fix finds what it needs from the AST at the
 * diagnostic's range and from the model facts, never from the message text.
 */
export class MissionCodeActionProvider implements CodeActionProvider {
    private readonly services: MissionServices;
    /** Whether the client applies snippet edits (set from its capabilities at initialization). */
    private snippetEdits = false;

    constructor(services: MissionServices) {
        this.services = services;
        services.shared.lsp.LanguageServer.onInitialize(params => {
            this.snippetEdits = params.capabilities.workspace?.workspaceEdit?.snippetEditSupport === true;
        });
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        const only = params.context.only;
        if (
            only &&
            !only.some(
                kind =>
                    kind === CodeActionKind.Empty ||
                    kind === CodeActionKind.QuickFix ||
                    CodeActionKind.QuickFix.startsWith(`${kind}.`)
            )
        )
            return [];
        return params.context.diagnostics.flatMap(diagnostic => this.fixesFor(document, diagnostic));
    }

    private fixesFor(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const code = diagnostic.code;
        const fix = isDiagnosticCode(code) ? QUICK_FIXES[code] : undefined;
        if (!fix) return [];
        const facts = this.services.facts.ModelFactsProvider;
        const context: FixContext = {
            document,
            diagnostic,
            services: this.services,
            index: this.services.shared.workspace.IndexManager as MissionIndexManager,
            facts: () => facts.get(),
            snippetEdits: this.snippetEdits
        };
        return fix(context);
    }
}

import {
    type AstNode,
    AstUtils,
    type CstNode,
    CstUtils,
    isReference,
    type LangiumDocument,
    type Reference,
    type ReferenceInfo
} from 'langium';
import { type CodeAction, CodeActionKind, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { ModelFacts } from '../../facts/model-facts.js';
import type { MissionServices } from '../../mission-module.js';
import type { MissionIndexManager } from '../../references/name-index.js';

/** What a quick fix gets: the document, the diagnostic it answers, and the language's services. */
export interface FixContext {
    readonly document: LangiumDocument;
    readonly diagnostic: Diagnostic;
    readonly services: MissionServices;
    readonly index: MissionIndexManager;
    /** The facts of the current build (computed once per build and shared). */
    facts(): ModelFacts;
    /** Whether the client applies snippet edits (LSP 3.18 `workspace.workspaceEdit.snippetEditSupport`). */
    readonly snippetEdits: boolean;
}

/** A quick fix: the code actions it offers for one diagnostic (none when it does not apply). */
export type QuickFix = (context: FixContext) => CodeAction[];

/** A quick-fix code action that edits the diagnostic's document. */
export function quickFix(context: FixContext, title: string, edits: TextEdit[], isPreferred = false): CodeAction {
    const action: CodeAction = {
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [context.diagnostic],
        edit: { changes: { [context.document.textDocument.uri]: edits } }
    };
    if (isPreferred) action.isPreferred = true;
    return action;
}

/**
 * A quick fix whose one edit is a snippet (LSP 3.18 `SnippetTextEdit`, only for clients that support it):
 * `$0` is where the cursor lands. Snippet edits live in `documentChanges`, with the document's version.
 */
export function snippetQuickFix(
    context: FixContext,
    title: string,
    range: Range,
    snippet: string,
    isPreferred = false
): CodeAction {
    const { uri, version } = context.document.textDocument;
    const action: CodeAction = {
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [context.diagnostic],
        edit: {
            documentChanges: [
                { textDocument: { uri, version }, edits: [{ range, snippet: { kind: 'snippet', value: snippet } }] }
            ]
        }
    };
    if (isPreferred) action.isPreferred = true;
    return action;
}

/** The text of the document as it was parsed. */
export function textOf(context: FixContext): string {
    return context.document.textDocument.getText();
}

/** The CST leaf where the diagnostic starts. */
export function leafAtDiagnostic(context: FixContext): CstNode | undefined {
    const root = context.document.parseResult.value.$cstNode;
    if (!root) return undefined;
    return CstUtils.findLeafNodeAtOffset(root, context.document.textDocument.offsetAt(context.diagnostic.range.start));
}

/** The nearest AST node of the type (the leaf's own node or a container) where the diagnostic starts. */
export function nodeAtDiagnostic<T extends AstNode>(
    context: FixContext,
    guard: (node: unknown) => node is T
): T | undefined {
    const leaf = leafAtDiagnostic(context);
    return leaf ? AstUtils.getContainerOfType(leaf.astNode, guard) : undefined;
}

/**
 * The reference the diagnostic is on: found by position, among the references of the AST node that owns
 * the leaf (a `lead`, a `crew` list, a `supports` list, a mission's `under`, ...), with its list index.
 */
export function referenceAtDiagnostic(context: FixContext): (ReferenceInfo & { reference: Reference }) | undefined {
    const leaf = leafAtDiagnostic(context);
    if (!leaf) return undefined;
    const container = leaf.astNode;
    const offset = leaf.offset;
    const covers = (reference: Reference): boolean => {
        const node = reference.$refNode;
        return node !== undefined && node.offset <= offset && offset < node.end;
    };
    for (const [property, value] of Object.entries(container)) {
        if (property.startsWith('$')) continue;
        if (isReference(value) && covers(value)) return { container, property, reference: value };
        if (Array.isArray(value)) {
            const index = value.findIndex(item => isReference(item) && covers(item));
            if (index >= 0) return { container, property, index, reference: value[index] as Reference };
        }
    }
    return undefined;
}

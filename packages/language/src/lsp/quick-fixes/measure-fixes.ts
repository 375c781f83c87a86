/**
 * Fixes for what a measure lacks (reported on its name): `missing-target` inserts `target ` and leaves
 * the cursor after it, for the value only the author knows. The cursor is placed with a snippet edit
 * (LSP 3.18 `SnippetTextEdit`, offered when the client says `workspace.workspaceEdit.snippetEditSupport`:
 * VS Code and code-server through vscode-languageclient 10); other clients get the same text as a plain
 * edit (docs/quick-fixes.md).
 */
import type { AstNode, TextDocument } from 'langium';
import type { CodeAction, TextEdit } from 'vscode-languageserver';
import { isMeasure, type Measure } from '../../generated/ast.js';
import { type FixContext, nodeAtDiagnostic, quickFix, snippetQuickFix } from './fix-context.js';
import { insertAfter, insertBefore, insertIntoEmptyBlock, itemIndent } from './text-layout.js';

/** The items of a measure's block in text order. */
function measureItems(measure: Measure): AstNode[] {
    const items: AstNode[] = [
        ...measure.baselines,
        ...measure.targets,
        ...measure.currents,
        ...measure.units,
        ...measure.dues,
        ...measure.directions,
        ...measure.contributions,
        ...measure.rollups
    ];
    return items.filter(item => item.$cstNode).sort((a, b) => a.$cstNode!.offset - b.$cstNode!.offset);
}

/** `missing-target`: `target ` after the baseline (as in LANGUAGE.md's example), else as the first item. */
export function addTarget(context: FixContext): CodeAction[] {
    const measure = nodeAtDiagnostic(context, isMeasure);
    if (!measure || measure.targets.length > 0) return [];
    const edit = insertTarget(context.document.textDocument, measure);
    if (!edit) return [];
    const at = edit.newText.indexOf(KEYWORD);
    const before = edit.newText.slice(0, at + KEYWORD.length);
    const after = edit.newText.slice(at + KEYWORD.length);
    const title = `Add 'target' to ${measure.name}`;
    if (!context.snippetEdits) return [quickFix(context, title, [{ ...edit, newText: `${before} ${after}` }], true)];
    return [snippetQuickFix(context, title, edit.range, `${escapeSnippet(before)} $0${escapeSnippet(after)}`, true)];
}

/** The keyword inserted alone (the layout helpers trim and indent it); its value is typed after it. */
const KEYWORD = 'target';

function insertTarget(document: TextDocument, measure: Measure): TextEdit | undefined {
    const items = measureItems(measure);
    const indent = itemIndent(document.getText(), measure, items);
    const baseline = measure.baselines[0];
    if (baseline?.$cstNode) return insertAfter(document, baseline, [KEYWORD], indent);
    const first = items[0];
    return first
        ? insertBefore(document, first, [KEYWORD], indent)
        : insertIntoEmptyBlock(document, measure, [KEYWORD], indent);
}

/** Text taken literally inside a snippet: `$`, `}` and `\` escaped (TextMate snippet syntax). */
function escapeSnippet(text: string): string {
    return text.replace(/[$}\\]/g, '\\$&');
}

import type { LangiumDocument, TextDocument } from 'langium';
import { AbstractFormatter } from 'langium/lsp';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver';
import { FORMAT_SETTINGS, type FormatSettings } from '../config/mission-config.js';
import type { MissionServices } from '../mission-module.js';
import { type Layout, layOut, type LayoutStyle, layoutText } from './layout.js';

/**
 * The editor's formatter: the canonical layout of layout.ts, in the style of the workspace's
 * mission.config.json `format` section. Precedence (docs/editors.md): the print width is the
 * config's, else 120; the indentation is the config's `indent` when it sets one, else the editor's
 * own tab size and spaces-or-tabs of the request, else 2 spaces.
 *
 * A whole document is answered with one edit (or none when it is formatted); a range with an edit
 * for each gap between tokens in it that changes. The layout is computed from the syntax tree by
 * layout.ts, not from Langium's formatting actions, so `format` has nothing to do.
 */
export class MissionFormatter extends AbstractFormatter {
    constructor(private readonly services: MissionServices) {
        super();
    }

    protected override format(): void {
        // The layout is computed whole by layout.ts (doDocumentFormat).
    }

    protected override doDocumentFormat(
        document: LangiumDocument,
        options: FormattingOptions,
        range?: Range
    ): TextEdit[] {
        const text = document.textDocument.getText();
        const style = layoutStyle(this.services.config.EditorSettings.configFile?.format, options);
        const layout = layOut(document.parseResult.value, text, style);
        if (range) return rangeEdits(layout, document.textDocument, range);
        const formatted = layoutText(layout);
        if (formatted === text) return [];
        return [
            {
                range: { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) },
                newText: formatted
            }
        ];
    }
}

/**
 * The style of a layout: `settings` (mission.config.json `format`) first, then the editor's
 * formatting options for the indentation, then the defaults (print width 120, 2 spaces).
 */
export function layoutStyle(settings: FormatSettings = {}, editor?: FormattingOptions): LayoutStyle {
    const printWidth = settings.printWidth ?? FORMAT_SETTINGS.printWidth.default;
    const editorTab = editor && editor.tabSize >= 1 ? Math.floor(editor.tabSize) : undefined;
    if (settings.indent === undefined && editorTab !== undefined) {
        return { indentUnit: editor?.insertSpaces ? ' '.repeat(editorTab) : '\t', tabSize: editorTab, printWidth };
    }
    const indent = settings.indent ?? FORMAT_SETTINGS.indent.default;
    return { indentUnit: ' '.repeat(indent), tabSize: editorTab ?? indent, printWidth };
}

/** An edit for each gap between leaves (and each moved comment) that changes and touches `range`. */
function rangeEdits(layout: Layout, document: TextDocument, range: Range): TextEdit[] {
    const from = document.offsetAt(range.start);
    const to = document.offsetAt(range.end);
    const text = document.getText();
    const edits: TextEdit[] = [];
    const replace = (start: number, end: number, newText: string): void => {
        if (start <= to && end >= from && text.slice(start, end) !== newText) {
            edits.push({ range: { start: document.positionAt(start), end: document.positionAt(end) }, newText });
        }
    };
    let previousEnd = 0;
    for (const { leaf, before, text: leafText } of layout.leaves) {
        replace(previousEnd, leaf.offset, before);
        replace(leaf.offset, leaf.end, leafText);
        previousEnd = leaf.end;
    }
    replace(previousEnd, text.length, layout.end);
    return edits;
}

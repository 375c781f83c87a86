/**
 * Proposed changes to model files: LSP-style text edits (0-based lines and characters) checked for
 * being well-formed before anything is applied, and the diagnostics a change introduces and fixes.
 */
import { TextDocument } from 'langium';
import type { MissionDiagnostic } from 'mission-lang-language';
import { ToolInputError } from './tool-error.js';

export interface Position {
    readonly line: number;
    readonly character: number;
}

export interface TextEdit {
    readonly range: { readonly start: Position; readonly end: Position };
    readonly newText: string;
}

/**
 * The text after the edits, each range read against the original text (as LSP's `TextEdit[]`). A range
 * outside the text, one that ends before it starts, or two that overlap is a tool error.
 */
export function applyEdits(file: string, text: string, edits: readonly TextEdit[]): string {
    const document = TextDocument.create('file:///proposal', 'mission', 0, text);
    const lines = text.split('\n');
    const offsets = edits.map((edit, index) => {
        const where = `${file}: edit ${index + 1}`;
        for (const position of [edit.range.start, edit.range.end]) {
            const line = lines[position.line];
            // A position may be at the end of a line (before its line break), not beyond.
            if (line === undefined || position.character > line.replace(/\r$/, '').length)
                throw new ToolInputError(
                    `${where}: position ${position.line}:${position.character} is outside the file ` +
                        `(${lines.length} lines; lines and characters are 0-based)`
                );
        }
        const start = document.offsetAt(edit.range.start);
        const end = document.offsetAt(edit.range.end);
        if (end < start) throw new ToolInputError(`${where}: the range ends before it starts`);
        return { start, end, index };
    });
    const sorted = [...offsets].sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 1; i < sorted.length; i++) {
        if (sorted[i]!.start < sorted[i - 1]!.end)
            throw new ToolInputError(`${file}: edits ${sorted[i - 1]!.index + 1} and ${sorted[i]!.index + 1} overlap`);
    }
    return TextDocument.applyEdits(document, [...edits]);
}

/** The text with a new element appended after a blank line. */
export function appendElement(text: string, element: string): string {
    const body = element.trim();
    if (body.length === 0) throw new ToolInputError('append: the element text is empty');
    const head = text.replace(/\s+$/, '');
    return head.length === 0 ? `${body}\n` : `${head}\n\n${body}\n`;
}

export interface DiagnosticChanges {
    readonly introduced: MissionDiagnostic[];
    readonly fixed: MissionDiagnostic[];
}

/**
 * What a change did to the diagnostics: those after it that were not there before (introduced) and
 * those before it that are gone (fixed). A diagnostic is the same when its file, code, severity and
 * message are: an edit moves the lines of everything after it, so positions cannot say.
 */
export function diagnosticChanges(
    before: readonly MissionDiagnostic[],
    after: readonly MissionDiagnostic[]
): DiagnosticChanges {
    const key = (d: MissionDiagnostic) => `${d.file}\u0000${d.code}\u0000${d.severity}\u0000${d.message}`;
    const count = (list: readonly MissionDiagnostic[]) => {
        const counts = new Map<string, number>();
        for (const diagnostic of list) counts.set(key(diagnostic), (counts.get(key(diagnostic)) ?? 0) + 1);
        return counts;
    };
    const unmatched = (list: readonly MissionDiagnostic[], others: Map<string, number>) =>
        list.filter(diagnostic => {
            const left = others.get(key(diagnostic)) ?? 0;
            if (left === 0) return true;
            others.set(key(diagnostic), left - 1);
            return false;
        });
    return { introduced: unmatched(after, count(before)), fixed: unmatched(before, count(after)) };
}

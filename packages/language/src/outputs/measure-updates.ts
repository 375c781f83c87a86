/**
 * Measures from data (`mission measures update`): the text edits that set a measure's `baseline`,
 * `target` or `current`, found by the measure's qualified name `Mission.measure`. An edit is minimal:
 * an existing figure's number token is replaced (nothing else on its line changes), a missing one is
 * inserted where the formatter would put it (after the figure before it, else first in the block: on
 * its own line in a block written over several lines, two spaces apart in a block on one line), so
 * comments and layout are kept and a formatted file stays formatted.
 */
import { AstUtils, type CstNode, GrammarUtils, isCompositeCstNode, type LangiumDocument } from 'langium';
import type { Measure, Model } from '../generated/ast.js';
import type { ModelFacts } from '../facts/model-facts.js';
import { qualifiedName } from '../model/wording.js';
import { didYouMean } from '../references/suggestions.js';
import { parseNumberLiteral } from '../model/numbers.js';

/** The figures a row may set, in the order the formatter and this module write them. */
export const FIGURE_FIELDS = ['baseline', 'target', 'current'] as const;
export type FigureField = (typeof FIGURE_FIELDS)[number];

/** A number as the language writes it (the NUMBER terminal): `40000`, `40_000`, `-2.5`, `1.2M`. */
export const FIGURE_NUMBER = /^-?[0-9]+(_[0-9]+)*(\.[0-9]+(_[0-9]+)*)?[kMB]?$/;

/** One row of figures: where it is (for messages, e.g. `figures.csv:3:1: row 3`), the measure, the values. */
export interface FigureRow {
    readonly where: string;
    readonly measure: string;
    readonly values: Partial<Record<FigureField, string>>;
}

/** A figure that the update changes: the previous number (null: absent) and the new one, as written. */
export interface FigureChange {
    readonly measure: string;
    readonly field: FigureField;
    readonly previous: string | null;
    readonly value: string;
    /** The model file holding the measure, as the user named it. */
    readonly path: string;
}

export interface MeasureUpdatePlan {
    /** The files that change, with their text before and after, in the order of the model's files. */
    readonly files: ReadonlyArray<{ readonly path: string; readonly before: string; readonly after: string }>;
    readonly changes: readonly FigureChange[];
}

/** A row that names no measure of the model (or one that two measures share). */
export class MeasureUpdateError extends Error {}

interface TextEdit {
    readonly offset: number;
    readonly end: number;
    readonly text: string;
}

/**
 * The edits that give each named measure the row's values. A value equal to the figure already
 * written (as a number: `31_000` is `31000`) changes nothing, so a second run changes no file.
 */
export function planMeasureUpdates(
    model: {
        readonly facts: ModelFacts;
        readonly documents: ReadonlyArray<{ source: { path: string }; document: LangiumDocument<Model> }>;
    },
    rows: readonly FigureRow[]
): MeasureUpdatePlan {
    const measures = new Map<string, Measure[]>();
    for (const mission of model.facts.missions)
        for (const measure of mission.measures) {
            const name = qualifiedName(measure);
            const list = measures.get(name);
            if (list) list.push(measure);
            else measures.set(name, [measure]);
        }
    const pathOf = new Map(model.documents.map(entry => [entry.document.uri.toString(), entry.source.path]));
    const editsByDocument = new Map<LangiumDocument, TextEdit[]>();
    const changes: FigureChange[] = [];
    for (const row of rows) {
        const found = measures.get(row.measure);
        if (!found)
            throw new MeasureUpdateError(
                `${row.where}: no measure is named '${row.measure}'${didYouMean(row.measure, measures.keys())}`
            );
        if (found.length > 1)
            throw new MeasureUpdateError(`${row.where}: ${found.length} measures are named '${row.measure}'`);
        const measure = found[0]!;
        const document = AstUtils.getDocument(measure);
        const text = document.textDocument.getText();
        const missing: FigureField[] = [];
        const edits = editsByDocument.get(document) ?? [];
        for (const field of FIGURE_FIELDS) {
            const value = row.values[field];
            if (value === undefined) continue;
            const leaf = figureLeaf(measure, field);
            const previous = leaf ? text.slice(leaf.offset, leaf.end) : null;
            if (previous !== null && parseNumberLiteral(previous) === parseNumberLiteral(value)) continue;
            if (leaf) edits.push({ offset: leaf.offset, end: leaf.end, text: value });
            else missing.push(field);
            changes.push({ measure: row.measure, field, previous, value, path: pathOf.get(document.uri.toString())! });
        }
        edits.push(...insertions(measure, text, missing, row.values));
        if (edits.length > 0) editsByDocument.set(document, edits);
    }
    const files = model.documents.flatMap(({ source, document }) => {
        const edits = editsByDocument.get(document);
        if (!edits) return [];
        const before = document.textDocument.getText();
        return [{ path: source.path, before, after: applyEdits(before, edits) }];
    });
    return { files, changes };
}

/** The item of a figure that counts (the first, as the accessors read it). */
function figureItem(measure: Measure, field: FigureField): CstNode | undefined {
    return { baseline: measure.baselines, target: measure.targets, current: measure.currents }[field][0]?.$cstNode;
}

/** The NUMBER token of the figure that counts. */
function figureLeaf(measure: Measure, field: FigureField): CstNode | undefined {
    const node = figureItem(measure, field);
    return node ? GrammarUtils.findNodeForProperty(node, 'value') : undefined;
}

function insertions(
    measure: Measure,
    text: string,
    missing: readonly FigureField[],
    values: FigureRow['values']
): TextEdit[] {
    const block = measure.$cstNode;
    const open = block && GrammarUtils.findNodeForKeyword(block, '{');
    const close = block && GrammarUtils.findNodeForKeyword(block, '}');
    if (!block || !open || !close || missing.length === 0) return [];
    const oneLine = open.range.start.line === close.range.start.line;
    const inside = (isCompositeCstNode(block) ? block.content : []).filter(
        node => node.offset > open.offset && node.end <= close.offset
    );
    const items = inside.filter(node => !node.hidden);
    const comments = inside.filter(node => node.hidden);
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    // Each missing figure goes after the nearest figure before it that the block has (else first).
    const groups = new Map<CstNode | undefined, string[]>();
    for (const field of missing) {
        const earlier = FIGURE_FIELDS.slice(0, FIGURE_FIELDS.indexOf(field))
            .map(previous => figureItem(measure, previous))
            .filter((node): node is CstNode => node !== undefined)
            .sort((a, b) => b.offset - a.offset)[0];
        const group = groups.get(earlier) ?? [];
        group.push(`${field} ${values[field]}`);
        groups.set(earlier, group);
    }
    const edits: TextEdit[] = [];
    // Items on one line are as far apart as the block's first two (the formatter's two spaces, else as written).
    const gap = items.length > 1 ? text.slice(items[0]!.end, items[1]!.offset) : '  ';
    const apart = /^[ \t]+$/.test(gap) ? gap : '  ';
    for (const [anchor, figures] of groups) {
        const joined = figures.join(apart);
        if (oneLine) {
            if (anchor) edits.push({ offset: anchor.end, end: anchor.end, text: `${apart}${joined}` });
            else if (items[0]) edits.push({ offset: items[0].offset, end: items[0].offset, text: `${joined}${apart}` });
            else if (text.slice(open.end, close.offset).trim() === '')
                edits.push({ offset: open.end, end: close.offset, text: ` ${joined} ` });
            else edits.push({ offset: open.end, end: open.end, text: ` ${joined}` });
            continue;
        }
        const after = anchor ?? open;
        const next = items.find(item => item.offset >= after.end);
        if (next && next.range.start.line === after.range.end.line) {
            // Not the formatter's layout (items share a line): keep to the line, two spaces apart.
            edits.push({ offset: next.offset, end: next.offset, text: `${joined}${apart}` });
            continue;
        }
        // At the end of the line (after a line comment), unless the block closes on it or a comment runs on.
        let at = endOfLine(text, after.end);
        if (close.offset < at || comments.some(comment => comment.offset < at && comment.end > at)) at = after.end;
        const indent = anchor
            ? indentationAt(text, anchor.offset)
            : next
              ? indentationAt(text, next.offset)
              : indentationAt(text, block.offset) + indentStep(text, measure);
        edits.push({ offset: at, end: at, text: figures.map(figure => `${eol}${indent}${figure}`).join('') });
    }
    return edits;
}

/** Where the line holding the offset ends (before its line break), after any comment on it. */
function endOfLine(text: string, offset: number): number {
    const end = text.indexOf('\n', offset);
    const at = end === -1 ? text.length : end;
    return text[at - 1] === '\r' ? at - 1 : at;
}

/** One level of indentation as the file has it: the measure's below its mission's (else two spaces). */
function indentStep(text: string, measure: Measure): string {
    const mission = measure.$container.$cstNode;
    const outer = mission ? indentationAt(text, mission.offset) : '';
    const inner = indentationAt(text, measure.$cstNode!.offset);
    return inner.startsWith(outer) && inner.length > outer.length ? inner.slice(outer.length) : '  ';
}

function indentationAt(text: string, offset: number): string {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
    let result = text;
    for (const edit of [...edits].sort((a, b) => b.offset - a.offset || b.end - a.end))
        result = result.slice(0, edit.offset) + edit.text + result.slice(edit.end);
    return result;
}

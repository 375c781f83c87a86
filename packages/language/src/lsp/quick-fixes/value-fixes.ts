/**
 * Fixes that rewrite one item in place: a currency in capitals, a window's dates swapped, a review's
 * `last` set to today, a `supports` reference removed.
 */
import { GrammarUtils } from 'langium';
import type { CodeAction } from 'vscode-languageserver';
import { type Budget, isBudget, isReview, isSupports, isValue, isWindow, type Value } from '../../generated/ast.js';
import { dayToIso } from '../../model/dates.js';
import { windowRange } from '../../model/wording.js';
import { type FixContext, nodeAtDiagnostic, quickFix, referenceAtDiagnostic } from './fix-context.js';
import { removeItem, removeListElement } from './text-layout.js';

const CURRENCY = /^[A-Z]{3}$/;

/** `invalid-currency`: the same letters in capitals, when that makes three capital letters (`gbp` → `GBP`). */
export function upperCaseCurrency(context: FixContext): CodeAction[] {
    const node = nodeAtDiagnostic(context, isPriced);
    const currency = GrammarUtils.findNodeForProperty(node?.$cstNode, 'currency');
    if (!node || !currency) return [];
    const fixed = currency.text.toUpperCase();
    if (!CURRENCY.test(fixed) || fixed === currency.text) return [];
    return [quickFix(context, `Change the currency to ${fixed}`, [{ range: currency.range, newText: fixed }], true)];
}

function isPriced(node: unknown): node is Budget | Value {
    return isBudget(node) || isValue(node);
}

/** `invalid-window`: the start and end dates swapped. */
export function swapWindowDates(context: FixContext): CodeAction[] {
    const window = nodeAtDiagnostic(context, isWindow);
    const start = GrammarUtils.findNodeForProperty(window?.$cstNode, 'start');
    const end = GrammarUtils.findNodeForProperty(window?.$cstNode, 'end');
    if (!start || !end) return [];
    return [
        quickFix(
            context,
            `Swap the dates: ${windowRange(end.text, start.text)}`,
            [
                { range: start.range, newText: end.text },
                { range: end.range, newText: start.text }
            ],
            true
        )
    ];
}

/** `review-overdue`: `last` set to today (the configured today of the checks). */
export function reviewToday(context: FixContext): CodeAction[] {
    const review = nodeAtDiagnostic(context, isReview);
    const last = GrammarUtils.findNodeForProperty(review?.$cstNode, 'last');
    if (!last) return [];
    const today = dayToIso(context.services.config.Settings.today);
    return [
        quickFix(context, `Set the last review to today (${today})`, [{ range: last.range, newText: today }], true)
    ];
}

/** `self-support`, `redundant-support`: the reference removed from the list (the whole item when it is alone). */
export function removeSupport(context: FixContext): CodeAction[] {
    const info = referenceAtDiagnostic(context);
    const supports = info?.container;
    if (!info || !isSupports(supports) || info.index === undefined) return [];
    const document = context.document.textDocument;
    const elements = supports.missions.map(reference => reference.$refNode);
    if (elements.some(element => element === undefined)) return [];
    const edit =
        supports.missions.length === 1
            ? removeItem(document, supports)
            : removeListElement(document, elements as NonNullable<(typeof elements)[number]>[], info.index);
    return [quickFix(context, `Remove '${info.reference.$refText}' from supports`, [edit], true)];
}

import { type AstNode, GrammarUtils, type Properties, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type { Budget, Due, MissionAstType, Review, Value, Vision, Window } from '../generated/ast.js';
import { isValidDate } from '../syntax/dates.js';
import type { DiagnosticCode } from './codes.js';
import { type MissionValidator, report } from './report.js';

const CURRENCY = /^[A-Z]{3}$/;

/** Literal values that must make sense on their own: calendar dates, currencies, window order. */
export class ValueValidator implements MissionValidator {
    readonly codes: readonly DiagnosticCode[] = ['invalid-date', 'invalid-currency', 'invalid-window'];

    checks(): ValidationChecks<MissionAstType> {
        return {
            Vision: (vision: Vision, accept) => {
                this.checkDate(vision, 'horizon', accept);
            },
            Window: this.checkWindow,
            Due: (due: Due, accept) => {
                this.checkDate(due, 'date', accept);
            },
            Review: (review: Review, accept) => {
                this.checkDate(review, 'last', accept);
            },
            Budget: (budget: Budget, accept) => this.checkCurrency(budget, accept),
            Value: (value: Value, accept) => this.checkCurrency(value, accept)
        };
    }

    checkWindow(window: Window, accept: ValidationAcceptor): void {
        const startValid = this.checkDate(window, 'start', accept);
        const endValid = this.checkDate(window, 'end', accept);
        if (startValid && endValid && window.start.getTime() > window.end.getTime()) {
            report(
                accept,
                'invalid-window',
                `the window starts (${iso(window.start)}) after it ends (${iso(window.end)})`,
                { node: window }
            );
        }
    }

    /** Reports an invalid date on the property; true when the date is present and valid. */
    checkDate<N extends AstNode>(node: N, property: Properties<N>, accept: ValidationAcceptor): boolean {
        const value = (node as Record<string, unknown>)[property];
        if (value === undefined) return false;
        if (isValidDate(value as Date)) return true;
        const text = GrammarUtils.findNodeForProperty(node.$cstNode, property)?.text;
        report(accept, 'invalid-date', `${text || 'this'} is not a calendar date`, { node, property });
        return false;
    }

    checkCurrency(node: Budget | Value, accept: ValidationAcceptor): void {
        if (node.currency !== undefined && !CURRENCY.test(node.currency)) {
            report(
                accept,
                'invalid-currency',
                `'${node.currency}' is not a currency: use three capital letters, such as GBP, EUR or USD`,
                { node, property: 'currency' }
            );
        }
    }
}

function iso(date: Date): string {
    return date.toISOString().slice(0, 10);
}

import { type AstNode, GrammarUtils, type Properties, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type { Budget, Due, Link, MissionAstType, Review, Value, Vision, Window } from '../generated/ast.js';
import { isLinkableUrl } from '../model/links.js';
import { isValidDate } from '../model/dates.js';
import type { DiagnosticCode } from './codes.js';
import { type MissionValidator, report } from './report.js';

const CURRENCY = /^[A-Z]{3}$/;

/** Literal values that must make sense on their own: calendar dates, currencies, window order, link URLs. */
export class ValueValidator implements MissionValidator {
    readonly codes: readonly DiagnosticCode[] = ['invalid-date', 'invalid-currency', 'invalid-window', 'invalid-link'];

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
            Value: (value: Value, accept) => this.checkCurrency(value, accept),
            Link: this.checkLink
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

    checkLink(link: Link, accept: ValidationAcceptor): void {
        checkLinkUrl(link, accept);
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

/**
 * The URL is one that may become a link (model/links.ts, the same test every output applies), so what
 * the check accepts is exactly what the hover, the report and the brief make clickable.
 */
function checkLinkUrl(link: Link, accept: ValidationAcceptor): void {
    if (typeof link.url !== 'string' || isLinkableUrl(link.url)) return;
    report(accept, 'invalid-link', `${quoted(link.url)} is not a link: ${linkProblem(link.url)}`, {
        node: link,
        property: 'url'
    });
}

/** Why a URL is refused, in a few words. */
function linkProblem(url: string): string {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
    const allowed = 'use an absolute https://, http:// or mailto: URL';
    if (scheme === undefined) return `it has no scheme (${allowed})`;
    if (scheme !== 'https' && scheme !== 'http' && scheme !== 'mailto') return `${scheme}: is not allowed (${allowed})`;
    return allowed;
}

/** The URL as the message shows it: quoted, control characters escaped, long ones cut. */
function quoted(url: string): string {
    const shown = url.length > 60 ? `${url.slice(0, 57)}...` : url;
    return JSON.stringify(shown).replace(/^"|"$/g, "'");
}

function iso(date: Date): string {
    return date.toISOString().slice(0, 10);
}

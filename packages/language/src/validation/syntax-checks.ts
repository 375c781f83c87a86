import type { AstNode, Properties, ValidationAcceptor, ValidationChecks } from 'langium';
import { CstUtils } from 'langium';
import { elementText } from '../syntax/syntax-on-demand.js';
import type { Boundary, Measure, Mission, MissionAstType, Person } from '../generated/ast.js';
import { invalidEscapes } from '../syntax/value-converter.js';
import type { DiagnosticCode } from './codes.js';
import { type MissionValidator, report } from './report.js';

/** Keywords of items that may appear at most once in their block, by the AST property holding them. */
const ONCE_IN_MISSION = {
    intents: 'intent',
    leads: 'lead',
    statuses: 'status',
    boundaries: 'boundary',
    reviews: 'review',
    values: 'value'
} as const;
const ONCE_IN_BOUNDARY = { windows: 'window', budgets: 'budget', headcounts: 'headcount' } as const;
const ONCE_IN_MEASURE = {
    baselines: 'baseline',
    targets: 'target',
    currents: 'current',
    units: 'unit',
    dues: 'due',
    directions: 'direction',
    contributions: 'contributes to',
    rollups: 'rollup'
} as const;
const ONCE_IN_PERSON = { capacities: 'capacity', roles: 'role' } as const;

/**
 * What the grammar accepts leniently so that it can say precisely what is wrong: a repeated item,
 * a string escape other than \" and \\, a fraction or a sign where a whole number is expected.
 * All of these are `syntax-error`: the text is not a valid model.
 */
export class SyntaxValidator implements MissionValidator {
    readonly codes: readonly DiagnosticCode[] = ['syntax-error'];

    checks(): ValidationChecks<MissionAstType> {
        return {
            Mission: [this.checkMissionItems, this.checkStrings],
            Boundary: this.checkBoundaryItems,
            Measure: this.checkMeasureItems,
            Vision: this.checkStrings,
            Person: [this.checkPerson, this.checkStrings],
            Team: this.checkStrings,
            Headcount: (headcount, accept) =>
                this.checkWholeNumber(headcount.count, headcount, 'count', 'a headcount', accept),
            Review: (review, accept) =>
                this.checkWholeNumber(review.every, review, 'every', 'a review interval', accept, 1),
            Budget: (budget, accept) => this.checkNotNegative(budget.amount, budget, 'amount', 'a budget', accept),
            Value: (value, accept) => this.checkNotNegative(value.amount, value, 'amount', 'a value', accept)
        };
    }

    checkMissionItems(mission: Mission, accept: ValidationAcceptor): void {
        reportRepeats(mission, ONCE_IN_MISSION, 'a mission', accept);
    }

    checkBoundaryItems(boundary: Boundary, accept: ValidationAcceptor): void {
        reportRepeats(boundary, ONCE_IN_BOUNDARY, 'a boundary', accept);
    }

    checkMeasureItems(measure: Measure, accept: ValidationAcceptor): void {
        reportRepeats(measure, ONCE_IN_MEASURE, 'a measure', accept);
    }

    checkPerson(person: Person, accept: ValidationAcceptor): void {
        reportRepeats(person, ONCE_IN_PERSON, 'a person', accept);
        const capacity = person.capacities[0];
        if (capacity) this.checkWholeNumber(capacity.value, capacity, 'value', 'a capacity', accept);
    }

    checkWholeNumber<N extends AstNode>(
        value: number,
        node: N,
        property: Properties<N>,
        what: string,
        accept: ValidationAcceptor,
        minimum = 0
    ): void {
        // No number at all: the parser already reported what it found instead.
        if (typeof value !== 'number' || Number.isNaN(value)) return;
        if (!Number.isInteger(value) || value < minimum) {
            const expected = minimum > 0 ? 'a whole number of at least 1' : 'a whole number, 0 or more';
            report(accept, 'syntax-error', `${what} must be ${expected}, not ${value}`, { node, property });
        }
    }

    checkNotNegative<N extends AstNode>(
        value: number,
        node: N,
        property: Properties<N>,
        what: string,
        accept: ValidationAcceptor
    ): void {
        if (typeof value === 'number' && value < 0)
            report(
                accept,
                'syntax-error',
                `${what} cannot be negative (a leading - is only allowed for baselines, targets and current values)`,
                { node, property }
            );
    }

    /**
     * Strings are checked from the tokens, once per top-level element rather than per property (each
     * element on its own, so that an edit re-checks only the elements it touched).
     */
    checkStrings(element: AstNode, accept: ValidationAcceptor): void {
        // Most elements hold no backslash at all: then no string can hold a bad escape (and a check
        // with syntax trees on demand need not build this one's).
        if (!elementText(element)?.includes('\\')) return;
        const cst = element.$cstNode;
        if (!cst) return;
        for (const leaf of CstUtils.flattenCst(cst)) {
            if (leaf.tokenType.name !== 'STRING') continue;
            for (const { offset, escape } of invalidEscapes(leaf.text)) {
                const start = CstUtils.toDocumentSegment(leaf).range.start;
                const character = start.character + offset;
                report(accept, 'syntax-error', `unknown escape ${escape} in a string: only \\" and \\\\ are allowed`, {
                    node: element,
                    range: {
                        start: { line: start.line, character },
                        end: { line: start.line, character: character + escape.length }
                    }
                });
            }
        }
    }
}

function reportRepeats<N extends AstNode>(
    node: N,
    once: Record<string, string>,
    container: string,
    accept: ValidationAcceptor
): void {
    // Runs for every mission, boundary and measure: plain loops, no arrays built per call.
    for (const property in once) {
        const items = (node as unknown as Record<string, AstNode[] | undefined>)[property];
        if (!items || items.length < 2) continue;
        const keyword = once[property]!;
        for (let i = 1; i < items.length; i++) {
            report(accept, 'syntax-error', `${container} has at most one \`${keyword}\`; this one repeats it`, {
                node: items[i]!,
                keyword: keyword.split(' ')[0]!
            });
        }
    }
}

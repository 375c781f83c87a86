import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { EffectiveWindow } from '../../facts/cascade.js';
import type { ModelFactsProvider } from '../../facts/facts-provider.js';
import { contains, ownWindow, visionWindow } from '../../facts/windows.js';
import type { AlignmentTarget, Budget, Due, Mission, MissionAstType } from '../../generated/ast.js';
import { budgetOf, headcountOf, windowOf } from '../../model/accessors.js';
import { toDay } from '../../model/dates.js';
import { formatNumber } from '../../model/numbers.js';
import type { DiagnosticCode } from '../codes.js';
import { type MissionValidator, report } from '../report.js';
import { dayPhrase, money, windowPhrase } from '../../model/wording.js';
import { measureName, nameList, windowOrigin } from './describe.js';
import { nameOf } from '../../references/kinds.js';

/** Same test as the invalid-currency check: a budget with a broken currency is treated as absent here. */
const CURRENCY = /^[A-Z]{3}$/;

/**
 * The defined operating space: a mission's window, budget and headcount sit inside its parent's, and its
 * measures fall due inside its window. Parent-child comparisons skip missions on an `under` cycle
 * (alignment-cycle is the one problem there); sums are one pass over the direct children.
 */
export class BoundaryValidator implements MissionValidator {
    readonly codes: readonly DiagnosticCode[] = [
        'window-outside-parent',
        'budget-exceeded',
        'currency-mismatch',
        'headcount-exceeded',
        'measure-due-outside-window'
    ];

    constructor(private readonly facts: ModelFactsProvider) {}

    checks(): ValidationChecks<MissionAstType> {
        return {
            Mission: [
                this.checkWindowInsideParent,
                this.checkChildrenBudgets,
                this.checkBudgetCurrency,
                this.checkChildrenHeadcounts
            ],
            Due: this.checkDue
        };
    }

    /** Only a mission with a valid window of its own; compared with the parent's effective window. */
    checkWindowInsideParent(mission: Mission, accept: ValidationAcceptor): void {
        const own = ownWindow(mission);
        const parent = this.alignedParentOf(mission);
        if (!own || !parent) return;
        const outer = parent.$type === 'Mission' ? this.facts.get().windowOf(parent) : visionWindow(parent);
        if (contains(outer, own)) return;
        const theirs =
            parent.$type === 'Mission'
                ? `the window of its parent ${nameOf(parent)} ` +
                  `(${windowPhrase(outer)}${originNote(outer as EffectiveWindow)})`
                : `the horizon of its vision ${nameOf(parent)} (${dayPhrase(outer.end)})`;
        const how: string[] = [];
        if (own.start < outer.start) how.push(`it starts ${dayPhrase(own.start)}, before ${dayPhrase(outer.start)}`);
        if (own.end > outer.end) how.push(`it ends ${dayPhrase(own.end)}, after ${dayPhrase(outer.end)}`);
        const window = windowOf(mission)!; // present: ownWindow is defined
        report(
            accept,
            'window-outside-parent',
            `the window of ${nameOf(mission)} (${windowPhrase(own)}) is not inside ${theirs}: ${how.join(' and ')}`,
            { node: window }
        );
    }

    /** On the parent's budget: its direct children's budgets in its currency add up to more. */
    checkChildrenBudgets(mission: Mission, accept: ValidationAcceptor): void {
        const budget = usableBudget(mission);
        if (!budget) return;
        // Runs for every mission with a budget: the message's parts are written only when it is reported.
        const spenders: Array<{ child: Mission; budget: Budget }> = [];
        let total = 0;
        for (const child of this.alignedChildrenOf(mission)) {
            const childBudget = usableBudget(child);
            if (!childBudget || childBudget.currency !== budget.currency) continue;
            total += childBudget.amount;
            spenders.push({ child, budget: childBudget });
        }
        if (!exceeds(total, budget.amount)) return;
        const spent = spenders.map(
            ({ child, budget: childBudget }) => `${nameOf(child)} ${money(childBudget.amount, childBudget.currency)}`
        );
        report(
            accept,
            'budget-exceeded',
            `the children of ${nameOf(mission)} spend ${money(total, budget.currency)} ` +
                `of its ${money(budget.amount, budget.currency)} budget ` +
                `(${money(total - budget.amount, budget.currency)} over): ${nameList(spent)}`,
            { node: budget }
        );
    }

    /** On the child's budget: it cannot be counted against a parent budget in another currency. */
    checkBudgetCurrency(mission: Mission, accept: ValidationAcceptor): void {
        const budget = usableBudget(mission);
        const parent = this.alignedParentOf(mission);
        if (!budget || parent?.$type !== 'Mission') return;
        const parentBudget = usableBudget(parent);
        if (!parentBudget || parentBudget.currency === budget.currency) return;
        report(
            accept,
            'currency-mismatch',
            `the budget of ${nameOf(mission)} is in ${budget.currency} but its parent ${nameOf(parent)} budgets ` +
                `${money(parentBudget.amount, parentBudget.currency)}: ` +
                `state it in ${parentBudget.currency} so it counts against the parent's budget`,
            { node: budget }
        );
    }

    /** On the parent's headcount: its direct children's headcounts add up to more. */
    checkChildrenHeadcounts(mission: Mission, accept: ValidationAcceptor): void {
        const headcount = headcountOf(mission);
        if (!headcount) return;
        const staffed: Array<{ child: Mission; count: number }> = [];
        let total = 0;
        for (const child of this.alignedChildrenOf(mission)) {
            const childHeadcount = headcountOf(child);
            if (!childHeadcount) continue;
            total += childHeadcount.count;
            staffed.push({ child, count: childHeadcount.count });
        }
        if (!exceeds(total, headcount.count)) return;
        const needs = staffed.map(({ child, count }) => `${nameOf(child)} ${formatNumber(count)}`);
        report(
            accept,
            'headcount-exceeded',
            `the children of ${nameOf(mission)} need a headcount of ${formatNumber(total)}, ` +
                `more than its ${formatNumber(headcount.count)}: ${nameList(needs)}`,
            { node: headcount }
        );
    }

    /** On the due date: outside the mission's effective window (own, inherited or a vision's horizon). */
    checkDue(due: Due, accept: ValidationAcceptor): void {
        const day = toDay(due.date);
        const measure = due.$container;
        if (day === undefined || measure.dues[0] !== due) return;
        const mission = measure.$container;
        const window = this.facts.get().windowOf(mission);
        if (window.source === 'none' || contains(window, { start: day, end: day })) return;
        const side =
            day < window.start
                ? `before it starts (${dayPhrase(window.start)})`
                : `after it ends (${dayPhrase(window.end)})`;
        report(
            accept,
            'measure-due-outside-window',
            `${measureName(measure)} is due ${dayPhrase(day)}, outside the window of ${nameOf(mission)} ` +
                `(${windowPhrase(window)}${originNote(window)}): ${side}`,
            { node: due, property: 'date' }
        );
    }

    /** The parent to compare with, unless the mission is on an `under` cycle. */
    private alignedParentOf(mission: Mission): AlignmentTarget | undefined {
        const facts = this.facts.get();
        return facts.cycleOf(mission) ? undefined : facts.parentOf(mission);
    }

    /**
     * The direct children, without those on an `under` cycle through this mission (a copy only when there are
     * some).
     */
    private alignedChildrenOf(mission: Mission): readonly Mission[] {
        const facts = this.facts.get();
        const children = facts.childrenOf(mission);
        return children.some(child => facts.cycleOf(child))
            ? children.filter(child => !facts.cycleOf(child))
            : children;
    }
}

/** The mission's budget when its currency is valid (a broken one is reported once, as invalid-currency). */
function usableBudget(mission: Mission): Budget | undefined {
    const budget = budgetOf(mission);
    return budget && CURRENCY.test(budget.currency ?? '') ? budget : undefined;
}

/** `total > limit`, ignoring floating-point dust from adding decimal amounts. */
function exceeds(total: number, limit: number): boolean {
    return total - limit > 1e-9 * Math.max(1, Math.abs(limit));
}

function originNote(window: EffectiveWindow): string {
    return window.source === 'inherited' || window.source === 'vision' ? `, ${windowOrigin(window)}` : '';
}

/**
 * What a mission hands down to its children: the budgets of its direct children (by currency) and the sum
 * of their headcounts, beside its own. The same children and amounts the boundary rules compare
 * (`budget-exceeded`, `headcount-exceeded`): children on an `under` cycle do not count, nor a budget whose
 * currency is not three capital letters (reported once, as `invalid-currency`).
 */
import type { Mission } from '../generated/ast.js';
import { budgetOf, headcountOf } from '../model/accessors.js';
import type { ModelFacts } from './model-facts.js';

export interface Allocation {
    /** The children's budgets summed per currency, in the order the currencies first appear. */
    readonly budgets: ReadonlyArray<{ readonly currency: string; readonly amount: number }>;
    /** The sum of the children's headcounts; undefined when no child states one. */
    readonly headcount?: number;
    /** How many direct children count (not on an `under` cycle). */
    readonly children: number;
}

const CURRENCY = /^[A-Z]{3}$/;

/** One pass over the mission's direct children (cheap: each mission is asked once per output). */
export function allocationOf(facts: ModelFacts, mission: Mission): Allocation {
    const budgets = new Map<string, number>();
    let headcount: number | undefined;
    let children = 0;
    for (const child of facts.childrenOf(mission)) {
        if (facts.cycleOf(child)) continue;
        children++;
        const budget = budgetOf(child);
        if (budget && CURRENCY.test(budget.currency ?? ''))
            budgets.set(budget.currency, (budgets.get(budget.currency) ?? 0) + budget.amount);
        const count = headcountOf(child)?.count;
        if (count !== undefined) headcount = (headcount ?? 0) + count;
    }
    return {
        budgets: [...budgets].map(([currency, amount]) => ({ currency, amount })),
        ...(headcount === undefined ? {} : { headcount }),
        children
    };
}

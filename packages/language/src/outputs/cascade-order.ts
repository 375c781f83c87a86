/**
 * Every vision and mission in cascade order: depth first from each vision, then the unaligned missions,
 * then the missions on an `under` cycle (each from its first member), each with its level below the root
 * it was reached from. Iterative, so a chain 100,000 deep is fine; each element appears once.
 */
import type { ModelFacts } from '../facts/model-facts.js';
import type { Mission, Vision } from '../generated/ast.js';

export interface CascadeEntry {
    readonly element: Vision | Mission;
    /** 0 for a vision, an unaligned mission or a cycle's first member; a child is one below its parent. */
    readonly depth: number;
}

export function cascadeOrder(facts: ModelFacts): CascadeEntry[] {
    const order: CascadeEntry[] = [];
    const seen = new Set<Vision | Mission>();
    const walk = (root: Vision | Mission): void => {
        const stack: CascadeEntry[] = [{ element: root, depth: 0 }];
        while (stack.length > 0) {
            const entry = stack.pop()!;
            if (seen.has(entry.element)) continue;
            seen.add(entry.element);
            order.push(entry);
            const children = facts.childrenOf(entry.element);
            for (let i = children.length - 1; i >= 0; i--)
                stack.push({ element: children[i]!, depth: entry.depth + 1 });
        }
    };
    for (const vision of facts.visions) walk(vision);
    for (const mission of facts.missions) if (!facts.parentOf(mission)) walk(mission);
    for (const mission of facts.missions) walk(mission);
    return order;
}

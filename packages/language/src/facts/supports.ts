import type { Mission } from '../generated/ast.js';
import type { ModelFacts } from './model-facts.js';

/**
 * Mutual support seen from the other side: the missions whose `supports` names a mission. Built once
 * per facts instance (one pass over every `supports` reference), kept beside it.
 */
const supportersCache = new WeakMap<ModelFacts, ReadonlyMap<Mission, readonly Mission[]>>();

export function supportersOf(facts: ModelFacts, mission: Mission): readonly Mission[] {
    let index = supportersCache.get(facts);
    if (!index) {
        index = supportersIndex(facts.missions);
        supportersCache.set(facts, index);
    }
    return index.get(mission) ?? [];
}

/** The missions each mission supports, resolved and once each (model order). */
export function supportedBy(mission: Mission): Mission[] {
    const supported = new Set<Mission>();
    for (const item of mission.supports) {
        for (const reference of item.missions) {
            if (reference.ref) supported.add(reference.ref);
        }
    }
    return [...supported];
}

function supportersIndex(missions: readonly Mission[]): Map<Mission, Mission[]> {
    const index = new Map<Mission, Mission[]>();
    for (const mission of missions) {
        for (const target of supportedBy(mission)) {
            const list = index.get(target);
            if (list) list.push(mission);
            else index.set(target, [mission]);
        }
    }
    return index;
}

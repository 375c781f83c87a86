import { tagsOf } from '../model/accessors.js';
import type { ModelFacts } from './model-facts.js';

/** A tag and how many missions carry it. */
export interface TagUse {
    readonly tag: string;
    readonly missions: number;
}

/** Per facts instance (one per model state): computed once, on first use, dropped with the facts. */
const tagsByFacts = new WeakMap<ModelFacts, readonly TagUse[]>();

/**
 * Every tag used in the model, by name (case-sensitive, code-unit order), with how many missions carry
 * it. Completion after `tags` reads it on every keystroke, so it is computed once per model state: a
 * tag edit changes the model (tags are not free text, incremental/model-signature.ts) and so brings new facts.
 */
export function tagsInUse(facts: ModelFacts): readonly TagUse[] {
    let tags = tagsByFacts.get(facts);
    if (!tags) {
        const counts = new Map<string, number>();
        for (const mission of facts.missions) {
            // Most missions have no tags: skip them without tagsOf's list and set.
            if (mission.tags.length === 0) continue;
            for (const tag of tagsOf(mission)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
        }
        // The default sort compares strings by UTF-16 code units; the names, keys of a Map, are unique.
        tags = [...counts.keys()].sort().map(tag => ({ tag, missions: counts.get(tag)! }));
        tagsByFacts.set(facts, tags);
    }
    return tags;
}

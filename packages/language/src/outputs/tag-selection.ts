/**
 * `--tag NAME` (diagram, report, compile): the missions with the tag, and for context their ancestors
 * up to the vision, which the outputs show greyed (or mark `"context": true` in the JSON model).
 */
import type { ModelFacts } from '../facts/model-facts.js';
import type { AlignmentTarget, Mission } from '../generated/ast.js';
import { tagsOf } from '../model/accessors.js';
import { didYouMean } from '../references/suggestions.js';

export class UnknownTagError extends Error {
    /** `tags`: every tag of the model, for "did you mean". */
    constructor(
        readonly tag: string,
        tags: readonly string[]
    ) {
        const known = tags.length === 0 ? ' (the model has no tags)' : didYouMean(tag, tags);
        super(`no mission is tagged '${tag}'${known}`);
    }
}

export interface TagSelection {
    readonly tag: string;
    /** The missions that have the tag, in model order. */
    readonly tagged: ReadonlySet<Mission>;
    /** The ancestors of the tagged missions that do not have the tag themselves (missions and visions). */
    readonly context: ReadonlySet<AlignmentTarget>;
}

/** Every tag used in the model, each once, in the order first used. */
export function modelTags(facts: ModelFacts): string[] {
    const tags = new Set<string>();
    for (const mission of facts.missions) for (const tag of tagsOf(mission)) tags.add(tag);
    return [...tags];
}

/** The missions tagged `tag` and their ancestors; an UnknownTagError when no mission has the tag. */
export function selectByTag(facts: ModelFacts, tag: string): TagSelection {
    const tagged = new Set(facts.missions.filter(mission => tagsOf(mission).includes(tag)));
    if (tagged.size === 0) throw new UnknownTagError(tag, modelTags(facts));
    const context = new Set<AlignmentTarget>();
    for (const mission of tagged) {
        // Nearest first: once an ancestor is already in, so are all above it (cycles stop in ancestorsOf).
        for (const ancestor of facts.ancestorsOf(mission)) {
            if (context.has(ancestor)) break;
            if (ancestor.$type === 'Mission' && tagged.has(ancestor)) continue;
            context.add(ancestor);
        }
    }
    return { tag, tagged, context };
}

/** Whether the selection shows the element: tagged, or an ancestor of a tagged mission. */
export function isSelected(selection: TagSelection, element: AlignmentTarget): boolean {
    return (element.$type === 'Mission' && selection.tagged.has(element)) || selection.context.has(element);
}

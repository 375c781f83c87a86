/**
 * What an unresolved reference may have meant: the names of the expected kind nearest to its text, and,
 * for a person named by a team's name (`lead ops`), the team's members. One piece of code for both the
 * `unresolved-reference` message ("did you mean 'alice'?") and the editor's quick fixes, so the two
 * always agree.
 *
 * Computed only for a reference that failed: the names come from the name index, sorted per exported
 * type (built once per change of the names), and are searched as a trie with a bounded edit distance
 * (`namesWithin`), so a text is compared only with names of the expected kind, sharing the work of
 * common prefixes; the result for a text is kept until the names change (a renamed person that 10,000
 * missions lead is looked up once).
 */
import type { AstNodeDescription, AstReflection, ReferenceInfo } from 'langium';
import { type AlignmentTarget, isMission, isTeam, type Mission } from '../generated/ast.js';
import { distanceLimit, type NameMatch, namesWithin, nearestNames } from '../model/edit-distance.js';
import type { MissionIndexManager } from './name-index.js';

/** How many names a quick fix offers at most. */
export const MAX_SUGGESTIONS = 5;
/** How many names a message lists at most. */
const MAX_IN_MESSAGE = 3;

/** What a suggestion must respect of the cascade: the facts' ancestor test (facts/model-facts.ts). */
export interface Ancestry {
    isAncestor(ancestor: AlignmentTarget, mission: Mission): boolean;
}

export interface ReferenceSuggestions {
    /** Names of the expected kind near the text: nearest first, then alphabetically; at most MAX_SUGGESTIONS. */
    readonly names: ReadonlyArray<NameMatch<AstNodeDescription>>;
    /** For a person reference that names a team: the team's members (at most MAX_SUGGESTIONS). */
    readonly members: readonly string[];
}

const NONE: ReferenceSuggestions = { names: [], members: [] };

/** The suggestions for a reference that did not resolve. */
export function suggestionsFor(
    info: ReferenceInfo,
    index: MissionIndexManager,
    reflection: AstReflection,
    ancestry: Ancestry
): ReferenceSuggestions {
    const text = info.reference.$refText;
    if (!text) return NONE;
    const type = reflection.getReferenceType(info);
    const supporter = info.container.$type === 'Supports' ? (info.container.$container as Mission) : undefined;
    const mission = isMission(info.container) ? info.container : supporter;
    const accepted = (name: string): AstNodeDescription | undefined =>
        index
            .lookup(name)
            .find(
                candidate =>
                    reflection.isSubtype(candidate.type, type) &&
                    acceptable(candidate, info.property, mission, ancestry)
            );
    // Within one edit first, then two, ...: the nearest names are all the message and the fixes need,
    // and in a workspace of similar names (m1 ... m99999) one edit already finds enough.
    const limit = distanceLimit(text);
    let names: Array<NameMatch<AstNodeDescription>> = [];
    for (let within = 1; within <= limit && names.length < MAX_SUGGESTIONS; within++) {
        names = [];
        for (const match of namesNear(index, reflection, text, type, within)) {
            const description = accepted(match.name);
            if (!description) continue;
            names.push({ item: description, name: match.name, distance: match.distance });
            if (names.length === MAX_SUGGESTIONS) break;
        }
    }
    return { names, members: type === 'Person' ? teamMembersNamed(index, text) : [] };
}

/**
 * The end of an `unresolved-reference` message: "did you mean 'alice'?" (every name as near as the
 * nearest, up to three), else the members of the team the text names; undefined when there is nothing
 * to suggest, exactly when the quick fixes offer no name either.
 */
export function suggestionText(suggestions: ReferenceSuggestions, text: string): string | undefined {
    const { names, members } = suggestions;
    if (names.length > 0) {
        const nearest = names.filter(match => match.distance === names[0]!.distance).map(match => match.name);
        return `did you mean ${alternatives(nearest)}?`;
    }
    if (members.length === 0) return undefined;
    const role = members.length === 1 ? 'a member' : 'members';
    return `did you mean ${alternatives(members)} (${role} of team '${text}')?`;
}

/**
 * ": did you mean 'Grow'?" for the names nearest to the text among some names (a command's `--root` or
 * `--person`), worded as in `unresolved-reference`; '' when none is near.
 */
export function didYouMean(text: string, names: Iterable<string | undefined>): string {
    const candidates: Array<{ item: string; name: string }> = [];
    for (const name of names) if (name) candidates.push({ item: name, name });
    const matches = nearestNames(text, candidates, MAX_SUGGESTIONS);
    if (matches.length === 0) return '';
    const nearest = matches.filter(match => match.distance === matches[0]!.distance).map(match => match.name);
    return `: did you mean ${alternatives(nearest)}?`;
}

/** 'a', 'b' or 'c': at most three names, quoted. */
function alternatives(names: readonly string[]): string {
    const quoted = names.slice(0, MAX_IN_MESSAGE).map(name => `'${name}'`);
    return quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

interface NearCache {
    generation: number;
    byText: Map<string, ReadonlyArray<NameMatch<string>>>;
}

const NEAR_CACHES = new WeakMap<MissionIndexManager, NearCache>();

/**
 * Every name of the type within `within` edits of the text (a name that differs only in case counts as
 * 0.5), nearest first, then alphabetically, whatever element holds it: kept per index until its names
 * change.
 */
function namesNear(
    index: MissionIndexManager,
    reflection: AstReflection,
    text: string,
    type: string,
    within: number
): ReadonlyArray<NameMatch<string>> {
    let cache = NEAR_CACHES.get(index);
    if (cache?.generation !== index.generation) {
        cache = { generation: index.generation, byText: new Map() };
        NEAR_CACHES.set(index, cache);
    }
    const key = `${type}\u0000${within}\u0000${text}`;
    let matches = cache.byText.get(key);
    if (!matches) {
        const distances = new Map<string, number>();
        const lower = text.toLowerCase();
        for (const exported of index.exportedTypes()) {
            if (!reflection.isSubtype(exported, type)) continue;
            const names = index.namesOfType(exported);
            namesWithin(names.sorted, text, within, (name, distance) => {
                if (name !== text) distances.set(name, distance);
            });
            for (const name of names.byLowerCase.get(lower) ?? []) if (name !== text) distances.set(name, 0.5);
        }
        matches = [...distances]
            .map(([name, distance]) => ({ item: name, name, distance }))
            .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name));
        cache.byText.set(key, matches);
    }
    return matches;
}

/** The names of the persons in the team of that name, when there is one (at most MAX_SUGGESTIONS). */
function teamMembersNamed(index: MissionIndexManager, name: string): string[] {
    const team = index
        .lookup(name)
        .map(description => description.node)
        .find(isTeam);
    const members = team?.members.map(member => member?.ref?.name).filter((each): each is string => !!each) ?? [];
    return [...new Set(members)].slice(0, MAX_SUGGESTIONS);
}

/**
 * A suggestion must not bring a new error: `under` may not name the mission itself or a descendant (a
 * cycle), `supports` not the supporter itself.
 */
function acceptable(
    description: AstNodeDescription,
    property: string,
    mission: Mission | undefined,
    ancestry: Ancestry
): boolean {
    if (!mission) return true;
    const node = description.node;
    if (!node || !isMission(node)) return true;
    if (node === mission) return false;
    return property !== 'parent' || !ancestry.isAncestor(mission, node);
}

import type { AstNode } from 'langium';
import type { AlignmentTarget, Mission } from '../generated/ast.js';
import type { ModelFacts } from './model-facts.js';

/**
 * What the facts say of each mission and person, as one comparable string: its status, effective window,
 * progress, measures' progress, parent, ancestry (a digest of the names up the cascade) and (in a cycle)
 * the loop as its message names it; a person's load, capacity and the missions counted in the peak, with
 * their starts.
 * Two models whose fingerprints agree for an element give every rule the same facts about it, so an
 * editor can tell which elements a change of values reached (lsp/affected.ts). The ancestry is there for
 * the rules that ask whether one mission is above another however far (redundant-support,
 * unmapped-measures): an `under` edited three or more links away from such a `supports` changes no
 * parent, window or status near it.
 */
export function factFingerprints(facts: ModelFacts): Map<AstNode, string> {
    const prints = new Map<AstNode, string>();
    const ancestry = ancestryDigests(facts);
    for (const mission of facts.missions) {
        const window = facts.windowOf(mission);
        const measures = mission.measures.map(measure => {
            const { direction, progress } = facts.measure(measure);
            return `${direction}:${progress}`;
        });
        prints.set(
            mission,
            [
                facts.statusOf(mission),
                `${window.start}..${window.end}`,
                `${window.source}:${window.from?.name}`,
                facts.progressOf(mission),
                measures.join(','),
                facts.parentOf(mission)?.name,
                ancestry.get(mission),
                cycleWalk(facts, mission)
            ].join('|')
        );
    }
    for (const person of facts.persons) {
        const load = facts.loadOf(person);
        prints.set(
            person,
            `${load.load}/${load.capacity}|${load.missions.length}|` +
                // With their starts: over-capacity messages list them by start, on every lead and crew.
                load.counted.map(mission => `${mission.name}@${facts.windowOf(mission).start}`).join(',')
        );
    }
    return prints;
}

/** In a cycle, the names met walking `under` from the mission (as many as a cycle message names). */
function cycleWalk(facts: ModelFacts, mission: Mission): string {
    if (!facts.cycleOf(mission)) return '';
    const names: string[] = [];
    let current: AlignmentTarget | undefined = mission;
    while (current && names.length <= CYCLE_NAMES) {
        names.push(current.name);
        current = current.$type === 'Mission' ? facts.parentOf(current) : undefined;
        if (current === mission) break;
    }
    return names.join('>');
}

/** At least as many as the alignment-cycle message names (rules/alignment.ts). */
const CYCLE_NAMES = 11;

/**
 * For each mission, a digest of its ancestors' names: the parent's digest combined with the parent's
 * name (a vision parent: its name alone; no parent: 0). The members of a cycle are each other's
 * ancestors: they share a digest of all their names. Iterative and memoised, O(n) over the cascade (an
 * `under` chain may be 100,000 deep), numbers only (no string per mission).
 */
function ancestryDigests(facts: ModelFacts): Map<Mission, number> {
    const digests = new Map<Mission, number>();
    const cycleDigests = new Map<readonly Mission[], number>();
    const path: Mission[] = [];
    for (const start of facts.missions) {
        if (digests.has(start)) continue;
        path.length = 0;
        let current: Mission | undefined = start;
        let above = NO_PARENT;
        while (current && !digests.has(current)) {
            const cycle = facts.cycleOf(current);
            if (cycle) {
                let digest = cycleDigests.get(cycle);
                if (digest === undefined) {
                    digest = CYCLE;
                    const names = cycle.map(member => member.name ?? NAMELESS).sort();
                    for (const name of names) digest = combine(digest, name);
                    cycleDigests.set(cycle, digest);
                }
                for (const member of cycle) digests.set(member, digest);
                break;
            }
            path.push(current);
            const parent: AlignmentTarget | undefined = facts.parentOf(current);
            if (parent?.$type === 'Mission') current = parent;
            else {
                above = parent ? combine(VISION, parent.name) : NO_PARENT;
                current = undefined;
            }
        }
        // Met a mission already known (or a cycle): it is the parent of the path's last mission.
        if (current) above = combine(digests.get(current)!, current.name);
        // Down the path: each mission's digest is its parent's digest with the parent's name.
        for (let i = path.length - 1; i >= 0; i--) {
            const mission = path[i]!;
            digests.set(mission, above);
            above = combine(above, mission.name);
        }
    }
    return digests;
}

/** Digests: of no parent, and the seeds of a vision parent and of a cycle. */
const NO_PARENT = 0;
const VISION = 1;
const CYCLE = 2;
/** An element left without a name by a syntax error has none at run time (the AST types say otherwise). */
const NAMELESS = '';

/**
 * A 53-bit digest of a digest and a name (the mixing of cyrb53, seeded with the digest): collisions are
 * out of reach for the few elements an edit changes.
 */
function combine(digest: number, name: string = NAMELESS): number {
    let h1 = 0xdeadbeef ^ (digest % 4294967296);
    let h2 = 0x41c6ce57 ^ Math.floor(digest / 4294967296);
    for (let i = 0; i < name.length; i++) {
        const char = name.charCodeAt(i);
        h1 = Math.imul(h1 ^ char, 2654435761);
        h2 = Math.imul(h2 ^ char, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

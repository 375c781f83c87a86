import type { AstNode } from 'langium';
import type { AlignmentTarget, Mission } from '../generated/ast.js';
import type { ModelFacts } from './model-facts.js';

/**
 * What the facts say of each mission and person, as one comparable string: its status, effective window,
 * progress, measures' progress, parent and (in a cycle) the loop as its message names it; a person's load,
 * capacity and the missions counted in the peak, with their starts.
 * Two models whose fingerprints agree for an element give every rule the same facts about it, so an
 * editor can tell which elements a change of values reached (incremental/affected.ts). Whether one mission is
 * above another however far (redundant-support, unmapped-measures) is not a fact of either: incremental/affected.ts
 * compares it per `supports` and `contributes to` (cascadeRelations).
 */
export function factFingerprints(facts: ModelFacts): Map<AstNode, string> {
    const prints = new Map<AstNode, string>();
    // One template per element rather than arrays joined: this runs over every mission and person after
    // each edit that changes values (an assistant's proposal, a typed number).
    for (const mission of facts.missions) {
        const window = facts.windowOf(mission);
        let measures = '';
        for (const measure of mission.measures) {
            const { direction, progress } = facts.measure(measure);
            measures += `${measures === '' ? '' : ','}${direction}:${progress}`;
        }
        const parent = facts.parentOf(mission)?.name ?? '';
        prints.set(
            mission,
            `${facts.statusOf(mission)}|${window.start}..${window.end}|${window.source}:${window.from?.name}|` +
                `${facts.progressOf(mission) ?? ''}|${measures}|${parent}|${cycleWalk(facts, mission)}`
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

/**
 * In a cycle, the names met walking `under` from the mission (as many as a cycle message names), and the
 * number of missions in it when the message gives that number instead of naming them all.
 */
function cycleWalk(facts: ModelFacts, mission: Mission): string {
    const cycle = facts.cycleOf(mission);
    if (!cycle) return '';
    const names: string[] = [];
    let current: AlignmentTarget | undefined = mission;
    while (current && names.length <= CYCLE_NAMES) {
        names.push(current.name);
        current = current.$type === 'Mission' ? facts.parentOf(current) : undefined;
        if (current === mission) break;
    }
    return names.length < cycle.length ? `${names.join('>')} (${cycle.length})` : names.join('>');
}

/** At least as many as the alignment-cycle message names (rules/alignment.ts). */
const CYCLE_NAMES = 11;

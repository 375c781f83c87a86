import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { ModelFactsProvider } from '../../facts/facts-provider.js';
import type { Mission, MissionAstType } from '../../generated/ast.js';
import { statusOf } from '../../model/accessors.js';
import type { DiagnosticCode } from '../codes.js';
import { type MissionValidator, report } from '../report.js';
import { nameOf } from '../../references/kinds.js';

/**
 * Every mission aligns 1-up: it names a vision or a mission with `under`, and following `under` must
 * end at a vision rather than come back to the mission.
 */
export class AlignmentValidator implements MissionValidator {
    readonly codes: readonly DiagnosticCode[] = ['unaligned-mission', 'alignment-cycle'];

    constructor(private readonly facts: ModelFactsProvider) {}

    checks(): ValidationChecks<MissionAstType> {
        return { Mission: [this.checkAligned, this.checkCycle] };
    }

    /** No `under` at all; an `under` that does not resolve is already an unresolved reference. */
    checkAligned(mission: Mission, accept: ValidationAcceptor): void {
        if (mission.parent !== undefined) return;
        const staged = statusOf(mission) === 'staged';
        const message = staged
            ? `staged mission ${nameOf(mission)} is not aligned: ` +
              'add `under` naming the vision or mission it serves before it starts'
            : `mission ${nameOf(mission)} is not aligned: add \`under\` naming the vision or mission it serves`;
        report(accept, 'unaligned-mission', message, { node: mission, property: 'name' }, staged ? 'warning' : 'error');
    }

    /** Reported on the `under` of every member, each message starting the loop at that member. */
    checkCycle(mission: Mission, accept: ValidationAcceptor): void {
        const facts = this.facts.get();
        const members = facts.cycleOf(mission);
        if (!members || !mission.parent) return;
        if (members.length === 1) {
            report(accept, 'alignment-cycle', `mission ${nameOf(mission)} is under itself`, {
                node: mission,
                property: 'parent'
            });
            return;
        }
        // Walk `under` from this mission (O(1) per step) and name at most LOOP_NAMES members.
        const names = [nameOf(mission)];
        let current = facts.parentOf(mission);
        while (current && current !== mission && names.length < LOOP_NAMES) {
            names.push(nameOf(current));
            current = current.$type === 'Mission' ? facts.parentOf(current) : undefined;
        }
        const loop =
            current === mission
                ? [...names, nameOf(mission)]
                : [...names, `… (${members.length} missions in all)`, nameOf(mission)];
        report(
            accept,
            'alignment-cycle',
            `alignment cycle: ${loop.join(' → ')}; ` +
                'one of these missions must be under a vision or a mission outside the loop',
            { node: mission, property: 'parent' }
        );
    }
}

/** How many members of a cycle a message names before it abbreviates. */
const LOOP_NAMES = 10;

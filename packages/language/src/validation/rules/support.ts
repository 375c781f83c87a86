import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { ModelFactsProvider } from '../../facts/facts-provider.js';
import { overlaps } from '../../facts/windows.js';
import type { Mission, MissionAstType, Supports } from '../../generated/ast.js';
import { statusOf } from '../../model/accessors.js';
import type { DiagnosticCode } from '../codes.js';
import { type MissionValidator, report } from '../report.js';
import { windowPhrase } from '../../model/wording.js';
import { nameOf } from '../../references/kinds.js';

/**
 * Mutual support between peers: `supports` should name another mission, outside the supporter's own
 * line of alignment, that runs at the same time and is not finished. Each finding is reported on the
 * reference in the `supports` list.
 */
export class SupportValidator implements MissionValidator {
    readonly codes: readonly DiagnosticCode[] = [
        'self-support',
        'redundant-support',
        'support-window-disjoint',
        'support-finished-mission'
    ];

    constructor(private readonly facts: ModelFactsProvider) {}

    checks(): ValidationChecks<MissionAstType> {
        return { Supports: this.checkSupports };
    }

    checkSupports(supports: Supports, accept: ValidationAcceptor): void {
        const facts = this.facts.get();
        const mission = supports.$container;
        const finished = facts.isFinished(mission);
        supports.missions.forEach((reference, index) => {
            const supported = reference?.ref;
            if (!supported) return;
            const at = { node: supports, property: 'missions', index } as const;
            if (supported === mission) {
                report(
                    accept,
                    'self-support',
                    `${nameOf(mission)} supports itself: name a peer mission that its work helps`,
                    at
                );
                return;
            }
            const redundancy = this.redundancyOf(mission, supported);
            if (redundancy) report(accept, 'redundant-support', redundancy, at);
            const ownWindow = facts.windowOf(mission);
            const theirWindow = facts.windowOf(supported);
            if (!overlaps(ownWindow, theirWindow)) {
                report(
                    accept,
                    'support-window-disjoint',
                    `${nameOf(mission)} (${windowPhrase(ownWindow)}) supports ` +
                        `${nameOf(supported)} (${windowPhrase(theirWindow)}), but their windows do not overlap`,
                    at
                );
            }
            // A finished supporter's `supports` is history: only a mission still to run is warned.
            if (!finished && facts.isFinished(supported)) {
                report(
                    accept,
                    'support-finished-mission',
                    `${nameOf(mission)} supports ${nameOf(supported)}, which is ${statusOf(supported)}: ` +
                        'there is nothing left to support',
                    at
                );
            }
        });
    }

    /** Why supporting this mission is redundant (an ancestor or a descendant), if it is. */
    private redundancyOf(mission: Mission, supported: Mission): string | undefined {
        const facts = this.facts.get();
        // On one `under` cycle each member is every other's ancestor only through the cycle, which
        // alignment-cycle already reports.
        const cycle = facts.cycleOf(mission);
        if (cycle !== undefined && cycle === facts.cycleOf(supported)) return undefined;
        if (facts.isAncestor(supported, mission)) {
            return (
                `${nameOf(mission)} supports ${nameOf(supported)}, which it is already aligned under: ` +
                `its work serves ${nameOf(supported)} anyway`
            );
        }
        if (facts.isAncestor(mission, supported)) {
            return (
                `${nameOf(mission)} supports ${nameOf(supported)}, which is already aligned under it: ` +
                'support is for peers'
            );
        }
        return undefined;
    }
}

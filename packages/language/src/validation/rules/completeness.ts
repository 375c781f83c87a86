import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { Measure, Mission, MissionAstType, Team } from '../../generated/ast.js';
import type { DiagnosticCode } from '../codes.js';
import { type MissionValidator, report } from '../report.js';
import { nameOf } from '../../references/kinds.js';
import { measureName } from './describe.js';

/**
 * What every mission needs to be led by intent: a statement of intent, a measure of success and one
 * accountable lead; a measure needs a target (what winning is); and a team is only useful with
 * members. All reported on the element's name.
 */
export class CompletenessValidator implements MissionValidator {
    readonly codes: readonly DiagnosticCode[] = [
        'missing-intent',
        'unmeasured-mission',
        'no-lead',
        'missing-target',
        'empty-team'
    ];

    checks(): ValidationChecks<MissionAstType> {
        return {
            Mission: [this.checkIntent, this.checkMeasured, this.checkLead],
            Measure: this.checkTarget,
            Team: this.checkTeam
        };
    }

    checkIntent(mission: Mission, accept: ValidationAcceptor): void {
        if (mission.intents.length > 0) return;
        report(
            accept,
            'missing-intent',
            `mission ${nameOf(mission)} has no intent: ` +
                'say why it matters with `intent "..."` (purpose, end state, key tasks)',
            { node: mission, property: 'name' }
        );
    }

    checkMeasured(mission: Mission, accept: ValidationAcceptor): void {
        if (mission.measures.length > 0) return;
        report(
            accept,
            'unmeasured-mission',
            `mission ${nameOf(mission)} has no measure: add a \`measure\` that shows when it is won`,
            { node: mission, property: 'name' }
        );
    }

    checkLead(mission: Mission, accept: ValidationAcceptor): void {
        if (mission.leads.length > 0) return;
        report(
            accept,
            'no-lead',
            `mission ${nameOf(mission)} has no lead: name the one accountable person with \`lead\``,
            { node: mission, property: 'name' }
        );
    }

    /** Any `target` item counts, even one whose value a syntax error rejected (reported once, there). */
    checkTarget(measure: Measure, accept: ValidationAcceptor): void {
        if (measure.targets.length > 0) return;
        report(
            accept,
            'missing-target',
            `measure ${measureName(measure)} has no target: say what winning is with \`target\``,
            { node: measure, property: 'name' }
        );
    }

    checkTeam(team: Team, accept: ValidationAcceptor): void {
        if (team.members.length > 0) return;
        report(accept, 'empty-team', `team ${nameOf(team)} has no members: add \`members\` or remove the team`, {
            node: team,
            property: 'name'
        });
    }
}

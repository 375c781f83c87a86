import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { Mission, MissionAstType } from '../../generated/ast.js';
import { statusOf } from '../../model/accessors.js';
import type { DiagnosticCode } from '../codes.js';
import { type MissionValidator, report } from '../report.js';
import { nameOf } from '../../references/kinds.js';

/**
 * Staged missions wait for capacity and are ranked by cost of delay (`value`) divided by window length;
 * without a value a staged mission cannot be ranked.
 */
export class StagingValidator implements MissionValidator {
    readonly codes: readonly DiagnosticCode[] = ['staged-without-value'];

    checks(): ValidationChecks<MissionAstType> {
        return { Mission: this.checkValue };
    }

    checkValue(mission: Mission, accept: ValidationAcceptor): void {
        if (statusOf(mission) !== 'staged' || mission.values.length > 0) return;
        report(
            accept,
            'staged-without-value',
            `staged mission ${nameOf(mission)} has no value, so it cannot be ranked for staging: ` +
                'add `value <amount> <currency> per week` (its cost of delay)',
            { node: mission, property: 'name' }
        );
    }
}

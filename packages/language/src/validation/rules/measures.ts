import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { ModelFactsProvider } from '../../facts/facts-provider.js';
import type { Contribution, Measure, Mission, MissionAstType } from '../../generated/ast.js';
import { baselineOf, currentOf, targetOf, unitOf } from '../../model/accessors.js';
import { formatNumber } from '../../syntax/numbers.js';
import type { DiagnosticCode } from '../codes.js';
import { type MissionValidator, report } from '../report.js';
import { measureName, nameList } from './describe.js';
import { nameOf } from '../../references/kinds.js';

/**
 * Measures of success map to the mission above (`contributes to`), in the same unit, and the
 * scorecard's levels agree: what the contributors report does not exceed what the parent reports.
 */
export class MeasureValidator implements MissionValidator {
    readonly codes: readonly DiagnosticCode[] = [
        'unmapped-measures',
        'unit-mismatch',
        'rollup-discrepancy',
        'target-equals-baseline'
    ];

    constructor(private readonly facts: ModelFactsProvider) {}

    checks(): ValidationChecks<MissionAstType> {
        return {
            Mission: this.checkMapped,
            Contribution: this.checkUnit,
            Measure: [this.checkRollup, this.checkTarget]
        };
    }

    /**
     * The parent is a mission with measures and none of this mission's measures contributes to a
     * measure of any ancestor. Not on an `under` cycle (there is no "above" there), and a `contributes to`
     * that does not resolve counts as mapped: it is already reported as unresolved.
     */
    checkMapped(mission: Mission, accept: ValidationAcceptor): void {
        if (mission.measures.length === 0) return;
        const facts = this.facts.get();
        const parent = facts.parentOf(mission);
        if (parent?.$type !== 'Mission' || parent.measures.length === 0 || facts.cycleOf(mission)) return;
        const mapped = mission.measures.some(measure => {
            const contribution = measure.contributions[0];
            if (!contribution) return false;
            const target = contribution.measure?.ref;
            return target === undefined || facts.isAncestor(target.$container, mission);
        });
        if (mapped) return;
        const own = mission.measures.map(measure => nameOf(measure));
        const theirs = parent.measures.map(measure => measureName(measure));
        report(
            accept,
            'unmapped-measures',
            `none of the measures of ${nameOf(mission)} (${nameList(own)}) contributes to a measure of ` +
                `${nameOf(parent)} or above: add \`contributes to\` naming ` +
                (theirs.length === 1 ? theirs[0] : `one of ${nameList(theirs)}`),
            { node: mission, property: 'name' }
        );
    }

    checkUnit(contribution: Contribution, accept: ValidationAcceptor): void {
        const measure = contribution.$container;
        const target = contribution.measure?.ref;
        if (!target || measure.contributions[0] !== contribution) return;
        const unit = unitOf(measure);
        const targetUnit = unitOf(target);
        if (unit === undefined || targetUnit === undefined || unit === targetUnit) return;
        report(
            accept,
            'unit-mismatch',
            `${measureName(measure)} is in ${unit} but contributes to ${measureName(target)}, ` +
                `which is in ${targetUnit}`,
            { node: contribution, property: 'measure' }
        );
    }

    /**
     * On the parent measure's `current`: its contributors all share its unit (or all have none) and
     * direction up, and their currents (a missing one adds nothing) add up to more than its own.
     */
    checkRollup(measure: Measure, accept: ValidationAcceptor): void {
        const current = measure.currents[0];
        const currentValue = currentOf(measure);
        if (!current || currentValue === undefined) return;
        const facts = this.facts.get();
        if (facts.contributorsOf(measure).length === 0) return;
        const contributors = facts.contributorsOf(measure).filter(contributor => contributor !== measure);
        if (contributors.length === 0 || facts.measure(measure).direction !== 'up') return;
        const unit = unitOf(measure);
        let total = 0;
        const reporting: Array<{ contributor: Measure; value: number }> = [];
        for (const contributor of contributors) {
            if (unitOf(contributor) !== unit || facts.measure(contributor).direction !== 'up') return;
            const value = currentOf(contributor);
            if (value === undefined) continue;
            total += value;
            reporting.push({ contributor, value });
        }
        if (total - currentValue <= 1e-9 * Math.max(1, Math.abs(currentValue))) return;
        // The message's parts are written only when it is reported (this runs for every measure).
        const parts = reporting.map(({ contributor, value }) => `${measureName(contributor)} ${formatNumber(value)}`);
        const inUnit = unit === undefined ? '' : ` ${unit}`;
        report(
            accept,
            'rollup-discrepancy',
            `the contributors to ${measureName(measure)} report ${formatNumber(total)}${inUnit}, ` +
                `more than its current ${formatNumber(currentValue)}${inUnit}: ${nameList(parts)}`,
            { node: current }
        );
    }

    /** On the target: equal to the baseline (a missing baseline counts as 0), so nothing to achieve. */
    checkTarget(measure: Measure, accept: ValidationAcceptor): void {
        const target = measure.targets[0];
        const targetValue = targetOf(measure);
        if (!target || targetValue === undefined) return;
        const baseline = baselineOf(measure);
        if (targetValue !== (baseline ?? 0)) return;
        const from = baseline === undefined ? 'the baseline (0 when none is given)' : `its baseline`;
        report(
            accept,
            'target-equals-baseline',
            `the target of ${measureName(measure)} (${formatNumber(targetValue)}) equals ${from}: ` +
                'there is nothing to achieve',
            { node: target }
        );
    }
}

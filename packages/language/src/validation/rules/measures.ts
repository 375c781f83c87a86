import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { ModelFactsProvider } from '../../facts/facts-provider.js';
import type { Contribution, Measure, Mission, MissionAstType } from '../../generated/ast.js';
import { baselineOf, currentOf, targetOf, unitOf } from '../../model/accessors.js';
import { formatNumber } from '../../model/numbers.js';
import type { DiagnosticCode } from '../codes.js';
import { type MissionValidator, report } from '../report.js';
import { measureName, nameList } from './describe.js';
import { nameOf } from '../../references/kinds.js';

/**
 * Measures of success map to the mission above (`contributes to`), in the same unit, and the
 * scorecard's levels agree by the parent's roll-up mode: what the contributors report adds up to no
 * more than the parent reports (`sum`), or brackets it (`mean`).
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
     * On the parent measure's `current`, by its effective roll-up mode (a fact): its contributors all
     * share its unit (or all have none), and for `sum` the direction up; then `sum`: their currents (a
     * missing one adds nothing) add up to more than its own; `mean`: its own lies outside their
     * lowest..highest; `none`: never.
     */
    checkRollup(measure: Measure, accept: ValidationAcceptor): void {
        const current = measure.currents[0];
        const currentValue = currentOf(measure);
        if (!current || currentValue === undefined) return;
        const facts = this.facts.get();
        const { rollup, direction } = facts.measure(measure);
        if (rollup.mode === 'none' || rollup.reporting === 0) return;
        if (rollup.mode === 'sum' && direction !== 'up') return;
        const unit = unitOf(measure);
        const contributors = facts.contributorsOf(measure).filter(contributor => contributor !== measure);
        for (const contributor of contributors) {
            if (unitOf(contributor) !== unit) return;
            if (rollup.mode === 'sum' && facts.measure(contributor).direction !== 'up') return;
        }
        const slack = 1e-9 * Math.max(1, Math.abs(currentValue));
        const inUnit = unit === undefined ? '' : ` ${unit}`;
        // The message's parts are written only when it is reported (this runs for every measure).
        const parts = (): string =>
            nameList(
                contributors.flatMap(contributor => {
                    const value = currentOf(contributor);
                    return value === undefined ? [] : [`${measureName(contributor)} ${formatNumber(value)}`];
                })
            );
        if (rollup.mode === 'sum') {
            const total = rollup.combined!;
            if (total - currentValue <= slack) return;
            report(
                accept,
                'rollup-discrepancy',
                `the contributors to ${measureName(measure)} report ${formatNumber(total)}${inUnit}, ` +
                    `more than its current ${formatNumber(currentValue)}${inUnit}: ${parts()}`,
                { node: current }
            );
            return;
        }
        const lowest = rollup.lowest!;
        const highest = rollup.highest!;
        if (currentValue >= lowest - slack && currentValue <= highest + slack) return;
        const range =
            lowest === highest
                ? `${formatNumber(lowest)}${inUnit}`
                : `${formatNumber(lowest)}${inUnit} .. ${formatNumber(highest)}${inUnit}`;
        report(
            accept,
            'rollup-discrepancy',
            `the current of ${measureName(measure)} (${formatNumber(currentValue)}${inUnit}) is outside what its ` +
                `contributors report (${range}), so it cannot be their mean (rollup mean): ${parts()}`,
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

import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { ModelFactsProvider } from '../../facts/facts-provider.js';
import type { Mission, MissionAstType, Review } from '../../generated/ast.js';
import { statusOf } from '../../model/accessors.js';
import { toDay } from '../../model/dates.js';
import type { DiagnosticCode } from '../codes.js';
import { type MissionValidator, report } from '../report.js';
import type { MissionSettings } from '../settings.js';
import { dayPhrase } from '../../model/wording.js';
import { days } from './describe.js';
import { nameOf } from '../../references/kinds.js';

/**
 * Rules about the mission's life over time: reviews held on cadence (against the configured today:
 * the CLI's --today, the editor's mission.today, else the system date), and no active mission left
 * under one that is already finished.
 */
export class TimeValidator implements MissionValidator {
    readonly codes: readonly DiagnosticCode[] = ['review-overdue', 'inactive-parent'];

    constructor(
        private readonly facts: ModelFactsProvider,
        private readonly settings: MissionSettings
    ) {}

    checks(): ValidationChecks<MissionAstType> {
        return { Review: this.checkReview, Mission: this.checkParentActive };
    }

    /**
     * Overdue when today - last > every: a review exactly `every` days old is due today, not overdue.
     * Finished missions are no longer reviewed; a `last` in the future is not overdue.
     */
    checkReview(review: Review, accept: ValidationAcceptor): void {
        const mission = review.$container;
        const last = toDay(review.last);
        if (last === undefined || mission.reviews[0] !== review || this.facts.get().isFinished(mission)) return;
        if (!Number.isInteger(review.every) || review.every < 1) return; // reported as a syntax error
        const age = this.settings.today - last;
        if (age <= review.every) return;
        report(
            accept,
            'review-overdue',
            `${nameOf(mission)} was last reviewed ${dayPhrase(last)}, ${days(age)} ago ` +
                `(every ${days(review.every)}): the review was due ${dayPhrase(last + review.every)}`,
            { node: review }
        );
    }

    /** On the `under` reference of an active mission whose parent mission is won, lost or abandoned. */
    checkParentActive(mission: Mission, accept: ValidationAcceptor): void {
        const facts = this.facts.get();
        const parent = facts.parentOf(mission);
        if (
            parent?.$type !== 'Mission' ||
            !facts.isActive(mission) ||
            !facts.isFinished(parent) ||
            facts.cycleOf(mission)
        )
            return;
        report(
            accept,
            'inactive-parent',
            `${nameOf(mission)} is active but its parent ${nameOf(parent)} is ${statusOf(parent)}: ` +
                `align ${nameOf(mission)} under a running mission, or finish it too`,
            { node: mission, property: 'parent' }
        );
    }
}

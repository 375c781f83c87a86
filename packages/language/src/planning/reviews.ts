/**
 * The review rhythm (`mission reviews`): each unfinished mission's `review every N days (last D)`, with
 * its due day (`last + every`), grouped by lead. Overdue exactly as the `review-overdue` rule says
 * (due before today); a review never held (no `last`) is due today.
 */
import type { Mission } from '../generated/ast.js';
import type { ModelFacts } from '../facts/model-facts.js';
import { reviewOf } from '../model/accessors.js';
import { markdownText } from '../model/escape.js';
import { nameOf } from '../references/kinds.js';
import { type DayNumber, dayToIso, toDay } from '../model/dates.js';

export type ReviewState = 'overdue' | 'due' | 'never' | 'later';

export interface MissionReview {
    readonly mission: Mission;
    readonly name: string;
    readonly lead?: string;
    readonly every: number;
    readonly last?: DayNumber;
    /** `last + every`; today for a review never held. */
    readonly due: DayNumber;
    /** The next day a review should be held: the due day, or today when it is past. */
    readonly next: DayNumber;
    readonly state: ReviewState;
}

export interface ReviewsByLead {
    /** The lead's name; undefined for missions without a lead. */
    readonly lead?: string;
    readonly reviews: readonly MissionReview[];
}

export interface ReviewSchedule {
    readonly today: DayNumber;
    readonly within: number;
    /** Every reviewed, unfinished mission, by due day then name. */
    readonly all: readonly MissionReview[];
    /** Overdue, never held or due within the window; by lead (name order, no lead last). */
    readonly byLead: readonly ReviewsByLead[];
}

export function reviewSchedule(facts: ModelFacts, today: DayNumber, within: number): ReviewSchedule {
    const all: MissionReview[] = [];
    for (const mission of facts.missions) {
        const review = reviewOf(mission);
        if (!review || facts.isFinished(mission)) continue;
        const last = toDay(review.last);
        const due = last === undefined ? today : last + review.every;
        const state: ReviewState =
            last === undefined ? 'never' : due < today ? 'overdue' : due <= today + within ? 'due' : 'later';
        const lead = mission.leads[0]?.person?.ref;
        all.push({
            mission,
            name: nameOf(mission),
            ...(lead ? { lead: nameOf(lead) } : {}),
            every: review.every,
            ...(last === undefined ? {} : { last }),
            due,
            next: Math.max(due, today),
            state
        });
    }
    all.sort((a, b) => a.due - b.due || a.name.localeCompare(b.name));
    const groups = new Map<string | undefined, MissionReview[]>();
    for (const review of all) {
        if (review.state === 'later') continue;
        const list = groups.get(review.lead);
        if (list) list.push(review);
        else groups.set(review.lead, [review]);
    }
    const byLead = [...groups]
        .map(([lead, reviews]) => ({ ...(lead === undefined ? {} : { lead }), reviews }))
        .sort((a, b) => (a.lead === undefined ? 1 : b.lead === undefined ? -1 : a.lead.localeCompare(b.lead)));
    return { today, within, all, byLead };
}

/** "overdue since 2026-11-01 (22 days)", "due 2026-12-10 (in 5 days)", "never reviewed". */
export function reviewStateText(review: MissionReview, today: DayNumber): string {
    const days = (count: number): string => `${count} ${count === 1 ? 'day' : 'days'}`;
    if (review.state === 'never') return 'never reviewed: due today';
    if (review.state === 'overdue') return `overdue since ${dayToIso(review.due)} (${days(today - review.due)})`;
    const when =
        review.due === today
            ? `today (${dayToIso(review.due)})`
            : `${dayToIso(review.due)} (in ${days(review.due - today)})`;
    return `due ${when}`;
}

function reviewLine(review: MissionReview, today: DayNumber): string {
    const last = review.last === undefined ? '' : `, last ${dayToIso(review.last)}`;
    return `${review.name}: ${reviewStateText(review, today)} (every ${review.every} days${last})`;
}

function heading(schedule: ReviewSchedule): string {
    const until = dayToIso(schedule.today + schedule.within);
    return `Reviews overdue or due by ${until} (today ${dayToIso(schedule.today)})`;
}

export function reviewsText(schedule: ReviewSchedule): string {
    const lines = [heading(schedule)];
    if (schedule.byLead.length === 0) lines.push('No reviews are overdue or due.');
    for (const group of schedule.byLead) {
        lines.push('', group.lead ?? '(no lead)');
        for (const review of group.reviews) lines.push(`  ${reviewLine(review, schedule.today)}`);
    }
    return `${lines.join('\n')}\n`;
}

export function reviewsMarkdown(schedule: ReviewSchedule): string {
    const lines = [`## ${heading(schedule)}`];
    if (schedule.byLead.length === 0) lines.push('', 'No reviews are overdue or due.');
    for (const group of schedule.byLead) {
        lines.push('', `### ${group.lead === undefined ? '(no lead)' : markdownText(group.lead)}`, '');
        for (const review of group.reviews) lines.push(`- ${markdownText(reviewLine(review, schedule.today))}`);
    }
    return `${lines.join('\n')}\n`;
}

export function reviewsJson(schedule: ReviewSchedule): object {
    return {
        today: dayToIso(schedule.today),
        within: schedule.within,
        leads: schedule.byLead.map(group => ({
            lead: group.lead ?? null,
            reviews: group.reviews.map(review => ({
                mission: review.name,
                every: review.every,
                last: review.last === undefined ? null : dayToIso(review.last),
                due: dayToIso(review.due),
                state: review.state
            }))
        }))
    };
}

import { type Command, Option } from 'commander';
import { createEvents, type DateArray, type EventAttributes } from 'ics';
import {
    dayToIso,
    type ReviewSchedule,
    reviewSchedule,
    reviewsJson,
    reviewsMarkdown,
    reviewsText
} from 'mission-lang-language';
import { type CommandContext, modelOptions } from './command-context.js';
import { emit } from './emit.js';
import { UsageError } from './exit-codes.js';
import { failOnOption, outputExitCode } from './fail-on.js';
import { loadModel, type ModelOptions } from './load-model.js';
import type { Output } from './output.js';
import { writeFileAtomic } from './write-atomic.js';

export const REVIEW_FORMATS = ['text', 'markdown', 'json'] as const;

export interface ReviewsOptions extends ModelOptions {
    readonly within?: string;
    readonly ics?: string;
    readonly format?: (typeof REVIEW_FORMATS)[number];
    readonly output?: string;
}

/**
 * `mission reviews`: the reviews overdue or due within a window, by lead; `--ics` also writes an
 * iCalendar file (RFC 5545) with a recurring event per mission review. Exit 1 when the model has errors.
 */
export async function runReviews(paths: readonly string[], options: ReviewsOptions, output: Output): Promise<number> {
    const within = withinDays(options.within ?? '14d');
    const model = await loadModel(paths, options, output);
    const today = model.result.services.Mission.config.Settings.today;
    const schedule = reviewSchedule(model.result.facts, today, within);
    if (options.ics !== undefined) await writeFileAtomic(options.ics, reviewsCalendar(schedule));
    const format = options.format ?? 'text';
    const text =
        format === 'json'
            ? `${JSON.stringify(reviewsJson(schedule), undefined, 2)}\n`
            : format === 'markdown'
              ? reviewsMarkdown(schedule)
              : reviewsText(schedule);
    await emit(options.output, text, output);
    return outputExitCode(model.summary, options.failOn);
}

/** `14d`, `2w` or a bare number of days. */
function withinDays(text: string): number {
    const match = /^([0-9]{1,5})([dw]?)$/.exec(text.trim());
    if (!match) throw new UsageError(`--within wants a number of days or weeks (14d, 2w), not '${text}'`);
    return Number(match[1]) * (match[2] === 'w' ? 7 : 1);
}

const dateArray = (day: number): DateArray => {
    const [year, month, date] = dayToIso(day).split('-').map(Number);
    return [year!, month!, date!];
};

/**
 * One all-day event per mission review, from its next due day, repeating every `every` days. The UID
 * is the mission's name (names are global in a model), so a re-import updates rather than duplicates;
 * DTSTAMP is the model's today, never the clock.
 */
export function reviewsCalendar(schedule: ReviewSchedule): string {
    const events = schedule.all.map(
        (review): EventAttributes =>
            ({
                uid: `review-${encodeURIComponent(review.name)}@mission-lang`,
                title: `Review ${review.name}`,
                description:
                    `Review of mission ${review.name} every ${review.every} days` +
                    (review.lead === undefined ? '' : `, led by ${review.lead}`) +
                    (review.last === undefined ? '' : `; last reviewed ${dayToIso(review.last)}`) +
                    '.',
                start: dateArray(review.next),
                end: dateArray(review.next + 1),
                recurrenceRule: `FREQ=DAILY;INTERVAL=${review.every}`,
                productId: 'mission-lang/mission reviews',
                calName: 'Mission reviews',
                // ics takes DTSTAMP from `timestamp` (its types leave it out); the model's today at midnight UTC.
                timestamp: schedule.today * 86_400_000
            }) as EventAttributes
    );
    const { error, value } = createEvents(events, {
        productId: 'mission-lang/mission reviews',
        calName: 'Mission reviews'
    });
    if (error || value === null) throw new Error(`the calendar could not be written: ${error?.message ?? 'no output'}`);
    return value;
}

export function defineReviewsCommand(program: Command, context: CommandContext): void {
    const command = program
        .command('reviews')
        .description('list the mission reviews overdue or due soon, by lead; write them as an iCalendar file')
        .argument('<paths...>', 'model files or folders, or - for standard input')
        .option('--within <days>', 'how far ahead a review counts as due: days (14d) or weeks (2w)', '14d')
        .option('--ics <file>', 'also write an iCalendar file (.ics) with a recurring event per mission review')
        .addOption(new Option('-f, --format <format>', 'output format').choices(REVIEW_FORMATS).default('text'))
        .option('-o, --output <file>', 'write to this file (default: standard output)')
        .action(async (paths: string[], options: ReviewsOptions) => {
            context.setExitCode(await runReviews(paths, options, context.output));
        });
    for (const option of [...modelOptions(), failOnOption()]) command.addOption(option);
}

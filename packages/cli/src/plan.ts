import { type Command, Option } from 'commander';
import { stringify } from 'csv-stringify/sync';
import {
    type Duration,
    parseCapacity,
    parseDate,
    parseDuration,
    PLAN_COLUMNS,
    planGanttSvg,
    planJson,
    planMarkdown,
    PlanOptionError,
    planRows,
    planStaging,
    planText,
    type StagingPlan,
    toDay,
    type WhatIf
} from 'mission-lang-language';
import { type CommandContext, modelOptions } from './command-context.js';
import { emit } from './emit.js';
import { UsageError } from './exit-codes.js';
import { failOnOption, outputExitCode } from './fail-on.js';
import { loadModel, type ModelOptions } from './load-model.js';
import type { Output } from './output.js';
import { writeFileAtomic } from './write-atomic.js';

export const PLAN_FORMATS = ['text', 'markdown', 'json', 'csv'] as const;

export interface PlanCommandOptions extends ModelOptions {
    readonly format?: (typeof PLAN_FORMATS)[number];
    readonly output?: string;
    readonly gantt?: string;
    readonly activate?: string[];
    readonly finish?: string[];
    readonly on?: string[];
    readonly delay?: string[];
    readonly by?: string[];
    readonly capacity?: string[];
}

/**
 * `mission plan`: the staging plan (LANGUAGE.md "Staging plan") with the what-if options, as a table,
 * JSON or CSV, and optionally a Gantt chart (SVG). Exit 1 when the model has errors (the plan is still
 * written); an unknown mission or person in a what-if option is a usage error with "did you mean".
 */
export async function runPlan(paths: readonly string[], options: PlanCommandOptions, output: Output): Promise<number> {
    const whatIf = whatIfFrom(options);
    const model = await loadModel(paths, options, output);
    const today = model.result.services.Mission.config.Settings.today;
    let plan: StagingPlan;
    try {
        plan = planStaging(model.result.facts, { today, ...whatIf });
    } catch (error) {
        if (error instanceof PlanOptionError) throw new UsageError(error.message);
        throw error;
    }
    if (options.gantt !== undefined) await writeFileAtomic(options.gantt, planGanttSvg(plan));
    await emit(options.output, formatPlan(plan, options.format ?? 'text'), output);
    return outputExitCode(model.summary, options.failOn);
}

export function formatPlan(plan: StagingPlan, format: (typeof PLAN_FORMATS)[number]): string {
    switch (format) {
        case 'json':
            return `${JSON.stringify(planJson(plan), undefined, 2)}\n`;
        case 'csv':
            return stringify([[...PLAN_COLUMNS], ...planRows(plan)]);
        case 'markdown':
            return planMarkdown(plan);
        default:
            return planText(plan);
    }
}

/** The what-if options, each value read and checked before the model is (a typo costs no check). */
export function whatIfFrom(options: PlanCommandOptions): WhatIf {
    const finish = options.finish ?? [];
    const on = paired('--finish', finish, '--on', options.on ?? []).map(text =>
        text === undefined ? undefined : dayOf(text)
    );
    const delay = options.delay ?? [];
    const by = paired('--delay', delay, '--by', options.by ?? []);
    if (delay.length > 0 && by.includes(undefined))
        throw new UsageError('--delay wants a duration: add --by, e.g. --by 8w');
    return {
        activate: options.activate ?? [],
        finish: finish.map((mission, index) => ({ mission, ...(on[index] === undefined ? {} : { on: on[index] }) })),
        delay: delay.map((mission, index) => ({
            mission,
            by: readOption(() => parseDuration(by[index]!)) as Duration
        })),
        capacity: (options.capacity ?? []).map(text => readOption(() => parseCapacity(text)))
    };
}

/** The values of `--on` (or `--by`) for each `--finish` (`--delay`): one each in order, or one for all. */
function paired(
    name: string,
    missions: readonly string[],
    valueName: string,
    values: readonly string[]
): Array<string | undefined> {
    if (values.length > 0 && missions.length === 0) throw new UsageError(`${valueName} goes with ${name}`);
    if (values.length <= 1) return missions.map(() => values[0]);
    if (values.length !== missions.length)
        throw new UsageError(
            `${values.length} ${valueName} for ${missions.length} ${name}: give one for all, or one each`
        );
    return [...values];
}

function dayOf(text: string): number {
    const day = toDay(parseDate(text));
    if (day === undefined) throw new UsageError(`--on wants a date as YYYY-MM-DD, not '${text}'`);
    return day;
}

function readOption<T>(read: () => T): T {
    try {
        return read();
    } catch (error) {
        if (error instanceof PlanOptionError) throw new UsageError(error.message);
        throw error;
    }
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function definePlanCommand(program: Command, context: CommandContext): void {
    const command = program
        .command('plan')
        .description(
            'plan the staged missions: the earliest start when their people have capacity, inside the parent window; ' +
                'with what-if options'
        )
        .argument('<paths...>', 'model files or folders, or - for standard input')
        .addOption(new Option('-f, --format <format>', 'output format').choices(PLAN_FORMATS).default('text'))
        .option('-o, --output <file>', 'write the plan to this file (default: standard output)')
        .option('--gantt <file>', 'also write a Gantt chart of the plan (SVG) to this file')
        .option('--activate <mission>', 'what if this mission were active (repeatable)', collect)
        .option('--finish <mission>', 'what if this mission were finished (repeatable; see --on)', collect)
        .option(
            '--on <date>',
            'the day --finish finishes on, YYYY-MM-DD (default: today; one for all, or one each)',
            collect
        )
        .option('--delay <mission>', "what if this mission's window moved later (repeatable; needs --by)", collect)
        .option('--by <duration>', 'how much --delay moves: 30d, 8w, 2m (one for all, or one each)', collect)
        .option('--capacity <person=n>', "what if this person's capacity were n, e.g. alice=2 (repeatable)", collect)
        .action(async (paths: string[], options: PlanCommandOptions) => {
            context.setExitCode(await runPlan(paths, options, context.output));
        });
    for (const option of [...modelOptions(), failOnOption()]) command.addOption(option);
}

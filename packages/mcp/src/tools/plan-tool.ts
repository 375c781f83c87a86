/**
 * `plan`: the staging plan (as `mission plan`), with what-if: activate, finish or delay missions, or
 * change capacities, and see when the staged missions could start and who would go over capacity.
 * The planner is the language package's (`planStaging`); this only reads the assistant's options.
 */
import {
    parseDate,
    parseDuration,
    planJson,
    PlanOptionError,
    planStaging,
    planText,
    toDay,
    type WhatIf
} from 'mission-lang-language';
import { z } from 'zod';
import { type AnyMissionTool, missionTool } from '../tool.js';
import { ToolInputError } from '../tool-error.js';
import type { ModelWorkspace } from '../workspace.js';

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export function planTool(workspace: ModelWorkspace): AnyMissionTool {
    return missionTool({
        name: 'plan',
        title: 'Staging plan, with what-if',
        description:
            'The staging plan (as `mission plan`): for each staged mission in queue order, the earliest start ' +
            'when its people have capacity (inside the parent window), and who would be over capacity. ' +
            'What-if: take missions as active, finished (on a day) or delayed, or change capacities.',
        readOnly: true,
        input: {
            activate: z.array(z.string()).optional().describe('missions taken as active, whatever their status'),
            finish: z
                .array(z.object({ mission: z.string(), on: dateSchema.optional().describe('default: today') }))
                .optional()
                .describe('missions taken as finished: their people are free from the day after'),
            delay: z
                .array(z.object({ mission: z.string(), by: z.string().describe('e.g. 30d, 8w, 2m') }))
                .optional()
                .describe("missions whose window moves later, e.g. 'what if Clinics slips two months'"),
            capacity: z
                .array(z.object({ person: z.string(), capacity: z.number().int().min(0) }))
                .optional()
                .describe("capacities used instead of the model's")
        },
        output: {
            today: z.string(),
            missions: z.array(
                z.object({
                    rank: z.number(),
                    name: z.string(),
                    cd3: z.number().nullable(),
                    people: z.array(z.string()),
                    start: z.string().nullable(),
                    end: z.string().nullable(),
                    waitsFor: z.array(z.object({ person: z.string(), on: z.string().nullable() })),
                    unplannable: z
                        .object({ reason: z.string(), person: z.string().nullable(), message: z.string() })
                        .nullable()
                })
            ),
            overCapacity: z.array(
                z.object({
                    person: z.string(),
                    capacity: z.number(),
                    load: z.number(),
                    missions: z.array(z.string())
                })
            )
        },
        run: args => {
            const whatIf: WhatIf = {
                activate: args.activate ?? [],
                finish: (args.finish ?? []).map(({ mission, on }) => ({
                    mission,
                    ...(on === undefined ? {} : { on: dayOf(on) })
                })),
                delay: (args.delay ?? []).map(({ mission, by }) => ({
                    mission,
                    by: readOption(() => parseDuration(by))
                })),
                capacity: args.capacity ?? []
            };
            const plan = readOption(() => planStaging(workspace.facts, { today: workspace.day, ...whatIf }));
            return {
                structured: planJson(plan),
                text: planText(plan)
            };
        }
    });
}

function dayOf(text: string): number {
    const day = toDay(parseDate(text));
    if (day === undefined) throw new ToolInputError(`not a calendar date: ${text}`);
    return day;
}

/** A what-if option that names no mission or person, or a value that cannot be read: a tool error. */
function readOption<T>(read: () => T): T {
    try {
        return read();
    } catch (error) {
        if (error instanceof PlanOptionError) throw new ToolInputError(error.message);
        throw error;
    }
}

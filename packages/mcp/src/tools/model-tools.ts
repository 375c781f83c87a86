/**
 * The tools that read the checked model: `check`, `describe`, `find` and `load`. Every number comes
 * from the language package (diagnostics, the JSON model built from the facts, the load timeline).
 */
import { isoOrNull, loadTimeline, percent, windowRange } from 'mission-lang-language';
import { z } from 'zod';
import { modelIndex, type MissionPerson } from '../model-index.js';
import { diagnosticLine, diagnosticSchema, elementJsonSchema, severitySchema, summarySchema } from '../schemas.js';
import { type AnyMissionTool, missionTool } from '../tool.js';
import { ToolInputError } from '../tool-error.js';
import type { ModelWorkspace } from '../workspace.js';

const DEFAULT_LIMIT = 200;

export function modelTools(workspace: ModelWorkspace): AnyMissionTool[] {
    return [checkTool(workspace), describeTool(workspace), findTool(workspace), loadTool(workspace)];
}

function checkTool(workspace: ModelWorkspace): AnyMissionTool {
    return missionTool({
        name: 'check',
        title: 'Check the model',
        description:
            "The model's diagnostics (as `mission validate` reports them), optionally only those of one file, " +
            'code or severity. Lines and columns are 1-based.',
        readOnly: true,
        input: {
            file: z.string().optional().describe('only this model file (its path as the resources name it)'),
            code: z.string().optional().describe('only this diagnostic code, e.g. over-capacity'),
            severity: severitySchema.optional().describe('only this severity'),
            limit: z.number().int().positive().optional().describe(`at most this many (default ${DEFAULT_LIMIT})`)
        },
        output: {
            diagnostics: z.array(diagnosticSchema),
            matching: z.number().describe('how many diagnostics match the filters (all, not only those listed)'),
            summary: summarySchema.describe('the whole model: files checked and problems by severity')
        },
        run: ({ file, code, severity, limit }) => {
            const shownFile = file === undefined ? undefined : (workspace.fileAt(file)?.path ?? file);
            if (shownFile !== undefined && !workspace.fileAt(shownFile))
                throw new ToolInputError(`${file}: not a model file of this workspace`);
            const matching = workspace
                .diagnostics()
                .filter(
                    diagnostic =>
                        (shownFile === undefined || diagnostic.file === shownFile) &&
                        (code === undefined || diagnostic.code === code) &&
                        (severity === undefined || diagnostic.severity === severity)
                );
            const diagnostics = matching.slice(0, limit ?? DEFAULT_LIMIT);
            const summary = { ...workspace.outputModel().summary };
            const lines = diagnostics.map(diagnostic => diagnosticLine(diagnostic));
            if (matching.length > diagnostics.length)
                lines.push(`... and ${matching.length - diagnostics.length} more`);
            lines.push(
                `${summary.files} files checked: ${summary.errors} errors, ${summary.warnings} warnings, ` +
                    `${summary.infos} infos (${matching.length} matching)`
            );
            return { structured: { diagnostics, matching: matching.length, summary }, text: lines.join('\n') };
        }
    });
}

const personSchema = z.object({
    name: z.string(),
    role: z.string().describe('lead, crew, or team (in the crew through a team)'),
    team: z.string().nullable(),
    load: z.number(),
    capacity: z.number(),
    overCapacity: z.boolean()
});

function describeTool(workspace: ModelWorkspace): AnyMissionTool {
    return missionTool({
        name: 'describe',
        title: 'Describe an element',
        description:
            'Everything the model says of one element (vision, person, team, mission, or measure as ' +
            'Mission.measure), as `mission compile` writes it: intent, boundaries, measures with progress, ' +
            'parent chain (ancestors), children, supports, people, computed facts, and its diagnostics.',
        readOnly: true,
        input: { name: z.string().min(1).describe('the element name, or Mission.measure for a measure') },
        output: {
            kind: z.enum(['vision', 'person', 'team', 'mission', 'measure']),
            element: elementJsonSchema,
            people: z.array(personSchema).describe("a mission's people: lead and crew (empty for other kinds)"),
            diagnostics: z.array(diagnosticSchema).describe("the diagnostics inside the element's text")
        },
        run: ({ name }) => {
            const index = modelIndex(workspace);
            const found = index.elements.get(name);
            if (!found) throw new ToolInputError(`no element named '${name}' in the model`);
            const people: MissionPerson[] =
                found.kind === 'mission' ? [...(index.peopleByMission.get(name) ?? [])] : [];
            const source = found.json.source as
                { file: string; line: number; column: number; endLine: number; endColumn: number } | undefined;
            const diagnostics = source
                ? workspace
                      .diagnostics()
                      .filter(
                          diagnostic =>
                              diagnostic.file === source.file &&
                              (diagnostic.line > source.line ||
                                  (diagnostic.line === source.line && diagnostic.column >= source.column)) &&
                              (diagnostic.line < source.endLine ||
                                  (diagnostic.line === source.endLine && diagnostic.column <= source.endColumn))
                      )
                : [];
            const text = [
                `${found.kind} ${name}`,
                JSON.stringify(found.json, null, 2),
                ...(people.length > 0
                    ? ['people:', ...people.map(person => `  ${person.name} (${person.role}) ${loadLine(person)}`)]
                    : []),
                ...(diagnostics.length > 0 ? ['diagnostics:', ...diagnostics.map(d => `  ${diagnosticLine(d)}`)] : [])
            ].join('\n');
            return { structured: { kind: found.kind, element: found.json, people, diagnostics }, text };
        }
    });
}

function loadLine(person: { load: number; capacity: number; overCapacity: boolean }): string {
    return `load ${person.load} / capacity ${person.capacity}${person.overCapacity ? ' (over capacity)' : ''}`;
}

const foundMissionSchema = z.object({
    name: z.string(),
    title: z.string().nullable(),
    status: z.string(),
    lead: z.string().nullable(),
    parent: z.string().nullable(),
    progress: z.number().nullable(),
    tags: z.array(z.string()),
    pace: z.string().nullable(),
    file: z.string(),
    line: z.number()
});

/** A field of the JSON model that other parts of the language add (tags, pace): absent until they do. */
function stringsOf(value: unknown): string[] {
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function paceOf(mission: Record<string, unknown>): string | null {
    const pace = mission.pace;
    if (typeof pace === 'string') return pace;
    if (pace && typeof pace === 'object' && typeof (pace as { pace?: unknown }).pace === 'string')
        return (pace as { pace: string }).pace;
    return null;
}

function findTool(workspace: ModelWorkspace): AnyMissionTool {
    return missionTool({
        name: 'find',
        title: 'Find missions',
        description:
            'Missions by status, lead, tag, pace and text (in name, title and intent; case-insensitive). ' +
            'All filters given must hold.',
        readOnly: true,
        input: {
            status: z.string().optional().describe('e.g. active, proposed, done, dropped'),
            lead: z.string().optional().describe("the lead's name"),
            tag: z.string().optional().describe('a tag the mission carries'),
            pace: z.enum(['won', 'on-track', 'behind']).optional().describe("the mission's pace on the model's today"),
            text: z.string().optional().describe('words in the name, title or intent'),
            limit: z.number().int().positive().optional().describe(`at most this many (default ${DEFAULT_LIMIT})`)
        },
        output: { missions: z.array(foundMissionSchema), matching: z.number() },
        run: ({ status, lead, tag, pace, text, limit }) => {
            const needle = text?.toLowerCase();
            const index = modelIndex(workspace);
            const matching = (index.json.missions as Array<Record<string, unknown>>).filter(
                (mission, i) =>
                    (status === undefined || mission.status === status) &&
                    (lead === undefined || mission.lead === lead) &&
                    (tag === undefined || stringsOf(mission.tags).includes(tag)) &&
                    (pace === undefined || paceOf(mission) === pace) &&
                    (needle === undefined || index.missionText[i]!.includes(needle))
            );
            const missions = matching.slice(0, limit ?? DEFAULT_LIMIT).map(mission => {
                const source = mission.source as { file: string; line: number };
                return {
                    name: String(mission.name),
                    title: (mission.title as string | null) ?? null,
                    status: String(mission.status),
                    lead: (mission.lead as string | null) ?? null,
                    parent: (mission.parent as string | null) ?? null,
                    progress: (mission.progress as number | null) ?? null,
                    tags: stringsOf(mission.tags),
                    pace: paceOf(mission),
                    file: source.file,
                    line: source.line
                };
            });
            const lines = missions.map(
                m =>
                    `${m.name} [${m.status}] lead ${m.lead ?? '-'}` +
                    `${m.progress === null ? '' : ` ${percent(m.progress)}`}` +
                    `${m.pace === null ? '' : ` ${m.pace}`} (${m.file}:${m.line})`
            );
            lines.push(`${matching.length} missions match`);
            return { structured: { missions, matching: matching.length }, text: lines.join('\n') };
        }
    });
}

function loadTool(workspace: ModelWorkspace): AnyMissionTool {
    return missionTool({
        name: 'load',
        title: "A person's load over time",
        description:
            "A person's load (concurrent active missions) over time against their capacity: the peak, and " +
            'each stretch of days with the missions running then (dates YYYY-MM-DD, ends inclusive, null = open).',
        readOnly: true,
        input: { person: z.string().min(1).describe("the person's name") },
        output: {
            person: z.string(),
            capacity: z.number(),
            peak: z.number(),
            overCapacity: z.boolean(),
            missions: z.array(z.object({ name: z.string(), role: z.string(), status: z.string() })),
            timeline: z.array(
                z.object({
                    start: z.string().nullable(),
                    end: z.string().nullable(),
                    load: z.number(),
                    overCapacity: z.boolean(),
                    missions: z.array(z.string())
                })
            )
        },
        run: ({ person: name }) => {
            const facts = workspace.facts;
            const person = facts.persons.find(candidate => candidate.name === name);
            if (!person) throw new ToolInputError(`no person named '${name}' in the model`);
            const load = facts.loadOf(person);
            const timeline = loadTimeline(facts, person).map(step => ({
                start: isoOrNull(step.start),
                end: isoOrNull(step.end),
                load: step.load,
                overCapacity: step.load > load.capacity,
                missions: step.items.map(mission => mission.name)
            }));
            const missions = load.assignments.map(assignment => ({
                name: assignment.mission.name,
                role: assignment.role,
                status: facts.statusOf(assignment.mission)
            }));
            const today = workspace.today;
            const lines = [
                `${name}: peak load ${load.load} / capacity ${load.capacity}` +
                    `${load.load > load.capacity ? ' (over capacity)' : ''}${today ? `, as of ${today}` : ''}`,
                ...timeline.map(
                    step =>
                        `  ${windowRange(step.start, step.end)}: ${step.load}` +
                        `${step.overCapacity ? ' OVER' : ''} (${step.missions.join(', ')})`
                )
            ];
            return {
                structured: {
                    person: name,
                    capacity: load.capacity,
                    peak: load.load,
                    overCapacity: load.load > load.capacity,
                    missions,
                    timeline
                },
                text: lines.join('\n')
            };
        }
    });
}

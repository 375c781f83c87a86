import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import {
    type ast,
    baselineOf,
    currentOf,
    type FigureChange,
    type FigureRow,
    MeasureUpdateError,
    type MeasureUpdatePlan,
    parseNumberLiteral,
    planMeasureUpdates,
    qualifiedName,
    sourceFile,
    targetOf,
    dayToIso,
    todayFrom,
    counted
} from 'mission-lang-language';
import { type CommandContext, modelOptions } from './command-context.js';
import { EXIT_OK, UsageError } from './exit-codes.js';
import { readFigures } from './figures.js';
import { checkModelSources, loadModel, type ModelOptions } from './load-model.js';
import type { Output } from './output.js';
import { writeFilesAtomic } from './write-atomic.js';

type Measure = ast.Measure;

export interface MeasuresUpdateOptions extends ModelOptions {
    readonly from: string;
    readonly dryRun?: boolean;
    readonly history?: boolean;
}

/** The file beside a model file that `--history` appends the previous figures to. */
export const HISTORY_FILE = 'history.csv';
const HISTORY_HEADER = 'date,measure,field,value';

/**
 * `mission measures update --from FILE [paths]`: sets measures' figures from a CSV or JSON file with
 * minimal edits (language outputs/measure-updates.ts), all files or none; `--dry-run` prints the
 * unified diff instead. Every problem of the figures is exit 2 with nothing changed.
 */
export async function runMeasuresUpdate(
    paths: readonly string[],
    options: MeasuresUpdateOptions,
    output: Output
): Promise<number> {
    const rows = await readFigures(options.from);
    const model = await loadModel(paths.length > 0 ? paths : ['.'], options, output, { everyPosition: true });
    let plan: MeasureUpdatePlan;
    try {
        plan = planMeasureUpdates(model.result, rows);
    } catch (error) {
        if (error instanceof MeasureUpdateError) throw new UsageError(error.message);
        throw error;
    }
    await expectReadBack(plan, model.sources, rows, options);
    const figures = counted(plan.changes.length, 'figure');
    const files = counted(plan.files.length, 'file');
    if (plan.changes.length === 0) {
        output.stderr('nothing to change: every figure is already as given\n');
        return EXIT_OK;
    }
    if (options.dryRun) {
        for (const file of plan.files)
            output.stdout(
                createTwoFilesPatch(`a/${file.path}`, `b/${file.path}`, file.before, file.after, '', '', {
                    context: 3,
                    headerOptions: FILE_HEADERS_ONLY
                })
            );
        output.stderr(`would set ${figures} in ${files} (--dry-run: nothing written)\n`);
        return EXIT_OK;
    }
    const today = dayToIso(todayFrom(options.today ?? model.config.today));
    const history = options.history ? await historyFiles(plan.changes, today) : [];
    await writeFilesAtomic([...plan.files.map(file => ({ path: file.path, data: file.after })), ...history]);
    for (const change of plan.changes)
        output.stdout(`${change.measure}: ${change.field} ${change.previous ?? 'none'} → ${change.value}\n`);
    const historyNote = history.length > 0 ? `; previous figures in ${history.map(file => file.path).join(', ')}` : '';
    output.stderr(`set ${figures} in ${files}${historyNote}\n`);
    return EXIT_OK;
}

/**
 * The updated files checked again: each figure must read back as exactly the value given. Anything
 * else is a fault of the edits, reported before a file is written.
 */
async function expectReadBack(
    plan: MeasureUpdatePlan,
    sources: ReadonlyArray<{ path: string; uri: { fsPath: string }; text: string }>,
    rows: readonly FigureRow[],
    options: ModelOptions
): Promise<void> {
    if (plan.files.length === 0) return;
    const updated = new Map(plan.files.map(file => [file.path, file.after]));
    const again = await checkModelSources(
        sources.map(source => sourceFile(source.path, source.uri.fsPath, updated.get(source.path) ?? source.text)),
        options
    );
    const read = { baseline: baselineOf, target: targetOf, current: currentOf };
    const byName = new Map<string, Measure>();
    for (const mission of again.result.facts.missions)
        for (const measure of mission.measures) byName.set(qualifiedName(measure), measure);
    for (const row of rows)
        for (const [field, value] of Object.entries(row.values)) {
            const measure = byName.get(row.measure);
            const now = measure ? read[field as keyof typeof read](measure) : undefined;
            if (now !== parseNumberLiteral(value))
                throw new Error(`${row.measure}: ${field} would read back as ${now ?? 'nothing'}, not ${value}`);
        }
}

/** history.csv beside each changed model file, with a line per previous figure appended. */
async function historyFiles(
    changes: readonly FigureChange[],
    today: string
): Promise<Array<{ path: string; data: string }>> {
    const lines = new Map<string, string[]>();
    for (const change of changes) {
        if (change.previous === null) continue;
        const path = join(dirname(change.path), HISTORY_FILE);
        const value = String(parseNumberLiteral(change.previous));
        const list = lines.get(path) ?? [];
        list.push(`${today},${change.measure},${change.field},${value}`);
        lines.set(path, list);
    }
    return Promise.all(
        [...lines].map(async ([path, added]) => {
            const existing = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
                if (error.code === 'ENOENT') return `${HISTORY_HEADER}\n`;
                throw new UsageError(`${path}: cannot read: ${error.message}`);
            });
            const base = existing === '' || existing.endsWith('\n') ? existing : `${existing}\n`;
            return { path, data: `${base}${added.join('\n')}\n` };
        })
    );
}

export function defineMeasuresCommand(program: Command, context: CommandContext): void {
    const measures = program.command('measures').description("update measures' figures from data");
    const update = measures
        .command('update')
        .description(
            'set baseline, target or current of measures (Mission.measure) from a CSV or JSON file, ' +
                'with minimal edits that keep comments and layout; all files or none'
        )
        .argument('[paths...]', 'model files or folders (default: the current folder)')
        .requiredOption('--from <file>', 'the figures: CSV (measure,current,...) or JSON ([{"measure": ...}])')
        .option('--dry-run', 'print the unified diff of the changes and write nothing')
        .option('--history', `append the previous figures to ${HISTORY_FILE} beside each changed model file`)
        .action(async (paths: string[], options: MeasuresUpdateOptions) => {
            context.setExitCode(await runMeasuresUpdate(paths, options, context.output));
        });
    for (const option of modelOptions()) update.addOption(option);
}

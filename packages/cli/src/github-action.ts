import { appendFile } from 'node:fs/promises';
import { sep } from 'node:path';
import type { MissionDiagnostic } from 'mission-lang-language';
import { orderForAnnotations } from './annotation-order.js';
import { EXIT_MODEL_ERRORS, EXIT_OK, EXIT_USAGE, UsageError } from './exit-codes.js';
import { describeError, displayPath } from './files.js';
import { escapeData, formatGithub } from './format-github.js';
import { runDiffMode } from './github-action-diff.js';
import { formatStepSummary } from './format-markdown.js';
import { formatSarif } from './format-sarif.js';
import { summaryLine } from './format-text.js';
import { loadModel } from './load-model.js';
import type { Output } from './output.js';
import { parseMaxWarnings, validationFailure } from './validate.js';
import { writeFileAtomic } from './write-atomic.js';

/**
 * The GitHub Action (action.yml at the repository root runs the bundle of this file, dist/action/):
 * `mission validate` for a workflow. It checks the model as the CLI does (loadModel, the same verdict),
 * writes the diagnostics as annotations (the CLI's `--format github`, in the order of
 * `orderForAnnotations`), a Markdown table of them to the step summary, optionally a SARIF file, and
 * the counts as step outputs, and ends with `mission validate`'s exit code.
 *
 * The runner's file commands are written here rather than with @actions/core: that library pulls an
 * HTTP client (undici, 800 kB) into the bundle for features this action does not use.
 */
export async function runAction(env: NodeJS.ProcessEnv, output: Output): Promise<number> {
    try {
        const mode = actionInput(env, 'mode') || 'validate';
        if (mode === 'diff') return await diffModel(env, output);
        if (mode !== 'validate') throw new UsageError(`mode: '${mode}' is neither validate nor diff`);
        return await checkModel(env, output);
    } catch (error) {
        const reason =
            error instanceof UsageError
                ? error.message
                : `internal error: ${error instanceof Error ? error.message : String(error)} (please report this)`;
        // An error annotation, so that the reason shows on the run's page and not only in the log.
        output.stdout(`::error title=mission::${escapeData(`mission: ${reason}`)}\n`);
        await appendStepSummary(env, `## mission validate\n\nmission: ${reason}\n`).catch(() => undefined);
        return EXIT_USAGE;
    }
}

/** `mode: diff` (github-action-diff.ts): the pull request's model diff in the step summary and one comment. */
async function diffModel(env: NodeJS.ProcessEnv, output: Output): Promise<number> {
    const result = await runDiffMode(
        env,
        {
            paths: pathsInput(env),
            today: actionInput(env, 'today') || undefined,
            config: actionInput(env, 'config') || undefined,
            base: actionInput(env, 'base') || undefined,
            token: actionInput(env, 'github-token') || undefined
        },
        output
    );
    await appendStepSummary(env, result.markdown);
    await setOutputs(env, result.outputs);
    return result.exitCode;
}

function pathsInput(env: NodeJS.ProcessEnv): string[] {
    const paths = actionInput(env, 'paths')
        .split(/\r?\n/)
        .map(line => line.trim())
        .filter(line => line !== '');
    if (paths.length === 0) paths.push('.');
    if (paths.includes('-')) throw new UsageError("paths: '-' (standard input) cannot be read in a workflow");
    return paths;
}

async function checkModel(env: NodeJS.ProcessEnv, output: Output): Promise<number> {
    const paths = pathsInput(env);
    const maxWarnings = parseMaxWarnings(actionInput(env, 'max-warnings') || undefined, 'max-warnings');
    const today = actionInput(env, 'today') || undefined;
    const config = actionInput(env, 'config') || undefined;
    const sarifFile = actionInput(env, 'sarif-file') || undefined;

    // Standard input is refused above; `output` is passed without it.
    const model = await loadModel(
        paths,
        { today, config },
        { stdout: output.stdout, stderr: output.stderr, color: false }
    );
    const { summary } = model;
    // Annotations name files relative to the workspace (the folder the runner starts the action in).
    const shown = model.diagnostics.map(relativeToWorkspace);

    output.stdout(formatGithub(orderForAnnotations(shown)));
    if (sarifFile !== undefined) await writeFileAtomic(sarifFile, formatSarif(model.diagnostics));

    const failure = validationFailure(summary, maxWarnings, 'max-warnings');
    const verdict = failure === undefined ? 'Passed.' : `Failed: ${failure.message}.`;
    await appendStepSummary(env, formatStepSummary(shown, summary, verdict));
    await setOutputs(env, {
        errors: summary.errors,
        warnings: summary.warnings,
        infos: summary.infos,
        files: summary.files,
        'sarif-file': sarifFile ?? ''
    });

    output.stdout(`mission: ${summaryLine(summary)}\n`);
    if (shown.length > 10) {
        output.stdout(
            'mission: GitHub shows the first 10 annotations of each severity on the pull request; ' +
                'the step summary lists every diagnostic\n'
        );
    }
    if (failure === undefined) return EXIT_OK;
    // The errors are annotated already; a failure by warnings alone gets an error annotation of its own.
    output.stdout(
        failure.reason === 'warnings'
            ? `::error title=mission::${escapeData(`mission: ${failure.message}`)}\n`
            : `mission: ${failure.message}\n`
    );
    return EXIT_MODEL_ERRORS;
}

/**
 * An input of action.yml as the runner passes it: the environment variable `INPUT_<NAME>`, the name
 * upper-cased with spaces as underscores and dashes kept (`INPUT_MAX-WARNINGS`), trimmed.
 */
export function actionInput(env: NodeJS.ProcessEnv, name: string): string {
    return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

function relativeToWorkspace(diagnostic: MissionDiagnostic): MissionDiagnostic {
    if (diagnostic.file.startsWith('<')) return diagnostic;
    return { ...diagnostic, file: displayPath(diagnostic.file).split(sep).join('/') };
}

/** Appends to `$GITHUB_STEP_SUMMARY` (the runner's file; nothing when run outside a workflow). */
async function appendStepSummary(env: NodeJS.ProcessEnv, markdown: string): Promise<void> {
    await appendRunnerFile(env, 'GITHUB_STEP_SUMMARY', markdown);
}

/** Step outputs as `name=value` lines in `$GITHUB_OUTPUT` (the values here are one line each). */
async function setOutputs(env: NodeJS.ProcessEnv, outputs: Record<string, string | number>): Promise<void> {
    const lines = Object.entries(outputs).map(([name, value]) => `${name}=${String(value).replace(/[\r\n]/g, ' ')}\n`);
    await appendRunnerFile(env, 'GITHUB_OUTPUT', lines.join(''));
}

async function appendRunnerFile(env: NodeJS.ProcessEnv, variable: string, text: string): Promise<void> {
    const path = env[variable];
    if (path === undefined || path === '') return;
    await appendFile(path, text, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(`${variable} (${path}): cannot write: ${describeError(error)}`);
    });
}

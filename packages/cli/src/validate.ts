import { checkSources } from 'mission-lang-language';
import { EXIT_MODEL_ERRORS, EXIT_OK, UsageError } from './exit-codes.js';
import { collectModelPaths, readSources } from './files.js';
import { formatText } from './format-text.js';
import type { Output } from './output.js';

export interface ValidateOptions {
    readonly format: string;
    readonly today?: string;
}

const FORMATS = ['text', 'json'];

/** `mission validate`: check the model files together; exit 1 when any error is found. */
export async function runValidate(paths: readonly string[], options: ValidateOptions, output: Output): Promise<number> {
    if (!FORMATS.includes(options.format)) {
        throw new UsageError(`unknown format '${options.format}' (expected ${FORMATS.join(' or ')})`);
    }
    if (options.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.today)) {
        throw new UsageError(`--today wants a date as YYYY-MM-DD, not '${options.today}'`);
    }
    const files = await collectModelPaths(paths);
    if (files.length === 0) throw new UsageError(`no .mission files found in ${paths.join(', ')}`);
    const sources = await readSources(files);
    let result;
    try {
        result = await checkSources(sources, { today: options.today });
    } catch (error) {
        if (error instanceof Error && error.message.startsWith('not a calendar date')) throw new UsageError(`--today: ${error.message}`);
        throw error;
    }
    if (options.format === 'json') {
        output.stdout(JSON.stringify({ diagnostics: result.diagnostics, summary: result.summary }, null, 2) + '\n');
    } else {
        output.stdout(formatText(result.diagnostics, result.summary, sources, output.color));
    }
    return result.summary.errors > 0 ? EXIT_MODEL_ERRORS : EXIT_OK;
}

/**
 * The two sides of `mission diff`, each checked as its own model, one after the other. Each side is a
 * lean check (syntax trees on demand, as `validate`): the view reads a position only for the elements
 * that hold a diagnostic, and a mission's body (the rename test's) only for the missions one side lacks.
 * Two worker threads, one a side, were slower at 10,000 missions on two cores (2.5 s against 2.25 s,
 * and half as much memory again): two heaps collecting garbage at once (docs/performance.md).
 */
import { type DiffView, diffViewOf, outputModelOf, type SourceFile } from 'mission-lang-language';
import { checkModelSources, type ModelNeeds, type ModelOptions } from './load-model.js';

/** Both sides' views, the old one first. */
export async function diffViews(
    before: readonly SourceFile[],
    after: readonly SourceFile[],
    options: ModelOptions
): Promise<[DiffView, DiffView]> {
    return [await diffViewFrom(before, options), await diffViewFrom(after, options)];
}

/** One side's view; `needs.everyPosition` builds every syntax tree while parsing (tests compare the two). */
export async function diffViewFrom(
    sources: readonly SourceFile[],
    options: ModelOptions,
    needs: ModelNeeds = {}
): Promise<DiffView> {
    const model = await checkModelSources(sources, options, needs);
    return diffViewOf(outputModelOf(model.result, model.diagnostics, model.summary));
}

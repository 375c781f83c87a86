/**
 * The two sides of `mission diff`, each checked as its own model. A large diff checks both at once in
 * two worker threads: each side is a full check with every position (the diff places each diagnostic on
 * its element), so one after the other a 10,000-mission diff took twice a `compile`, over the 3 s budget
 * (docs/performance.md). The worker runs this very module (the compiled file, or the bundle holding it)
 * and answers a plain view: the rename test's mission bodies are made eagerly there, since a closure over
 * the AST cannot cross threads. Small models, sources run by vitest (a .ts module a worker cannot load)
 * and any worker failure take the same path in this thread, so the answer never depends on the route.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { type DiffView, diffViewOf, outputModelOf, type SourceFile, sourceFile } from 'mission-lang-language';
import { checkModelSources, type ModelOptions } from './load-model.js';

/** Below this much source text on both sides together, starting two workers costs more than it saves. */
export const PARALLEL_FROM_CHARACTERS = 1_000_000;

const WORKER_KIND = 'mission-diff-side';

interface SideRequest {
    readonly kind: typeof WORKER_KIND;
    /** Each source as `sourceFile` makes it again: its shown path, its file system path and its text. */
    readonly sources: ReadonlyArray<{ readonly path: string; readonly file: string; readonly text: string }>;
    readonly options: ModelOptions;
}

/** A DiffView that can be posted between threads: each mission's body as text. */
type PlainView = Omit<DiffView, 'missions'> & {
    readonly missions: ReadonlyArray<Omit<DiffView['missions'][number], 'body'> & { readonly body: string }>;
};

/** Both sides' views, in two workers when the models are large, else one after the other here. */
export async function diffViews(
    before: readonly SourceFile[],
    after: readonly SourceFile[],
    options: ModelOptions
): Promise<[DiffView, DiffView]> {
    const size = [...before, ...after].reduce((total, source) => total + source.text.length, 0);
    if (size >= PARALLEL_FROM_CHARACTERS && import.meta.url.endsWith('.js')) {
        try {
            const plain: ModelOptions = {
                ...(options.today === undefined ? {} : { today: options.today }),
                ...(options.config === undefined ? {} : { config: options.config })
            };
            const [a, b] = await Promise.all([viewInWorker(before, plain), viewInWorker(after, plain)]);
            return [fromPlain(a), fromPlain(b)];
        } catch {
            // A worker that cannot start or fails: the same check in this thread gives the same answer.
        }
    }
    return [await diffViewFrom(before, options), await diffViewFrom(after, options)];
}

export async function diffViewFrom(sources: readonly SourceFile[], options: ModelOptions): Promise<DiffView> {
    const model = await checkModelSources(sources, options, { everyPosition: true });
    return diffViewOf(outputModelOf(model.result, model.diagnostics, model.summary));
}

function viewInWorker(sources: readonly SourceFile[], options: ModelOptions): Promise<PlainView> {
    const request: SideRequest = {
        kind: WORKER_KIND,
        sources: sources.map(source => ({ path: source.path, file: source.uri.fsPath, text: source.text })),
        options
    };
    return new Promise((resolve, reject) => {
        const worker = new Worker(new URL(import.meta.url), { workerData: request });
        worker.once('message', (view: PlainView) => {
            resolve(view);
            void worker.terminate();
        });
        worker.once('error', reject);
        worker.once('exit', code => reject(new Error(`the diff worker exited with ${code} before answering`)));
    });
}

function toPlain(view: DiffView): PlainView {
    return { ...view, missions: view.missions.map(mission => ({ ...mission, body: mission.body() })) };
}

function fromPlain(view: PlainView): DiffView {
    return { ...view, missions: view.missions.map(mission => ({ ...mission, body: () => mission.body })) };
}

function isSideRequest(data: unknown): data is SideRequest {
    return typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === WORKER_KIND;
}

// In a worker started by viewInWorker: check the side, answer its view, and let the thread end.
if (!isMainThread && parentPort && isSideRequest(workerData)) {
    const request = workerData;
    const port = parentPort;
    const sources = request.sources.map(source => sourceFile(source.path, source.file, source.text));
    // A failure becomes the worker's 'error' event (an unhandled rejection ends a worker thread).
    void diffViewFrom(sources, request.options).then(view => port.postMessage(toPlain(view)));
}

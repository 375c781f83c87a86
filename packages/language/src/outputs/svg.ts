/**
 * DOT → SVG with Graphviz compiled to WebAssembly (@hpcc-js/wasm-graphviz). Layout runs in a worker
 * thread that loads Graphviz once per process and is reused; each layout has a time limit, after
 * which the worker is terminated (a synchronous WASM call cannot be interrupted any other way) and the
 * caller gets a LayoutTimeoutError.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

export const DEFAULT_LAYOUT_TIMEOUT_MS = 30_000;

export class LayoutTimeoutError extends Error {
    constructor(readonly timeoutMs: number) {
        super(`the diagram layout took longer than ${timeoutMs / 1000}s`);
    }
}

export class LayoutError extends Error {}

// The worker is evaluated from this text (so the same code runs from the TypeScript sources in tests
// and from the compiled package); it imports Graphviz from the URL resolved here.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let graphviz;
parentPort.on('message', async ({ id, dot }) => {
    try {
        graphviz ??= import(workerData.graphvizUrl).then(module => module.Graphviz.load());
        if (id < 0) {
            // Warming up: compile the WebAssembly and run one small layout while the caller checks the model.
            (await graphviz).dot(dot, 'svg');
            return;
        }
        const svg = (await graphviz).dot(dot, 'svg');
        parentPort.postMessage({ id, svg });
    } catch (error) {
        parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
});
`;

interface Pending {
    resolve(svg: string): void;
    reject(error: Error): void;
    timer: NodeJS.Timeout;
}

class GraphvizWorker {
    private worker: Worker | undefined;
    private readonly pending = new Map<number, Pending>();
    private nextId = 0;

    layout(dot: string, timeoutMs: number): Promise<string> {
        const worker = this.ensureWorker();
        const id = this.nextId++;
        return new Promise<string>((resolve, reject) => {
            const timer = setTimeout(() => this.fail(new LayoutTimeoutError(timeoutMs)), timeoutMs);
            this.pending.set(id, { resolve, reject, timer });
            worker.ref();
            worker.postMessage({ id, dot });
        });
    }

    warmUp(): void {
        this.ensureWorker().postMessage({ id: -1, dot: 'digraph { a -> b }' });
    }

    private ensureWorker(): Worker {
        if (this.worker) return this.worker;
        const graphvizUrl = pathToFileURL(createRequire(import.meta.url).resolve('@hpcc-js/wasm-graphviz')).href;
        const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { graphvizUrl } });
        worker.on('message', (message: { id: number; svg?: string; error?: string }) => {
            const pending = this.pending.get(message.id);
            if (!pending) return;
            this.pending.delete(message.id);
            clearTimeout(pending.timer);
            if (this.pending.size === 0) worker.unref();
            if (message.svg !== undefined) pending.resolve(message.svg);
            else pending.reject(new LayoutError(`Graphviz could not lay out the diagram: ${message.error}`));
        });
        // Only the current worker's end fails the waiting layouts: a worker terminated after a time limit
        // exits later, when the next layouts may already wait on its successor.
        worker.on('error', error => {
            if (this.worker === worker) this.fail(new LayoutError(`Graphviz failed: ${error.message}`));
        });
        worker.on('exit', () => {
            if (this.worker === worker) this.fail(new LayoutError('the Graphviz worker stopped'));
        });
        worker.unref();
        this.worker = worker;
        return worker;
    }

    /** Rejects every waiting layout and drops the worker (a new one starts on the next layout). */
    private fail(error: Error): void {
        const worker = this.worker;
        this.worker = undefined;
        const waiting = [...this.pending.values()];
        this.pending.clear();
        for (const pending of waiting) {
            clearTimeout(pending.timer);
            pending.reject(error);
        }
        if (worker) void worker.terminate();
    }
}

let shared: GraphvizWorker | undefined;

/**
 * Starts the layout worker and has it load Graphviz now, so that its start (a few hundred milliseconds
 * of WebAssembly compilation) overlaps with checking the model on the main thread.
 */
export function warmUpLayout(): void {
    shared ??= new GraphvizWorker();
    shared.warmUp();
}

/** Lays out DOT text as SVG (an XML document) within `timeoutMs`. */
export function dotToSvg(dot: string, timeoutMs: number = DEFAULT_LAYOUT_TIMEOUT_MS): Promise<string> {
    shared ??= new GraphvizWorker();
    return shared.layout(dot, timeoutMs);
}

/** The SVG element alone (no XML declaration, doctype or comments), to put inline into HTML. */
export function inlineSvg(svg: string): string {
    const start = svg.indexOf('<svg');
    return (start < 0 ? svg : svg.slice(start)).replace(/<!--[\s\S]*?-->/g, '').trim();
}

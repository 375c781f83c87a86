/**
 * The custom requests of the Mission language server, answered from the workspace's checked model
 * with the same generators as the CLI (src/outputs): never a second generator.
 *
 * - `mission/model` → the JSON model of `mission compile` (an object).
 * - `mission/diagram` { format?: 'svg' | 'mermaid' | 'dot' | 'png', root?, depth?, direction?: 'TB' | 'LR',
 *   supports? } → `{ format, nodes, <format>: text }` (svg by default; png as a `data:` URL).
 * - `mission/report` → `{ html }`, the scorecard page of `mission report`.
 * - `mission/brief` { person } → `{ markdown }`, the person's line of sight of `mission brief`.
 * - `mission/starter` { today? } → `{ files: [{ name, text }] }`, the starter model and config of `mission init`,
 *   dated from `today` (default: the rules' today). The client writes them; the server writes no file.
 */
import { DocumentState, type LangiumDocument, UriUtils, URI } from 'langium';
import { type CancellationToken, type Connection, ResponseError } from 'vscode-languageserver';
import { type MissionDiagnostic, summarize, toMissionDiagnostic } from '../api/check.js';
import type { MissionServices } from '../mission-module.js';
import { renderBrief, UnknownPersonError } from '../outputs/brief-markdown.js';
import { buildCascadeGraph, type Direction, UnknownRootError } from '../outputs/cascade-graph.js';
import { cascadeToDot } from '../outputs/dot.js';
import { cascadeToMermaid } from '../outputs/mermaid.js';
import { buildModelJson, type ModelJson } from '../outputs/model-json.js';
import { OutputModel } from '../outputs/output-model.js';
import { svgToPng } from '../outputs/png.js';
import { renderReport } from '../outputs/report-html.js';
import { type StarterFile, starterFiles } from '../outputs/starter-model.js';
import { DEFAULT_LAYOUT_TIMEOUT_MS, dotToSvg, LayoutTimeoutError } from '../outputs/svg.js';
import { dayToIso, isValidDate, parseDate } from '../syntax/dates.js';

export const MODEL_REQUEST = 'mission/model';
export const DIAGRAM_REQUEST = 'mission/diagram';
export const REPORT_REQUEST = 'mission/report';
export const BRIEF_REQUEST = 'mission/brief';
export const STARTER_REQUEST = 'mission/starter';

export type DiagramFormat = 'svg' | 'mermaid' | 'dot' | 'png';

export interface DiagramParams {
    /** The document the user looks at (unused: the diagram covers the whole workspace). */
    readonly uri?: string;
    readonly format?: DiagramFormat;
    /** Only this vision or mission and what is below it. */
    readonly root?: string;
    /** Only this many levels below the root(s). */
    readonly depth?: number;
    readonly direction?: Direction;
    /** Draw `supports` edges (default true). */
    readonly supports?: boolean;
}

export interface DiagramAnswer {
    readonly format: DiagramFormat;
    readonly nodes: number;
    readonly svg?: string;
    readonly mermaid?: string;
    readonly dot?: string;
    /** PNG as a `data:image/png;base64,` URL. */
    readonly png?: string;
}

const FORMATS: readonly DiagramFormat[] = ['svg', 'mermaid', 'dot', 'png'];
/** Invalid params (JSON-RPC). */
const INVALID_PARAMS = -32602;

export class MissionRequests {
    /** `layoutTimeoutMs`: how long Graphviz may lay out one diagram before the request fails. */
    constructor(
        private readonly services: MissionServices,
        private readonly layoutTimeoutMs: number = DEFAULT_LAYOUT_TIMEOUT_MS
    ) {}

    /** Answers the requests on a connection. */
    register(connection: Connection): void {
        connection.onRequest(MODEL_REQUEST, (_params: unknown, token: CancellationToken) => this.model(token));
        connection.onRequest(DIAGRAM_REQUEST, (params: DiagramParams | undefined, token: CancellationToken) =>
            this.diagram(params ?? {}, token)
        );
        connection.onRequest(REPORT_REQUEST, (_params: unknown, token: CancellationToken) => this.report(token));
        connection.onRequest(BRIEF_REQUEST, (params: { person?: string } | undefined, token: CancellationToken) =>
            this.brief(params?.person, token)
        );
        connection.onRequest(STARTER_REQUEST, (params: { today?: unknown } | undefined) => this.starter(params?.today));
    }

    async model(token?: CancellationToken): Promise<ModelJson> {
        return buildModelJson(await this.outputModel(token));
    }

    async diagram(params: DiagramParams, token?: CancellationToken): Promise<DiagramAnswer> {
        const format = params.format ?? 'svg';
        if (!FORMATS.includes(format))
            throw new ResponseError(
                INVALID_PARAMS,
                `unknown diagram format '${format}' (expected ${FORMATS.join(', ')})`
            );
        if (params.depth !== undefined && !(Number.isInteger(params.depth) && params.depth >= 0)) {
            throw new ResponseError(INVALID_PARAMS, `depth wants a whole number, not ${String(params.depth)}`);
        }
        const direction: Direction = params.direction === 'LR' ? 'LR' : 'TB';
        let graph;
        try {
            graph = buildCascadeGraph(await this.outputModel(token), {
                root: params.root,
                depth: params.depth,
                supports: params.supports !== false
            });
        } catch (error) {
            if (error instanceof UnknownRootError) throw new ResponseError(INVALID_PARAMS, error.message);
            throw error;
        }
        const nodes = graph.nodes.length;
        if (format === 'mermaid') return { format, nodes, mermaid: cascadeToMermaid(graph, { direction }) };
        const dot = cascadeToDot(graph, { direction });
        if (format === 'dot') return { format, nodes, dot };
        const svg = await this.layout(dot, nodes);
        if (format === 'svg') return { format, nodes, svg };
        return { format, nodes, png: `data:image/png;base64,${Buffer.from(svgToPng(svg)).toString('base64')}` };
    }

    async report(token?: CancellationToken): Promise<{ html: string }> {
        const model = await this.outputModel(token);
        const graph = buildCascadeGraph(model);
        let cascadeSvg: string | undefined;
        let cascadeNote: string | undefined;
        try {
            cascadeSvg = await dotToSvg(cascadeToDot(graph), this.layoutTimeoutMs);
        } catch (error) {
            if (!(error instanceof LayoutTimeoutError)) throw error;
            cascadeNote =
                `The cascade (${graph.nodes.length} nodes) took too long to lay out; ` +
                "draw parts of it with the diagram's root and depth.";
        }
        return { html: renderReport(model, { cascadeSvg, cascadeNote }) };
    }

    async brief(person: string | undefined, token?: CancellationToken): Promise<{ markdown: string }> {
        if (!person) throw new ResponseError(INVALID_PARAMS, 'mission/brief needs { person: NAME }');
        const model = await this.outputModel(token);
        try {
            return { markdown: renderBrief(model, person) };
        } catch (error) {
            if (error instanceof UnknownPersonError) throw new ResponseError(INVALID_PARAMS, error.message);
            throw error;
        }
    }

    /** The starter files for `today` (YYYY-MM-DD), else for the day the rules use. Needs no checked model. */
    starter(today?: unknown): { files: StarterFile[] } {
        const day = today ?? dayToIso(this.services.config.Settings.today);
        if (typeof day !== 'string' || !isValidDate(parseDate(day)))
            throw new ResponseError(
                INVALID_PARAMS,
                `mission/starter wants today as a date YYYY-MM-DD, not ${String(day)}`
            );
        return { files: starterFiles(day) };
    }

    private async layout(dot: string, nodes: number): Promise<string> {
        try {
            return await dotToSvg(dot, this.layoutTimeoutMs);
        } catch (error) {
            if (error instanceof LayoutTimeoutError) {
                throw new ResponseError(
                    INVALID_PARAMS,
                    `${error.message} (${nodes} nodes): draw less with root and depth`
                );
            }
            throw error;
        }
    }

    /**
     * The checked model of the workspace once every document is validated: the facts, every document's
     * diagnostics (files shown relative to the workspace root) and the date of the time-based rules.
     */
    private async outputModel(token?: CancellationToken): Promise<OutputModel> {
        const { shared } = this.services;
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, token);
        const documents = shared.workspace.LangiumDocuments.all.toArray();
        const files = documents.map(document => ({ uri: document.uri.toString(), path: this.displayPath(document) }));
        const diagnostics: MissionDiagnostic[] = [];
        documents.forEach((document, index) => {
            for (const diagnostic of document.diagnostics ?? [])
                diagnostics.push(toMissionDiagnostic(files[index]!.path, diagnostic));
        });
        return new OutputModel(
            this.services.facts.ModelFactsProvider.get(),
            diagnostics,
            summarize(documents.length, diagnostics),
            files,
            dayToIso(this.services.config.Settings.today)
        );
    }

    private displayPath(document: LangiumDocument): string {
        const folders = this.services.shared.workspace.WorkspaceManager.workspaceFolders ?? [];
        for (const folder of folders) {
            const root = URI.parse(folder.uri);
            const relative = UriUtils.relative(root, document.uri);
            if (!relative.startsWith('..')) return relative;
        }
        return document.uri.scheme === 'file' ? document.uri.fsPath : document.uri.toString();
    }
}

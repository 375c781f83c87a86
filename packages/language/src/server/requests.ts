/**
 * The custom requests of the Mission language server (declared in `protocol.ts`: names, parameters,
 * answers), answered from the workspace's checked model with the same generators as the CLI
 * (src/outputs): never a second generator. The parameters come off the wire, so each is checked here.
 */
import { DocumentState, type LangiumDocument, UriUtils, URI } from 'langium';
import { type CancellationToken, type Connection, ResponseError } from 'vscode-languageserver';
import { type MissionDiagnostic, summarize, toMissionDiagnostic } from '../validation/diagnostics.js';
import type { MissionServices } from '../mission-module.js';
import { renderBrief, UnknownPersonError } from '../outputs/brief-markdown.js';
import { buildCascadeGraph, type Direction, UnknownRootError } from '../outputs/cascade-graph.js';
import { cascadeToDot } from '../outputs/dot.js';
import { cascadeToMermaid } from '../outputs/mermaid.js';
import { buildModelJson } from '../outputs/model-json.js';
import { OutputModel } from '../outputs/output-model.js';
import { svgToPng } from '../outputs/png.js';
import { renderReport } from '../outputs/report-html.js';
import { starterFiles } from '../outputs/starter-model.js';
import { planJson, planMarkdown } from '../planning/plan-output.js';
import { stagingPlanOn } from '../planning/staging-plan.js';
import { DEFAULT_LAYOUT_TIMEOUT_MS, dotToSvg, LayoutTimeoutError } from '../outputs/svg.js';
import { dayToIso, isValidDate, parseDate } from '../model/dates.js';
import type {
    DiagramAnswer,
    DiagramFormat,
    DiagramParams,
    MissionRequestMethod,
    RequestAnswer,
    RequestParams
} from './protocol.js';

/** What a handler receives: any part of the declared parameters may be missing from a client's request. */
type Received<M extends MissionRequestMethod> = Partial<RequestParams<M>>;
type Handler<M extends MissionRequestMethod> = (
    params: Received<M>,
    token: CancellationToken
) => RequestAnswer<M> | Promise<RequestAnswer<M>>;

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
        const handle = <M extends MissionRequestMethod>(method: M, handler: Handler<M>): void => {
            // The answer's type is checked against the protocol by `handler`'s type; the connection sends any.
            connection.onRequest(method, (params: Received<M> | null | undefined, token: CancellationToken): unknown =>
                handler(params ?? {}, token)
            );
        };
        handle('mission/model', (_params, token) => this.model(token));
        handle('mission/diagram', (params, token) => this.diagram(params, token));
        handle('mission/report', (_params, token) => this.report(token));
        handle('mission/brief', (params, token) => this.brief(params.person, token));
        handle('mission/starter', params => this.starter(params.today));
        handle('mission/plan', (_params, token) => this.plan(token));
    }

    async model(token?: CancellationToken): Promise<RequestAnswer<'mission/model'>> {
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

    async report(token?: CancellationToken): Promise<RequestAnswer<'mission/report'>> {
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

    async brief(person: unknown, token?: CancellationToken): Promise<RequestAnswer<'mission/brief'>> {
        if (typeof person !== 'string' || !person)
            throw new ResponseError(INVALID_PARAMS, 'mission/brief needs { person: NAME }');
        const model = await this.outputModel(token);
        try {
            return { markdown: renderBrief(model, person) };
        } catch (error) {
            if (error instanceof UnknownPersonError) throw new ResponseError(INVALID_PARAMS, error.message);
            throw error;
        }
    }

    /** The staging plan on the rules' today, as `mission plan --format markdown` and `--format json` give it. */
    async plan(token?: CancellationToken): Promise<RequestAnswer<'mission/plan'>> {
        const model = await this.outputModel(token);
        const plan = stagingPlanOn(model.facts, this.services.config.Settings.today);
        return { markdown: planMarkdown(plan), plan: planJson(plan) };
    }

    /** The starter files for `today` (YYYY-MM-DD), else for the day the rules use. Needs no checked model. */
    starter(today?: unknown): RequestAnswer<'mission/starter'> {
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

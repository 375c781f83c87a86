/**
 * The custom requests of the Mission language server: each method's name, parameters and answer, declared
 * once. The server (`requests.ts`) registers its handlers through this map and the extension sends its
 * requests through it (`import type` of `mission-lang-language/protocol`), so a renamed method, a changed
 * parameter or answer fails to compile on both sides at once.
 *
 * Types only: nothing here exists at run time, so the extension's bundle takes no code from the language
 * package. The server ships in the same VSIX as the extension, so the two always speak the same version;
 * the client keeps no fallbacks for an older server.
 */
import type { Direction } from '../outputs/cascade-graph.js';
import type { ModelJson } from '../outputs/model-json.js';
import type { StarterFile } from '../outputs/starter-model.js';
import type { PlanJson } from '../planning/plan-output.js';

export type { StarterFile };
export type DiagramFormat = 'svg' | 'mermaid' | 'dot' | 'png';
export type DiagramDirection = Direction;

/** Every request may name the document the user looks at; the answers cover the whole workspace model. */
export interface DocumentParams {
    readonly uri?: string;
}

export interface DiagramParams extends DocumentParams {
    /** Default `svg`. */
    readonly format?: DiagramFormat;
    /** Only this vision or mission and what is below it. */
    readonly root?: string;
    /** Only this many levels below the root(s). */
    readonly depth?: number;
    /** Default `TB`. */
    readonly direction?: DiagramDirection;
    /** Draw `supports` edges (default true). */
    readonly supports?: boolean;
}

/** The diagram in the format asked for, in the field of that name. */
export interface DiagramAnswer {
    readonly format: DiagramFormat;
    readonly nodes: number;
    readonly svg?: string;
    readonly mermaid?: string;
    readonly dot?: string;
    /** PNG as a `data:image/png;base64,` URL. */
    readonly png?: string;
}

export interface BriefParams extends DocumentParams {
    readonly person: string;
}

export interface StarterParams {
    /** `YYYY-MM-DD`; default: the day the rules use. */
    readonly today?: string;
}

/** Method → parameters and answer. */
export interface MissionRequests {
    /** The JSON model of `mission compile`. */
    'mission/model': { params: DocumentParams; answer: ModelJson };
    /** A cascade diagram, as `mission diagram` draws it. */
    'mission/diagram': { params: DiagramParams; answer: DiagramAnswer };
    /** The scorecard page of `mission report`. */
    'mission/report': { params: DocumentParams; answer: { html: string } };
    /** A person's line of sight, as `mission brief` writes it. */
    'mission/brief': { params: BriefParams; answer: { markdown: string } };
    /** The starter model and config of `mission init`; the client writes them, the server writes no file. */
    'mission/starter': { params: StarterParams; answer: { files: StarterFile[] } };
    /** The staging plan of `mission plan` on the rules' today: Markdown to show, and its JSON. */
    'mission/plan': { params: DocumentParams; answer: { markdown: string; plan: PlanJson } };
}

export type MissionRequestMethod = keyof MissionRequests;
export type RequestParams<M extends MissionRequestMethod> = MissionRequests[M]['params'];
export type RequestAnswer<M extends MissionRequestMethod> = MissionRequests[M]['answer'];

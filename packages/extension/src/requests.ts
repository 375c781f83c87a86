/**
 * The custom requests of the Mission language server that the extension uses, and the tolerant
 * reading of their answers (a bare string or an object with the text in a known field).
 */
export type DiagramFormat = 'svg' | 'mermaid' | 'dot' | 'png';
export type DiagramDirection = 'TB' | 'LR';

export const DIAGRAM_REQUEST = 'mission/diagram';
export const MODEL_REQUEST = 'mission/model';
export const BRIEF_REQUEST = 'mission/brief';
export const REPORT_REQUEST = 'mission/report';

export interface DiagramParams {
    /** The document the user looks at; the diagram covers the whole workspace model. */
    uri?: string;
    format: DiagramFormat;
    direction: DiagramDirection;
}

export interface BriefParams {
    person: string;
    uri?: string;
}

export interface ReportParams {
    uri?: string;
}

/** The text of an answer: the answer itself when a string, else its svg/text/content/markdown/html field. */
export function answerText(answer: unknown, ...fields: string[]): string | undefined {
    if (typeof answer === 'string') return answer;
    if (answer && typeof answer === 'object') {
        for (const field of [...fields, 'content', 'text']) {
            const value = (answer as Record<string, unknown>)[field];
            if (typeof value === 'string') return value;
        }
    }
    return undefined;
}

/** Names of the persons of a `mission/model` answer (its `persons` array of objects with `name`). */
export function personNames(model: unknown): string[] {
    const persons = (model as { persons?: unknown } | undefined)?.persons;
    if (!Array.isArray(persons)) return [];
    return persons
        .map(person => (person as { name?: unknown }).name)
        .filter((name): name is string => typeof name === 'string');
}

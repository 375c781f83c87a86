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
/** `{ today? }` → `{ files: [{ name, text }] }`: the starter model and config of `mission init`. */
export const STARTER_REQUEST = 'mission/starter';

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

/** A file of the starter that `mission/starter` answers: a plain file name (no folder) and its text. */
export interface StarterFile {
    name: string;
    text: string;
}

/** The files of a `mission/starter` answer; a name with a folder in it, or no file at all, is refused. */
export function starterFiles(answer: unknown): StarterFile[] {
    const files = (answer as { files?: unknown } | undefined)?.files;
    if (!Array.isArray(files) || files.length === 0) throw new Error('the server answered no starter files');
    return files.map(file => {
        const { name, text } = (file ?? {}) as { name?: unknown; text?: unknown };
        if (typeof name !== 'string' || !/^[\w.-]+$/.test(name) || name.startsWith('.') || typeof text !== 'string')
            throw new Error(`the server answered a starter file that cannot be written: ${JSON.stringify(name)}`);
        return { name, text };
    });
}

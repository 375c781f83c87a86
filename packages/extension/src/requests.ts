/**
 * What the extension reads of the language server's custom requests, declared once in the language package
 * (`mission-lang-language/protocol`, types only). The server ships in the same VSIX, so an answer has the
 * declared shape; only what is written to disk is checked again here.
 */
import type { StarterFile } from 'mission-lang-language/protocol';

export type {
    DiagramDirection,
    DiagramFormat,
    DiagramParams,
    MissionRequestMethod,
    RequestAnswer,
    RequestParams,
    StarterFile
} from 'mission-lang-language/protocol';

/**
 * The starter files to write: a plain file name (no folder, not hidden) each. The extension writes them into
 * the user's folder, so a name that could land elsewhere is refused whatever the server says.
 */
export function writableStarterFiles(files: readonly StarterFile[]): StarterFile[] {
    if (files.length === 0) throw new Error('the server answered no starter files');
    return files.map(({ name, text }) => {
        if (!/^[\w.-]+$/.test(name) || name.startsWith('.'))
            throw new Error(`the server answered a starter file that cannot be written: ${JSON.stringify(name)}`);
        return { name, text };
    });
}

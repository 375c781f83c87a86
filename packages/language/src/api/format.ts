/**
 * `formatDocument(text)`: formatting without an editor (`mission format`, the starter model, the MCP
 * server's edits). It builds its own services, so it lives here with the other entry points rather than
 * beside the editor's formatter, which the Langium module itself registers (no import cycle).
 */
import type { LangiumParser } from 'langium';
import type { FormatSettings } from '../config/mission-config.js';
import { layOut, layoutText } from '../lsp/layout.js';
import { layoutStyle } from '../lsp/formatter.js';
import { createMissionServices } from '../mission-module.js';

let formattingParser: LangiumParser | undefined;

/**
 * Formats Mission source text (for `mission format`): the same layout as the editor's formatter, in
 * the style of `settings` (mission.config.json `format`). Throws when the text does not parse, so a
 * broken file is never rewritten.
 */
export function formatDocument(text: string, settings: FormatSettings = {}): string {
    formattingParser ??= createMissionServices().Mission.parser.LangiumParser;
    const { value, lexerErrors, parserErrors } = formattingParser.parse(text);
    const problem = lexerErrors[0]?.message ?? parserErrors[0]?.message;
    if (problem !== undefined) throw new Error(`cannot format text that does not parse: ${problem}`);
    return layoutText(layOut(value, text, layoutStyle(settings)));
}

import type { CheckSummary, MissionDiagnostic } from 'mission-lang-language';
import { summaryLine } from './format-text.js';

/**
 * GitHub refuses a step summary over 1 MiB (and then shows none): the table stops short of that,
 * with a line saying how many rows were left out.
 */
export const STEP_SUMMARY_LIMIT = 1_000_000;

/**
 * The GitHub Action's step summary (`$GITHUB_STEP_SUMMARY`, GitHub-flavoured Markdown): a heading,
 * the counts and the verdict, and a table of every diagnostic in the order given.
 */
export function formatStepSummary(
    diagnostics: readonly MissionDiagnostic[],
    summary: CheckSummary,
    verdict: string,
    limit: number = STEP_SUMMARY_LIMIT
): string {
    const head = `## mission validate\n\n${escapeMarkdown(verdict)}\n\n${escapeMarkdown(summaryLine(summary))}\n\n`;
    if (diagnostics.length === 0) return head;
    let text = head + '| Location | Severity | Code | Message |\n| --- | --- | --- | --- |\n';
    let size = Buffer.byteLength(text);
    // Room for the closing line about rows left out.
    const budget = limit - 200;
    for (let index = 0; index < diagnostics.length; index++) {
        const diagnostic = diagnostics[index];
        const location = `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`;
        const cells = [location, diagnostic.severity, diagnostic.code, diagnostic.message];
        const row = `| ${cells.map(escapeMarkdown).join(' | ')} |\n`;
        const rowSize = Buffer.byteLength(row);
        if (size + rowSize > budget) {
            const left = diagnostics.length - index;
            return (
                text +
                `\n${left} more diagnostic${left === 1 ? ' is' : 's are'} not listed here (a step summary is ` +
                'limited to 1 MiB); the SARIF file and the annotations in the log have them all.\n'
            );
        }
        text += row;
        size += rowSize;
    }
    return text;
}

/**
 * Text as itself in Markdown, also in a table cell: every ASCII punctuation character is
 * backslash-escaped (CommonMark allows it for all of them, and GitHub reads `\|` in a table cell as
 * a pipe), so no emphasis, link, HTML tag, entity or column break can start; line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
    return text.replace(/\r\n|\r|\n/g, ' ').replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

import {
    type CheckSummary,
    counted,
    type MissionDiagnostic,
    problemCounts,
    type Severity,
    type SourceFile
} from 'mission-lang-language';
import pc from 'picocolors';

type Colors = ReturnType<typeof pc.createColors>;

const SEVERITY_COLOR: Record<Severity, keyof Colors> = { error: 'red', warning: 'yellow', info: 'blue' };

/**
 * `file:line:col severity code message`, then the source line with a caret under the range, and a
 * summary line at the end. Colours only when `color` is true (a TTY without NO_COLOR).
 */
export function formatText(
    diagnostics: readonly MissionDiagnostic[],
    summary: CheckSummary,
    sources: ReadonlyArray<Pick<SourceFile, 'path' | 'text'>>,
    color: boolean
): string {
    const c = pc.createColors(color);
    const lineOf = sourceLines(sources);
    const out: string[] = [];
    for (const diagnostic of diagnostics) {
        const paint = c[SEVERITY_COLOR[diagnostic.severity]] as (text: string) => string;
        const where = c.bold(`${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`);
        out.push(`${where} ${paint(diagnostic.severity)} ${c.dim(diagnostic.code)} ${diagnostic.message}`);
        const line = lineOf(diagnostic.file, diagnostic.line);
        if (line !== undefined) {
            const width =
                diagnostic.endLine === diagnostic.line
                    ? Math.max(1, diagnostic.endColumn - diagnostic.column)
                    : Math.max(1, line.length - diagnostic.column + 1);
            const gutter = `${diagnostic.line} | `;
            out.push(c.dim(gutter) + line);
            // Tabs before the range are kept, so the caret lines up however wide the terminal shows a tab.
            const indent = line.slice(0, diagnostic.column - 1).replace(/[^\t]/g, ' ');
            out.push(' '.repeat(gutter.length) + indent + paint('^'.repeat(width)));
        }
    }
    out.push(summaryLine(summary, c));
    return out.join('\n') + '\n';
}

/**
 * The text of line `line` (1-based) of a file, without its line break (`\n` or `\r\n`); undefined past the end or
 * for a file not given. Only where each line starts is noted, and only for the files asked about: a check of 7 MB of
 * models would otherwise be cut into a string per line.
 */
export function sourceLines(
    sources: ReadonlyArray<Pick<SourceFile, 'path' | 'text'>>
): (file: string, line: number) => string | undefined {
    const textOf = new Map(sources.map(source => [source.path, source.text]));
    const startsOf = new Map<string, number[]>();
    return (file, line) => {
        const text = textOf.get(file);
        if (text === undefined || line < 1) return undefined;
        let starts = startsOf.get(file);
        if (starts === undefined) {
            starts = [0];
            for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', end + 1)) starts.push(end + 1);
            startsOf.set(file, starts);
        }
        if (line > starts.length) return undefined;
        const start = starts[line - 1];
        if (line === starts.length) return text.slice(start);
        const end = starts[line] - 1;
        // `\r\n` ends the line as `\n` does; a lone `\r` is part of the line's text. (An empty line's `end - 1` is
        // the `\n` before it, never a `\r`.)
        return text.slice(start, text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    };
}

/** `3 files checked: 2 errors, 1 warning, 0 info` (also the GitHub Action's log and step summary). */
export function summaryLine(summary: CheckSummary, c: Colors = pc.createColors(false)): string {
    const files = `${counted(summary.files, 'file')} checked`;
    if (summary.errors + summary.warnings + summary.infos === 0) return c.green(`${files}: no problems`);
    const text = `${files}: ${problemCounts(summary)}`;
    return summary.errors > 0 ? c.red(text) : c.yellow(text);
}

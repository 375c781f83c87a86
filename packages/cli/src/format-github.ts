import type { MissionDiagnostic, Severity } from 'mission-lang-language';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * GitHub Actions workflow commands, one line per diagnostic, which the runner turns into annotations:
 * `::error file=F,line=L,col=C,endLine=..,endColumn=..,title=code::message`
 * (https://docs.github.com/actions/reference/workflow-commands-for-github-actions).
 */
export function formatGithub(diagnostics: readonly MissionDiagnostic[]): string {
    return diagnostics
        .map(diagnostic => {
            const properties = [
                `file=${escapeProperty(diagnostic.file)}`,
                `line=${diagnostic.line}`,
                `col=${diagnostic.column}`,
                `endLine=${diagnostic.endLine}`,
                `endColumn=${diagnostic.endColumn}`,
                `title=${escapeProperty(diagnostic.code)}`
            ].join(',');
            return `::${COMMAND[diagnostic.severity]} ${properties}::${escapeData(diagnostic.message)}\n`;
        })
        .join('');
}

/** The message part: `%`, CR and LF are percent-encoded so a message stays on its line. */
export function escapeData(text: string): string {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: additionally `:` and `,`, which separate the properties. */
export function escapeProperty(text: string): string {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

import { resolve, relative, sep } from 'node:path';
import { CATALOG, DIAGNOSTIC_CODES, type MissionDiagnostic, type Severity } from 'mission-lang-language';
import { VERSION } from './version.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/): one run whose driver lists every
 * catalog code as a rule, and one result per diagnostic. Artifact URIs are relative to the folder the
 * CLI runs in (`SRCROOT`), which is what GitHub code scanning expects from a checkout.
 */
export function formatSarif(diagnostics: readonly MissionDiagnostic[], cwd: string = process.cwd()): string {
    const ruleIndex = new Map(DIAGNOSTIC_CODES.map((code, index) => [code, index]));
    const log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'mission',
                        semanticVersion: VERSION,
                        version: VERSION,
                        informationUri: 'https://github.com/mission-lang/mission-lang/blob/main/docs/cli.md',
                        rules: DIAGNOSTIC_CODES.map(code => ({
                            id: code,
                            name: ruleName(code),
                            shortDescription: { text: CATALOG[code].help },
                            fullDescription: { text: CATALOG[code].help },
                            help: {
                                text:
                                    `${CATALOG[code].help} (mission rule ${code}; ` +
                                    `severity ${CATALOG[code].severity} unless mission.config.json overrides it)`
                            },
                            defaultConfiguration: { level: LEVEL[CATALOG[code].severity] }
                        }))
                    }
                },
                originalUriBaseIds: { SRCROOT: { uri: directoryUri(cwd) } },
                columnKind: 'utf16CodeUnits',
                results: diagnostics.map(diagnostic => ({
                    ruleId: diagnostic.code,
                    ruleIndex: ruleIndex.get(diagnostic.code) ?? 0,
                    level: LEVEL[diagnostic.severity],
                    message: { text: diagnostic.message },
                    locations: [
                        {
                            physicalLocation: {
                                artifactLocation: { uri: relativeUri(diagnostic.file, cwd), uriBaseId: 'SRCROOT' },
                                region: {
                                    startLine: diagnostic.line,
                                    startColumn: diagnostic.column,
                                    endLine: diagnostic.endLine,
                                    endColumn: diagnostic.endColumn
                                }
                            }
                        }
                    ]
                }))
            }
        ]
    };
    return JSON.stringify(log, null, 2) + '\n';
}

/** `over-capacity` → `OverCapacity` (SARIF's rule `name` is an identifier-like label). */
function ruleName(code: string): string {
    return code
        .split('-')
        .map(word => word.charAt(0).toUpperCase() + word.slice(1))
        .join('');
}

/** A file as given, made relative to `cwd`, with `/` separators and each segment percent-encoded. */
export function relativeUri(file: string, cwd: string): string {
    const isVirtual = file.startsWith('<');
    const path = isVirtual ? file : relative(cwd, resolve(cwd, file)) || file;
    return path
        .split(sep)
        .join('/')
        .split('/')
        .map(segment => encodeURIComponent(segment))
        .join('/');
}

function directoryUri(cwd: string): string {
    const path = resolve(cwd).split(sep).join('/');
    const encoded = path
        .split('/')
        .map(segment => encodeURIComponent(segment))
        .join('/');
    return `file://${encoded.startsWith('/') ? '' : '/'}${encoded}/`;
}

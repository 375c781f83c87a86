/**
 * mission.config.json (LANGUAGE.md "Configuration"): `today`, per-code severity overrides and the
 * formatter's `format` settings. Every problem in the file is an `invalid-config` error on the line
 * that causes it, so the CLI and the editor can show it like any other diagnostic.
 */
import type { MissionDiagnostic } from '../validation/diagnostics.js';
import { parseDate, toDay } from '../model/dates.js';
import { CATALOG, type DiagnosticCode, isDiagnosticCode } from '../validation/codes.js';
import type { SeveritySetting } from '../validation/settings.js';
import {
    type JsonNode,
    JsonSyntaxError,
    parseJsonWithPositions,
    positionAt,
    type Span
} from './json-with-positions.js';

export const CONFIG_FILE_NAME = 'mission.config.json';

export interface MissionConfig {
    /** `YYYY-MM-DD` when the file sets a valid `today`. */
    readonly today?: string;
    /** The valid overrides of the file; invalid entries are reported and left out. */
    readonly rules: ReadonlyMap<DiagnosticCode, SeveritySetting>;
    /** The valid settings of the `format` section, when the file has one. */
    readonly format?: FormatSettings;
    /** `invalid-config` errors, located in the config file (`file` as given). */
    readonly diagnostics: MissionDiagnostic[];
}

/** The `format` section: the layout of `mission format` and the editor's formatter (docs/config.md). */
export interface FormatSettings {
    /** The widest a line may be for a block written on one line to stay on one line (default 120). */
    readonly printWidth?: number;
    /** Spaces per indentation level (default 2); when set, the editor's tab size does not apply. */
    readonly indent?: number;
}

/** Each `format` setting: an integer within these bounds. */
export const FORMAT_SETTINGS = {
    printWidth: { minimum: 20, maximum: 1000, default: 120 },
    indent: { minimum: 1, maximum: 8, default: 2 }
} as const;

const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'info', 'off'];
const KNOWN_KEYS = ['today', 'rules', 'format', '$schema'];

/** Parses the text of a config file; never throws. */
export function parseMissionConfig(text: string, file: string): MissionConfig {
    const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const diagnostics: MissionDiagnostic[] = [];
    const rules = new Map<DiagnosticCode, SeveritySetting>();
    const problem = (span: Span, message: string): void => {
        diagnostics.push(configDiagnostic(source, file, span, message));
    };

    let root: JsonNode;
    try {
        root = parseJsonWithPositions(source);
    } catch (error) {
        if (!(error instanceof JsonSyntaxError)) throw error;
        problem({ start: error.offset, end: error.offset + 1 }, `${file} is not valid JSON: ${error.message}`);
        return { rules, diagnostics };
    }
    if (root.kind !== 'object') {
        problem(root.span, `${file} must hold a JSON object such as { "rules": { "no-lead": "off" } }`);
        return { rules, diagnostics };
    }

    let today: string | undefined;
    let format: FormatSettings | undefined;
    for (const member of root.members) {
        if (member.key === 'today') {
            const value = member.value;
            if (value.kind !== 'string' || toDay(parseDate(value.value)) === undefined) {
                problem(value.span, `"today" must be a calendar date as "YYYY-MM-DD"`);
            } else {
                today = value.value;
            }
        } else if (member.key === 'rules') {
            readRules(member.value, rules, problem);
        } else if (member.key === 'format') {
            format = readFormat(member.value, problem);
        } else if (!KNOWN_KEYS.includes(member.key)) {
            problem(member.keySpan, `unknown setting "${member.key}" (expected "today", "rules" or "format")`);
        }
    }
    return {
        ...(today === undefined ? {} : { today }),
        rules,
        ...(format === undefined ? {} : { format }),
        diagnostics
    };
}

function readFormat(node: JsonNode, problem: (span: Span, message: string) => void): FormatSettings | undefined {
    if (node.kind !== 'object') {
        problem(node.span, `"format" must be an object such as { "printWidth": 120, "indent": 2 }`);
        return undefined;
    }
    const format: { -readonly [key in keyof FormatSettings]: number } = {};
    for (const { key, keySpan, value } of node.members) {
        if (!(key in FORMAT_SETTINGS)) {
            const names = Object.keys(FORMAT_SETTINGS);
            const close = names.find(name => distanceAtMostTwo(name.toLowerCase(), key.toLowerCase()));
            const hint = close ? `did you mean "${close}"?` : `expected ${names.map(name => `"${name}"`).join(' or ')}`;
            problem(keySpan, `unknown format setting "${key}" (${hint})`);
            continue;
        }
        const name = key as keyof typeof FORMAT_SETTINGS;
        const { minimum, maximum } = FORMAT_SETTINGS[name];
        if (
            value.kind !== 'number' ||
            !Number.isInteger(value.value) ||
            value.value < minimum ||
            value.value > maximum
        ) {
            problem(value.span, `"format.${name}" must be a whole number from ${minimum} to ${maximum}`);
            continue;
        }
        format[name] = value.value;
    }
    return format;
}

function readRules(
    node: JsonNode,
    rules: Map<DiagnosticCode, SeveritySetting>,
    problem: (span: Span, message: string) => void
): void {
    if (node.kind !== 'object') {
        problem(node.span, `"rules" must be an object of code: severity, such as { "no-lead": "off" }`);
        return;
    }
    for (const { key, keySpan, value } of node.members) {
        if (!isDiagnosticCode(key)) {
            problem(keySpan, `unknown rule code "${key}"${suggestion(key)}`);
            continue;
        }
        if (value.kind !== 'string' || !SEVERITY_SETTINGS.includes(value.value as SeveritySetting)) {
            const shown = value.kind === 'string' ? `"${value.value}"` : source(value);
            problem(
                value.span,
                `unknown severity ${shown} for "${key}" (expected "error", "warning", "info" or "off")`
            );
            continue;
        }
        const setting = value.value as SeveritySetting;
        if (('fixed' in CATALOG[key] || key === 'invalid-config') && setting !== 'error') {
            problem(value.span, `"${key}" cannot be lowered or turned off`);
            continue;
        }
        rules.set(key, setting);
    }
}

function source(node: JsonNode): string {
    return node.kind === 'number' || node.kind === 'boolean' ? String(node.value) : node.kind;
}

/** A close catalog code for a misspelt one (same words in another order, or one letter off). */
function suggestion(key: string): string {
    const lower = key.toLowerCase().replace(/_/g, '-');
    const match = Object.keys(CATALOG).find(code => code === lower || distanceAtMostTwo(code, lower));
    return match ? ` (did you mean "${match}"?)` : '';
}

function distanceAtMostTwo(a: string, b: string): boolean {
    if (Math.abs(a.length - b.length) > 2) return false;
    let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
    for (let i = 1; i <= a.length; i++) {
        const row = [i];
        for (let j = 1; j <= b.length; j++) {
            row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = row;
    }
    return previous[b.length]! <= 2;
}

/** A diagnostic on the line where the span starts (a span over several lines is cut at that line's end). */
function configDiagnostic(text: string, file: string, span: Span, message: string): MissionDiagnostic {
    const lineEnd = text.indexOf('\n', span.start);
    const end = Math.max(span.start + 1, Math.min(span.end, lineEnd < 0 ? text.length : lineEnd));
    const from = positionAt(text, span.start);
    const to = positionAt(text, end);
    return {
        file,
        line: from.line,
        column: from.column,
        endLine: to.line,
        endColumn: to.column,
        severity: 'error',
        code: 'invalid-config',
        message
    };
}

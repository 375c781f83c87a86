/**
 * Mutations of model text: the ways a file gets broken in an editor or on disk. Applied to valid
 * models, they give texts that are almost right, which reach deeper into error recovery than noise.
 */
import fc from 'fast-check';
import { validModel } from './model-generators.js';

export type Mutation =
    | { kind: 'delete-token'; at: number }
    | { kind: 'duplicate-token'; at: number }
    | { kind: 'swap-tokens'; at: number; with: number }
    | { kind: 'cut'; at: number }
    | { kind: 'insert-unicode'; at: number; text: string }
    | { kind: 'crlf' }
    | { kind: 'lone-cr' }
    | { kind: 'bom' }
    | { kind: 'nul'; at: number; count: number }
    | { kind: 'long-line'; at: number; length: number; char: string }
    | { kind: 'insert-token'; at: number; token: string }
    | { kind: 'delete-name'; at: number };

const INTERESTING_TOKENS = [
    '{',
    '}',
    '"',
    '..',
    ',',
    '.',
    'mission',
    'under',
    'measure',
    'contributes to',
    'boundary {',
    '/*',
    '//',
    '\\',
    '-',
    '2026-02-30',
    '99999999999999999999',
    '1e9',
    'window 2026-12-31 .. 2026-01-01',
    '"\\x"'
];

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('delete-token' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('duplicate-token' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('swap-tokens' as const), at: fc.nat(), with: fc.nat() }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
    fc.record({
        kind: fc.constant('insert-unicode' as const),
        at: fc.nat(),
        text: fc.string({ unit: 'binary', minLength: 1, maxLength: 8 })
    }),
    fc.record({ kind: fc.constant('crlf' as const) }),
    fc.record({ kind: fc.constant('lone-cr' as const) }),
    fc.record({ kind: fc.constant('bom' as const) }),
    fc.record({ kind: fc.constant('nul' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 4 }) }),
    fc.record({
        kind: fc.constant('long-line' as const),
        at: fc.nat(),
        length: fc.integer({ min: 1_000, max: 200_000 }),
        char: fc.constantFrom('a', ' ', '"', '{', '9', 'é', '😀', '/')
    }),
    fc.record({
        kind: fc.constant('insert-token' as const),
        at: fc.nat(),
        token: fc.constantFrom(...INTERESTING_TOKENS)
    }),
    fc.record({ kind: fc.constant('delete-name' as const), at: fc.nat() })
);

/** The names that follow a keyword that declares an element or a measure (`measure m {` loses `m`). */
const DECLARED_NAME = /\b(?:vision|person|team|mission|measure)[ \t]+([A-Za-z_][A-Za-z0-9_-]*)/g;

/** Tokens and the gaps between them, so token mutations keep the rest of the text as it was. */
function tokenSpans(text: string): Array<{ start: number; end: number }> {
    const spans: Array<{ start: number; end: number }> = [];
    for (const match of text.matchAll(/"(?:[^"\\\r\n]|\\.)*"|\/\/[^\n]*|\/\*[\s\S]*?\*\/|[A-Za-z0-9_.-]+|\S/g)) {
        spans.push({ start: match.index!, end: match.index! + match[0].length });
    }
    return spans;
}

export function applyMutation(text: string, change: Mutation): string {
    const spans = tokenSpans(text);
    const span = (at: number) => spans[at % Math.max(1, spans.length)];
    const position = (at: number) => at % (text.length + 1);
    switch (change.kind) {
        case 'delete-token': {
            const s = span(change.at);
            return s ? text.slice(0, s.start) + text.slice(s.end) : text;
        }
        case 'duplicate-token': {
            const s = span(change.at);
            return s ? text.slice(0, s.end) + ' ' + text.slice(s.start, s.end) + text.slice(s.end) : text;
        }
        case 'swap-tokens': {
            let a = span(change.at);
            let b = span(change.with);
            if (!a || !b || a === b) return text;
            if (a.start > b.start) [a, b] = [b, a];
            if (a.end > b.start) return text;
            return (
                text.slice(0, a.start) +
                text.slice(b.start, b.end) +
                text.slice(a.end, b.start) +
                text.slice(a.start, a.end) +
                text.slice(b.end)
            );
        }
        case 'cut':
            return text.slice(0, position(change.at));
        case 'insert-unicode': {
            const at = position(change.at);
            return text.slice(0, at) + change.text + text.slice(at);
        }
        case 'crlf':
            return text.replace(/\r?\n/g, '\r\n');
        case 'lone-cr':
            return text.replace(/\r?\n/g, '\r');
        case 'bom':
            return '\ufeff' + text;
        case 'nul': {
            const at = position(change.at);
            return text.slice(0, at) + '\0'.repeat(change.count) + text.slice(at);
        }
        case 'long-line': {
            const at = position(change.at);
            return text.slice(0, at) + change.char.repeat(change.length) + text.slice(at);
        }
        case 'insert-token': {
            const at = position(change.at);
            return `${text.slice(0, at)} ${change.token} ${text.slice(at)}`;
        }
        case 'delete-name': {
            const names = [...text.matchAll(DECLARED_NAME)];
            const match = names[change.at % Math.max(1, names.length)];
            if (!match) return text;
            const end = match.index + match[0].length;
            return text.slice(0, end - match[1]!.length) + text.slice(end);
        }
    }
}

/** A valid model with one to three mutations applied to its files (each mutation to one file). */
export const mutatedModel = fc
    .record({
        model: validModel,
        changes: fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 3 })
    })
    .map(({ model, changes }) => {
        const files = [...model.files];
        for (const [file, change] of changes) {
            const index = file % files.length;
            files[index] = applyMutation(files[index]!, change);
        }
        return { files, changes: changes.map(([, change]) => change.kind) };
    });

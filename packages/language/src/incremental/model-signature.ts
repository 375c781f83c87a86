import { type AstNode, isAstNode, isReference } from 'langium';

/**
 * Free text that no rule puts into a diagnostic of another document: titles, intent statements, end
 * states, key tasks, roles, boundary rules and links (URL and label: `invalid-link` reports on the link
 * itself). A unit is not free text: unit-mismatch names it. Tags are not text at all but names: the
 * tag completion of every document offers them.
 * A rule that starts quoting one of these in a message about another element must remove it here.
 */
export const FREE_TEXT: Readonly<Record<string, ReadonlySet<string>>> = {
    Vision: new Set(['title']),
    Person: new Set(['title']),
    Team: new Set(['title']),
    Mission: new Set(['title']),
    Measure: new Set(['title']),
    Intent: new Set(['statement']),
    EndState: new Set(['text']),
    KeyTask: new Set(['text']),
    Role: new Set(['text']),
    BoundaryRule: new Set(['text']),
    Link: new Set(['url', 'label'])
};

/**
 * What other documents can see of a document: its AST without positions, comments, layout and free
 * text; references by the name written. Two texts with the same signature give every other document
 * the same facts, names and diagnostics.
 */
export function modelSignature(root: AstNode): string {
    const parts: string[] = [];
    const stack: unknown[] = [root];
    while (stack.length > 0) {
        const value = stack.pop();
        if (value instanceof Marker) {
            parts.push(value.text);
        } else if (isAstNode(value)) {
            parts.push(`(${value.$type}`);
            stack.push(CLOSE_NODE);
            const skipped = FREE_TEXT[value.$type];
            const keys = Object.keys(value)
                .filter(key => !key.startsWith('$') && !skipped?.has(key))
                .sort();
            for (let i = keys.length - 1; i >= 0; i--)
                stack.push((value as unknown as Record<string, unknown>)[keys[i]!], new Marker(`${keys[i]}:`));
        } else if (isReference(value)) {
            parts.push(`@${JSON.stringify(value.$refText)}`);
        } else if (Array.isArray(value)) {
            parts.push('[');
            stack.push(CLOSE_ARRAY);
            for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
        } else if (value instanceof Date) {
            parts.push(Number.isNaN(value.getTime()) ? 'date:invalid' : `date:${value.toISOString()}`);
        } else {
            parts.push(JSON.stringify(value) ?? 'undefined');
        }
    }
    return parts.join(' ');
}

/** Structure in the signature, apart from the values (a value may be any text). */
class Marker {
    constructor(readonly text: string) {}
}

const CLOSE_NODE = new Marker(')');
const CLOSE_ARRAY = new Marker(']');

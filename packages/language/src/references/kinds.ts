import type { AstNode } from 'langium';

/** How a kind of element is named in messages: "no person named 'bobb'". */
const KIND_WORDS: Record<string, string> = {
    Vision: 'vision',
    Person: 'person',
    Team: 'team',
    Mission: 'mission',
    Measure: 'measure',
    AlignmentTarget: 'vision or mission',
    CrewMember: 'person or team'
};

export function kindWord(type: string): string {
    return KIND_WORDS[type] ?? type.toLowerCase();
}

export function kindOf(node: AstNode): string {
    return kindWord(node.$type);
}

/**
 * An element's name as messages print it: error recovery leaves the name of `mission { ... }` (or
 * `measure { target 1 }`) undefined, and a message never prints "undefined".
 */
export function nameOf(element: { readonly name?: string }): string {
    return element.name || '(unnamed)';
}

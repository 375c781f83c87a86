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

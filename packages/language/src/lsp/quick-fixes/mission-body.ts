import type { AstNode, TextDocument } from 'langium';
import type { TextEdit } from 'vscode-languageserver';
import type { Mission } from '../../generated/ast.js';
import { type ItemLines, insertAfter, insertBefore, insertIntoEmptyBlock, itemIndent } from './text-layout.js';

/** The items of a mission's body in text order. */
export function missionItems(mission: Mission): AstNode[] {
    const items: AstNode[] = [
        ...mission.intents,
        ...mission.leads,
        ...mission.crews,
        ...mission.statuses,
        ...mission.boundaries,
        ...mission.measures,
        ...mission.supports,
        ...mission.reviews,
        ...mission.values,
        ...mission.tags,
        ...mission.links
    ];
    return items.filter(item => item.$cstNode).sort((a, b) => a.$cstNode!.offset - b.$cstNode!.offset);
}

/** Where a new item goes: right after one item, right before one, or last in the body. */
export type Placement = { readonly after: AstNode } | { readonly before: AstNode } | 'last';

/** The edit that inserts the item into the mission's body, indented like its other items. */
export function insertMissionItem(
    document: TextDocument,
    mission: Mission,
    lines: ItemLines,
    placement: Placement
): TextEdit | undefined {
    const items = missionItems(mission);
    const indent = itemIndent(document.getText(), mission, items);
    if (placement === 'last') {
        const last = items[items.length - 1];
        return last
            ? insertAfter(document, last, lines, indent)
            : insertIntoEmptyBlock(document, mission, lines, indent);
    }
    return 'after' in placement
        ? insertAfter(document, placement.after, lines, indent)
        : insertBefore(document, placement.before, lines, indent);
}

/** The first item of the body: a new first item goes before it (or, in an empty body, last). */
export function firstItemPlacement(mission: Mission): Placement {
    const first = missionItems(mission)[0];
    return first ? { before: first } : 'last';
}

/**
 * `unresolved-reference`: "Did you mean 'X'?" for the nearest names of the kind the reference expects,
 * and "Create <kind> X" appending a skeleton element of that kind at the end of the file.
 */
import type { CodeAction } from 'vscode-languageserver';
import type { ModelFacts } from '../../facts/model-facts.js';
import { type AlignmentTarget, isMission, type Mission } from '../../generated/ast.js';
import { suggestionsFor } from '../../references/suggestions.js';
import { type FixContext, quickFix, referenceAtDiagnostic } from './fix-context.js';
import { appendElement } from './text-layout.js';

const ID = /^[A-Za-z_][A-Za-z0-9_-]*$/;

type CreatableKind = 'person' | 'team' | 'mission' | 'vision';

/** What a new element for a reference of this type may be, the likeliest first (measures: none). */
const CREATABLE: Record<string, readonly CreatableKind[]> = {
    Person: ['person'],
    Team: ['team'],
    CrewMember: ['person', 'team'],
    Mission: ['mission'],
    AlignmentTarget: ['mission', 'vision'],
    Vision: ['vision']
};

export function fixReference(context: FixContext): CodeAction[] {
    const info = referenceAtDiagnostic(context);
    if (!info || info.reference.ref || !info.reference.$refNode) return [];
    const text = info.reference.$refText;
    const type = context.services.shared.AstReflection.getReferenceType(info);
    const facts = context.facts();
    const owner = isMission(info.container) ? info.container : undefined;
    const supporter = info.container.$type === 'Supports' ? (info.container.$container as Mission) : undefined;

    const { names: matches, members } = suggestionsFor(
        info,
        context.index,
        context.services.shared.AstReflection,
        facts
    );
    const range = info.reference.$refNode.range;
    const unique = matches.length > 0 && matches[1]?.distance !== matches[0]!.distance;
    const actions = matches.map((match, index) =>
        quickFix(context, `Did you mean '${match.name}'?`, [{ range, newText: match.name }], index === 0 && unique)
    );

    // `lead ops` where ops is a team: one of its members is likely meant.
    for (const member of members) {
        actions.push(
            quickFix(
                context,
                `Replace with ${member} (member of team ${text})`,
                [{ range, newText: member }],
                matches.length === 0 && members.length === 1
            )
        );
    }

    if (ID.test(text) && context.index.lookup(text).length === 0) {
        const kinds = CREATABLE[type] ?? [];
        for (const kind of kinds) {
            const parent = kind === 'mission' ? parentForNewMission(context, facts, owner, supporter) : undefined;
            const lines = skeleton(kind, text, parent);
            const preferred = matches.length === 0 && kinds.length === 1;
            actions.push(
                quickFix(
                    context,
                    `Create ${kind} ${text}`,
                    [appendElement(context.document.textDocument, lines)],
                    preferred
                )
            );
        }
    }
    return actions;
}

/**
 * The parent of a mission created for a reference: a peer named in `supports` goes under the
 * supporter's parent; a mission named in `under` goes under a vision (of this file when there is one).
 */
function parentForNewMission(
    context: FixContext,
    facts: ModelFacts,
    owner: Mission | undefined,
    supporter: Mission | undefined
): AlignmentTarget | undefined {
    if (supporter) {
        const parent = facts.cycleOf(supporter) ? undefined : facts.parentOf(supporter);
        if (parent) return parent;
    }
    if (!owner && !supporter) return undefined;
    const model = context.document.parseResult.value;
    const visions = facts.visions.filter(vision => vision.name);
    return visions.find(vision => vision.$container === model) ?? visions[0];
}

function skeleton(kind: CreatableKind, name: string, parent: AlignmentTarget | undefined): string[] {
    switch (kind) {
        case 'person':
            return [`person ${name}`];
        case 'team':
            return [`team ${name} { }`];
        case 'vision':
            return [`vision ${name}`];
        case 'mission':
            return [`mission ${name}${parent ? ` under ${parent.name}` : ''} {`, '}'];
    }
}

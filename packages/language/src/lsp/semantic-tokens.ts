import { type AstNode, CstUtils, type Reference } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';

/** One token type per kind of element, for declarations and references alike. */
const TYPE_OF_KIND: Record<string, string> = {
    Vision: SemanticTokenTypes.namespace,
    Mission: SemanticTokenTypes.class,
    Person: SemanticTokenTypes.variable,
    Team: SemanticTokenTypes.struct,
    Measure: SemanticTokenTypes.property
};

/**
 * Colours names by what they name (a vision, mission, person, team or measure) at declarations and
 * references, so `crew clinical, bob` shows the team and the person apart; statuses, directions and
 * roll-up modes as enum members; tags as decorators (labels, not names of elements). Keywords, strings
 * and numbers are left to the editor's TextMate grammar.
 */
export class MissionSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected override highlightElement(node: AstNode, accept: SemanticTokenAcceptor): void {
        if (
            ast.isVision(node) ||
            ast.isMission(node) ||
            ast.isPerson(node) ||
            ast.isTeam(node) ||
            ast.isMeasure(node)
        ) {
            accept({
                node,
                property: 'name',
                type: TYPE_OF_KIND[node.$type]!,
                modifier: SemanticTokenModifiers.declaration
            });
        }
        if (ast.isMission(node) && node.parent) {
            accept({ node, property: 'parent', type: referenceType(node.parent, SemanticTokenTypes.class) });
        } else if (ast.isLead(node)) {
            accept({ node, property: 'person', type: SemanticTokenTypes.variable });
        } else if (ast.isCrew(node)) {
            node.members.forEach((member, index) =>
                accept({ node, property: 'members', index, type: referenceType(member, SemanticTokenTypes.variable) })
            );
        } else if (ast.isTeam(node)) {
            node.members.forEach((_member, index) =>
                accept({ node, property: 'members', index, type: SemanticTokenTypes.variable })
            );
        } else if (ast.isSupports(node)) {
            node.missions.forEach((_mission, index) =>
                accept({ node, property: 'missions', index, type: SemanticTokenTypes.class })
            );
        } else if (ast.isContribution(node)) {
            this.highlightQualifiedName(node, accept);
        } else if (ast.isTags(node)) {
            node.names.forEach((_name, index) =>
                accept({ node, property: 'names', index, type: SemanticTokenTypes.decorator })
            );
        } else if (ast.isStatusItem(node) || ast.isDirectionItem(node) || ast.isRollupItem(node)) {
            accept({ node, property: 'value', type: SemanticTokenTypes.enumMember });
        } else if (ast.isValue(node)) {
            accept({ node, property: 'period', type: SemanticTokenTypes.enumMember });
        }
    }

    /** `Grow.patients`: the mission part as a mission, the measure part as a measure. */
    private highlightQualifiedName(node: ast.Contribution, accept: SemanticTokenAcceptor): void {
        const refNode = node.measure?.$refNode;
        if (!refNode) return;
        const names = CstUtils.flattenCst(refNode)
            .filter(leaf => !leaf.hidden && leaf.text !== '.')
            .toArray();
        if (names.length === 2) {
            accept({ cst: names[0]!, type: SemanticTokenTypes.class });
            accept({ cst: names[1]!, type: SemanticTokenTypes.property });
        } else {
            accept({ cst: refNode, type: SemanticTokenTypes.property });
        }
    }
}

function referenceType(reference: Reference, fallback: string): string {
    const target = reference.ref;
    return target ? (TYPE_OF_KIND[target.$type] ?? fallback) : fallback;
}

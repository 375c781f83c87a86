import {
    type AstNode,
    type CstNode,
    CstUtils,
    DefaultReferences,
    type FindReferencesOptions,
    type ReferenceDescription,
    type Stream
} from 'langium';
import { isContribution, isMission } from '../generated/ast.js';

/**
 * A measure is referenced by its qualified name, `Grow.patients`: the first part names the mission,
 * the second the measure. So on `Grow` go to definition, hover and rename are about the mission, and
 * the references of a mission include the mission part of every qualified name of its measures.
 */
export class MissionReferences extends DefaultReferences {
    override findDeclarations(sourceCstNode: CstNode): AstNode[] {
        const contribution = sourceCstNode.astNode;
        if (isContribution(contribution)) {
            const measure = contribution.measure?.ref; // absent while typing `contributes to`
            const refNode = contribution.measure?.$refNode;
            if (measure && refNode) {
                const first = CstUtils.flattenCst(refNode).find(leaf => !leaf.hidden);
                if (first === sourceCstNode) return [measure.$container];
            }
        }
        return super.findDeclarations(sourceCstNode);
    }

    override findReferences(targetNode: AstNode, options: FindReferencesOptions): Stream<ReferenceDescription> {
        const references = super.findReferences(targetNode, options);
        if (!isMission(targetNode)) return references;
        const length = targetNode.name.length;
        const missionParts = targetNode.measures.flatMap(measure =>
            super
                .findReferences(measure, { ...options, includeDeclaration: false })
                .map(reference => missionPart(reference, length))
                .toArray()
        );
        return references.concat(missionParts);
    }
}

/** The reference narrowed to the mission name at the start of its qualified name. */
function missionPart(reference: ReferenceDescription, length: number): ReferenceDescription {
    const { segment } = reference;
    const start = segment.range.start;
    return {
        ...reference,
        segment: {
            offset: segment.offset,
            length,
            end: segment.offset + length,
            range: { start, end: { line: start.line, character: start.character + length } }
        }
    };
}

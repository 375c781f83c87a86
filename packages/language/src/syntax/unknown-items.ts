/**
 * A misspelt item keyword in the language's words: `statis active` inside mission Hubs is
 * "unknown item 'statis' in mission Hubs (did you mean 'status'?)" rather than the parser's
 * "expected `}` but found `statis`". Still a `syntax-error`; only the message changes.
 */
import { type AstNode, GrammarAST, type Grammar } from 'langium';
import type { IRecognitionException } from 'chevrotain';
import type { Model } from '../generated/ast.js';
import { nearestNames } from '../model/edit-distance.js';

/** The item keywords of each block rule (the first keyword of each rule its items call), from the grammar. */
export class ItemKeywords {
    private readonly byRule = new Map<string, readonly string[]>();

    constructor(grammar: Grammar) {
        for (const rule of grammar.rules) {
            if (!GrammarAST.isParserRule(rule) || !rule.definition) continue;
            const keywords: string[] = [];
            for (const assignment of assignmentsIn(rule.definition)) {
                if (assignment.operator !== '+=' || !GrammarAST.isRuleCall(assignment.terminal)) continue;
                const called = assignment.terminal.rule.ref;
                const keyword = GrammarAST.isParserRule(called) ? firstKeyword(called.definition) : undefined;
                if (keyword !== undefined && !keywords.includes(keyword)) keywords.push(keyword);
            }
            if (keywords.length > 0) this.byRule.set(rule.name, keywords);
        }
    }

    of(ruleName: string): readonly string[] | undefined {
        return this.byRule.get(ruleName);
    }
}

/**
 * The better message for a parser error, or undefined to keep the parser's: the error is a name where
 * the block of a mission, measure, boundary, intent or person expects its next item or its `}`.
 */
export function unknownItemMessage(error: IRecognitionException, root: Model, items: ItemKeywords): string | undefined {
    const token = error.token;
    if (token.tokenType?.name !== 'ID' || !error.message.startsWith('expected `}` but found')) return undefined;
    // Langium's parser names its Chevrotain rules with a zero-width space after the grammar's rule name.
    const ruleName = error.context?.ruleStack?.[error.context.ruleStack.length - 1]?.replace(/\u200b/g, '');
    const keywords = ruleName ? items.of(ruleName) : undefined;
    if (!ruleName || !keywords) return undefined;
    const where = blockName(ruleName, root, token.startOffset);
    const [nearest] = nearestNames(
        token.image,
        keywords.map(keyword => ({ item: keyword, name: keyword })),
        1
    );
    const hint = nearest ? ` (did you mean '${nearest.name}'?)` : ` (an item starts with ${list(keywords)})`;
    return `unknown item '${token.image}' in ${where}${hint}`;
}

/** `mission Hubs`, `measure x of mission M`, `the boundary of mission M`, `person alice`. */
function blockName(ruleName: string, root: Model, offset: number): string {
    const element = lastBefore(root.elements ?? [], offset);
    const named = (node: AstNode | undefined, kind: string): string => {
        const name = (node as { name?: unknown } | undefined)?.name;
        return typeof name === 'string' && name.length > 0 ? `${kind} ${name}` : `a ${kind}`;
    };
    const mission = element?.$type === 'Mission' ? element : undefined;
    switch (ruleName) {
        case 'Mission':
            return named(mission, 'mission');
        case 'Person':
            return named(element?.$type === 'Person' ? element : undefined, 'person');
        case 'Measure': {
            const measure = mission ? lastBefore(mission.measures, offset) : undefined;
            return mission ? `${named(measure, 'measure')} of ${named(mission, 'mission')}` : 'a measure';
        }
        case 'Boundary':
            return mission ? `the boundary of ${named(mission, 'mission')}` : 'a boundary';
        case 'Intent':
            return mission ? `the intent of ${named(mission, 'mission')}` : 'an intent';
        default:
            return `a ${ruleName.toLowerCase()}`;
    }
}

/** The last node (in text order) that starts before the offset. */
function lastBefore<T extends AstNode>(nodes: readonly T[], offset: number): T | undefined {
    let found: T | undefined;
    for (const node of nodes) {
        const start = node.$cstNode?.offset;
        if (start !== undefined && start <= offset && (!found || start >= found.$cstNode!.offset)) found = node;
    }
    return found;
}

function* assignmentsIn(element: GrammarAST.AbstractElement): Generator<GrammarAST.Assignment> {
    if (GrammarAST.isAssignment(element)) yield element;
    else if (GrammarAST.isGroup(element) || GrammarAST.isAlternatives(element) || GrammarAST.isUnorderedGroup(element))
        for (const child of element.elements) yield* assignmentsIn(child);
}

function firstKeyword(element: GrammarAST.AbstractElement): string | undefined {
    if (GrammarAST.isKeyword(element)) return element.value;
    if (GrammarAST.isGroup(element)) return element.elements[0] ? firstKeyword(element.elements[0]) : undefined;
    return undefined;
}

function list(keywords: readonly string[]): string {
    return `${keywords.slice(0, -1).join(', ')} or ${keywords[keywords.length - 1]}`;
}

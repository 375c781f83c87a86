import { AstUtils, GrammarAST } from 'langium';

/**
 * The grammar elements of one parser rule, found by what they are rather than by position, for the
 * fast parse path: every CST node it builds points at the same grammar element (`grammarSource`) as
 * the node Langium's parser builds, because editor features (property ranges, semantic tokens,
 * formatting, completion) read them. Looked up once per element parsed, so held in maps.
 */
export class RuleFeatures {
    private readonly keywords = new Map<string, GrammarAST.Keyword[]>();
    private readonly calls = new Map<string, GrammarAST.RuleCall[]>();
    private readonly crossReferences: GrammarAST.CrossReference[] = [];

    constructor(
        grammar: GrammarAST.Grammar,
        readonly ruleName: string
    ) {
        const rule = grammar.rules.find(candidate => candidate.name === ruleName);
        if (!rule || !GrammarAST.isParserRule(rule)) throw new Error(`no parser rule ${ruleName}`);
        for (const element of AstUtils.streamAllContents(rule)) {
            if (GrammarAST.isKeyword(element)) {
                append(this.keywords, element.value, element);
            } else if (GrammarAST.isCrossReference(element)) {
                this.crossReferences.push(element);
            } else if (
                GrammarAST.isRuleCall(element) &&
                element.rule.ref &&
                !GrammarAST.isCrossReference(element.$container)
            ) {
                append(this.calls, element.rule.ref.name, element);
            }
        }
    }

    /** The `nth` keyword `value` of the rule, if it has one. */
    findKeyword(value: string, nth = 0): GrammarAST.Keyword | undefined {
        return this.keywords.get(value)?.[nth];
    }

    /** The `nth` keyword `value` of the rule. */
    keyword(value: string, nth = 0): GrammarAST.Keyword {
        return this.findKeyword(value, nth) ?? this.missing(`keyword '${value}'`, nth);
    }

    /** The `nth` call of rule `name` (a parser or terminal rule), outside cross-references. */
    call(name: string, nth = 0): GrammarAST.RuleCall {
        return this.calls.get(name)?.[nth] ?? this.missing(`call of ${name}`, nth);
    }

    /** The `nth` cross-reference of the rule. */
    crossReference(nth = 0): GrammarAST.CrossReference {
        return this.crossReferences[nth] ?? this.missing('cross-reference', nth);
    }

    private missing(what: string, nth: number): never {
        throw new Error(`rule ${this.ruleName} has no ${what} #${nth}`);
    }
}

function append<T>(map: Map<string, T[]>, key: string, value: T): void {
    const values = map.get(key);
    if (values) values.push(value);
    else map.set(key, [value]);
}

import {
    type AstNode,
    type AstReflection,
    type CompositeCstNodeImpl,
    CstNodeBuilder,
    GrammarAST,
    GrammarUtils,
    type LangiumCoreServices,
    LeafCstNodeImpl,
    type Lexer,
    type Linker,
    type Reference,
    type RootCstNode,
    type ValueConverter
} from 'langium';
import type { TokenType } from 'chevrotain';
import { RuleFeatures } from './grammar-features.js';
import { DATE, FastPathMiss, FastScanner, ID, NUMBER, STRING, type TextPosition } from './fast-scanner.js';
import { ITEM_START, OnDemandNode } from './syntax-on-demand.js';
import { MissionValueConverter } from './value-converter.js';

/** An AST node while it is built: Langium's node type, writable. */
export type Node = { -readonly [K in keyof AstNode]: AstNode[K] } & Record<string, unknown>;
export type Feature = GrammarAST.AbstractElement;
export type ChildParser = (this: FastTreeBuilder) => Node;

/** Keywords that are not words: the scanner recognises exactly these. */
const PUNCTUATION = new Set(['{', '}', ',', '.', '..']);
const TERMINALS = new Set([ID, STRING, NUMBER, DATE, 'WS', 'ML_COMMENT', 'SL_COMMENT']);

/**
 * What the fast parser (fast-parser.ts) builds with: each primitive does what Langium's parser does
 * for the same grammar element (a keyword, a terminal, a datatype rule, a cross-reference, a rule call
 * that makes a node), with Langium's own CST builder, value converter and linker, so that the result
 * is the one Langium's parser would give. The grammar's rules are in the subclass.
 *
 * A `lean` builder makes the same AST without the CST: its nodes build their `$cstNode` when first
 * read, as do its references their `$refNode` (syntax-on-demand.ts).
 */
/**
 * The linker's part in a lean parse: a reference whose `$refNode` is built when first read. The linker
 * (references/linker.ts) implements it; the syntax layer names what it needs rather than importing the
 * layer above it.
 */
export interface OnDemandReferences {
    buildReferenceOnDemand(node: AstNode, property: string, refText: string): Reference;
}

export abstract class FastTreeBuilder {
    protected readonly converter: ValueConverter;
    protected readonly linker: Linker;
    protected readonly reflection: AstReflection;
    protected readonly tokenTypes: Lexer['definition'];
    protected readonly keywords: Array<string[] | undefined>;
    protected readonly rules = new Map<string, RuleFeatures>();
    /** Per rule whose body is a loop of items: the keyword that starts an item → how to parse it. */
    protected readonly items = new Map<string, Map<string, { call: Feature; property: string; parse: ChildParser }>>();
    protected readonly defaults = new Map<string, readonly PropertyDefault[]>();
    /** Stands in for a datatype rule's value holder when its CST node is closed. */
    protected readonly datatypeHolder: Node = { $type: 'datatype' };
    /** Per grammar element, what a lean parse hands the value converter in place of a CST node. */
    private readonly converterHolders = new Map<Feature, ConverterHolder>();
    private readonly terminalHolders = new Map<string, ConverterHolder>();
    /** The value converter, where it can convert from a rule directly (the lean parse's way). */
    private readonly ruleConverter?: MissionValueConverter;
    protected scanner!: FastScanner;
    protected builder!: CstNodeBuilder;
    /** How many blocks the parse is inside. */
    private blockDepth = 0;
    /** The ID inside the `Name` datatype rule, which every name and reference is. */
    private readonly nameId: Feature;

    constructor(
        services: LangiumCoreServices,
        protected readonly lean = false
    ) {
        this.converter = services.parser.ValueConverter;
        if (this.converter instanceof MissionValueConverter) this.ruleConverter = this.converter;
        this.linker = services.references.Linker;
        this.reflection = services.shared.AstReflection;
        this.tokenTypes = tokenTypesOf(services);
        const words = Object.keys(this.tokenTypes).filter(name => !TERMINALS.has(name) && !PUNCTUATION.has(name));
        for (const word of words) {
            if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(word))
                throw new Error(`fast parser: keyword '${word}' is not scanned`);
        }
        this.keywords = FastScanner.groupKeywords(words);
        for (const rule of services.Grammar.rules) {
            if (rule.$type === 'ParserRule') this.rules.set(rule.name, new RuleFeatures(services.Grammar, rule.name));
        }
        this.nameId = this.rule('Name').call(ID);
    }

    /** Starts a parse of `text` (from its start or `from`): the scanner on the first token and the CST's root. */
    protected begin(text: string, from?: TextPosition): RootCstNode | undefined {
        this.scanner = new FastScanner(
            text,
            this.keywords,
            this.lean
                ? undefined
                : {
                      multiLine: this.tokenTypes['ML_COMMENT'],
                      singleLine: this.tokenTypes['SL_COMMENT']
                  },
            from
        );
        if (this.lean) return undefined;
        this.builder = new CstNodeBuilder();
        return this.builder.buildRootNode(text);
    }

    /** Lets go of the text and the tree. */
    protected end(): void {
        this.blockDepth = 0;
        this.scanner = undefined!;
        this.builder = undefined!;
    }

    // ----- shapes shared by several rules

    /** `'keyword' value=NUMBER` (capacity, baseline, target, current). */
    protected numberItem(type: string): ChildParser {
        return function (this: FastTreeBuilder): Node {
            const node = this.start(type, this.rule(type).keyword(this.scanner.kind).value);
            node.value = this.terminal(type, NUMBER);
            return node;
        };
    }

    /** `'first' 'second' text=STRING` (end state, key task). */
    protected textItem(type: string, first: string, second: string): Node {
        const node = this.start(type, first);
        this.keyword(type, second);
        node.text = this.terminal(type, STRING);
        return node;
    }

    /** `name=Name (title=STRING)?` */
    protected nameAndTitle(node: Node, type: string): void {
        node.name = this.name(this.rule(type).call('Name'));
        if (this.at(STRING)) node.title = this.terminal(type, STRING);
    }

    /** `'{' (item)* '}'` where each item starts with its own keyword. */
    protected block(node: Node, type: string): void {
        const items = this.items.get(type)!;
        // A lean parse notes where each item of a top-level element starts, so that a syntax tree on
        // demand can be built for the item alone (syntax-on-demand.ts).
        const noteStarts = this.lean && this.blockDepth === 0;
        this.blockDepth++;
        this.keyword(type, '{');
        for (let item = items.get(this.scanner.kind); item; item = items.get(this.scanner.kind)) {
            const start = this.scanner.start;
            const child = this.child(item.call, item.parse);
            if (noteStarts) child[ITEM_START] = start;
            this.add(node, item.property, child);
        }
        this.keyword(type, '}');
        this.blockDepth--;
    }

    /** The items of the block that starts at the scanner, of a node of `type`: the first one, with its CST. */
    protected blockItem(type: string): Node {
        const item = this.items.get(type)?.get(this.scanner.kind);
        if (!item) throw new Error(`fast parser: no item of ${type} starts with '${this.scanner.kind}'`);
        return this.child(item.call, item.parse);
    }

    /** `refs+=[T:Name] (',' refs+=[T:Name])*` */
    protected referenceList(node: Node, property: string, type: string): void {
        const rule = this.rule(type);
        this.add(node, property, this.reference(node, property, rule.crossReference(0)));
        while (this.at(',')) {
            this.keyword(type, ',');
            this.add(node, property, this.reference(node, property, rule.crossReference(1)));
        }
    }

    // ----- the primitives: each does what Langium's parser does for the same grammar element

    protected defineItems(type: string, items: Record<string, [string, string, ChildParser]>): void {
        const rule = this.rule(type);
        this.items.set(
            type,
            new Map(
                Object.entries(items).map(([keyword, [callee, property, parse]]) => [
                    keyword,
                    { call: rule.call(callee), property, parse }
                ])
            )
        );
    }

    protected rule(name: string): RuleFeatures {
        const rule = this.rules.get(name);
        if (!rule) throw new Error(`fast parser: no rule ${name}`);
        return rule;
    }

    /** A new node of `type`; a lean one builds its CST node when first asked. */
    protected newNode(type: string): Node {
        if (!this.lean) return { $type: type };
        return new OnDemandNode(type) as unknown as Node;
    }

    /** A node of `type` whose rule starts with `keyword`, consumed. */
    protected start(type: string, keyword: string): Node {
        const node = this.newNode(type);
        this.keyword(type, keyword);
        return node;
    }

    /** A rule call that creates a node: its CST node is opened before and closed after. */
    protected child(call: Feature, parse: ChildParser): Node {
        // Without a CST there is nothing to open: the converter never sees a node's own rule call.
        if (!this.lean) this.open(call);
        const node = parse.call(this);
        this.close(node);
        return node;
    }

    protected open(feature: Feature): CompositeCstNodeImpl {
        if (this.lean) return this.converterHolder(feature) as CompositeCstNodeImpl;
        return this.builder.buildCompositeNode(feature) as CompositeCstNodeImpl;
    }

    /** What the value converter reads of a CST node (its grammar element), without one. */
    private converterHolder(feature: Feature, terminal?: string): ConverterHolder {
        let holder = this.converterHolders.get(feature);
        if (!holder) {
            // What Langium's converter looks up from the CST node each time: the rule called.
            const call = GrammarAST.isCrossReference(feature)
                ? GrammarUtils.getCrossReferenceTerminal(feature)
                : feature;
            const rule = GrammarAST.isRuleCall(call) ? call.rule.ref : undefined;
            this.converterHolders.set(feature, (holder = { grammarSource: feature, rule }));
        }
        if (terminal) this.terminalHolders.set(terminal, holder);
        return holder;
    }

    /** A lean parse's value conversion: the converter's, from the rule found once per grammar element. */
    private convertLean(input: string, holder: ConverterHolder): unknown {
        if (holder.rule && this.ruleConverter) return this.ruleConverter.convertWithRule(holder.rule, input);
        return this.converter.convert(input, holder as never);
    }

    protected at(kind: string): boolean {
        return this.scanner.kind === kind;
    }

    /** Closes the node's CST node and gives it its defaults, as Langium's parser constructs a node. */
    protected close(node: Node): void {
        if (!this.lean) this.builder.construct(node as never);
        // An indexed loop over plain records: destructuring each entry costs an iterator per property
        // until the JIT has optimised this, which a cold check of a quarter of a million nodes feels.
        const defaults = this.defaultsOf(node.$type);
        for (let i = 0; i < defaults.length; i++) {
            const { property, value, list } = defaults[i]!;
            const current = node[property];
            if (current === undefined) node[property] = list ? [] : value;
            // A list that grew keeps room for 17 or more items; a copy has its exact size.
            else if (list && (current as unknown[]).length > 1) node[property] = (current as unknown[]).slice();
        }
    }

    /** What `AstUtils.assignMandatoryProperties` assigns, in its order, looked up once per type. */
    protected defaultsOf(type: string): readonly PropertyDefault[] {
        let defaults = this.defaults.get(type);
        if (!defaults) {
            defaults = Object.values(this.reflection.getTypeMetaData(type).properties)
                .filter(property => property.defaultValue !== undefined)
                .map(property => {
                    const value = property.defaultValue;
                    if (Array.isArray(value) && value.length > 0)
                        throw new Error(`fast parser: default of ${type}.${property.name}`);
                    return { property: property.name, value, list: Array.isArray(value) };
                });
            this.defaults.set(type, defaults);
        }
        return defaults;
    }

    /** `property+=value`; a node value gets its container, as Langium's parser links it afterwards. */
    protected add(node: Node, property: string, value: unknown): void {
        const values = node[property];
        const list = Array.isArray(values) ? (values as unknown[]) : undefined;
        if (isNode(value)) {
            if (!this.lean) (value.$cstNode as CompositeCstNodeImpl).astNode = value as AstNode;
            value.$container = node;
            value.$containerProperty = property;
            value.$containerIndex = list ? list.length : 0;
        }
        // A list starts at its exact size: V8 gives `[]` room for 17 items at its first push, and most
        // lists here hold one item (close() trims the longer ones).
        if (list) list.push(value);
        else node[property] = [value];
    }

    protected keyword(type: string, value: string): void {
        if (this.scanner.kind !== value) throw new FastPathMiss();
        // Without a CST a keyword leaves nothing behind: no grammar element to look up.
        if (this.lean) this.scanner.next();
        else this.leaf(this.rule(type).keyword(value));
    }

    /** `property=TERMINAL`: the converted value of the `nth` call of the terminal in the rule. */
    protected terminal(type: string, kind: string, nth = 0): unknown {
        if (this.scanner.kind !== kind) throw new FastPathMiss();
        const image = this.scanner.image();
        if (this.lean) {
            // The converter reads only which terminal rule is called: any call of it will do.
            this.scanner.next();
            return this.convertLean(image, this.terminalHolder(type, kind, nth));
        }
        return this.converter.convert(image, this.leaf(this.rule(type).call(kind, nth)));
    }

    /** A stand-in CST node for the value converter: a call of the terminal `kind`, found once. */
    private terminalHolder(type: string, kind: string, nth: number): ConverterHolder {
        return this.terminalHolders.get(kind) ?? this.converterHolder(this.rule(type).call(kind, nth), kind);
    }

    /** A `Name` datatype rule call (`name=Name`, `currency=Name`, inside QualifiedName). */
    protected name(call: Feature): string {
        const composite = this.open(call);
        return this.closeDatatype(composite, this.idText(this.nameId));
    }

    /** A cross-reference by `Name`, built by the linker as Langium's parser builds it. */
    protected reference(node: Node, property: string, crossReference: Feature): unknown {
        const composite = this.open(crossReference);
        const text = this.closeDatatype(composite, this.idText(this.nameId));
        return this.buildReference(node, property, composite, text);
    }

    /** The linker's reference; a lean one reads its `$refNode` from the CST built on demand. */
    protected buildReference(node: Node, property: string, composite: CompositeCstNodeImpl, text: string): unknown {
        if (this.lean)
            return (this.linker as Linker & OnDemandReferences).buildReferenceOnDemand(node as AstNode, property, text);
        return this.linker.buildReference(node as AstNode, property, composite, text);
    }

    /** `value=Rule` where Rule is a datatype rule of keywords (MissionStatus, Direction, Period). */
    protected keywordDatatype(type: string, datatype: string): string {
        const composite = this.open(this.rule(type).call(datatype));
        const keyword = this.rule(datatype).findKeyword(this.scanner.kind);
        if (!keyword) throw new FastPathMiss();
        return this.closeDatatype(composite, this.keywordText(keyword));
    }

    /** An ID inside a datatype rule: its converted text. */
    protected idText(call: Feature): string {
        if (this.scanner.kind !== ID) throw new FastPathMiss();
        const image = this.scanner.image();
        if (this.lean) {
            this.scanner.next();
            return '' + String(this.convertLean(image, this.terminalHolders.get(ID) ?? this.converterHolder(call, ID)));
        }
        return '' + String(this.converter.convert(image, this.leaf(call)));
    }

    /** A keyword inside a datatype rule: its text. */
    protected keywordText(keyword: GrammarAST.Keyword): string {
        if (this.scanner.kind !== keyword.value) throw new FastPathMiss();
        this.leaf(keyword);
        return keyword.value;
    }

    protected closeDatatype(composite: CompositeCstNodeImpl, value: string): string {
        if (!this.lean) this.builder.construct(this.datatypeHolder as never);
        if (this.lean) return this.convertLean(value, composite as unknown as ConverterHolder) as string;
        return this.converter.convert(value, composite) as string;
    }

    /** The current token as a leaf of `feature`, after the comments before it; then the next token. */
    protected leaf(feature: Feature): LeafCstNodeImpl {
        const scanner = this.scanner;
        if (this.lean) {
            scanner.next();
            return this.converterHolder(feature) as LeafCstNodeImpl;
        }
        this.flushComments();
        const length = scanner.end - scanner.start;
        const leaf = new LeafCstNodeImpl(
            scanner.start,
            length,
            scanner.line,
            scanner.column,
            scanner.line,
            scanner.column + length,
            this.tokenTypes[scanner.kind] as never,
            false
        );
        leaf.grammarSource = feature;
        this.builder.appendChild(this.builder.current, leaf);
        scanner.next();
        return leaf;
    }

    protected flushComments(): void {
        const comments = this.scanner.comments;
        if (comments.length > 0 && !this.lean) {
            this.builder.addHiddenNodes(comments as never);
            comments.length = 0;
        }
    }
}

/** A property Langium's parser gives a node when the text did not: an empty list, or `false`. */
interface PropertyDefault {
    readonly property: string;
    readonly value: unknown;
    readonly list: boolean;
}

/** What a lean parse hands the value converter in place of a CST node: the grammar element, and the rule it calls. */
interface ConverterHolder {
    readonly grammarSource: Feature;
    readonly rule?: GrammarAST.AbstractRule;
}

/**
 * The token types the lexer is built from, by name (a keyword is named by its text), as the lexer's
 * `definition` holds them: from the token builder, which builds them once for both (token-builder.ts),
 * so that a check of well-formed files never builds the lexer.
 */
function tokenTypesOf(services: LangiumCoreServices): Lexer['definition'] {
    const tokens = services.parser.TokenBuilder.buildTokens(services.Grammar, {
        caseInsensitive: services.LanguageMetaData.caseInsensitive
    });
    const list: TokenType[] = Array.isArray(tokens)
        ? tokens
        : Object.values('modes' in tokens ? tokens.modes : tokens).flat();
    return Object.fromEntries(list.map(token => [token.name, token]));
}

export function missFastPath(): never {
    throw new FastPathMiss();
}

function isNode(value: unknown): value is Node {
    return typeof value === 'object' && value !== null && typeof (value as AstNode).$type === 'string';
}

import {
    type AstNode, type AstReflection, type CompositeCstNodeImpl, CstNodeBuilder, createParser,
    type GrammarAST, type LangiumCoreServices, LangiumParser, LeafCstNodeImpl, type Lexer, type Linker, type ParseResult,
    type ParserOptions, type ValueConverter
} from 'langium';
import type { Model } from '../generated/ast.js';
import { RuleFeatures } from './grammar-features.js';
import { DATE, EOF, FastPathMiss, FastScanner, ID, NUMBER, STRING } from './fast-scanner.js';

/**
 * Parsing is two thirds of a cold check with Langium's generic parser (docs/performance.md): a
 * Chevrotain token object per token, grammar interpretation per rule call, and two more passes over
 * the result. This grammar has no recursion and one token of lookahead everywhere, so a hand-written
 * recursive-descent parser builds the same result in one pass: the same AST (same types, properties,
 * values by the same value converter, references by the same linker), the same CST (Langium's own
 * node classes and builder, the same grammar elements, comments placed by the same rule).
 *
 * It handles well-formed text only. At the first thing that is not (a lexing or syntax error, or text
 * it does not model), it gives up and Langium's parser parses the text instead, so error recovery
 * and messages are Langium's. `test/fast-parser.test.ts` holds the two parsers to identical results.
 */
export class MissionParser extends LangiumParser {
    private fastParser?: MissionFastParser;

    constructor(private readonly services: LangiumCoreServices) {
        super(services);
    }

    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        if (options?.rule === undefined) {
            this.fastParser ??= new MissionFastParser(this.services);
            const result = this.fastParser.parse(input);
            if (result) return result as unknown as ParseResult<T>;
        }
        return super.parse(input, options);
    }
}

/** The `parser.LangiumParser` service: Langium's parser, with the fast path in front. */
export function createMissionParser(services: LangiumCoreServices): LangiumParser {
    const parser = createParser(services.Grammar, new MissionParser(services), services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}

/** An AST node while it is built: Langium's node type, writable. */
type Node = { -readonly [K in keyof AstNode]: AstNode[K] } & Record<string, unknown>;
type Feature = GrammarAST.AbstractElement;
type ChildParser = (this: MissionFastParser) => Node;

/** Keywords that are not words: the scanner recognises exactly these. */
const PUNCTUATION = new Set(['{', '}', ',', '.', '..']);
const TERMINALS = new Set([ID, STRING, NUMBER, DATE, 'WS', 'ML_COMMENT', 'SL_COMMENT']);

export class MissionFastParser {
    private readonly converter: ValueConverter;
    private readonly linker: Linker;
    private readonly reflection: AstReflection;
    private readonly tokenTypes: Lexer['definition'];
    private readonly keywords: Array<string[] | undefined>;
    private readonly rules = new Map<string, RuleFeatures>();
    /** Per rule whose body is a loop of items: the keyword that starts an item → how to parse it. */
    private readonly items = new Map<string, Map<string, { call: Feature; property: string; parse: ChildParser }>>();
    /** Stands in for a datatype rule's value holder when its CST node is closed. */
    private readonly defaults = new Map<string, ReadonlyArray<readonly [string, unknown]>>();
    private readonly datatypeHolder: Node = { $type: 'datatype' };
    /** The top-level elements: the keyword that starts one → its type and how to parse it. */
    private readonly elements: Map<string, { call: Feature; parse: ChildParser }>;
    private scanner!: FastScanner;
    private builder!: CstNodeBuilder;

    constructor(services: LangiumCoreServices) {
        this.converter = services.parser.ValueConverter;
        this.linker = services.references.Linker;
        this.reflection = services.shared.AstReflection;
        this.tokenTypes = services.parser.Lexer.definition;
        const words = Object.keys(this.tokenTypes).filter(name => !TERMINALS.has(name) && !PUNCTUATION.has(name));
        for (const word of words) {
            if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(word)) throw new Error(`fast parser: keyword '${word}' is not scanned`);
        }
        this.keywords = FastScanner.groupKeywords(words);
        for (const rule of services.Grammar.rules) {
            if (rule.$type === 'ParserRule') this.rules.set(rule.name, new RuleFeatures(services.Grammar, rule.name));
        }
        const element = this.rule('Element');
        this.elements = new Map(([['vision', 'Vision', this.vision], ['person', 'Person', this.person], ['team', 'Team', this.team],
            ['mission', 'Mission', this.mission]] as const).map(([keyword, type, parse]) => [keyword, { call: element.call(type), parse }]));
        this.defineItems('Person', { capacity: ['Capacity', 'capacities', this.numberItem('Capacity')], role: ['Role', 'roles', this.role] });
        this.defineItems('Mission', {
            intent: ['Intent', 'intents', this.intent], lead: ['Lead', 'leads', this.lead], crew: ['Crew', 'crews', this.crew],
            status: ['StatusItem', 'statuses', this.status], boundary: ['Boundary', 'boundaries', this.boundary],
            measure: ['Measure', 'measures', this.measure], supports: ['Supports', 'supports', this.supports],
            review: ['Review', 'reviews', this.review], value: ['Value', 'values', this.value]
        });
        this.defineItems('Intent', { end: ['EndState', 'endStates', this.endState], key: ['KeyTask', 'keyTasks', this.keyTask] });
        this.defineItems('Boundary', {
            window: ['Window', 'windows', this.window], budget: ['Budget', 'budgets', this.budget],
            headcount: ['Headcount', 'headcounts', this.headcount], must: ['BoundaryRule', 'rules', this.boundaryRule]
        });
        this.defineItems('Measure', {
            baseline: ['Baseline', 'baselines', this.numberItem('Baseline')], target: ['Target', 'targets', this.numberItem('Target')],
            current: ['Current', 'currents', this.numberItem('Current')], unit: ['Unit', 'units', this.unit],
            due: ['Due', 'dues', this.due], direction: ['DirectionItem', 'directions', this.direction],
            contributes: ['Contribution', 'contributions', this.contribution]
        });
    }

    /** The parse result of well-formed text, or undefined where Langium's parser must parse it. */
    parse(text: string): ParseResult<Model> | undefined {
        try {
            return this.model(text);
        } catch (error) {
            if (error instanceof FastPathMiss) return undefined;
            throw error;
        } finally {
            this.scanner = undefined!;
            this.builder = undefined!;
        }
    }

    private model(text: string): ParseResult<Model> {
        this.scanner = new FastScanner(text, this.keywords, {
            multiLine: this.tokenTypes['ML_COMMENT'], singleLine: this.tokenTypes['SL_COMMENT']
        });
        this.builder = new CstNodeBuilder();
        const root = this.builder.buildRootNode(text);
        const model: Node = { $type: 'Model' };
        const elementCall = this.rule('Model').call('Element');
        while (this.scanner.kind !== EOF) this.add(model, 'elements', this.element(elementCall));
        this.close(model);
        (root as unknown as CompositeCstNodeImpl).astNode = model as AstNode;
        this.flushComments();
        return { value: model as unknown as Model, lexerErrors: [], lexerReport: { diagnostics: [] }, parserErrors: [] };
    }

    /** `Element: Vision | Person | Team | Mission`: an unassigned rule call, as Langium nests it. */
    private element(elementCall: Feature): Node {
        const element = this.elements.get(this.scanner.kind);
        if (!element) throw new FastPathMiss();
        this.open(elementCall);
        const node = this.child(element.call, element.parse);
        node.$cstNode = undefined;
        this.close(node);
        return node;
    }

    private vision(): Node {
        const node = this.start('Vision', 'vision');
        this.nameAndTitle(node, 'Vision');
        if (this.at('{')) {
            this.keyword('Vision', '{');
            if (this.at('horizon')) {
                this.keyword('Vision', 'horizon');
                node.horizon = this.terminal('Vision', DATE);
            }
            this.keyword('Vision', '}');
        }
        return node;
    }

    private person(): Node {
        const node = this.start('Person', 'person');
        this.nameAndTitle(node, 'Person');
        if (this.at('{')) this.block(node, 'Person');
        return node;
    }

    private team(): Node {
        const node = this.start('Team', 'team');
        this.nameAndTitle(node, 'Team');
        this.keyword('Team', '{');
        if (this.at('members')) {
            this.keyword('Team', 'members');
            this.referenceList(node, 'members', 'Team');
        }
        this.keyword('Team', '}');
        return node;
    }

    private mission(): Node {
        const node = this.start('Mission', 'mission');
        this.nameAndTitle(node, 'Mission');
        if (this.at('under')) {
            this.keyword('Mission', 'under');
            node.parent = this.reference(node, 'parent', this.rule('Mission').crossReference());
        }
        this.block(node, 'Mission');
        return node;
    }

    private role(): Node {
        const node = this.start('Role', 'role');
        node.text = this.terminal('Role', STRING);
        return node;
    }

    private intent(): Node {
        const node = this.start('Intent', 'intent');
        node.statement = this.terminal('Intent', STRING);
        if (this.at('{')) this.block(node, 'Intent');
        return node;
    }

    private endState(): Node {
        return this.textItem('EndState', 'end', 'state');
    }

    private keyTask(): Node {
        return this.textItem('KeyTask', 'key', 'task');
    }

    private lead(): Node {
        const node = this.start('Lead', 'lead');
        node.person = this.reference(node, 'person', this.rule('Lead').crossReference());
        return node;
    }

    private crew(): Node {
        const node = this.start('Crew', 'crew');
        this.referenceList(node, 'members', 'Crew');
        return node;
    }

    private supports(): Node {
        const node = this.start('Supports', 'supports');
        this.referenceList(node, 'missions', 'Supports');
        return node;
    }

    private status(): Node {
        const node = this.start('StatusItem', 'status');
        node.value = this.keywordDatatype('StatusItem', 'MissionStatus');
        return node;
    }

    private boundary(): Node {
        const node = this.start('Boundary', 'boundary');
        this.block(node, 'Boundary');
        return node;
    }

    private window(): Node {
        const node = this.start('Window', 'window');
        node.start = this.terminal('Window', DATE, 0);
        this.keyword('Window', '..');
        node.end = this.terminal('Window', DATE, 1);
        return node;
    }

    private budget(): Node {
        const node = this.start('Budget', 'budget');
        node.amount = this.terminal('Budget', NUMBER);
        node.currency = this.name(this.rule('Budget').call('Name'));
        return node;
    }

    private headcount(): Node {
        const node = this.start('Headcount', 'headcount');
        node.count = this.terminal('Headcount', NUMBER);
        return node;
    }

    private boundaryRule(): Node {
        const node = this.start('BoundaryRule', 'must');
        if (this.at('not')) {
            this.keyword('BoundaryRule', 'not');
            node.negated = true;
        }
        node.text = this.terminal('BoundaryRule', STRING);
        return node;
    }

    private measure(): Node {
        const node = this.start('Measure', 'measure');
        this.nameAndTitle(node, 'Measure');
        this.block(node, 'Measure');
        return node;
    }

    private unit(): Node {
        const node = this.start('Unit', 'unit');
        if (this.at(STRING)) {
            node.text = this.terminal('Unit', STRING);
        } else {
            const composite = this.open(this.rule('Unit').call('UnitName'));
            const unitName = this.rule('UnitName');
            let value: string;
            if (this.at(ID)) value = this.idText(unitName.call(ID));
            else value = this.keywordText(unitName.findKeyword(this.scanner.kind) ?? missFastPath());
            node.name = this.closeDatatype(composite, value);
        }
        return node;
    }

    private due(): Node {
        const node = this.start('Due', 'due');
        node.date = this.terminal('Due', DATE);
        return node;
    }

    private direction(): Node {
        const node = this.start('DirectionItem', 'direction');
        node.value = this.keywordDatatype('DirectionItem', 'Direction');
        return node;
    }

    private contribution(): Node {
        const node = this.start('Contribution', 'contributes');
        this.keyword('Contribution', 'to');
        const crossReference = this.rule('Contribution').crossReference();
        const composite = this.open(crossReference);
        const qualified = this.rule('QualifiedName');
        let value = '' + this.name(qualified.call('Name', 0));
        value += this.keywordText(qualified.keyword('.'));
        value += this.name(qualified.call('Name', 1));
        node.measure = this.linker.buildReference(node, 'measure', composite, this.closeDatatype(composite, value));
        return node;
    }

    private review(): Node {
        const node = this.start('Review', 'review');
        this.keyword('Review', 'every');
        node.every = this.terminal('Review', NUMBER);
        this.keyword('Review', 'days');
        if (this.at('last')) {
            this.keyword('Review', 'last');
            node.last = this.terminal('Review', DATE);
        }
        return node;
    }

    private value(): Node {
        const node = this.start('Value', 'value');
        node.amount = this.terminal('Value', NUMBER);
        node.currency = this.name(this.rule('Value').call('Name'));
        this.keyword('Value', 'per');
        node.period = this.keywordDatatype('Value', 'Period');
        return node;
    }

    // ----- shapes shared by several rules

    /** `'keyword' value=NUMBER` (capacity, baseline, target, current). */
    private numberItem(type: string): ChildParser {
        return function (this: MissionFastParser): Node {
            const node = this.start(type, this.rule(type).keyword(this.scanner.kind).value);
            node.value = this.terminal(type, NUMBER);
            return node;
        };
    }

    /** `'first' 'second' text=STRING` (end state, key task). */
    private textItem(type: string, first: string, second: string): Node {
        const node = this.start(type, first);
        this.keyword(type, second);
        node.text = this.terminal(type, STRING);
        return node;
    }

    /** `name=Name (title=STRING)?` */
    private nameAndTitle(node: Node, type: string): void {
        node.name = this.name(this.rule(type).call('Name'));
        if (this.at(STRING)) node.title = this.terminal(type, STRING);
    }

    /** `'{' (item)* '}'` where each item starts with its own keyword. */
    private block(node: Node, type: string): void {
        const items = this.items.get(type)!;
        this.keyword(type, '{');
        for (let item = items.get(this.scanner.kind); item; item = items.get(this.scanner.kind)) {
            this.add(node, item.property, this.child(item.call, item.parse));
        }
        this.keyword(type, '}');
    }

    /** `refs+=[T:Name] (',' refs+=[T:Name])*` */
    private referenceList(node: Node, property: string, type: string): void {
        const rule = this.rule(type);
        this.add(node, property, this.reference(node, property, rule.crossReference(0)));
        while (this.at(',')) {
            this.keyword(type, ',');
            this.add(node, property, this.reference(node, property, rule.crossReference(1)));
        }
    }

    // ----- the primitives: each does what Langium's parser does for the same grammar element

    private defineItems(type: string, items: Record<string, [string, string, ChildParser]>): void {
        const rule = this.rule(type);
        this.items.set(type, new Map(Object.entries(items).map(([keyword, [callee, property, parse]]) =>
            [keyword, { call: rule.call(callee), property, parse }])));
    }

    private rule(name: string): RuleFeatures {
        const rule = this.rules.get(name);
        if (!rule) throw new Error(`fast parser: no rule ${name}`);
        return rule;
    }

    /** A node of `type` whose rule starts with `keyword`, consumed. */
    private start(type: string, keyword: string): Node {
        const node: Node = { $type: type };
        this.keyword(type, keyword);
        return node;
    }

    /** A rule call that creates a node: its CST node is opened before and closed after. */
    private child(call: Feature, parse: ChildParser): Node {
        this.open(call);
        const node = parse.call(this);
        this.close(node);
        return node;
    }

    private open(feature: Feature): CompositeCstNodeImpl {
        return this.builder.buildCompositeNode(feature) as CompositeCstNodeImpl;
    }

    private at(kind: string): boolean {
        return this.scanner.kind === kind;
    }

    /** Closes the node's CST node and gives it its defaults, as Langium's parser constructs a node. */
    private close(node: Node): void {
        this.builder.construct(node as never);
        for (const [property, value] of this.defaultsOf(node.$type)) {
            if (node[property] === undefined) node[property] = Array.isArray(value) ? [] : value;
        }
    }

    /** What `AstUtils.assignMandatoryProperties` assigns, in its order, looked up once per type. */
    private defaultsOf(type: string): ReadonlyArray<readonly [string, unknown]> {
        let defaults = this.defaults.get(type);
        if (!defaults) {
            defaults = Object.values(this.reflection.getTypeMetaData(type).properties)
                .filter(property => property.defaultValue !== undefined)
                .map(property => {
                    const value = property.defaultValue;
                    if (Array.isArray(value) && value.length > 0) throw new Error(`fast parser: default of ${type}.${property.name}`);
                    return [property.name, value] as const;
                });
            this.defaults.set(type, defaults);
        }
        return defaults;
    }

    /** `property+=value`; a node value gets its container, as Langium's parser links it afterwards. */
    private add(node: Node, property: string, value: unknown): void {
        let values = node[property] as unknown[] | undefined;
        if (!Array.isArray(values)) values = node[property] = [];
        if (isNode(value)) {
            (value.$cstNode as CompositeCstNodeImpl).astNode = value as AstNode;
            value.$container = node;
            value.$containerProperty = property;
            value.$containerIndex = values.length;
        }
        values.push(value);
    }

    private keyword(type: string, value: string): void {
        if (this.scanner.kind !== value) throw new FastPathMiss();
        this.leaf(this.rule(type).keyword(value));
    }

    /** `property=TERMINAL`: the converted value of the `nth` call of the terminal in the rule. */
    private terminal(type: string, kind: string, nth = 0): unknown {
        if (this.scanner.kind !== kind) throw new FastPathMiss();
        const image = this.scanner.image();
        return this.converter.convert(image, this.leaf(this.rule(type).call(kind, nth)));
    }

    /** A `Name` datatype rule call (`name=Name`, `currency=Name`, inside QualifiedName). */
    private name(call: Feature): string {
        const composite = this.open(call);
        return this.closeDatatype(composite, this.idText(this.rule('Name').call(ID)));
    }

    /** A cross-reference by `Name`, built by the linker as Langium's parser builds it. */
    private reference(node: Node, property: string, crossReference: Feature): unknown {
        const composite = this.open(crossReference);
        const text = this.closeDatatype(composite, this.idText(this.rule('Name').call(ID)));
        return this.linker.buildReference(node, property, composite, text);
    }

    /** `value=Rule` where Rule is a datatype rule of keywords (MissionStatus, Direction, Period). */
    private keywordDatatype(type: string, datatype: string): string {
        const composite = this.open(this.rule(type).call(datatype));
        const keyword = this.rule(datatype).findKeyword(this.scanner.kind);
        if (!keyword) throw new FastPathMiss();
        return this.closeDatatype(composite, this.keywordText(keyword));
    }

    /** An ID inside a datatype rule: its converted text. */
    private idText(call: Feature): string {
        if (this.scanner.kind !== ID) throw new FastPathMiss();
        const image = this.scanner.image();
        return '' + String(this.converter.convert(image, this.leaf(call)));
    }

    /** A keyword inside a datatype rule: its text. */
    private keywordText(keyword: GrammarAST.Keyword): string {
        if (this.scanner.kind !== keyword.value) throw new FastPathMiss();
        this.leaf(keyword);
        return keyword.value;
    }

    private closeDatatype(composite: CompositeCstNodeImpl, value: string): string {
        this.builder.construct(this.datatypeHolder as never);
        return this.converter.convert(value, composite) as string;
    }

    /** The current token as a leaf of `feature`, after the comments before it; then the next token. */
    private leaf(feature: Feature): LeafCstNodeImpl {
        const scanner = this.scanner;
        this.flushComments();
        const length = scanner.end - scanner.start;
        const leaf = new LeafCstNodeImpl(scanner.start, length, scanner.line, scanner.column, scanner.line, scanner.column + length,
            this.tokenTypes[scanner.kind] as never, false);
        leaf.grammarSource = feature;
        this.builder.appendChild(this.builder.current, leaf);
        scanner.next();
        return leaf;
    }

    private flushComments(): void {
        const comments = this.scanner.comments;
        if (comments.length > 0) {
            this.builder.addHiddenNodes(comments as never);
            comments.length = 0;
        }
    }
}

function missFastPath(): never {
    throw new FastPathMiss();
}

function isNode(value: unknown): value is Node {
    return typeof value === 'object' && value !== null && typeof (value as AstNode).$type === 'string';
}

import {
    type AstNode,
    type CompositeCstNodeImpl,
    createLangiumParser,
    type LangiumCoreServices,
    type LangiumParser,
    type ParseResult,
    type ParserOptions
} from 'langium';
import type { Model } from '../generated/ast.js';
import { DATE, EOF, FastPathMiss, ID, NUMBER, STRING, type TextPosition } from './fast-scanner.js';
import { type ChildParser, FastTreeBuilder, type Feature, missFastPath, type Node } from './fast-tree-builder.js';
import { deferSyntaxTree } from './syntax-on-demand.js';

export interface MissionParserOptions {
    /**
     * Parse well-formed text to the AST alone, its CST built where first read (syntax-on-demand.ts):
     * for one-shot checks, which read the CST only where they report something.
     */
    readonly syntaxOnDemand?: boolean;
}

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
 *
 * Langium's parser (and the Chevrotain lexer it reads) is built when a text first needs it: building
 * it analyses the whole grammar, about 35 ms, which a check of well-formed files never needs. So this
 * is not a subclass of Langium's parser but stands in for it: `parse` is all that Langium and this
 * package call on the `parser.LangiumParser` service (the document factory, the async parser, the
 * formatter, the incremental reparse).
 */
export class MissionParser {
    private fastParser?: MissionFastParser;
    /** The fast parser with CST, which a lean one calls on to build syntax trees on demand. */
    private fullParser?: MissionFastParser;
    private langiumParser?: LangiumParser;

    /** Whether well-formed text is parsed lean now (`parseLeanDuring` turns it on for a while). */
    private lean: boolean;

    constructor(
        private readonly services: LangiumCoreServices,
        options: MissionParserOptions = {}
    ) {
        this.lean = options.syntaxOnDemand ?? false;
    }

    /**
     * Parses lean (syntax trees on demand) while `load` runs, then as before: the language server reads its
     * workspace this way, and every text parsed later (an edit, a file opened or changed) gets its tree at once.
     */
    async parseLeanDuring<T>(load: () => Promise<T>): Promise<T> {
        const before = this.lean;
        this.lean = true;
        try {
            return await load();
        } finally {
            this.lean = before;
        }
    }

    parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        if (options?.rule === undefined) {
            const result = this.lean ? this.parseLean(input) : this.full().parse(input);
            if (result) return result as unknown as ParseResult<T>;
        }
        return this.fallback().parse(input, options);
    }

    /** Langium's own parser: error recovery, messages, and parses from a rule other than the entry rule. */
    private fallback(): LangiumParser {
        return (this.langiumParser ??= createLangiumParser(this.services));
    }

    private full(): MissionFastParser {
        return (this.fullParser ??= new MissionFastParser(this.services));
    }

    private parseLean(text: string): ParseResult<Model> | undefined {
        this.fastParser ??= new MissionFastParser(this.services, true);
        const result = this.fastParser.parse(text);
        if (!result) return undefined;
        const elementStarts = this.fastParser.takeElementStarts();
        deferSyntaxTree(result.value, {
            text,
            elementStarts,
            parseDocument: () => this.full().parse(text)!.value,
            parseElement: start => this.full().parseElementAt(text, start),
            parseItem: (elementStart, itemOffset, ownerType) =>
                this.full().parseItemAt(text, elementStart, itemOffset, ownerType)
        });
        return result;
    }
}

/** The `parser.LangiumParser` service: Langium's parser, with the fast path in front (see `MissionParser`). */
export function createMissionParser(services: LangiumCoreServices, options: MissionParserOptions = {}): LangiumParser {
    return new MissionParser(services, options) as unknown as LangiumParser;
}

/** The grammar of mission.langium, rule by rule, on the primitives of `FastTreeBuilder`. */
export class MissionFastParser extends FastTreeBuilder {
    /** The top-level elements: the keyword that starts one → its type and how to parse it. */
    private readonly elements: Map<string, { call: Feature; parse: ChildParser }>;
    /** Where each top-level element of the last lean parse starts. */
    private elementStarts: TextPosition[] = [];

    constructor(services: LangiumCoreServices, lean = false) {
        super(services, lean);
        const element = this.rule('Element');
        this.elements = new Map(
            (
                [
                    ['vision', 'Vision', this.vision],
                    ['person', 'Person', this.person],
                    ['team', 'Team', this.team],
                    ['mission', 'Mission', this.mission]
                ] as const
            ).map(([keyword, type, parse]) => [keyword, { call: element.call(type), parse }])
        );
        this.defineItems('Person', {
            capacity: ['Capacity', 'capacities', this.numberItem('Capacity')],
            role: ['Role', 'roles', this.role]
        });
        this.defineItems('Mission', {
            intent: ['Intent', 'intents', this.intent],
            lead: ['Lead', 'leads', this.lead],
            crew: ['Crew', 'crews', this.crew],
            status: ['StatusItem', 'statuses', this.status],
            boundary: ['Boundary', 'boundaries', this.boundary],
            measure: ['Measure', 'measures', this.measure],
            supports: ['Supports', 'supports', this.supports],
            review: ['Review', 'reviews', this.review],
            value: ['Value', 'values', this.value],
            tags: ['Tags', 'tags', this.tags],
            link: ['Link', 'links', this.link]
        });
        this.defineItems('Intent', {
            end: ['EndState', 'endStates', this.endState],
            key: ['KeyTask', 'keyTasks', this.keyTask]
        });
        this.defineItems('Boundary', {
            window: ['Window', 'windows', this.window],
            budget: ['Budget', 'budgets', this.budget],
            headcount: ['Headcount', 'headcounts', this.headcount],
            must: ['BoundaryRule', 'rules', this.boundaryRule]
        });
        this.defineItems('Measure', {
            baseline: ['Baseline', 'baselines', this.numberItem('Baseline')],
            target: ['Target', 'targets', this.numberItem('Target')],
            current: ['Current', 'currents', this.numberItem('Current')],
            unit: ['Unit', 'units', this.unit],
            due: ['Due', 'dues', this.due],
            direction: ['DirectionItem', 'directions', this.direction],
            contributes: ['Contribution', 'contributions', this.contribution],
            rollup: ['RollupItem', 'rollups', this.rollup]
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
            this.end();
        }
    }

    /**
     * The top-level element that starts at `start` in `text` (which parses on the fast path), with its
     * CST under a root of its own over the whole text.
     */
    parseElementAt(text: string, start: TextPosition): AstNode {
        return this.parseNodeAt(text, start, () => this.element(this.rule('Model').call('Element')));
    }

    /**
     * The item (of a top-level element of `ownerType`) that starts at `itemOffset` in `text`, inside the
     * element starting at `elementStart`, with its CST under a root of its own over the whole text.
     */
    parseItemAt(text: string, elementStart: TextPosition, itemOffset: number, ownerType: string): AstNode {
        return this.parseNodeAt(text, positionAfter(text, elementStart, itemOffset), () => this.blockItem(ownerType));
    }

    /** One node parsed from `start`, with its CST under a root of its own. */
    private parseNodeAt(text: string, start: TextPosition, parse: () => Node): AstNode {
        try {
            this.begin(text, start);
            const node = parse();
            // What adding it to its container does (`add`): its CST node names it.
            (node.$cstNode as CompositeCstNodeImpl).astNode = node as AstNode;
            return node as AstNode;
        } finally {
            this.end();
        }
    }

    /** The element starts recorded by the last lean parse, handed over. */
    takeElementStarts(): TextPosition[] {
        const starts = this.elementStarts;
        this.elementStarts = [];
        return starts;
    }

    private model(text: string): ParseResult<Model> {
        const root = this.begin(text);
        const model = this.newNode('Model');
        const elementCall = this.rule('Model').call('Element');
        this.elementStarts = [];
        while (this.scanner.kind !== EOF) this.add(model, 'elements', this.element(elementCall));
        this.close(model);
        if (root) (root as unknown as CompositeCstNodeImpl).astNode = model as AstNode;
        this.flushComments();
        return {
            value: model as unknown as Model,
            lexerErrors: [],
            lexerReport: { diagnostics: [] },
            parserErrors: []
        };
    }

    /** `Element: Vision | Person | Team | Mission`: an unassigned rule call, as Langium nests it. */
    private element(elementCall: Feature): Node {
        const element = this.elements.get(this.scanner.kind);
        if (!element) throw new FastPathMiss();
        if (this.lean) {
            const scanner = this.scanner;
            this.elementStarts.push({ offset: scanner.start, line: scanner.line, column: scanner.column });
            return this.child(element.call, element.parse);
        }
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
        node.measure = this.buildReference(node, 'measure', composite, this.closeDatatype(composite, value));
        return node;
    }

    private rollup(): Node {
        const node = this.start('RollupItem', 'rollup');
        node.value = this.keywordDatatype('RollupItem', 'RollupMode');
        return node;
    }

    /** `'tags' names+=Name (',' names+=Name)*` */
    private tags(): Node {
        const node = this.start('Tags', 'tags');
        const rule = this.rule('Tags');
        this.add(node, 'names', this.name(rule.call('Name', 0)));
        while (this.at(',')) {
            this.keyword('Tags', ',');
            this.add(node, 'names', this.name(rule.call('Name', 1)));
        }
        return node;
    }

    private link(): Node {
        const node = this.start('Link', 'link');
        node.url = this.terminal('Link', STRING, 0);
        if (this.at(STRING)) node.label = this.terminal('Link', STRING, 1);
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
}

/** The position of `offset`, counting line ends (`\r\n`, `\r`, `\n`) from the known position `from` before it. */
function positionAfter(text: string, from: TextPosition, offset: number): TextPosition {
    let line = from.line;
    let lineStart = from.offset - from.column;
    for (let i = from.offset; i < offset; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
            line++;
            lineStart = i + 1;
        }
    }
    return { offset, line, column: offset - lineStart };
}

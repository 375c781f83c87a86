/**
 * Text generated from mission.langium itself: documents that, together, take every alternative, leave
 * out and include every optional part, and repeat every repeatable part once and more than once. A
 * grammar element or terminal this generator does not know fails loudly, so a new kind of construct
 * is taught here rather than silently left out of the drift tests.
 */
import { GrammarAST, type Grammar } from 'langium';

/** A sample of each terminal (a name never a keyword). A new terminal needs one here. */
const TERMINAL_SAMPLES: Readonly<Record<string, (counter: number) => string>> = {
    ID: counter => `n${counter}`,
    STRING: counter => `"text ${counter}"`,
    NUMBER: counter => String(10 + counter),
    DATE: counter => `2027-${String((counter % 12) + 1).padStart(2, '0')}-15`
};

/** A choice in the grammar, and the options of it that a document has taken. */
type Coverage = Map<GrammarAST.AbstractElement, Set<string>>;

/** Deterministic pseudo-random numbers (mulberry32), so the documents are the same on every run. */
function random(seed: number): () => number {
    let state = seed;
    return () => {
        state = (state + 0x6d2b79f5) | 0;
        let value = Math.imul(state ^ (state >>> 15), 1 | state);
        value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
        return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
    };
}

function optionsOf(element: GrammarAST.AbstractElement): string[] {
    const options: string[] = [];
    if (GrammarAST.isAlternatives(element)) options.push(...element.elements.map((_, index) => `alternative ${index}`));
    if (element.cardinality === '?') options.push('absent', 'present');
    if (element.cardinality === '*') options.push('none', 'one', 'many');
    if (element.cardinality === '+') options.push('one', 'many');
    return options;
}

class Generator {
    private counter = 0;
    private readonly next: () => number;

    constructor(
        private readonly coverage: Coverage,
        seed: number
    ) {
        this.next = random(seed);
    }

    /**
     * An option of the choice that no document took yet; else one that leads to a choice not yet taken
     * (`leadsOn`); else any.
     */
    private choose(
        element: GrammarAST.AbstractElement,
        options: string[],
        leadsOn: (option: string) => boolean
    ): string {
        const taken = this.coverage.get(element) ?? new Set<string>();
        this.coverage.set(element, taken);
        const chosen =
            options.find(option => !taken.has(option)) ??
            options.find(leadsOn) ??
            options[Math.floor(this.next() * options.length)]!;
        taken.add(chosen);
        return chosen;
    }

    /** Whether generating `element` can take an option of some choice that no document took yet. */
    private open(element: GrammarAST.AbstractElement, rules = new Set<GrammarAST.AbstractRule>()): boolean {
        const options = optionsOf(element);
        const taken = this.coverage.get(element);
        if (options.some(option => !taken?.has(option))) return true;
        if (GrammarAST.isGroup(element) || GrammarAST.isAlternatives(element))
            return element.elements.some(part => this.open(part, rules));
        if (GrammarAST.isAssignment(element)) return this.open(element.terminal, rules);
        if (GrammarAST.isCrossReference(element)) return element.terminal ? this.open(element.terminal, rules) : false;
        if (GrammarAST.isRuleCall(element)) {
            const rule = element.rule.ref!;
            if (!GrammarAST.isParserRule(rule) || rules.has(rule)) return false;
            rules.add(rule);
            return this.open(rule.definition, rules);
        }
        return false;
    }

    rule(rule: GrammarAST.AbstractRule): string[] {
        if (GrammarAST.isTerminalRule(rule)) {
            const sample = TERMINAL_SAMPLES[rule.name];
            if (!sample) throw new Error(`no sample for terminal ${rule.name}: add one to TERMINAL_SAMPLES`);
            return [sample(++this.counter)];
        }
        if (GrammarAST.isParserRule(rule)) return this.element(rule.definition);
        throw new Error(`grammar rule ${rule.$type} ${rule.name} is not generated: teach grammar-instances.ts`);
    }

    element(element: GrammarAST.AbstractElement): string[] {
        const cardinality = element.cardinality;
        let times = 1;
        if (cardinality) {
            const option = this.choose(
                element,
                optionsOf(element).filter(name => !name.startsWith('alternative')),
                name =>
                    name !== 'absent' &&
                    name !== 'none' &&
                    this.open(element.cardinality ? { ...element, cardinality: undefined } : element)
            );
            times = { absent: 0, present: 1, none: 0, one: 1, many: 2 + Math.floor(this.next() * 3) }[option] ?? 1;
        }
        const tokens: string[] = [];
        for (let index = 0; index < times; index++) tokens.push(...this.once(element));
        return tokens;
    }

    private once(element: GrammarAST.AbstractElement): string[] {
        if (GrammarAST.isKeyword(element)) return [element.value];
        if (GrammarAST.isGroup(element)) return element.elements.flatMap(part => this.element(part));
        if (GrammarAST.isAlternatives(element)) {
            const options = element.elements.map((_, index) => `alternative ${index}`);
            const chosen = this.choose(element, options, option =>
                this.open(element.elements[options.indexOf(option)]!)
            );
            return this.element(element.elements[options.indexOf(chosen)]!);
        }
        if (GrammarAST.isAssignment(element)) return this.element(element.terminal);
        if (GrammarAST.isRuleCall(element)) return this.rule(element.rule.ref!);
        if (GrammarAST.isCrossReference(element)) {
            if (!element.terminal) return this.rule(TERMINAL_BY_NAME.ID!);
            return this.element(element.terminal);
        }
        if (GrammarAST.isAction(element)) return [];
        throw new Error(`grammar element ${element.$type} is not generated: teach grammar-instances.ts`);
    }
}

let TERMINAL_BY_NAME: Record<string, GrammarAST.AbstractRule> = {};

/** The choices of the grammar reachable from its entry rule, each with its options. */
function choices(grammar: Grammar): Map<GrammarAST.AbstractElement, string[]> {
    const found = new Map<GrammarAST.AbstractElement, string[]>();
    const visitedRules = new Set<GrammarAST.AbstractRule>();
    const visit = (element: GrammarAST.AbstractElement): void => {
        const options = optionsOf(element);
        if (options.length > 0) found.set(element, options);
        if (GrammarAST.isGroup(element) || GrammarAST.isAlternatives(element)) element.elements.forEach(visit);
        else if (GrammarAST.isAssignment(element)) visit(element.terminal);
        else if (GrammarAST.isCrossReference(element) && element.terminal) visit(element.terminal);
        else if (GrammarAST.isRuleCall(element)) visitRule(element.rule.ref!);
    };
    const visitRule = (rule: GrammarAST.AbstractRule): void => {
        if (visitedRules.has(rule) || !GrammarAST.isParserRule(rule)) return;
        visitedRules.add(rule);
        visit(rule.definition);
    };
    visitRule(entryRule(grammar));
    return found;
}

function entryRule(grammar: Grammar): GrammarAST.ParserRule {
    const entry = grammar.rules.find(rule => GrammarAST.isParserRule(rule) && rule.entry);
    if (!entry || !GrammarAST.isParserRule(entry)) throw new Error('the grammar has no entry rule');
    return entry;
}

/**
 * Documents that together cover every choice of the grammar (the test fails with the choices left if
 * they do not within the limit), tokens separated by a space, top-level elements one per line.
 */
export function generateFromGrammar(grammar: Grammar, limit = 100): string[] {
    TERMINAL_BY_NAME = Object.fromEntries(grammar.rules.map(rule => [rule.name, rule]));
    const all = choices(grammar);
    const coverage: Coverage = new Map();
    const documents: string[] = [];
    const entry = entryRule(grammar);
    const uncovered = (): string[] =>
        [...all].flatMap(([element, options]) =>
            options.filter(option => !coverage.get(element)?.has(option)).map(option => describe(element, option))
        );
    for (let seed = 1; seed <= limit && (documents.length === 0 || uncovered().length > 0); seed++) {
        const generator = new Generator(coverage, seed);
        // The entry rule is a repetition of elements: one element per line reads like a model.
        const elements = GrammarAST.isAssignment(entry.definition) ? entry.definition : undefined;
        if (elements?.cardinality === '*') {
            coverage.set(elements, new Set([...(coverage.get(elements) ?? []), 'none', 'one', 'many']));
            const lines: string[] = [];
            for (let index = 0; index < 6; index++)
                lines.push(generator.element({ ...elements, cardinality: undefined }).join(' '));
            documents.push(lines.join('\n') + '\n');
        } else documents.push(generator.rule(entry).join(' ') + '\n');
    }
    const left = uncovered();
    if (left.length > 0) throw new Error(`the generated documents leave out: ${left.join('; ')}`);
    return documents;
}

function describe(element: GrammarAST.AbstractElement, option: string): string {
    const rule = ruleOf(element);
    const text = element.$cstNode?.text ?? element.$type;
    return `${option} of ${text.replace(/\s+/g, ' ').slice(0, 60)} in rule ${rule?.name ?? '?'}`;
}

function ruleOf(element: GrammarAST.AbstractElement): GrammarAST.AbstractRule | undefined {
    let node: { $container?: unknown } | undefined = element;
    while (node && !GrammarAST.isParserRule(node)) node = node.$container as { $container?: unknown } | undefined;
    return node as GrammarAST.ParserRule | undefined;
}

export function parserRules(grammar: Grammar): GrammarAST.ParserRule[] {
    return grammar.rules.filter((rule): rule is GrammarAST.ParserRule => GrammarAST.isParserRule(rule));
}

/** Every assigned property of the grammar's parser rules, as `Type.property`. */
export function grammarProperties(grammar: Grammar): string[] {
    const properties = new Set<string>();
    for (const rule of parserRules(grammar)) {
        const walk = (element: GrammarAST.AbstractElement): void => {
            if (GrammarAST.isAssignment(element)) properties.add(`${rule.name}.${element.feature}`);
            if (GrammarAST.isGroup(element) || GrammarAST.isAlternatives(element)) element.elements.forEach(walk);
        };
        walk(rule.definition);
    }
    return [...properties].sort();
}

/** The properties assigned a STRING, as `Type.property`. */
export function stringProperties(grammar: Grammar): string[] {
    const properties = new Set<string>();
    for (const rule of parserRules(grammar)) {
        const walk = (element: GrammarAST.AbstractElement): void => {
            if (
                GrammarAST.isAssignment(element) &&
                GrammarAST.isRuleCall(element.terminal) &&
                element.terminal.rule.ref?.name === 'STRING'
            )
                properties.add(`${rule.name}.${element.feature}`);
            if (GrammarAST.isGroup(element) || GrammarAST.isAlternatives(element)) element.elements.forEach(walk);
        };
        walk(rule.definition);
    }
    return [...properties].sort();
}

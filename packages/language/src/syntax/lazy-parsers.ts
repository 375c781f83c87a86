import type { TokenTypeDictionary } from 'chevrotain';
import {
    createCompletionParser,
    DefaultLexer,
    type LangiumCompletionParser,
    type LangiumCoreServices,
    type Lexer,
    type LexerResult,
    type TokenizeOptions
} from 'langium';

/**
 * Langium's Chevrotain lexer, built on first use. The language server resolves every service when it
 * initializes (Langium's `eagerLoadServices`), and building the lexer analyses every token type; a
 * workspace of well-formed files never runs it (the fast parser scans the text itself), so its first
 * build should not wait for it. Built, it is Langium's `DefaultLexer` as is.
 */
export class LazyLexer implements Lexer {
    private lexer?: Lexer;

    constructor(private readonly services: LangiumCoreServices) {}

    /** Whether the Chevrotain lexer has been built (for tests of what start-up does). */
    get isBuilt(): boolean {
        return this.lexer !== undefined;
    }

    get definition(): TokenTypeDictionary {
        return this.built().definition;
    }

    tokenize(text: string, options?: TokenizeOptions): LexerResult {
        return this.built().tokenize(text, options);
    }

    private built(): Lexer {
        return (this.lexer ??= new DefaultLexer(this.services));
    }
}

/**
 * The completion parser, built on the first completion request. Building it runs Chevrotain's
 * self-analysis of the whole grammar (~20 ms), which the language server would otherwise do while it
 * initializes, before its first build. Langium's completion provider only calls `parse`.
 */
export function createLazyCompletionParser(services: LangiumCoreServices): LangiumCompletionParser {
    let parser: LangiumCompletionParser | undefined;
    const lazy = {
        get isBuilt(): boolean {
            return parser !== undefined;
        },
        parse(text: string) {
            return (parser ??= createCompletionParser(services)).parse(text);
        }
    };
    return lazy as unknown as LangiumCompletionParser;
}

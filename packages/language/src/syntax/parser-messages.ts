import type { ILexerErrorMessageProvider, IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';

/**
 * Syntax errors in the words of the language rather than of the parser generator:
 * "expected a name but found the keyword `status`" instead of
 * "Expecting token of type 'ID' but found `status`."
 */
export class MissionParserErrorMessageProvider implements IParserErrorMessageProvider {
    buildMismatchTokenMessage(options: {
        expected: TokenType;
        actual: IToken;
        previous: IToken;
        ruleName: string;
    }): string {
        return `expected ${describeExpected(options.expected)} but found ${describeActual(options.actual)}`;
    }

    buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        return `expected a vision, person, team or mission but found ${describeActual(options.firstRedundant)}`;
    }

    buildNoViableAltMessage(options: {
        expectedPathsPerAlt: TokenType[][][];
        actual: IToken[];
        previous: IToken;
        customUserDescription?: string;
        ruleName: string;
    }): string {
        const firsts = options.expectedPathsPerAlt
            .flatMap(alternative => alternative.map(path => path[0]))
            .filter((type): type is TokenType => type !== undefined);
        return `expected ${oneOf(firsts)} but found ${describeActual(options.actual[0])}`;
    }

    buildEarlyExitMessage(options: {
        expectedIterationPaths: TokenType[][];
        actual: IToken[];
        previous: IToken;
        customUserDescription?: string;
        ruleName: string;
    }): string {
        const firsts = options.expectedIterationPaths
            .map(path => path[0])
            .filter((type): type is TokenType => type !== undefined);
        return `expected at least one ${oneOf(firsts)} but found ${describeActual(options.actual[0])}`;
    }
}

const TERMINAL_WORDS: Record<string, string> = {
    ID: 'a name',
    STRING: 'a string in double quotes',
    NUMBER: 'a number',
    DATE: 'a date (YYYY-MM-DD)'
};

/** Langium names a keyword's token type after the keyword itself; terminals have upper-case names. */
function keywordOf(type: TokenType): string | undefined {
    return Object.hasOwn(TERMINAL_WORDS, type.name) || type.name === 'EOF' ? undefined : type.name;
}

function describeExpected(type: TokenType): string {
    if (type.name === 'EOF') return 'a vision, person, team or mission';
    const keyword = keywordOf(type);
    return keyword !== undefined ? `\`${keyword}\`` : TERMINAL_WORDS[type.name]!;
}

function oneOf(types: readonly TokenType[]): string {
    const words = [...new Set(types.map(describeExpected))];
    if (words.length === 1) return words[0]!;
    return `one of ${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function describeActual(token: IToken | undefined): string {
    if (!token || token.tokenType?.name === 'EOF' || token.image === '') return 'the end of the file';
    const keyword = token.tokenType ? keywordOf(token.tokenType) : undefined;
    if (keyword !== undefined) return `the keyword \`${keyword}\``;
    return `\`${token.image}\``;
}

/** Lexer errors: an unclosed string is named as such, any other stray character is shown. */
export class MissionLexerErrorMessageProvider implements ILexerErrorMessageProvider {
    buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        const text = fullText.substring(startOffset, startOffset + length);
        if (text.startsWith('"')) return 'this string is not closed: a string ends with " on the same line';
        return `unexpected character ${JSON.stringify(text)}`;
    }

    buildUnableToPopLexerModeMessage(token: IToken): string {
        return `unexpected ${JSON.stringify(token.image)}`;
    }
}

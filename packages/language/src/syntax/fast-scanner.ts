/**
 * The scanner of the fast parse path (fast-parser.ts): the tokens of the grammar's terminals and
 * keywords, exactly as Langium's Chevrotain lexer cuts them, for text that lexes without error.
 *
 * It is a pull scanner over the text: no token objects, the current token is a few fields. Anything
 * the generated lexer would report, or that this scanner does not model exactly (non-ASCII outside
 * strings and comments, such as a no-break space Chevrotain treats as whitespace), throws
 * `FastPathMiss`: the caller then parses the text with Langium's parser, which reports it.
 *
 * Chevrotain's rules it mirrors (mission.langium; Langium's token builder): keywords are tried first,
 * longest first, and a keyword loses to a longer ID (its LONGER_ALT), so a word is a keyword exactly
 * when the whole identifier run is one; then DATE before NUMBER; first match wins, not the longest.
 * Lines end at `\n`, `\r\n` or `\r`; whitespace is skipped, comments are hidden tokens.
 */

/** Thrown where the fast path does not apply; never escapes `MissionFastParser.parse`. */
export class FastPathMiss extends Error {}

const MISS = new FastPathMiss('not on the fast path');

/** A comment, shaped as the Chevrotain token Langium's CST builder takes for hidden nodes. */
export interface HiddenToken {
    startOffset: number;
    image: string;
    startLine: number;
    startColumn: number;
    endLine: number;
    endColumn: number;
    tokenType: unknown;
}

/** Where a token starts: its offset and its 0-based line and column. */
export interface TextPosition {
    readonly offset: number;
    readonly line: number;
    readonly column: number;
}

/** Token kinds: a keyword's own text, or one of these terminal names. */
export const ID = 'ID',
    STRING = 'STRING',
    NUMBER = 'NUMBER',
    DATE = 'DATE',
    EOF = '<EOF>';

const enum Char {
    Tab = 9,
    LineFeed = 10,
    VerticalTab = 11,
    FormFeed = 12,
    CarriageReturn = 13,
    Space = 32,
    Quote = 34,
    Comma = 44,
    Minus = 45,
    Dot = 46,
    Slash = 47,
    Zero = 48,
    Nine = 57,
    Backslash = 92,
    Underscore = 95,
    LeftBrace = 123,
    RightBrace = 125,
    Star = 42,
    UpperA = 65,
    UpperZ = 90,
    LowerA = 97,
    LowerZ = 122,
    UpperB = 66,
    UpperM = 77,
    LowerK = 107
}

function isDigit(c: number): boolean {
    return c >= Char.Zero && c <= Char.Nine;
}

function isIdStart(c: number): boolean {
    return (c >= Char.LowerA && c <= Char.LowerZ) || (c >= Char.UpperA && c <= Char.UpperZ) || c === Char.Underscore;
}

function isIdPart(c: number): boolean {
    return isIdStart(c) || isDigit(c) || c === Char.Minus;
}

export class FastScanner {
    /** The current token: its kind, offsets and position (0-based line and column). */
    kind = EOF;
    start = 0;
    end = 0;
    line = 0;
    column = 0;
    /** Comments met since the last token was taken, in order. */
    readonly comments: HiddenToken[] = [];

    private position = 0;
    private currentLine = 0;
    private lineStart = 0;

    /**
     * Scans `text` from its start, or from a token's known position (`from`: offset, 0-based line and
     * column). Without `commentTypes`, comments are skipped rather than recorded (a parse without CST).
     */
    constructor(
        private readonly text: string,
        private readonly keywordsByFirstChar: ReadonlyArray<readonly string[] | undefined>,
        private readonly commentTypes: { multiLine: unknown; singleLine: unknown } | undefined,
        from?: TextPosition
    ) {
        if (from) {
            this.position = from.offset;
            this.currentLine = from.line;
            this.lineStart = from.offset - from.column;
        }
        this.next();
    }

    /** The words of `keywords` grouped by first character code, as the scanner takes them. */
    static groupKeywords(keywords: Iterable<string>): Array<string[] | undefined> {
        const groups: Array<string[] | undefined> = [];
        for (const keyword of keywords) (groups[keyword.charCodeAt(0)] ??= []).push(keyword);
        return groups;
    }

    /** The current token's text. */
    image(): string {
        return this.text.substring(this.start, this.end);
    }

    /** Moves to the next token, collecting the comments before it. */
    next(): void {
        const text = this.text;
        const length = text.length;
        let p = this.position;
        for (;;) {
            if (p >= length) {
                this.setToken(EOF, p, p);
                return;
            }
            const c = text.charCodeAt(p);
            if (c === Char.Space || c === Char.Tab || c === Char.VerticalTab || c === Char.FormFeed) {
                p++;
            } else if (c === Char.LineFeed || c === Char.CarriageReturn) {
                p += c === Char.CarriageReturn && text.charCodeAt(p + 1) === Char.LineFeed ? 2 : 1;
                this.currentLine++;
                this.lineStart = p;
            } else if (c === Char.Slash) {
                p = this.comment(p);
            } else {
                break;
            }
        }
        const c = text.charCodeAt(p);
        if (isIdStart(c)) {
            let end = p + 1;
            while (end < length && isIdPart(text.charCodeAt(end))) end++;
            this.setToken(this.keywordAt(p, end) ?? ID, p, end);
        } else if (isDigit(c)) {
            this.setToken(this.isDate(p) ? DATE : NUMBER, p, this.isDate(p) ? p + 10 : this.numberEnd(p));
        } else if (c === Char.Minus && isDigit(text.charCodeAt(p + 1))) {
            this.setToken(NUMBER, p, this.numberEnd(p + 1));
        } else if (c === Char.Quote) {
            this.setToken(STRING, p, this.stringEnd(p));
        } else if (c === Char.LeftBrace) {
            this.setToken('{', p, p + 1);
        } else if (c === Char.RightBrace) {
            this.setToken('}', p, p + 1);
        } else if (c === Char.Comma) {
            this.setToken(',', p, p + 1);
        } else if (c === Char.Dot) {
            const double = text.charCodeAt(p + 1) === Char.Dot;
            this.setToken(double ? '..' : '.', p, double ? p + 2 : p + 1);
        } else {
            throw MISS;
        }
    }

    /** The keyword that is exactly the word at [start, end), compared in place (no substring per word). */
    private keywordAt(start: number, end: number): string | undefined {
        const candidates = this.keywordsByFirstChar[this.text.charCodeAt(start)];
        if (candidates) {
            for (let i = 0; i < candidates.length; i++) {
                const keyword = candidates[i]!;
                if (keyword.length === end - start && this.text.startsWith(keyword, start)) return keyword;
            }
        }
        return undefined;
    }

    private setToken(kind: string, start: number, end: number): void {
        this.kind = kind;
        this.start = start;
        this.end = end;
        this.line = this.currentLine;
        this.column = start - this.lineStart;
        this.position = end;
    }

    /** A comment at `p` (a slash): records it and returns the offset after it. */
    private comment(p: number): number {
        const text = this.text;
        const second = text.charCodeAt(p + 1);
        const startLine = this.currentLine;
        const startColumn = p - this.lineStart;
        let end: number;
        let tokenType: unknown;
        if (second === Char.Slash) {
            end = p + 2;
            while (end < text.length) {
                const c = text.charCodeAt(end);
                if (c === Char.LineFeed || c === Char.CarriageReturn) break;
                end++;
            }
            tokenType = this.commentTypes?.singleLine;
        } else if (second === Char.Star) {
            const close = text.indexOf('*/', p + 2);
            if (close < 0) throw MISS;
            end = close + 2;
            for (let i = p + 2; i < close; i++) {
                const c = text.charCodeAt(i);
                if (c === Char.LineFeed || c === Char.CarriageReturn) {
                    if (c === Char.CarriageReturn && text.charCodeAt(i + 1) === Char.LineFeed) i++;
                    this.currentLine++;
                    this.lineStart = i + 1;
                }
            }
            tokenType = this.commentTypes?.multiLine;
        } else {
            throw MISS;
        }
        if (this.commentTypes)
            this.comments.push({
                startOffset: p,
                image: text.substring(p, end),
                tokenType,
                // Chevrotain's 1-based start and inclusive end; Langium's CST builder converts them.
                startLine: startLine + 1,
                startColumn: startColumn + 1,
                endLine: this.currentLine + 1,
                endColumn: end - this.lineStart
            });
        return end;
    }

    /** DATE: /[0-9]{4}-[0-9]{2}-[0-9]{2}/ at `p`. */
    private isDate(p: number): boolean {
        const text = this.text;
        return (
            isDigit(text.charCodeAt(p + 1)) &&
            isDigit(text.charCodeAt(p + 2)) &&
            isDigit(text.charCodeAt(p + 3)) &&
            text.charCodeAt(p + 4) === Char.Minus &&
            isDigit(text.charCodeAt(p + 5)) &&
            isDigit(text.charCodeAt(p + 6)) &&
            text.charCodeAt(p + 7) === Char.Minus &&
            isDigit(text.charCodeAt(p + 8)) &&
            isDigit(text.charCodeAt(p + 9))
        );
    }

    /** NUMBER after its sign: /[0-9]+(_[0-9]+)*(\.[0-9]+(_[0-9]+)*)?[kMB]?/ from the digit at `p`. */
    private numberEnd(p: number): number {
        const text = this.text;
        p = this.digitGroupsEnd(p);
        if (text.charCodeAt(p) === Char.Dot && isDigit(text.charCodeAt(p + 1))) p = this.digitGroupsEnd(p + 1);
        const suffix = text.charCodeAt(p);
        return suffix === Char.LowerK || suffix === Char.UpperM || suffix === Char.UpperB ? p + 1 : p;
    }

    // Digits with `_` separators, /[0-9]+(_[0-9]+)*/, from the digit at `p`.
    private digitGroupsEnd(p: number): number {
        const text = this.text;
        do p++;
        while (isDigit(text.charCodeAt(p)));
        while (text.charCodeAt(p) === Char.Underscore && isDigit(text.charCodeAt(p + 1))) {
            p += 2;
            while (isDigit(text.charCodeAt(p))) p++;
        }
        return p;
    }

    /** STRING: /"[^"\\\r\n]*(?:\\[^\r\n][^"\\\r\n]*)*"/ from the quote at `p`. */
    private stringEnd(p: number): number {
        const text = this.text;
        for (let i = p + 1; i < text.length; i++) {
            const c = text.charCodeAt(i);
            if (c === Char.Quote) return i + 1;
            if (c === Char.LineFeed || c === Char.CarriageReturn) break;
            if (c === Char.Backslash) {
                const escaped = text.charCodeAt(i + 1);
                if (Number.isNaN(escaped) || escaped === Char.LineFeed || escaped === Char.CarriageReturn) break;
                i++;
            }
        }
        throw MISS;
    }
}

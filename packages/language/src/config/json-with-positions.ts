/**
 * A small JSON parser that keeps where every value and key is, so that a configuration problem can be
 * reported on its line. Strict JSON (RFC 8259): no comments, no trailing commas.
 */
export interface Span {
    /** Offsets into the text: start inclusive, end exclusive. */
    readonly start: number;
    readonly end: number;
}

export type JsonNode =
    | { readonly kind: 'object'; readonly span: Span; readonly members: readonly JsonMember[] }
    | { readonly kind: 'array'; readonly span: Span; readonly items: readonly JsonNode[] }
    | { readonly kind: 'string'; readonly span: Span; readonly value: string }
    | { readonly kind: 'number'; readonly span: Span; readonly value: number }
    | { readonly kind: 'boolean'; readonly span: Span; readonly value: boolean }
    | { readonly kind: 'null'; readonly span: Span };

export interface JsonMember {
    readonly key: string;
    readonly keySpan: Span;
    readonly value: JsonNode;
}

export class JsonSyntaxError extends Error {
    constructor(
        message: string,
        readonly offset: number
    ) {
        super(message);
    }
}

/** Parses the text; throws JsonSyntaxError with the offset of the first problem. */
export function parseJsonWithPositions(text: string): JsonNode {
    const parser = new Parser(text);
    parser.skipSpace();
    const value = parser.value();
    parser.skipSpace();
    if (!parser.atEnd()) parser.fail('unexpected text after the JSON value');
    return value;
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class Parser {
    private offset = 0;

    constructor(private readonly text: string) {}

    atEnd(): boolean {
        return this.offset >= this.text.length;
    }

    fail(message: string, offset = this.offset): never {
        throw new JsonSyntaxError(message, Math.min(offset, this.text.length));
    }

    skipSpace(): void {
        while (!this.atEnd() && ' \t\r\n'.includes(this.text[this.offset]!)) this.offset++;
    }

    value(): JsonNode {
        const char = this.text[this.offset];
        if (char === undefined) this.fail('unexpected end of the file');
        if (char === '{') return this.object();
        if (char === '[') return this.array();
        if (char === '"') {
            const start = this.offset;
            const value = this.string();
            return { kind: 'string', span: { start, end: this.offset }, value };
        }
        if (char === '-' || (char >= '0' && char <= '9')) return this.number();
        for (const [word, node] of [
            ['true', true],
            ['false', false],
            ['null', null]
        ] as const) {
            if (this.text.startsWith(word, this.offset)) {
                const span = { start: this.offset, end: this.offset + word.length };
                this.offset = span.end;
                return node === null ? { kind: 'null', span } : { kind: 'boolean', span, value: node };
            }
        }
        this.fail(`unexpected character '${char}'`);
    }

    private object(): JsonNode {
        const start = this.offset++;
        const members: JsonMember[] = [];
        this.skipSpace();
        if (this.text[this.offset] === '}') {
            this.offset++;
            return { kind: 'object', span: { start, end: this.offset }, members };
        }
        for (;;) {
            this.skipSpace();
            if (this.text[this.offset] !== '"') this.fail('expected a quoted property name');
            const keyStart = this.offset;
            const key = this.string();
            const keySpan = { start: keyStart, end: this.offset };
            this.skipSpace();
            if (this.text[this.offset] !== ':') this.fail("expected ':' after the property name");
            this.offset++;
            this.skipSpace();
            members.push({ key, keySpan, value: this.value() });
            this.skipSpace();
            const next = this.text[this.offset];
            this.offset++;
            if (next === '}') return { kind: 'object', span: { start, end: this.offset }, members };
            if (next !== ',') this.fail("expected ',' or '}'", this.offset - 1);
        }
    }

    private array(): JsonNode {
        const start = this.offset++;
        const items: JsonNode[] = [];
        this.skipSpace();
        if (this.text[this.offset] === ']') {
            this.offset++;
            return { kind: 'array', span: { start, end: this.offset }, items };
        }
        for (;;) {
            this.skipSpace();
            items.push(this.value());
            this.skipSpace();
            const next = this.text[this.offset];
            this.offset++;
            if (next === ']') return { kind: 'array', span: { start, end: this.offset }, items };
            if (next !== ',') this.fail("expected ',' or ']'", this.offset - 1);
        }
    }

    private string(): string {
        this.offset++; // the opening quote
        let value = '';
        for (;;) {
            const char = this.text[this.offset];
            if (char === undefined) this.fail('unterminated string');
            if (char === '"') {
                this.offset++;
                return value;
            }
            if (char < ' ') this.fail('control character in a string');
            if (char === '\\') {
                const escape = this.text[this.offset + 1];
                if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.offset + 2, this.offset + 6))) {
                    value += String.fromCharCode(parseInt(this.text.slice(this.offset + 2, this.offset + 6), 16));
                    this.offset += 6;
                    continue;
                }
                const replacement = escape === undefined ? undefined : ESCAPES[escape];
                if (replacement === undefined) this.fail('invalid escape in a string');
                value += replacement;
                this.offset += 2;
                continue;
            }
            value += char;
            this.offset++;
        }
    }

    private number(): JsonNode {
        const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.text.slice(this.offset));
        if (!match) this.fail('invalid number');
        const start = this.offset;
        this.offset += match[0].length;
        return { kind: 'number', span: { start, end: this.offset }, value: Number(match[0]) };
    }
}

/** 1-based line and column of an offset. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
    let line = 1;
    let lineStart = 0;
    for (let index = 0; index < offset && index < text.length; index++) {
        if (text[index] === '\n') {
            line++;
            lineStart = index + 1;
        }
    }
    return { line, column: offset - lineStart + 1 };
}

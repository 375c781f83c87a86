/**
 * Number literals: `40000`, `40_000`, `2.5`, `-3`, with an optional suffix `k`, `M` or `B`.
 * Conversion is done on the decimal text, not by floating-point multiplication, so `1.1M` is exactly
 * 1100000 (1.1 * 1e6 is not).
 */
const PLAIN_INTEGER = /^-?[0-9]{1,15}$/;
const SUFFIX_DIGITS: Record<string, number> = { k: 3, M: 6, B: 9 };

export function parseNumberLiteral(text: string): number {
    // Most literals are plain integers: no separators, fraction or suffix to move the point for.
    if (PLAIN_INTEGER.test(text)) return Number(text);
    let digits = text.replace(/_/g, '');
    const shift = SUFFIX_DIGITS[digits.charAt(digits.length - 1)] ?? 0;
    if (shift > 0) digits = digits.slice(0, -1);
    const negative = digits.startsWith('-');
    if (negative) digits = digits.slice(1);
    const [whole = '0', fraction = ''] = digits.split('.');
    // Move the decimal point `shift` places right, padding the fraction with zeros.
    const padded = fraction.padEnd(shift, '0');
    const integerPart = whole + padded.slice(0, shift);
    const fractionPart = padded.slice(shift);
    const value = Number(fractionPart ? `${integerPart}.${fractionPart}` : integerPart);
    return negative ? -value : value;
}

// One formatter for the process, made on first use: `toLocaleString` builds one per call, which is slow in bulk,
// and making it loads ICU's number data (~12 ms), which a run that formats only whole numbers never needs.
let numberFormat: Intl.NumberFormat | undefined;
const THOUSANDS = /\B(?=(\d{3})+$)/g;

/** Formats a number for messages: `1100000` → `1,100,000`; fractions keep up to 2 decimals. */
export function formatNumber(value: number): string {
    // Whole numbers are grouped by hand, exactly as `en-US` groups them (-0 is left to Intl: it prints `-0`).
    if (Number.isSafeInteger(value) && !Object.is(value, -0)) {
        const digits = String(Math.abs(value)).replace(THOUSANDS, ',');
        return value < 0 ? `-${digits}` : digits;
    }
    numberFormat ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
    return numberFormat.format(value);
}

/**
 * `1 error`, `2 errors`, `1,200 missions`: a count with its noun, plural unless the count is 1. `info`
 * has no plural (`0 info`, `3 info`): pass it as its own plural.
 */
export function counted(count: number, noun: string, plural = `${noun}s`): string {
    return `${formatNumber(count)} ${count === 1 ? noun : plural}`;
}

/**
 * `2 errors, 1 warning, 0 info`: the problem counts as every text output words them (the CLI's summary
 * line, the report); the JSON field names stay `errors`, `warnings`, `infos`.
 */
export function problemCounts(summary: {
    readonly errors: number;
    readonly warnings: number;
    readonly infos: number;
}): string {
    return [
        counted(summary.errors, 'error'),
        counted(summary.warnings, 'warning'),
        counted(summary.infos, 'info', 'info')
    ].join(', ');
}

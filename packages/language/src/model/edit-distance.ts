/**
 * "Did you mean": the names nearest to a text by Levenshtein distance. Names are compared against every
 * name of the expected kind in the index (100,000s in a large workspace), so the distance is bounded:
 * lengths that differ by more than the limit are skipped at once, a row that is all above the limit
 * stops early, and the two rows are reused buffers.
 */
export class BoundedDistance {
    private previous = new Int32Array(0);
    private current = new Int32Array(0);

    constructor(
        private readonly text: string,
        readonly limit: number
    ) {}

    /** The distance from the text to the name, or undefined when it is more than the limit. */
    to(name: string): number | undefined {
        const a = this.text;
        const b = name;
        if (Math.abs(a.length - b.length) > this.limit) return undefined;
        if (this.previous.length < b.length + 1) {
            this.previous = new Int32Array(b.length + 1);
            this.current = new Int32Array(b.length + 1);
        }
        let previous = this.previous;
        let current = this.current;
        for (let j = 0; j <= b.length; j++) previous[j] = j;
        for (let i = 1; i <= a.length; i++) {
            current[0] = i;
            let rowMinimum = i;
            const char = a.charCodeAt(i - 1);
            for (let j = 1; j <= b.length; j++) {
                const substitution = previous[j - 1]! + (char === b.charCodeAt(j - 1) ? 0 : 1);
                const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
                current[j] = value;
                if (value < rowMinimum) rowMinimum = value;
            }
            if (rowMinimum > this.limit) return undefined;
            [previous, current] = [current, previous];
        }
        const distance = previous[b.length]!;
        return distance <= this.limit ? distance : undefined;
    }
}

export function editDistance(a: string, b: string, limit: number): number | undefined {
    return new BoundedDistance(a, limit).to(b);
}

/** How far a name may be from the text to count as "did you mean": a third of its length, at least 1, at most 3. */
export function distanceLimit(text: string): number {
    return Math.max(1, Math.min(3, Math.floor(text.length / 3)));
}

export interface NameMatch<T> {
    readonly item: T;
    readonly name: string;
    readonly distance: number;
}

/**
 * The names nearest to the text, nearest first (then alphabetically), at most `max`. A name that differs
 * only in case counts as distance 0.5, nearer than any other edit (names are case-sensitive, so the text
 * is not that name).
 */
export function nearestNames<T>(
    text: string,
    candidates: Iterable<{ item: T; name: string }>,
    max: number
): Array<NameMatch<T>> {
    const distance = new BoundedDistance(text, distanceLimit(text));
    const lower = text.toLowerCase();
    const matches: Array<NameMatch<T>> = [];
    const seen = new Set<string>();
    for (const { item, name } of candidates) {
        if (name === text || seen.has(name)) continue;
        const found = name.length === text.length && name.toLowerCase() === lower ? 0.5 : distance.to(name);
        if (found === undefined) continue;
        seen.add(name);
        matches.push({ item, name, distance: found });
    }
    matches.sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name));
    return matches.slice(0, max);
}

/**
 * Every name of a sorted list (code-unit order) within `limit` edits of the text, in list order. The list
 * is walked as a trie: a name reuses the rows of the prefix it shares with the one before, and a prefix
 * already more than `limit` edits from every start of the text skips, by one binary search, every name
 * that begins with it. On 100,000 similar names (`m1` ... `m99999`) a search visits a few hundred prefixes.
 */
export function namesWithin(
    sorted: readonly string[],
    text: string,
    limit: number,
    found: (name: string, distance: number) => void
): void {
    const columns = text.length + 1;
    const first = new Int32Array(columns);
    for (let j = 0; j < columns; j++) first[j] = j;
    const rows: Int32Array[] = [first];
    let previous = '';
    /** How many rows past the first hold the rows of `previous`'s prefix. */
    let valid = 0;
    let i = 0;
    while (i < sorted.length) {
        const name = sorted[i]!;
        const shared = Math.min(valid, name.length);
        let depth = 0;
        while (depth < shared && name.charCodeAt(depth) === previous.charCodeAt(depth)) depth++;
        let prunedAt = 0;
        for (let d = depth + 1; d <= name.length; d++) {
            const above = rows[d - 1]!;
            const row = (rows[d] ??= new Int32Array(columns));
            const char = name.charCodeAt(d - 1);
            row[0] = d;
            let rowMinimum = d;
            for (let j = 1; j < columns; j++) {
                const substitution = above[j - 1]! + (char === text.charCodeAt(j - 1) ? 0 : 1);
                const value = Math.min(above[j]! + 1, row[j - 1]! + 1, substitution);
                row[j] = value;
                if (value < rowMinimum) rowMinimum = value;
            }
            if (rowMinimum > limit) {
                prunedAt = d;
                break;
            }
        }
        previous = name;
        if (prunedAt > 0) {
            valid = prunedAt - 1;
            i = endOfBlock(sorted, name, prunedAt, i + 1);
            continue;
        }
        valid = name.length;
        const distance = rows[name.length]![text.length]!;
        if (distance <= limit) found(name, distance);
        i++;
    }
}

/**
 * The first index from `from` on whose name does not start with the first `length` characters of
 * `name` (the names that do are contiguous). Most blocks are short: gallop, then halve.
 */
function endOfBlock(sorted: readonly string[], name: string, length: number, from: number): number {
    const inBlock = (index: number): boolean => {
        const other = sorted[index]!;
        if (other.length < length) return false;
        for (let k = length - 1; k >= 0; k--) if (other.charCodeAt(k) !== name.charCodeAt(k)) return false;
        return true;
    };
    let low = from;
    let step = 1;
    while (low < sorted.length && inBlock(low)) {
        low += step;
        step *= 2;
    }
    // Every index before low - step / 2 is in the block (or low is the start); the end lies before low.
    let high = Math.min(low, sorted.length);
    low = step === 1 ? low : low - step / 2 + 1;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if (inBlock(middle)) low = middle + 1;
        else high = middle;
    }
    return low;
}

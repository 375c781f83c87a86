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

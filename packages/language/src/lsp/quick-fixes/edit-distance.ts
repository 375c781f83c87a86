/**
 * Levenshtein distance between two names, or undefined when it is more than `limit` (checked from the
 * lengths first and per row after, so that comparing a name with a large index stays cheap).
 */
export function editDistance(a: string, b: string, limit: number): number | undefined {
    if (Math.abs(a.length - b.length) > limit) return undefined;
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        let rowMinimum = i;
        for (let j = 1; j <= b.length; j++) {
            const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
            const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
            current.push(value);
            rowMinimum = Math.min(rowMinimum, value);
        }
        if (rowMinimum > limit) return undefined;
        previous = current;
    }
    const distance = previous[b.length]!;
    return distance <= limit ? distance : undefined;
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
export function nearestNames<T>(text: string, candidates: Iterable<{ item: T; name: string }>, max: number): Array<NameMatch<T>> {
    const limit = distanceLimit(text);
    const lower = text.toLowerCase();
    const matches: Array<NameMatch<T>> = [];
    const seen = new Set<string>();
    for (const { item, name } of candidates) {
        if (name === text || seen.has(name)) continue;
        const distance = name.toLowerCase() === lower ? 0.5 : editDistance(text, name, limit);
        if (distance === undefined) continue;
        seen.add(name);
        matches.push({ item, name, distance });
    }
    matches.sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name));
    return matches.slice(0, max);
}

/**
 * Chevrotain 13 (under Langium 4.4) calls `Object.groupBy` and `Map.groupBy`, which Node has only from
 * version 22. This module adds them on Node 20; it is imported first by every entry point that builds a
 * parser (see mission-module.ts), so no user on Node 20 meets "Object.groupBy is not a function".
 */
type KeyOf<T, K> = (item: T, index: number) => K;

function eachWithIndex<T>(items: Iterable<T>, visit: (item: T, index: number) => void): void {
    let index = 0;
    for (const item of items) visit(item, index++);
}

const objectWithGroupBy = Object as unknown as { groupBy?: unknown };
if (typeof objectWithGroupBy.groupBy !== 'function') {
    Object.defineProperty(Object, 'groupBy', {
        configurable: true,
        writable: true,
        value<T>(items: Iterable<T>, keyOf: KeyOf<T, PropertyKey>): Record<PropertyKey, T[]> {
            const groups: Record<PropertyKey, T[]> = Object.create(null);
            eachWithIndex(items, (item, index) => {
                (groups[keyOf(item, index)] ??= []).push(item);
            });
            return groups;
        }
    });
}

const mapWithGroupBy = Map as unknown as { groupBy?: unknown };
if (typeof mapWithGroupBy.groupBy !== 'function') {
    Object.defineProperty(Map, 'groupBy', {
        configurable: true,
        writable: true,
        value<T, K>(items: Iterable<T>, keyOf: KeyOf<T, K>): Map<K, T[]> {
            const groups = new Map<K, T[]>();
            eachWithIndex(items, (item, index) => {
                const key = keyOf(item, index);
                const group = groups.get(key);
                if (group) group.push(item);
                else groups.set(key, [item]);
            });
            return groups;
        }
    });
}

export {};

// Chevrotain 13 (pulled in by Langium 4.4) calls Object.groupBy / Map.groupBy, which Node only has from 22.
// Loaded with `node --require` for the Langium generator; the runtime imports src/node20-polyfill.ts.
'use strict';
function groupInto(items, keyOf, add) {
    let index = 0;
    for (const item of items) add(keyOf(item, index++), item);
}
if (typeof Object.groupBy !== 'function') {
    Object.defineProperty(Object, 'groupBy', {
        configurable: true,
        writable: true,
        value(items, keyOf) {
            const groups = Object.create(null);
            groupInto(items, keyOf, (key, item) => {
                (groups[key] ??= []).push(item);
            });
            return groups;
        }
    });
}
if (typeof Map.groupBy !== 'function') {
    Object.defineProperty(Map, 'groupBy', {
        configurable: true,
        writable: true,
        value(items, keyOf) {
            const groups = new Map();
            groupInto(items, keyOf, (key, item) => {
                const group = groups.get(key);
                if (group) group.push(item);
                else groups.set(key, [item]);
            });
            return groups;
        }
    });
}

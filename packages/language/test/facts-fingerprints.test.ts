/** factFingerprints: the comparable string incremental/affected.ts uses to tell which elements an edit reached. */
import { describe, expect, it } from 'vitest';
import { factFingerprints } from '../src/facts/fingerprints.js';
import { check, element, mission } from './foundation-helpers.js';

async function printOf(text: string, name: string, type = 'Mission'): Promise<string> {
    const result = await check(text);
    const node = type === 'Mission' ? mission(result, name) : element(result, type, name);
    return factFingerprints(result.facts).get(node)!;
}

describe('factFingerprints', () => {
    it('puts the window, its source, measures and parent of a mission in one string', async () => {
        const print = await printOf(
            'vision Acme\nmission Grow under Acme { measure m "M" { target 10 current 5 } }',
            'Grow'
        );
        const fields = print.split('|');
        expect(fields).toHaveLength(7);
        expect(fields[1]).toBe('-Infinity..Infinity');
        expect(fields[4]).toBe('up:0.5');
        expect(fields[5]).toBe('Acme');
        expect(fields[6]).toBe('');
    });

    it('changes when a measure, the parent or a cycle changes', async () => {
        const base = 'vision Acme\nmission Grow under Acme { measure m "M" { target 10 current 5 } }';
        const moved = 'vision Acme\nmission Grow under Acme { measure m "M" { target 10 current 6 } }';
        expect(await printOf(moved, 'Grow')).not.toBe(await printOf(base, 'Grow'));
        const cycle = await printOf('mission A under B { }\nmission B under A { }', 'A');
        expect(cycle.split('|').at(-1)).toBe('A>B');
    });

    it('gives the size of a cycle too long to name whole, as its alignment-cycle message does', async () => {
        // 13 missions: the walk names 12, the message "… (13 missions in all)".
        const text = Array.from({ length: 13 }, (_, i) => `mission C${i} under C${(i + 1) % 13} { }`).join('\n');
        const walk = (await printOf(text, 'C0')).split('|').at(-1)!;
        expect(walk).toBe('C0>C1>C2>C3>C4>C5>C6>C7>C8>C9>C10>C11 (13)');
    });

    it('gives a person their load, capacity and the counted missions with their starts', async () => {
        const text =
            'person dana "Dana" { capacity 1 }\n' +
            'mission A { lead dana\n status active\n boundary { window 2026-01-01 .. 2026-06-30 } }\n' +
            'mission B { lead dana\n status active\n boundary { window 2026-02-01 .. 2026-03-31 } }';
        const result = await check(text);
        const prints = factFingerprints(result.facts);
        const start = (name: string): number => result.facts.windowOf(mission(result, name)).start;
        expect(prints.get(element(result, 'Person', 'dana'))).toBe(`2/1|2|A@${start('A')},B@${start('B')}`);
        const fields = prints.get(mission(result, 'B'))!.split('|');
        expect(fields[0]).toBe('active');
        expect(fields[1]).toBe(`${start('B')}..${start('B') + 58}`);
        expect(fields[2]).toBe('own:B');
    });
});

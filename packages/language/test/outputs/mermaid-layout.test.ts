/**
 * The Mermaid cascade laid out by Mermaid itself in Chromium: every vision and mission stays on its cascade
 * level (one y per level), whatever `supports` links run between them (down, up, across trees, on one level).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildCascadeGraph, type CascadeGraph, cascadeToMermaid } from '../../src/outputs/index.js';
import { launchChromium } from './chromium.js';
import { checkText } from './output-helpers.js';

const MERMAID = fileURLToPath(new URL('../../../../node_modules/mermaid/dist/mermaid.min.js', import.meta.url));

let browser: Browser | undefined;
beforeAll(async () => {
    browser = await launchChromium();
}, 600_000);
afterAll(async () => {
    await browser?.close();
});

interface Rendered {
    /** Each drawn node's Mermaid id (`n3`, `r0`) and its centre. */
    nodes: Array<{ id: string; x: number; y: number; relay: boolean }>;
    /** Each drawn link (`L_n4_n10_0`) and where it shows an arrowhead (the computed markers, after linkStyle). */
    links: Array<{ id: string; start: boolean; end: boolean }>;
    errors: string[];
}

async function render(text: string): Promise<Rendered> {
    const page = await browser!.newPage();
    const errors: string[] = [];
    page.on('pageerror', error => errors.push(error.message));
    await page.setContent('<!DOCTYPE html><html><body><div id="out"></div></body></html>');
    await page.addScriptTag({ content: readFileSync(MERMAID, 'utf8') });
    const nodes = (await page.evaluate(`(async () => {
        mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
        const { svg } = await mermaid.render('cascade', ${JSON.stringify(text)});
        const out = document.getElementById('out');
        out.innerHTML = svg;
        const nodes = [...out.querySelectorAll('g.node')].map(node => {
            const [, x, y] = /translate\\(([-\\d.]+),\\s*([-\\d.]+)\\)/.exec(node.getAttribute('transform'));
            const id = /flowchart-(\\w+)-/.exec(node.id)[1];
            return { id, x: Number(x), y: Number(y), relay: node.classList.contains('relay') };
        });
        const links = [...out.querySelectorAll('path.flowchart-link')].map(path => ({
            id: path.id,
            start: getComputedStyle(path).markerStart !== 'none',
            end: getComputedStyle(path).markerEnd !== 'none'
        }));
        return { nodes, links };
    })()`)) as Omit<Rendered, 'errors'>;
    await page.close();
    return { ...nodes, errors };
}

/** The y of each drawn vision and mission, grouped by its cascade level. */
function yByLevel(graph: CascadeGraph, rendered: Rendered): Map<number, number[]> {
    const levels = new Map<number, number[]>();
    for (const node of graph.nodes) {
        const drawn = rendered.nodes.find(candidate => candidate.id === node.id);
        expect(drawn, node.name).toBeDefined();
        levels.set(node.depth, [...(levels.get(node.depth) ?? []), Math.round(drawn!.y)]);
    }
    return levels;
}

const CASCADE = `
    vision V
    vision W
    mission A under V { supports B }
    mission B under V { }
    mission C under A { supports D }
    mission D under B { }
    mission E under C { supports B }
    mission F under W { supports C }
    mission G under W { supports E }
    mission H under E { }
    mission Loose { supports A }
    mission Low under Loose { supports Loose }
`;

describe('Mermaid keeps the cascade levels', () => {
    test('with supports down, up, across trees and on one level, each level is drawn at one y', async ({ skip }) => {
        if (!browser) return skip('no Chromium here: the Mermaid layout was not checked');
        const graph = buildCascadeGraph(await checkText(CASCADE));
        // The cascade: V, W, Loose on level 0; A, B, F, G, Low on 1; C, D on 2; E on 3; H on 4.
        expect(graph.nodes.map(node => `${node.name}${node.depth}`)).toEqual([
            'V0',
            'W0',
            'Loose0',
            'A1',
            'B1',
            'F1',
            'G1',
            'Low1',
            'C2',
            'D2',
            'E3',
            'H4'
        ]);
        expect(graph.edges.filter(edge => edge.kind === 'supports')).toHaveLength(7);
        const text = cascadeToMermaid(graph);
        const rendered = await render(text);
        expect(rendered.errors).toEqual([]);
        const levels = yByLevel(graph, rendered);
        expect([...levels.keys()]).toEqual([0, 1, 2, 3, 4]);
        const ys = [...levels.values()].map(values => new Set(values));
        for (const [level, values] of ys.entries()) expect([...values], `level ${level}`).toHaveLength(1);
        // ...and the levels go down the page in order.
        const order = ys.map(values => [...values][0]!);
        expect(order).toEqual([...order].sort((a, b) => a - b));
        expect(new Set(order).size).toBe(5);
        // The two supports on one level (A → B, C → D) run through relays, drawn as nothing.
        expect(text).toContain('n4 <-.->|supports| r0');
        expect(text).toContain('n8 -.- r1');
        // E (level 3) supports B (level 1): written from B, two levels long, the arrowhead at B.
        expect(text).toContain('n4 <-..->|supports| n10');
        // G (level 1) supports E (level 3): two levels long.
        expect(text).toContain('n6 -..->|supports| n10');
        expect(rendered.nodes.filter(node => node.relay).map(node => node.id)).toEqual(['r0', 'r1']);
        // Each supports link shows one arrowhead, at the supported mission: B for A's (through r0) and E's.
        const arrows = (from: string, to: string) =>
            rendered.links.find(link => link.id.startsWith(`L_${from}_${to}_`));
        expect(arrows('n3', 'r0')).toMatchObject({ start: false, end: false });
        expect(arrows('n4', 'r0')).toMatchObject({ start: true, end: false });
        expect(arrows('n4', 'n10')).toMatchObject({ start: true, end: false });
        expect(arrows('n6', 'n10')).toMatchObject({ start: false, end: true });
        expect(arrows('n0', 'n3')).toMatchObject({ start: false, end: true }); // V → A, an `under` link
    }, 120_000);

    test('the old way (every supports link one level long) does push missions down: the check can fail', async ({
        skip
    }) => {
        if (!browser) return skip('no Chromium here: the Mermaid layout was not checked');
        const graph = buildCascadeGraph(await checkText(CASCADE));
        const naive = cascadeToMermaid(graph)
            .split('\n')
            .filter(line => !/^ {4}(r\d+\[|\S+ (-\.+-|<-\.+-))|linkStyle|\|supports\|/.test(line))
            .concat(graph.edges.filter(edge => edge.kind === 'supports').map(e => `    ${e.from} -.-> ${e.to}`))
            .join('\n');
        const levels = yByLevel(graph, await render(naive));
        expect([...levels.values()].some(values => new Set(values).size > 1)).toBe(true);
    }, 120_000);
});

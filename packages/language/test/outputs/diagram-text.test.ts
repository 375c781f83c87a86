import { describe, expect, test } from 'vitest';
import { dotString, mermaidText } from '../../src/outputs/index.js';
import { xmlText } from '../../src/model/escape.js';
import { wrapWords } from '../../src/outputs/cascade-graph.js';
import { buildCascadeGraph, cascadeToDot, cascadeToMermaid, dotToSvg } from '../../src/outputs/index.js';
import { checkText } from './output-helpers.js';

const NASTY = 'A "quoted" <b>&amp;</b> [x] {y} (z) #1; -->|x| \\ \' end';

describe('escaping model text for each diagram format', () => {
    test('Mermaid: only letters, digits and spaces survive; everything else is an entity code', () => {
        const escaped = mermaidText(NASTY);
        expect(escaped).not.toMatch(/["<>[\]{}()|\\]/);
        expect(escaped).toContain('#92;#quot;quoted#92;#quot;');
        expect(escaped).toContain('#92;#91;x#92;#93;');
        expect(mermaidText('Café 100%')).toBe('Café 100#92;#37;');
    });

    test('DOT strings and XML label text', () => {
        expect(dotString('say "hi" \\ now\nok')).toBe('"say \\"hi\\" \\\\ now\\nok"');
        expect(xmlText('<a href="x">&</a>\u0001')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
    });

    test('wrapping keeps words whole', () => {
        expect(wrapWords('one two three four five', 9)).toEqual(['one two', 'three', 'four five']);
        expect(wrapWords('', 9)).toEqual([]);
    });
});

describe('the cascade graph', () => {
    const model = `
        vision V "V ${NASTY.replace(/["\\]/g, '')}"
        person p
        mission A "${NASTY.replace(/["\\]/g, '')}" under V { lead p measure m { target 10 current 5 } supports B }
        mission B under V { lead p status staged }
        mission C under A { lead p status won }
        mission D under C { lead nobody }
        mission X under Y { }
        mission Y under X { }
    `;

    test('nodes follow the cascade; supports become dashed edges; errors are marked', async () => {
        const graph = buildCascadeGraph(await checkText(model));
        expect(graph.nodes.map(node => node.name)).toEqual(['V', 'A', 'B', 'C', 'D', 'X', 'Y']);
        expect(graph.edges.filter(edge => edge.kind === 'supports')).toEqual([
            { from: 'n1', to: 'n2', kind: 'supports' }
        ]);
        expect(graph.nodes.find(node => node.name === 'D')!.hasErrors).toBe(true);
        expect(graph.nodes.find(node => node.name === 'A')).toMatchObject({
            lead: 'p',
            status: 'active',
            progress: 0.5,
            hasErrors: false
        });
    });

    test('--root, --depth and --no-supports narrow the graph', async () => {
        const output = await checkText(model);
        expect(buildCascadeGraph(output, { root: 'A' }).nodes.map(node => node.name)).toEqual(['A', 'C', 'D']);
        expect(buildCascadeGraph(output, { root: 'V', depth: 1 }).nodes.map(node => node.name)).toEqual([
            'V',
            'A',
            'B'
        ]);
        expect(buildCascadeGraph(output, { depth: 0 }).nodes.map(node => node.name)).toEqual(['V']);
        expect(buildCascadeGraph(output, { supports: false }).edges.some(edge => edge.kind === 'supports')).toBe(false);
        expect(() => buildCascadeGraph(output, { root: 'Nope' })).toThrow(/^no vision or mission is named 'Nope'$/);
        expect(() => buildCascadeGraph(output, { root: 'a' })).toThrow(
            "no vision or mission is named 'a': did you mean 'A'?"
        );
    });

    test('a mission behind its pace is marked in Mermaid and DOT (so in SVG and PNG); others are not', async () => {
        const paced = `
            mission Late { boundary { window 2026-01-01 .. 2026-06-30 } measure m { target 10 current 2 } }
            mission Fine { boundary { window 2026-01-01 .. 2026-06-30 } measure m { target 10 current 10 } }
        `;
        const graph = buildCascadeGraph(await checkText(paced));
        expect(graph.nodes.map(node => [node.name, node.pace])).toEqual([
            ['Late', 'behind'],
            ['Fine', 'won']
        ]);
        const mermaid = cascadeToMermaid(graph);
        // ⚠ as an entity code, as every character that is not a letter, digit or space.
        expect(mermaid).toMatch(/n0\("<b>Late<\/b>.*<br\/><b>#9888; behind<\/b>/);
        expect(mermaid).not.toMatch(/n1\(".*behind/);
        expect(mermaid).toContain('class n0 behind');
        const dot = cascadeToDot(graph);
        const late = dot.split('\n').find(line => line.startsWith('    n0 '))!;
        expect(late).toMatch(/class="mission status-active( has-errors)? behind"/);
        expect(late).toContain('<B>⚠ behind</B>');
        expect(dot.split('\n').find(line => line.startsWith('    n1 '))).not.toContain('behind');
        // Early in the window the same model is on track: no marker.
        const early = cascadeToDot(buildCascadeGraph(await checkText(paced, '2026-01-15')));
        expect(early).not.toContain('behind');
    });

    test('tags on the nodes; --tag keeps the tagged missions and greys their ancestors', async () => {
        const tagged = await checkText(`
            vision V
            mission Top under V { }
            mission Mid under Top { tags north, clinics }
            mission Low under Mid { tags north }
            mission Other under V { tags south }
            mission Side under Top { }
        `);
        const all = buildCascadeGraph(tagged);
        expect(all.nodes.find(node => node.name === 'Mid')!.tags).toEqual(['north', 'clinics']);
        expect(cascadeToMermaid(all)).toContain('<i>#92;#35;north #92;#35;clinics</i>');
        expect(cascadeToDot(all)).toContain('>#north #clinics</FONT>');
        const graph = buildCascadeGraph(tagged, { tag: 'north' });
        expect(graph.nodes.map(node => [node.name, node.context ?? false])).toEqual([
            ['V', true],
            ['Top', true],
            ['Mid', false],
            ['Low', false]
        ]);
        const mermaid = cascadeToMermaid(graph);
        expect(mermaid).toContain('class n0,n1 context');
        expect(mermaid).toMatch(/classDef context fill:#f7f7f8/);
        const dot = cascadeToDot(graph);
        expect(dot.split('\n').find(line => line.startsWith('    n1 '))).toMatch(
            /class="mission status-active[^"]* context"/
        );
        expect(dot.split('\n').find(line => line.startsWith('    n2 '))).not.toContain('context');
        expect(() => buildCascadeGraph(tagged, { tag: 'North' })).toThrow(
            "no mission is tagged 'North': did you mean 'north'?"
        );
    });

    test('no model text reaches Mermaid or DOT unescaped', async () => {
        const graph = buildCascadeGraph(await checkText(model));
        const mermaid = cascadeToMermaid(graph, { direction: 'LR' });
        expect(mermaid.startsWith('flowchart LR\n')).toBe(true);
        for (const line of mermaid.split('\n').filter(line => line.includes('("') || line.includes('(["'))) {
            const label = /\("(.*)"\)|\(\["(.*)"\]\)/.exec(line)!;
            expect(label[1] ?? label[2]).not.toMatch(/["[\]{}()|]/);
        }
        // A and B are on one level: the supports link runs through an invisible relay (see mermaid-layout.test.ts).
        expect(mermaid).toContain('    n1 -.- r0\n    n2 <-.->|supports| r0');
        expect(mermaid).toMatch(/class n\d+(,n\d+)* hasErrors/);
        const dot = cascadeToDot(graph);
        const labels = dot
            .split('\n')
            .filter(line => line.includes('label=<'))
            .map(line => line.slice(line.indexOf('label=<')));
        expect(labels.join('\n')).not.toContain('<b>&amp;');
        expect(dot).toContain('&lt;b&gt;&amp;amp;&lt;/b&gt;');
        expect(dot).toContain('n1 -> n2 [class="supports", style=dashed');
    });
});

describe('marks on the nodes: hidden missions, errors and warnings by rule, a flush progress bar', () => {
    const marked = `
        vision V
        person p { capacity 10 }
        mission A under V { intent "a" lead p measure m { target 10 current 5 } }
        mission B under A { intent "b" lead nobody measure m { target 1 } }
        mission C under A { intent "c" measure m { target 1 } }
        mission D under C { intent "d" lead p measure m { target 1 } }
        mission E under D { intent "e" lead p measure m { target 1 } }
        mission F under E { intent "f" lead p measure m { target 1 } }
    `;

    test('--depth: a node on the last level says how many missions below it are not drawn', async () => {
        const output = await checkText(marked);
        const graph = buildCascadeGraph(output, { depth: 2 });
        expect(graph.nodes.map(node => [node.name, node.hiddenBelow])).toEqual([
            ['V', undefined],
            ['A', undefined],
            ['B', undefined],
            ['C', 3]
        ]);
        expect(cascadeToMermaid(graph)).toMatch(/n3\("<b>C<\/b>.*<br\/><i>#92;#43;3 below<\/i>/);
        const c = cascadeToDot(graph)
            .split('\n')
            .find(line => line.startsWith('    n3 '))!;
        expect(c).toContain('>+3 below</FONT>');
        expect(c).toContain('class="mission status-active has-warnings has-hidden"');
        // Without --depth nothing is hidden; --root with --depth counts below the cut only.
        expect(buildCascadeGraph(output).nodes.some(node => node.hiddenBelow !== undefined)).toBe(false);
        expect(buildCascadeGraph(output, { root: 'C', depth: 1 }).nodes.map(node => node.hiddenBelow)).toEqual([
            undefined,
            2
        ]);
    });

    test('errors and warnings name their rules; a node with warnings only is outlined amber', async () => {
        const graph = buildCascadeGraph(await checkText(marked));
        const byName = new Map(graph.nodes.map(node => [node.name, node]));
        expect(byName.get('B')).toMatchObject({ hasErrors: true, errorCodes: ['unresolved-reference'] });
        expect(byName.get('C')).toMatchObject({ hasErrors: false });
        expect(byName.get('C')!.warningCodes).toContain('no-lead');
        expect(byName.get('C')!.errorCodes).toBeUndefined();
        expect(byName.get('D')!.warningCodes ?? []).not.toContain('no-lead');
        const mermaid = cascadeToMermaid(graph);
        expect(mermaid).toMatch(/n2\(".*<b>error#92;#58; unresolved#92;#45;reference<\/b>/);
        expect(mermaid).toMatch(/n3\(".*<br\/>#9888; warnings#92;#58; no#92;#45;lead#92;#44;/);
        expect(mermaid).toContain('class n2 hasErrors');
        expect(mermaid).toMatch(/class (n\d+,)*n3(,n\d+)* hasWarnings\n/);
        const dot = cascadeToDot(graph).split('\n');
        const b = dot.find(line => line.startsWith('    n2 '))!;
        expect(b).toContain('color="#d00000", penwidth=3.5');
        expect(b).toContain('<B>error: unresolved-reference</B>');
        const c = dot.find(line => line.startsWith('    n3 '))!;
        expect(c).toContain('color="#b7791f", penwidth=2.5');
        expect(c).toContain('<B>⚠ warnings: no-lead,</B>');
        expect(dot.find(line => line.startsWith('    n4 '))).not.toMatch(/no-lead|>error/);
    });

    test('the progress bar spans each node from margin to margin, split at its progress', async () => {
        const output = await checkText(`
            mission Short { measure m { target 4 current 1 } }
            mission Wide "Aheadingwrittenasonewordsoitcannotwrapandwidensthenode" {
                measure m { target 4 current 3 } }
            mission Done { measure m { target 1 current 1 } }
            mission None { }
        `);
        const svg = await dotToSvg(cascadeToDot(buildCascadeGraph(output)));
        const nodes = [...svg.matchAll(/<g id="mission&#45;(\w+)" class="node[^"]*">([\s\S]*?)<\/a>/g)];
        expect(nodes.map(match => match[1])).toEqual(['Short', 'Wide', 'Done', 'None']);
        const widths: number[] = [];
        for (const [, name, body] of nodes) {
            const xs = [...body!.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map(point => Number(point[1]));
            const outline = /<path[^>]*d="([^"]+)"/.exec(body!)![1]!;
            const outlineXs = [...outline.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map(point => Number(point[1]));
            const [left, right] = [Math.min(...outlineXs), Math.max(...outlineXs)];
            const bars = [...body!.matchAll(/<polygon fill="([^"]+)" stroke="none" points="([^"]+)"/g)].map(bar => {
                const barXs = bar[2]!.split(' ').map(point => Number(point.split(',')[0]));
                return { fill: bar[1], from: Math.min(...barXs), to: Math.max(...barXs) };
            });
            expect(xs.length, name).toBeGreaterThan(0);
            const from = Math.min(...bars.map(bar => bar.from));
            const to = Math.max(...bars.map(bar => bar.to));
            // Flush: the same margin (the node's) on both sides, whatever the node's width.
            expect(Math.abs(from - left - (right - to)), name).toBeLessThan(0.5);
            expect(from - left, name).toBeLessThan(12);
            const done = bars.filter(bar => bar.fill !== '#d5d9e0').reduce((sum, bar) => sum + bar.to - bar.from, 0);
            const expected = { Short: 0.25, Wide: 0.75, Done: 1, None: 0 }[name!]!;
            expect(done / (to - from), name).toBeCloseTo(expected, 2);
            widths.push(right - left);
        }
        expect(widths[1]).toBeGreaterThan(widths[0]! * 1.5);
    });
});

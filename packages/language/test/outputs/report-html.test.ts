import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { buildCascadeGraph, cascadeToDot, dotToSvg, renderReport } from '../../src/outputs/index.js';
import { checkText } from './output-helpers.js';

const MODEL = `
    vision V "Serve <everyone> & \\"more\\""
    person p "Pat <b>" { capacity 1 }
    mission A "A <img src=x onerror=alert(1)>" under V { lead p measure m { baseline 0 target 4 current 1 unit "<u>" }
        boundary { window 2026-01-01 .. 2026-06-30 } }
    mission B under V { lead p boundary { window 2026-03-01 .. 2026-09-30 } measure n { target 2 current 2 } }
    mission S under V { lead p status staged value 13k GBP per month boundary { window 2026-10-01 .. 2026-10-28 }
        measure o { target 1 } }
`;

describe('renderReport', () => {
    test('a strict CSP whose hash matches the inline stylesheet; no script, no style attribute, no URL', async () => {
        const model = await checkText(MODEL);
        const svg = await dotToSvg(cascadeToDot(buildCascadeGraph(model)));
        const page = renderReport(model, { cascadeSvg: svg });
        const style = /<style>([\s\S]*?)<\/style>/.exec(page)![1]!;
        const hash = createHash('sha256').update(style).digest('base64');
        expect(page).toContain(
            `content="default-src &#39;none&#39;; style-src &#39;sha256-${hash}&#39;; img-src data:; ` +
                'base-uri &#39;none&#39;; form-action &#39;none&#39;"'
        );
        expect(page).not.toMatch(/<script/i);
        expect(page).not.toMatch(/\sstyle="/);
        expect(page).not.toMatch(/\s(src|href)="(?!#)/);
        expect(page).not.toContain('<?xml');
        expect(page).not.toContain('<!DOCTYPE svg');
        expect(page.match(/<svg /g)!.length).toBeGreaterThan(1);
    });

    test('model text is escaped everywhere', async () => {
        const page = renderReport(await checkText(MODEL));
        expect(page).not.toContain('<img');
        expect(page).not.toContain('<u>');
        expect(page).toContain('A &lt;img src=x onerror=alert(1)&gt;');
        expect(page).toContain('<h1>Serve &lt;everyone&gt; &amp; &quot;more&quot;</h1>');
        expect(page).toContain('Pat &lt;b&gt;');
        expect(page).toContain('No cascade diagram.');
    });

    test('load against capacity, the counted missions, the staging queue and diagnostics', async () => {
        const page = renderReport(await checkText(MODEL));
        expect(page).toContain('<td class="num over">2 / 1</td>');
        expect(page).toContain('<span class="counted" title="counted in the peak">A</span>');
        // 13k per month = 3,000 per week; the window is 28 days = 4 weeks; CD3 = 750.
        expect(page).toMatch(/<b>S<\/b>[\s\S]*?3,000 GBP[\s\S]*?<td class="num">4<\/td><td class="num"><b>750<\/b>/);
        expect(page).toContain('<span class="sev error">error</span></td><td><code>over-capacity</code>');
        expect(page).toContain('<span class="pct">25%</span>');
    });

    test('a pace column per measure (badge and expected progress) and a pace badge per mission', async () => {
        const late = renderReport(await checkText(MODEL));
        expect(late).toContain('<th>Progress</th><th>Pace</th>');
        // On 2026-11-23, A's window (Jan..Jun) is over: 25% against 100% expected is behind; B's n is won.
        expect(late).toMatch(
            /id="mission-0"><td colspan="6" class="level-1">A<span[^]*?<td class="pace"><span class="pace behind">/
        );
        expect(late).toContain(
            '<td class="pace"><span class="pace behind">behind</span> <span class="none">100% expected'
        );
        expect(late).toContain('<td class="pace"><span class="pace won">won</span> <span class="none">100% expected');
        // S's o has no current: no badge, only the expectation.
        expect(late).toContain('<td class="pace"><span class="none">100% expected</span></td>');
        const early = renderReport(await checkText(MODEL, '2026-02-01'));
        expect(early).toMatch(
            /<td colspan="6" class="level-1">A<span[^]*?<td class="pace"><span class="pace on-track">on track<\/span>/
        );
        expect(early).not.toContain('class="pace behind"');
        const open = renderReport(await checkText('mission M { measure m { target 2 current 1 } }'));
        expect(open).toContain('<td class="pace"><span class="none">no span</span></td>');
    });

    test('a measure that rolls up says how: its mode and the combined value, escaped', async () => {
        const page = renderReport(
            await checkText(`
                mission N { measure rate { target 98 current 94 unit "<%>" rollup mean } measure solo { target 1 } }
                mission A under N { measure rate { target 98 current 91 unit "<%>" contributes to N.rate } }
                mission B under N { measure rate { target 98 current 96 unit "<%>" contributes to N.rate } }
            `)
        );
        expect(page).toContain(
            '<br><span class="none rollup">rolls up by mean (written): 93.5 &lt;%&gt; from 2 contributors</span>'
        );
        expect(page.match(/class="none rollup"/g)).toHaveLength(1);
        expect(page).toContain('their mean (the default for a % or percent unit)');
    });

    test('tags as chips; links as real links only for https, http and mailto, else as escaped text', async () => {
        const page = renderReport(
            await checkText(`
                mission A { tags north, clinics
                    link "https://example.com/plan?a=1&b=2" "Plan <b>"
                    link "mailto:pat@example.com"
                    link "javascript:alert(1)" "Click"
                    link "data:text/html,<script>alert(1)</script>" }
            `)
        );
        expect(page).toContain('<span class="tag">#north</span> <span class="tag">#clinics</span>');
        expect(page).toContain(
            '<a class="link" href="https://example.com/plan?a=1&amp;b=2" rel="noopener noreferrer">Plan &lt;b&gt;</a>'
        );
        expect(page).toContain('<a class="link" href="mailto:pat@example.com" rel="noopener noreferrer">');
        expect(page).toContain('<span class="link none">Click (javascript:alert(1))</span>');
        expect(page).toContain('data:text/html,&lt;script&gt;');
        // Besides the in-page links (#mission-0, #problem-1, ...), only the two linkable URLs.
        expect(page.match(/\shref="(?!#)/g)).toHaveLength(2);
        expect(page).not.toMatch(/href="(javascript|data):/i);
    });

    test('--tag: only the tagged missions, their ancestors greyed for context; an unknown tag', async () => {
        const model = await checkText(`
            vision V
            mission Top under V { measure t { target 1 current 1 } }
            mission Mid under Top { tags north measure m { target 1 } }
            mission Low under Mid { tags north }
            mission Other under V { tags south status staged value 1k GBP per week }
            mission Queued under Mid { tags north status staged value 2k GBP per week }
        `);
        const page = renderReport(model, { tag: 'north' });
        expect(page).toContain(' · tag #north</p>');
        expect(page).toContain('<tr class="group context" id="mission-0"><td colspan="6" class="level-1">Top');
        expect(page).toContain('<tr class="group" id="mission-1"><td colspan="6" class="level-2">Mid');
        expect(page).toContain('<tr class="group" id="mission-2"><td colspan="6" class="level-3">Low');
        expect(page).not.toMatch(/<td colspan="6" class="level-\d">Other/);
        expect(page).toContain('<b>Queued</b>');
        expect(page).not.toContain('<b>Other</b>');
        expect(() => renderReport(model, { tag: 'nort' })).toThrow(
            "no mission is tagged 'nort': did you mean 'north'?"
        );
        expect(() => renderReport(model, { tag: 'east' })).toThrow(/^no mission is tagged 'east'$/);
    });

    test('counts are worded in the singular for one (and info has no plural)', async () => {
        const one = renderReport(
            await checkText(
                'vision V\nperson p\nmission S under V { intent "i" lead p status staged measure m { target 1 } }'
            )
        );
        expect(one).toContain('<p class="note">0 errors, 0 warnings, 1 info in 1 file. ');
        expect(one).not.toMatch(/\binfos\b/);
        const many = renderReport(await checkText(MODEL));
        expect(many).toMatch(/<p class="note">\d+ errors?, \d+ warnings?, \d+ info in 1 file\. /);
    });
});

describe('the scorecard in cascade order', () => {
    test('depth first from each vision, then the unaligned and the cycles; facts and links both ways', async () => {
        const model = await checkText(`
            vision V { horizon 2030-12-31 }
            mission Loose { measure m { target 1 } }
            mission A under V { boundary { window 2026-01-01 .. 2026-12-31 budget 10k GBP } measure m { target 1 } }
            mission A2 under A { measure m { target 1 contributes to A.m } }
            mission A1 under A { boundary { budget 4k GBP headcount 2 } measure m { target 1 contributes to A.m } }
            mission X under Y { }
            mission Y under X { }
        `);
        const page = renderReport(model);
        const rows = [
            ...page.matchAll(/<tr class="group[^"]*" id="(\w+-\d+)"><td colspan="\d" class="(level-\d)">([^<]*)/g)
        ];
        expect(rows.map(([, id, level, name]) => `${id} ${level} ${name!.trim()}`)).toEqual([
            'vision-0 level-0 Vision V',
            'mission-1 level-1 A',
            'mission-2 level-2 A2',
            'mission-3 level-2 A1',
            'mission-0 level-0 Loose',
            'mission-4 level-0 X',
            'mission-5 level-1 Y'
        ]);
        // A's window and budget, with what its children are allocated (A2 states none, A1 4k and 2 people).
        expect(page).toContain(
            '<span class="label">Budget</span> 10,000 GBP <span class="none">· children 4,000 GBP</span>'
        );
        expect(page).toContain(
            '<span class="label">Headcount</span> <span class="none">none</span> <span class="none">· children 2</span>'
        );
        // A1 inherits A's window: it says whose.
        const a1 = page.slice(page.indexOf('id="mission-3"'), page.indexOf('id="mission-0"'));
        expect(a1).toContain(
            '<span class="label">Window</span> 2026-01-01 .. 2026-12-31 <span class="none">(from A)</span>'
        );
        expect(page).toContain('<span class="label">Window</span> <span class="none">none</span>');
        // Every in-page link has its target, and X's cycle error links to its row and back.
        const ids = new Set([...page.matchAll(/\sid="([^"]+)"/g)].map(match => match[1]));
        const targets = [...page.matchAll(/\shref="#([^"]+)"/g)].map(match => match[1]);
        expect(targets.filter(target => !ids.has(target))).toEqual([]);
        const cycle = model.diagnostics.findIndex(d => d.severity === 'error' && model.elementOf(d)?.name === 'X');
        expect(cycle).toBeGreaterThanOrEqual(0);
        const code = model.diagnostics[cycle]!.code;
        expect(page).toContain(`<tr id="problem-${cycle}">`);
        expect(page).toMatch(new RegExp(`<tr id="problem-${cycle}">.*<a class="element" href="#mission-4">X</a>`));
        expect(page).toMatch(
            new RegExp(`id="mission-4">[^\\n]*<a class="problem error" href="#problem-\\d+"[^>]*>${code}</a>`)
        );
    });
});

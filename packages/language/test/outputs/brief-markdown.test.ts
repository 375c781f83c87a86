import { describe, expect, test } from 'vitest';
import { renderBrief, UnknownPersonError } from '../../src/outputs/brief-markdown.js';
import { markdownText } from '../../src/model/escape.js';
import { checkText } from './output-helpers.js';

describe('markdownText', () => {
    test('escapes what Markdown could read as markup', () => {
        expect(markdownText('a *b* _c_ [d](e) <f> `g` #h |i| ~j~ &k \\ !l')).toBe(
            'a \\*b\\* \\_c\\_ \\[d\\]\\(e\\) \\<f\\> \\`g\\` \\#h \\|i\\| \\~j\\~ \\&k \\\\ \\!l'
        );
        expect(markdownText('- not a list')).toBe('\\- not a list');
        expect(markdownText('1. not a list')).toBe('1\\. not a list');
        expect(markdownText('40,000 patients')).toBe('40,000 patients');
    });
});

describe('renderBrief', () => {
    test('a person on no missions, and an unknown person', async () => {
        const model = await checkText('vision V "The vision"\nperson p "Pat" { role "Analyst" }');
        const brief = renderBrief(model, 'p');
        expect(brief).toContain('_Analyst · capacity 1 · load 0 · as of 2026-11-23_');
        expect(brief).toContain('Pat (p) is on no missions.');
        expect(brief).toContain('**V** — The vision');
        expect(() => renderBrief(model, 'q')).toThrow(UnknownPersonError);
        expect(() => renderBrief(model, 'q')).toThrow("no person is named 'q': did you mean 'p'?");
        expect(() => renderBrief(model, 'nobody')).toThrow(/^no person is named 'nobody'$/);
    });

    test('a measure that rolls up says how, in its cell', async () => {
        const model = await checkText(`
            person p
            mission N { lead p measure rate { target 98 current 94 unit "%" } measure cost { target 5 rollup none } }
            mission A under N { measure rate { target 98 current 91 unit "%" contributes to N.rate } }
            mission B under N { measure rate { target 98 current 96 unit "%" contributes to N.rate } }
        `);
        const brief = renderBrief(model, 'p');
        // The roll-up words are escaped with the unit, which is model text.
        expect(brief).toContain('| rate (rolls up by mean \\(the default for %\\): 93.5 % from 2 contributors) | ');
        expect(brief).toContain('| cost (rolls up by none \\(written\\): contributors not combined) | ');
    });

    test('two levels up through missions, inherited windows', async () => {
        const model = await checkText(`
            vision V
            person p
            mission A under V { intent "Top" boundary { window 2026-01-01 .. 2026-12-31 } }
            mission B under A { intent "Middle" }
            mission C under B { intent "Bottom" lead p }
        `);
        const brief = renderBrief(model, 'p');
        expect(brief).toContain('- 1 up: **B**: intent “Middle”');
        expect(brief).toContain('- 2 up: **A**: intent “Top”');
        expect(brief).not.toContain('3 up');
        expect(brief).toContain('**Window:** 2026-01-01 .. 2026-12-31 (from A)');
    });

    test("pace per measure (with the expected progress) and per mission, on the model's today", async () => {
        const text = `
            vision V
            person p
            mission A under V { lead p boundary { window 2026-01-01 .. 2026-12-31 }
                measure late { target 10 current 1 due 2026-06-30 }
                measure fine { target 10 current 9 }
                measure unmeasured { target 10 } }
            mission O under V { crew p measure m { target 10 current 5 } }
        `;
        const brief = renderBrief(await checkText(text), 'p');
        expect(brief).toContain(
            '| Measure | Baseline | Current | Target | Unit | Due | Progress | Pace | Contributes to |'
        );
        expect(brief).toContain('| late | — | 1 | 10 |  | 2026-06-30 | 10% | behind (100% expected) | — |');
        expect(brief).toContain('| fine | — | 9 | 10 |  | — | 90% | on track (90% expected) | — |');
        expect(brief).toContain('| unmeasured | — | — | 10 |  | — | — | 90% expected | — |');
        expect(brief).toContain('| m | — | 5 | 10 |  | — | 50% | — | — |');
        expect(brief).toContain('**Progress:** 50% · **Pace:** behind');
        expect(brief).not.toMatch(/### O[^#]*\*\*Pace:\*\*/);
        const early = renderBrief(await checkText(text, '2026-02-01'), 'p');
        expect(early).toContain('**Pace:** on track');
    });

    test('tags, and links as Markdown links only for https, http and mailto', async () => {
        const model = await checkText(`
            person p
            mission A { lead p tags north, clinics
                link "https://example.com/a(b)c" "The [plan]"
                link "mailto:pat@example.com"
                link "javascript:alert(1)" "Click" }
        `);
        const brief = renderBrief(model, 'p');
        expect(brief).toContain('- **Tags:** \\#north, \\#clinics');
        expect(brief).toContain(
            '- **Links:** [The \\[plan\\]](https://example.com/a%28b%29c) · ' +
                '[mailto\\:pat\\@example.com](mailto:pat@example.com) · Click (javascript:alert\\(1\\))'
        );
    });

    test('names each person the same way at every mention: title (id), or the id without a title', async () => {
        const model = await checkText(`
            vision V
            person p "Pat Lee"
            person q "Quinn Roe"
            person r
            mission A under V { intent "Top" lead q }
            mission B under A { intent "Middle" lead r supports C }
            mission C under A { intent "Bottom" lead q crew p }
        `);
        const brief = renderBrief(model, 'p');
        expect(brief.startsWith('# Brief for Pat Lee (p)\n')).toBe(true);
        expect(brief).toContain('- **Lead:** Quinn Roe (q)');
        expect(brief).toContain('- 1 up: **A** (lead Quinn Roe (q)): intent “Top”');
        expect(brief).toContain('- Supported by: **B** (lead r)');
        // No mention of a titled person by the id or the title alone.
        expect(brief.match(/\bq\b/g)).toHaveLength(brief.match(/Quinn Roe \(q\)/g)!.length);
        expect(brief.match(/Quinn Roe/g)).toHaveLength(brief.match(/Quinn Roe \(q\)/g)!.length);
    });
});

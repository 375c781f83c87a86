import { describe, expect, test } from 'vitest';
import { markdownText, renderBrief, UnknownPersonError } from '../../src/outputs/brief-markdown.js';
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

/** Fixes in place: currency in capitals, window dates swapped, review set to today, a support removed. */
import { describe, expect, it } from 'vitest';
import { expectFixes, fixesOf, titlesOf } from './quick-fix-helpers.js';

const HEAD = 'vision Acme\nperson alice { capacity 10 }\n';

function mission(header: string, ...items: string[]): string {
    return [
        `mission ${header} {`,
        '  intent "why"',
        '  lead alice',
        ...items.map(item => `  ${item}`),
        '  measure m { target 1 }',
        '}'
    ].join('\n');
}

describe('invalid-currency', () => {
    it('upper-cases a budget currency of three letters', async () => {
        const text = HEAD + mission('Grow under Acme', 'boundary { budget 2.5M gbp }') + '\n';
        const { checked, diagnostic, actions } = await fixesOf(text, 'invalid-currency');
        expect(titlesOf(actions)).toEqual(['Change the currency to GBP']);
        expect(actions[0]!.isPreferred).toBe(true);
        const after = await expectFixes(checked, diagnostic, actions[0]!);
        expect(after.files['main.mission']).toContain('boundary { budget 2.5M GBP }');
    });

    it('upper-cases a value currency', async () => {
        const text = HEAD + mission('Grow under Acme', 'value 120k Eur per week') + '\n';
        const { checked, diagnostic, actions } = await fixesOf(text, 'invalid-currency');
        const after = await expectFixes(checked, diagnostic, actions[0]!);
        expect(after.files['main.mission']).toContain('value 120k EUR per week');
    });

    it('offers nothing when capitals would not make three letters', async () => {
        const text = HEAD + mission('Grow under Acme', 'boundary { budget 1M pounds }') + '\n';
        const { actions } = await fixesOf(text, 'invalid-currency');
        expect(actions).toEqual([]);
    });
});

describe('invalid-window', () => {
    it('swaps the start and the end', async () => {
        const text = HEAD + mission('Grow under Acme', 'boundary {', '  window 2026-12-31 .. 2026-01-01', '}') + '\n';
        const { checked, diagnostic, actions } = await fixesOf(text, 'invalid-window');
        expect(titlesOf(actions)).toEqual(['Swap the dates: 2026-01-01 .. 2026-12-31']);
        expect(actions[0]!.isPreferred).toBe(true);
        const after = await expectFixes(checked, diagnostic, actions[0]!);
        expect(after.files['main.mission']).toContain('    window 2026-01-01 .. 2026-12-31\n');
    });
});

describe('review-overdue', () => {
    it('sets `last` to the configured today', async () => {
        const text = HEAD + mission('Grow under Acme', 'review every 30 days last 2026-09-01') + '\n';
        const { checked, diagnostic, actions } = await fixesOf(text, 'review-overdue', undefined, {
            today: '2026-11-20'
        });
        expect(titlesOf(actions)).toEqual(['Set the last review to today (2026-11-20)']);
        expect(actions[0]!.isPreferred).toBe(true);
        const after = await expectFixes(checked, diagnostic, actions[0]!, '2026-11-20');
        expect(after.files['main.mission']).toContain('  review every 30 days last 2026-11-20\n');
    });
});

describe('self-support and redundant-support', () => {
    const PEERS =
        [mission('Grow under Acme'), mission('Peer under Acme'), mission('Other under Acme')].join('\n') + '\n';

    async function removes(
        supports: string,
        code: 'self-support' | 'redundant-support',
        expected: string
    ): Promise<void> {
        const text = HEAD + PEERS + mission('Clinics under Grow', supports) + '\n';
        const { checked, diagnostic, actions } = await fixesOf(text, code);
        expect(titlesOf(actions)).toHaveLength(1);
        expect(actions[0]!.isPreferred).toBe(true);
        const after = await expectFixes(checked, diagnostic, actions[0]!);
        expect(after.files['main.mission']).toBe(
            HEAD + PEERS + mission('Clinics under Grow', ...(expected ? [expected] : [])) + '\n'
        );
    }

    it('removes the first of several with the comma after it', async () => {
        await removes('supports Clinics, Peer, Other', 'self-support', 'supports Peer, Other');
    });

    it('removes a middle one with the comma before it', async () => {
        await removes('supports Peer, Clinics, Other', 'self-support', 'supports Peer, Other');
    });

    it('removes the last one with the comma before it', async () => {
        await removes('supports Peer,Other , Grow', 'redundant-support', 'supports Peer,Other');
    });

    it('removes the whole line when it is the only one', async () => {
        await removes('supports Grow', 'redundant-support', '');
    });

    it('removes the whole item, keeping the line, in a one-line body', async () => {
        const text = HEAD + 'mission Grow under Acme { intent "x" lead alice supports Grow measure m { target 1 } }\n';
        const { checked, diagnostic, actions } = await fixesOf(text, 'self-support');
        expect(titlesOf(actions)).toEqual(["Remove 'Grow' from supports"]);
        const after = await expectFixes(checked, diagnostic, actions[0]!);
        expect(after.files['main.mission']).toBe(
            HEAD + 'mission Grow under Acme { intent "x" lead alice measure m { target 1 } }\n'
        );
    });

    it('removes a support of a descendant', async () => {
        const text =
            HEAD +
            [
                mission('Grow under Acme', 'supports Peer, Clinics'),
                mission('Peer under Acme'),
                mission('Clinics under Grow')
            ].join('\n') +
            '\n';
        const { checked, diagnostic, actions } = await fixesOf(text, 'redundant-support');
        const after = await expectFixes(checked, diagnostic, actions[0]!);
        expect(after.files['main.mission']).toContain('  supports Peer\n');
    });
});

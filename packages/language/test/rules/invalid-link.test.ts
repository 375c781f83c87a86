/** invalid-link (docs/rules.md, Values): a `link` URL must be an absolute https://, http:// or mailto: URL. */
import { describe, expect, it } from 'vitest';
import { at, check, expectNone, found, messagesOf } from './rule-helpers.js';

function model(...urls: string[]): string {
    const links = urls.map(url => `    link ${JSON.stringify(url)} "Page"\n`).join('');
    return (
        'vision Acme\nperson alice\nmission Grow under Acme {\n    intent "More"\n    lead alice\n' +
        links +
        '    measure m { target 1 }\n}\n'
    );
}

describe('invalid-link', () => {
    it.each([
        ['javascript:alert(1)', "'javascript:alert(1)' is not a link: javascript: is not allowed"],
        ['plans/grow.html', "'plans/grow.html' is not a link: it has no scheme"],
        ['ftp://files.example.org/plan', "'ftp://files.example.org/plan' is not a link: ftp: is not allowed"],
        ['https:example.org', "'https:example.org' is not a link: use an absolute"],
        ['//example.org/plan', "'//example.org/plan' is not a link: it has no scheme"],
        ['https://exa mple.org', "'https://exa mple.org' is not a link"],
        ['mailto:', "'mailto:' is not a link"],
        ['data:text/html,<script>alert(1)</script>', 'data: is not allowed']
    ])('is an error on the URL %s', async (url, message) => {
        const result = await check(model(url));
        expect(found(result, 'invalid-link')).toEqual([at(result, 'error', JSON.stringify(url))]);
        expect(messagesOf(result, 'invalid-link')[0]).toContain(message);
    });

    it('is reported on each bad link, the good ones left alone', async () => {
        const result = await check(model('https://example.org', 'javascript:void(0)', 'mailto:a@example.org', 'x'));
        expect(found(result, 'invalid-link')).toEqual([
            at(result, 'error', '"javascript:void(0)"'),
            at(result, 'error', '"x"')
        ]);
    });

    it('is not reported for https, http and mailto URLs, in any case of scheme', async () => {
        expectNone(
            await check(
                model(
                    'https://example.org/plans/grow?tab=1#top',
                    'http://intranet.example.org/board',
                    'HTTPS://EXAMPLE.ORG',
                    'mailto:grow-team@example.org'
                )
            ),
            'invalid-link'
        );
    });

    it('cuts a long URL in the message', async () => {
        const long = `javascript:${'a'.repeat(100)}`;
        const result = await check(model(long));
        expect(messagesOf(result, 'invalid-link')).toEqual([
            `'javascript:${'a'.repeat(46)}...' is not a link: javascript: is not allowed ` +
                '(use an absolute https://, http:// or mailto: URL)'
        ]);
    });
});

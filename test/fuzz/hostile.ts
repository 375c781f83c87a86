/**
 * Hostile strings for every place model text is rendered. Names are IDs and cannot hold them, but
 * titles, intents, end states, key tasks, `must` rules, roles and units (STRING) can. None holds a
 * line break (a STRING may not span lines).
 */
export const HOSTILE_STRINGS: readonly string[] = [
    '<script>alert(1)</script>',
    '</svg><script>alert(2)</script>',
    '"><img src=x onerror=alert(3)>',
    "'><svg onload=alert(4)>",
    ']]> <![CDATA[ x',
    '<!-- comment --> &amp; &lt; &#x41; &nbsp;',
    // Mermaid
    'A"] --> B["pwned',
    'x[y] {z} (w) ;%% comment',
    '%%{init: {"securityLevel": "loose"}}%%',
    'click n0 call alert(5)',
    'end; subgraph S; classDef x fill:red',
    '#quot; #35; #lt;b#gt; -.-> ==>',
    // Markdown
    '**bold** _em_ `code` ~~del~~',
    '[link](javascript:alert(6)) ![img](http://example.invalid/x.png)',
    '# heading | table | cell |',
    '<https://example.invalid> &copy; \\* 1. item',
    'see https://example.invalid/x and www.example.invalid or a@example.invalid',
    // DOT (only \" and \\ escapes exist in the language)
    'dot "quoted" } ] ; -> a -- b',
    'back\\slash \\N \\G \\l \\n \\"',
    'trailing backslash \\',
    // Bidirectional and invisible characters
    '\u202eevil\u202c right-to-left \u2066iso\u2069 \u200f',
    'zero\u200bwidth\u200c\u200d\ufeff joiners',
    'emoji 😀 👩‍👩‍👧 combining é ﬁ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
    '\u0001control\u0007chars\u001b[31m'
];

/** A STRING literal holding `text` (only `\"` and `\\` are escapes). */
export function stringLiteral(text: string): string {
    return `"${text.replace(/[\\"]/g, char => `\\${char}`)}"`;
}

/**
 * A model in which every hostile string appears as a mission title, an intent, an end state, a key
 * task, a `must` and `must not`, a measure title and unit, a person's title and role, and a vision and
 * team title; every mission is led by the person the brief is for.
 */
export function hostileModel(strings: readonly string[] = HOSTILE_STRINGS): string {
    const lines = [`vision V ${stringLiteral(strings[0]!)} { horizon 2030-12-31 }`];
    lines.push(`person boss ${stringLiteral(strings[1]!)} { capacity 1000 role ${stringLiteral(strings[2]!)} }`);
    lines.push(`team squad ${stringLiteral(strings[3]!)} { members boss }`);
    strings.forEach((text, index) => {
        const literal = stringLiteral(text);
        lines.push(`mission M${index} ${literal} under ${index === 0 ? 'V' : 'M0'} {
  intent ${literal} { end state ${literal} key task ${literal} }
  lead boss
  ${index % 2 === 0 ? 'crew squad' : ''}
  boundary { window 2026-01-01 .. 2026-12-31 budget ${100 - index} GBP must ${literal} must not ${literal} }
  measure q${index} ${literal} { baseline 0 target 10 current ${index % 10}
    unit ${literal} ${index > 0 ? 'contributes to M0.q0' : ''} }
  ${index > 0 ? `supports M${index - 1}` : ''}
}`);
    });
    lines.push(
        `mission Staged ${stringLiteral(strings[4]!)} under V { ` +
            'intent "x" lead boss status staged value 1k GBP per week measure s { target 1 } }'
    );
    return lines.join('\n') + '\n';
}

/** What must survive rendering: the text without the control characters outputs may drop. */
export function visibleText(text: string): string {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

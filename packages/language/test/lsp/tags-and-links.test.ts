/**
 * The editor features of `tags`, `link` and `rollup`: tag completion from the whole workspace, roll-up
 * modes completed as keywords, one document link per linkable URL (nothing but https, http and mailto),
 * hover lines with escaped labels, semantic tokens.
 */
import { CompletionItemKind, SemanticTokenTypes } from 'vscode-languageserver';
import { describe, expect, test } from 'vitest';
import { linkableUrl } from '../../src/model/links.js';
import { TestWorkspace } from './workspace.js';

const PLANNING = `vision V
mission Ops "Operations" under V {
  tags logistics, north
  link "https://boards.example.org/ops" "Ops board"
  link "mailto:ops@example.org"
  link "javascript:alert(1)" "Click [me](x)"
  measure onTime { target 95 unit "%" rollup mean }
}
mission Hubs under Ops { tags logistics tags q1_2027, logistics }
`;

async function workspaceWith(edit: string): Promise<TestWorkspace> {
    const workspace = new TestWorkspace();
    await workspace.set({ 'planning.mission': PLANNING, 'edit.mission': edit });
    return workspace;
}

const labels = (items: { label: string; kind?: number }[], kind?: number) =>
    items.filter(item => kind === undefined || item.kind === kind).map(item => item.label);

describe('tag completion', () => {
    test('after `tags `: every tag used in the workspace, by name, with how many missions carry it', async () => {
        const workspace = await workspaceWith('mission New under V {\n  tags \n}\n');
        const items = await workspace.complete('edit.mission', 'tags ', 5);
        expect(labels(items, CompletionItemKind.EnumMember)).toEqual(['logistics', 'north', 'q1_2027']);
        expect(items.find(item => item.label === 'logistics')?.detail).toBe('tag of 2 missions');
        expect(items.find(item => item.label === 'north')?.detail).toBe('tag of 1 mission');
    });

    test('after a comma: the tags the mission does not have yet (its other tags items count)', async () => {
        const workspace = await workspaceWith('mission New under V {\n  tags north\n  tags logistics, \n}\n');
        const items = await workspace.complete('edit.mission', 'logistics, ', 11);
        expect(labels(items, CompletionItemKind.EnumMember)).toEqual(['q1_2027']);
    });

    test('while a tag is typed: the tags that match it, the one typed included (though already parsed)', async () => {
        const workspace = await workspaceWith('mission New under V {\n  tags north, logistics\n}\n');
        const items = await workspace.complete('edit.mission', 'logistics', 3);
        expect(labels(items, CompletionItemKind.EnumMember)).toEqual(['logistics']);
    });

    test('a tag written in another file is offered after that file changes', async () => {
        const workspace = await workspaceWith('mission New under V {\n  tags \n}\n');
        await workspace.set({ 'planning.mission': PLANNING.replace('tags logistics, north', 'tags logistics, south') });
        const items = await workspace.complete('edit.mission', 'tags ', 5);
        expect(labels(items, CompletionItemKind.EnumMember)).toEqual(['logistics', 'q1_2027', 'south']);
    });

    test('after `rollup `: the three modes, and no tags', async () => {
        const workspace = await workspaceWith('mission New under V {\n  measure m { target 1 rollup  }\n}\n');
        const items = await workspace.complete('edit.mission', 'rollup ', 7);
        expect(labels(items).sort()).toEqual(['mean', 'none', 'sum']);
    });
});

describe('document links', () => {
    test('one per https, http or mailto URL, over the URL between its quotes; javascript: never', async () => {
        const workspace = await workspaceWith('mission New under V { link "http://a.example.org/x y" link "ftp://f" }');
        const provider = workspace.services.Mission.lsp.DocumentLinkProvider!;
        const planning = await provider.getDocumentLinks(workspace.document('planning.mission'), {
            textDocument: { uri: workspace.uri('planning.mission').toString() }
        });
        expect(
            planning.map(link => [workspace.document('planning.mission').textDocument.getText(link.range), link.target])
        ).toEqual([
            ['https://boards.example.org/ops', 'https://boards.example.org/ops'],
            ['mailto:ops@example.org', 'mailto:ops@example.org']
        ]);
        expect(planning[0]!.tooltip).toBe('Open Ops board');
        // A space is refused (not silently encoded); other schemes are text.
        const edit = await provider.getDocumentLinks(workspace.document('edit.mission'), {
            textDocument: { uri: workspace.uri('edit.mission').toString() }
        });
        expect(edit).toEqual([]);
    });

    test('linkableUrl: absolute web URLs with a host and mailto with an address, nothing else', () => {
        expect(linkableUrl('https://example.org/a?b=1#c')).toBe('https://example.org/a?b=1#c');
        expect(linkableUrl('HTTP://Example.org')).toBe('http://example.org/');
        expect(linkableUrl('mailto:a@b.org')).toBe('mailto:a@b.org');
        expect(linkableUrl('https://x.org/"<>')).toBe('https://x.org/%22%3C%3E');
        for (const bad of [
            'javascript:alert(1)',
            ' javascript:alert(1)',
            'JavaScript:alert(1)',
            'data:text/html,x',
            'vbscript:x',
            'https:example.org',
            'https:/example.org',
            'http://',
            'mailto:',
            '//example.org',
            'example.org',
            '/relative',
            'https://exa mple.org',
            'https://example.org/\n',
            'https://example.org/\u0000',
            ''
        ])
            expect(linkableUrl(bad), bad).toBeUndefined();
    });
});

describe('hover on a mission', () => {
    test('shows its tags and its links, clickable only for https, http and mailto, labels escaped', async () => {
        const workspace = await workspaceWith('');
        const hover = await workspace.hover('planning.mission', 'Ops "Operations"', 1);
        expect(hover).toContain('Tags: logistics, north');
        expect(hover).toContain(
            'Links: [Ops board](<https://boards.example.org/ops>) · ' +
                '[mailto:ops@example.org](<mailto:ops@example.org>) · ' +
                'Click \\[me\\](x) (javascript:alert(1): not a link)'
        );
        expect(hover).not.toContain('](<javascript');
        const hubs = await workspace.hover('planning.mission', 'Hubs under', 1);
        expect(hubs).toContain('Tags: logistics, q1\\_2027');
        expect(hubs).not.toContain('Links:');
    });
});

describe('semantic tokens', () => {
    test('tags as decorators, roll-up modes as enum members', async () => {
        const workspace = await workspaceWith('');
        const provider = workspace.services.Mission.lsp.SemanticTokenProvider!;
        const tokens = await provider.semanticHighlight(workspace.document('planning.mission'), {
            textDocument: { uri: workspace.uri('planning.mission').toString() }
        });
        const types = Object.fromEntries(Object.entries(provider.tokenTypes).map(([name, index]) => [index, name]));
        const text = workspace.document('planning.mission').textDocument;
        const decoded: string[] = [];
        let line = 0;
        let character = 0;
        for (let i = 0; i < tokens.data.length; i += 5) {
            const [deltaLine, deltaChar, length, type] = tokens.data.slice(i, i + 4) as [
                number,
                number,
                number,
                number
            ];
            line += deltaLine;
            character = deltaLine === 0 ? character + deltaChar : deltaChar;
            const range = { start: { line, character }, end: { line, character: character + length } };
            decoded.push(`${text.getText(range)}:${types[type]}`);
        }
        expect(decoded).toEqual(
            expect.arrayContaining([
                `logistics:${SemanticTokenTypes.decorator}`,
                `north:${SemanticTokenTypes.decorator}`,
                `q1_2027:${SemanticTokenTypes.decorator}`,
                `mean:${SemanticTokenTypes.enumMember}`
            ])
        );
    });
});

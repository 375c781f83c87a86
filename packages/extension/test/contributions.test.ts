/**
 * The static contributions agree with the language: the TextMate grammar colours every keyword of
 * mission.langium (multi-word ones as one token), the snippets are the language server's, and every
 * command of the manifest is registered by the client.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const extensionDir = fileURLToPath(new URL('..', import.meta.url));
const root = join(extensionDir, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

interface Pattern {
    match?: string;
    begin?: string;
    name?: string;
    patterns?: Pattern[];
    include?: string;
}
const grammar = JSON.parse(read('packages/extension/syntaxes/mission.tmLanguage.json')) as {
    repository: Record<string, Pattern>;
};

/** JavaScript versions of the grammar's `match` patterns (Oniguruma's syntax here is JS-compatible). */
function matchPatterns(): Array<{ scope: string; regex: RegExp }> {
    const all: Array<{ scope: string; regex: RegExp }> = [];
    const visit = (pattern: Pattern, scope: string) => {
        if (pattern.match) all.push({ scope: pattern.name ?? scope, regex: new RegExp(pattern.match) });
        for (const inner of pattern.patterns ?? []) visit(inner, scope);
    };
    for (const [name, pattern] of Object.entries(grammar.repository)) visit(pattern, name);
    return all;
}

/** The first pattern (in the grammar's order) that matches the whole of `text` at its start. */
function tokenOf(text: string): string | undefined {
    for (const { scope, regex } of matchPatterns()) {
        const match = regex.exec(text);
        if (match && match.index === 0 && match[0] === text) return scope;
    }
    return undefined;
}

describe('the TextMate grammar', () => {
    const keywords = [
        ...new Set([...read('packages/language/src/mission.langium').matchAll(/'([a-z]+)'/g)].map(m => m[1]!))
    ];

    test('colours every keyword of the Langium grammar as a keyword, type or constant', () => {
        expect(keywords.length).toBeGreaterThan(40);
        // Parts of multi-word keywords are coloured with their partner (tested below), not alone.
        const parts = ['end', 'state', 'key', 'task', 'not', 'contributes', 'to'];
        const uncoloured = keywords.filter(
            keyword => !parts.includes(keyword) && !/^(keyword|storage|constant)\./.test(tokenOf(keyword) ?? '')
        );
        expect(uncoloured).toEqual([]);
    });

    test.each(['end state', 'key task', 'must not', 'contributes to'])('reads "%s" as one token', words => {
        expect(tokenOf(words)).toMatch(/^keyword\./);
    });

    test('reads numbers with suffixes, dates, escapes and comments', () => {
        expect(tokenOf('2026-12-31')).toBe('constant.numeric.date.mission');
        const number = matchPatterns().find(p => p.scope === 'numbers')!.regex;
        expect(number.exec('2.5M')?.slice(1)).toEqual(['2.5', 'M']);
        expect(number.exec('40_000')?.[1]).toBe('40_000');
        const escapes = grammar.repository.strings!.patterns!.map(p => new RegExp(p.match!));
        expect(escapes[0]!.exec('\\"')?.[0]).toBe('\\"');
        expect(escapes[1]!.exec('\\n')?.[0]).toBe('\\n');
        expect(grammar.repository.comments!.patterns!.map(p => p.begin)).toEqual(['/\\*', '//']);
    });
});

describe('the snippets', () => {
    test("are the language server's completion snippets", () => {
        const source = read('packages/language/src/lsp/completion.ts');
        const start = source.indexOf('const SNIPPETS');
        const block = source
            .slice(start, source.indexOf('\n};', start) + 3)
            .replace(/^const SNIPPETS[^=]*=/, 'return ');
        const server = new Function(block)() as Record<string, { body: string }>;
        const client = JSON.parse(read('packages/extension/snippets/mission.code-snippets')) as Record<
            string,
            { prefix: string; body: string[] }
        >;
        expect(Object.keys(client).sort()).toEqual(['boundary', 'measure', 'mission', 'person']);
        for (const [name, snippet] of Object.entries(client)) {
            expect(snippet.prefix).toBe(name);
            expect(snippet.body.join('\n')).toBe(server[name]!.body);
        }
    });
});

describe('the manifest', () => {
    const manifest = JSON.parse(read('packages/extension/package.json'));
    const sources = ['commands.ts', 'cascade-preview.ts', 'extension.ts']
        .map(file => read(`packages/extension/src/${file}`))
        .join('\n');

    test('registers every contributed command in the client', () => {
        const commands = manifest.contributes.commands.map((c: { command: string }) => c.command);
        expect(commands).toEqual([
            'mission.openPreview',
            'mission.showBrief',
            'mission.exportDiagram',
            'mission.openScorecard',
            'mission.restartServer'
        ]);
        for (const command of commands) expect(sources).toContain(`registerCommand('${command}'`);
    });

    test('activates on .mission files and workspaces holding them, and declares the settings', () => {
        expect(manifest.activationEvents).toEqual(['onLanguage:mission', 'workspaceContains:**/*.mission']);
        const settings = manifest.contributes.configuration.properties;
        expect(Object.keys(settings).sort()).toEqual([
            'mission.diagram.direction',
            'mission.rules',
            'mission.today',
            'mission.trace.server'
        ]);
        expect(settings['mission.rules'].additionalProperties.enum).toEqual(['error', 'warning', 'info', 'off']);
    });
});

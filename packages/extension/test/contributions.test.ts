/**
 * The static contributions agree with the language: the TextMate grammar colours every keyword of
 * mission.langium (multi-word ones as one token), the snippets are the language server's, every command of
 * the manifest is registered by the client and every menu names one, the walkthrough's media exist, and the
 * README names every command and setting.
 */
import { existsSync, readFileSync } from 'node:fs';
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
        const server = new Function(block)() as Record<string, { detail: string; body: string }>;
        const client = JSON.parse(read('packages/extension/snippets/mission.code-snippets')) as Record<
            string,
            { prefix: string; description: string; body: string[] }
        >;
        expect(Object.keys(client).sort()).toEqual(Object.keys(server).sort());
        expect(Object.keys(client).length).toBeGreaterThan(25);
        for (const [name, snippet] of Object.entries(client)) {
            expect(snippet.prefix).toBe(name);
            expect(snippet.body.join('\n')).toBe(server[name]!.body);
            const detail = server[name]!.detail;
            expect(snippet.description).toBe(detail[0]!.toUpperCase() + detail.slice(1));
        }
    });
});

interface Command {
    command: string;
    title: string;
    category: string;
}
interface Walkthrough {
    id: string;
    title: string;
    steps: Array<{
        id: string;
        title: string;
        media: { markdown?: string; image?: string };
        completionEvents: string[];
    }>;
}
interface Manifest {
    activationEvents: string[];
    contributes: {
        commands: Command[];
        menus: Record<string, Array<{ command: string; when?: string }>>;
        configuration: { properties: Record<string, { additionalProperties?: { enum?: string[] } }> };
        walkthroughs: Walkthrough[];
        jsonValidation: Array<{ fileMatch: string; url: string }>;
    };
}

describe('the manifest', () => {
    const manifest = JSON.parse(read('packages/extension/package.json')) as Manifest;
    const sources = ['commands.ts', 'cascade-preview.ts', 'extension.ts']
        .map(file => read(`packages/extension/src/${file}`))
        .join('\n');
    const commands = manifest.contributes.commands.map(c => c.command);

    test('registers every contributed command in the client', () => {
        expect(commands).toEqual([
            'mission.newModel',
            'mission.openPreview',
            'mission.showBrief',
            'mission.showPlan',
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
        expect(settings['mission.rules']!.additionalProperties!.enum).toEqual(['error', 'warning', 'info', 'off']);
    });

    test('puts preview, scorecard and brief in the Explorer, editor and tab context menus of .mission files', () => {
        const menus = manifest.contributes.menus;
        for (const menu of ['explorer/context', 'editor/context', 'editor/title/context']) {
            const items = menus[menu]!.filter(item => item.when && /LangId == mission/.test(item.when));
            expect(items.map(item => item.command).sort(), menu).toEqual([
                'mission.openPreview',
                'mission.openScorecard',
                'mission.showBrief'
            ]);
        }
        // Every menu item names a contributed, registered command.
        for (const [menu, items] of Object.entries(menus))
            for (const item of items) expect(commands, `${menu}: ${item.command}`).toContain(item.command);
        // New Model is in the palette whether or not the extension is active: it starts a workspace.
        expect(menus.commandPalette!.find(item => item.command === 'mission.newModel')).toBeUndefined();
    });

    test('takes a URI from the context menus in the commands it puts there', () => {
        const registered = (command: string) =>
            new RegExp(`registerCommand\\('${command.replace('.', '\\.')}', \\((\\w+)\\?: unknown\\)`).exec(sources);
        for (const command of ['mission.openPreview', 'mission.openScorecard', 'mission.showBrief', 'mission.newModel'])
            expect(registered(command), command).not.toBeNull();
    });

    test('validates mission.config.json with the schema copied into the VSIX at build time', () => {
        expect(manifest.contributes.jsonValidation).toEqual([
            { fileMatch: 'mission.config.json', url: './out/mission-config.schema.json' }
        ]);
        expect(read('packages/extension/.vscodeignore')).toContain('!out/mission-config.schema.json');
        expect(read('packages/extension/scripts/build.mjs')).toContain(
            'packages/language/schema/mission-config.schema.json'
        );
    });

    test('has a walkthrough whose steps each have a media file in the VSIX and a completion event', () => {
        const [walkthrough] = manifest.contributes.walkthroughs;
        expect(manifest.contributes.walkthroughs).toHaveLength(1);
        expect(walkthrough!.steps.map(step => step.id)).toEqual([
            'createModel',
            'seeDiagnostic',
            'openPreview',
            'openScorecard'
        ]);
        const vsixFiles = read('packages/extension/.vscodeignore');
        for (const step of walkthrough!.steps) {
            const media = step.media.markdown ?? step.media.image;
            expect(media, step.id).toBeDefined();
            expect(existsSync(join(extensionDir, media!)), media).toBe(true);
            expect(vsixFiles).toContain(`!${media!.replace(/[^/]+\.md$/, '*.md')}`);
            expect(step.completionEvents.length, step.id).toBeGreaterThan(0);
            for (const event of step.completionEvents) {
                const command = /^onCommand:(.+)$/.exec(event)?.[1];
                if (command?.startsWith('mission.')) expect(commands).toContain(command);
            }
        }
        expect(walkthrough!.steps[0]!.completionEvents).toEqual(['onCommand:mission.newModel']);
    });
});

describe("the extension's README", () => {
    const readme = read('packages/extension/README.md');
    const manifest = JSON.parse(read('packages/extension/package.json')) as Manifest;

    test('names every setting', () => {
        for (const setting of Object.keys(manifest.contributes.configuration.properties))
            expect(readme, setting).toContain(`\`${setting}\``);
    });

    test('names every command by its id and its palette title', () => {
        for (const { command, title, category } of manifest.contributes.commands) {
            expect(readme, command).toContain(`\`${command}\``);
            expect(readme, title).toContain(`${category}: ${title}`);
        }
    });
});

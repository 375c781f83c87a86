/**
 * The parser works however it is generated and wherever it runs:
 * - the project generates in Langium's development mode; a production-mode generation (grammar as a
 *   compact string, Chevrotain's self-checks skipped) must load and give the same results;
 * - on Node 20, which lacks Object.groupBy / Map.groupBy (used by Chevrotain 13), the built package
 *   must still build its parser (createMissionServices loads the polyfill first).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EmptyFileSystem, inject, type Module, URI } from 'langium';
import {
    createDefaultModule,
    createDefaultSharedModule,
    type LangiumServices,
    type LangiumSharedServices
} from 'langium/lsp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../src/generated/ast.js';
import { MissionModule, type MissionServices, MissionSharedModule } from '../src/mission-module.js';
import { registerValidationChecks } from '../src/validation/register.js';
import { check } from './foundation-helpers.js';
import { ensureBuilt } from '../../../test/support/build.js';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const EXAMPLE = readFileSync(join(ROOT, 'test/fixtures/language-example.mission'), 'utf8');
const BROKEN =
    'person p { capacity 1.5 }\nmission M under Nowhere { lead p lead p status done }\n' +
    'vision V { horizon 2026-02-30 }\nperson p';

describe('a production-mode generated parser', { timeout: 180_000 }, () => {
    let folder: string;
    let generated: string;

    beforeAll(() => {
        // Inside node_modules so that the generated files resolve `langium` like the real ones do.
        const cache = join(ROOT, 'node_modules/.cache');
        mkdirSync(cache, { recursive: true });
        folder = mkdtempSync(join(cache, 'mission-production-parser-'));
        generated = join(folder, 'generated');
        const config = JSON.parse(readFileSync(join(ROOT, 'langium-config.json'), 'utf8'));
        config.languages = config.languages.map((language: { grammar: string }) => ({
            ...language,
            grammar: join(ROOT, language.grammar)
        }));
        config.out = 'generated';
        writeFileSync(join(folder, 'langium-config.json'), JSON.stringify(config, null, 2));
        const result = spawnSync(
            process.execPath,
            [
                '--require',
                join(ROOT, 'scripts/node20-polyfill.cjs'),
                join(ROOT, 'node_modules/langium-cli/bin/langium.js'),
                'generate',
                '--mode=production',
                '--file',
                join(folder, 'langium-config.json')
            ],
            { cwd: ROOT, encoding: 'utf8' }
        );
        if (result.status !== 0)
            throw new Error(`langium generate --mode=production failed:\n${result.stdout}\n${result.stderr}`);
    }, 300_000);

    afterAll(() => {
        if (folder) rmSync(folder, { recursive: true, force: true });
    });

    it('is generated in production mode', () => {
        const module = readFileSync(join(generated, 'module.ts'), 'utf8');
        expect(module).toContain("mode: 'production'");
        // The development grammar is pretty-printed in a template literal; production is one compact string.
        expect(readFileSync(join(generated, 'grammar.ts'), 'utf8')).toMatch(/loadGrammarFromJson\('\{/);
        // The AST types do not depend on the mode.
        expect(readFileSync(join(generated, 'ast.ts'), 'utf8')).toBe(
            readFileSync(join(ROOT, 'packages/language/src/generated/ast.ts'), 'utf8')
        );
    });

    it('loads, parses the language example and checks it exactly like the development parser', async () => {
        type GeneratedModules = {
            MissionGeneratedSharedModule: Module<LangiumSharedServices, object>;
            MissionLanguageGeneratedModule: Module<LangiumServices, object>;
        };
        const production = (await import(pathToFileURL(join(generated, 'module.ts')).href)) as GeneratedModules;
        const shared = inject(
            createDefaultSharedModule(EmptyFileSystem),
            production.MissionGeneratedSharedModule,
            MissionSharedModule
        );
        const Mission = inject(
            createDefaultModule({ shared }),
            production.MissionLanguageGeneratedModule,
            MissionModule
        ) as MissionServices;
        shared.ServiceRegistry.register(Mission);
        registerValidationChecks(Mission);
        await shared.workspace.ConfigurationProvider.initialized({});
        Mission.config.Settings.setToday('2026-11-23');
        expect(Mission.LanguageMetaData.mode).toBe('production');

        const codesOf = async (text: string, path: string): Promise<string[]> => {
            const document = shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.file(path));
            shared.workspace.LangiumDocuments.addDocument(document);
            await shared.workspace.DocumentBuilder.build([document], { validation: true });
            return (document.diagnostics ?? [])
                .map(
                    diagnostic =>
                        `${diagnostic.range.start.line}:${diagnostic.range.start.character} ${String(diagnostic.code)}`
                )
                .sort();
        };
        const example = await codesOf(EXAMPLE, '/production/example.mission');
        const exampleDocument = shared.workspace.LangiumDocuments.getDocument(URI.file('/production/example.mission'))!;
        expect(exampleDocument.parseResult.lexerErrors).toEqual([]);
        expect(exampleDocument.parseResult.parserErrors).toEqual([]);
        expect((exampleDocument.parseResult.value as Model).elements.map(element => element.name)).toEqual([
            'Acme',
            'alice',
            'bob',
            'cara',
            'clinical',
            'Grow',
            'Clinics',
            'Recruit'
        ]);

        const development = async (text: string): Promise<string[]> => {
            const result = await check(text, { allRules: true });
            return (result.documents[0]!.document.diagnostics ?? [])
                .map(
                    diagnostic =>
                        `${diagnostic.range.start.line}:${diagnostic.range.start.character} ${String(diagnostic.code)}`
                )
                .sort();
        };
        expect(example).toEqual(await development(EXAMPLE));
        const broken = await codesOf(BROKEN, '/production/broken.mission');
        expect(broken).toEqual(await development(BROKEN));
        expect(broken.some(entry => entry.endsWith('syntax-error'))).toBe(true);
    });
});

describe('the built package without Object.groupBy (Node 20)', { timeout: 180_000 }, () => {
    const built = join(ROOT, 'packages/language/out/index.js');

    beforeAll(() => ensureBuilt('language'), 300_000);

    it('builds the parser and parses a model: the polyfill is loaded by the package itself', () => {
        // Deleting the built-ins makes any Node behave like Node 20 here.
        const script = `
            delete Object.groupBy; delete Map.groupBy;
            import(${JSON.stringify(pathToFileURL(built).href)}).then(async ({ checkSources, sourceFile }) => {
                const text = 'vision V\\nperson p\\nmission M under V { lead p status staged }';
                const result = await checkSources([sourceFile('m.mission', '/m.mission', text)]);
                const mission = result.documents[0].document.parseResult.value.elements[2];
                console.log(JSON.stringify({
                    name: mission.name,
                    lead: mission.leads[0].person.ref.name,
                    errors: result.summary.errors,
                    groupBy: typeof Object.groupBy
                }));
            });`;
        const result = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
        expect(result.stderr).not.toMatch(/groupBy is not a function/);
        expect(result.status, result.stderr).toBe(0);
        expect(JSON.parse(result.stdout)).toEqual({ name: 'M', lead: 'p', errors: 0, groupBy: 'function' });
    });

    it('fails without the polyfill (so the test above can fail)', () => {
        const chevrotain = pathToFileURL(join(ROOT, 'node_modules/chevrotain/lib/chevrotain.mjs')).href;
        expect(existsSync(fileURLToPath(chevrotain))).toBe(true);
        const script = `
            delete Object.groupBy; delete Map.groupBy;
            import(${JSON.stringify(chevrotain)}).then(({ createToken, Lexer, CstParser }) => {
                const A = createToken({ name: 'A', pattern: /a/ });
                const B = createToken({ name: 'B', pattern: /b/ });
                class P extends CstParser {
                    constructor() {
                        super([A, B]);
                        this.RULE('r', () => {
                            this.OR([{ ALT: () => this.CONSUME(A) }, { ALT: () => this.CONSUME(B) }]);
                        });
                        this.performSelfAnalysis();
                    }
                }
                new P();
                new Lexer([A, B]);
                console.log('parsed');
            }).catch(error => { console.error(String(error)); process.exit(3); });`;
        const result = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
        expect(result.status).toBe(3);
        expect(result.stderr).toMatch(/groupBy is not a function/);
    });
});

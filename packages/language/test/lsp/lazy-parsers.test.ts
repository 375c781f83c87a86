/**
 * The language server resolves every service when it initializes (Langium's `eagerLoadServices`); the
 * Chevrotain lexer and the completion parser are built on first use instead (syntax/lazy-parsers.ts), so
 * that a first build of well-formed files never waits for them. Built, they behave as Langium's.
 */
import { eagerLoad, EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { describe, expect, it } from 'vitest';
import type { Model } from '../../src/generated/ast.js';
import { createMissionServices } from '../../src/mission-module.js';

function built(part: unknown): boolean {
    return (part as { isBuilt: boolean }).isBuilt;
}

function serverServices() {
    const services = createMissionServices(EmptyFileSystem);
    // What the language server does on `initialize`.
    eagerLoad(services.shared);
    for (const language of services.shared.ServiceRegistry.all) eagerLoad(language);
    return services;
}

describe('the lexer and the completion parser, built on first use', () => {
    it('are not built by the start-up or by checking well-formed text', async () => {
        const { Mission } = serverServices();
        const document = await parseHelper<Model>(Mission)(
            'person ann "Ann" { capacity 1 }\nmission M "M" { lead ann }',
            {
                validation: true
            }
        );
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(built(Mission.parser.Lexer)).toBe(false);
        expect(built(Mission.parser.CompletionParser)).toBe(false);
    });

    it('the lexer is built for a syntax error, and Langium recovers as before', async () => {
        const { Mission } = serverServices();
        const document = await parseHelper<Model>(Mission)('person ann "Ann" { capacity }', { validation: true });
        expect(built(Mission.parser.Lexer)).toBe(true);
        expect(document.parseResult.parserErrors.map(error => error.token.image)).toEqual(['}']);
        expect(Mission.parser.Lexer.tokenize('person ann').tokens.map(token => token.image)).toEqual(['person', 'ann']);
    });

    it("the completion parser is built by the first completion and parses as Langium's", () => {
        const { Mission } = serverServices();
        const result = Mission.parser.CompletionParser.parse('mission M "M" { lead ');
        expect(built(Mission.parser.CompletionParser)).toBe(true);
        expect(result.tokens.map(token => token.image)).toEqual(['mission', 'M', '"M"', '{', 'lead']);
    });
});

import { DefaultTokenBuilder, type Grammar, type TokenBuilderOptions } from 'langium';
import type { TokenVocabulary } from 'chevrotain';

/**
 * Langium's token builder, building the grammar's token types once: the fast parser reads them (the
 * keywords it scans, the token types of the syntax trees it builds) without building the Chevrotain
 * lexer, which costs about 15 ms and which a check of well-formed files never runs; and when the lexer
 * is built, it gets the very same token types, so that a tree's leaves carry the lexer's own.
 */
export class MissionTokenBuilder extends DefaultTokenBuilder {
    private built?: { grammar: Grammar; caseInsensitive: boolean | undefined; tokens: TokenVocabulary };

    override buildTokens(grammar: Grammar, options?: TokenBuilderOptions): TokenVocabulary {
        const caseInsensitive = options?.caseInsensitive;
        if (this.built?.grammar !== grammar || this.built.caseInsensitive !== caseInsensitive) {
            this.built = { grammar, caseInsensitive, tokens: super.buildTokens(grammar, options) };
        }
        return this.built.tokens;
    }
}

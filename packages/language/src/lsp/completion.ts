import {
    type AstNode,
    type AstNodeDescription,
    AstUtils,
    type GrammarAST,
    type MaybePromise,
    type ReferenceInfo,
    type Stream,
    stream
} from 'langium';
import {
    type CompletionAcceptor,
    type CompletionContext,
    type CompletionValueItem,
    DefaultCompletionProvider
} from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import type { ModelFactsProvider } from '../facts/facts-provider.js';
import { type Element, isMeasure, isMission, type Measure, type Mission } from '../generated/ast.js';
import type { MissionServices } from '../mission-module.js';
import { dayToIso } from '../syntax/dates.js';
import type { MissionSettings } from '../validation/settings.js';
import { elementDetail } from './describe.js';

/**
 * At most this many references are offered at once. Langium marks every completion list incomplete, so
 * the editor asks again as the analyst types and the list narrows to what matches: offering all 9,000
 * persons of a large organisation after `lead ` would cost a tenth of a second and a megabyte per
 * keystroke for a list nobody scrolls (docs/editors.md).
 */
export const MAX_REFERENCE_ITEMS = 200;

/**
 * Snippets offered where their keyword may start (`mission` at the top level, `measure` in a mission, ...).
 * Dates are written from the current year, never a fixed one: the VS Code extension contributes these same
 * bodies and VS Code fills in `${CURRENT_YEAR}`; this server fills it in itself with the year of the day the
 * rules use (`mission.today`, else the system date), since not every LSP client knows the variable.
 */
const SNIPPETS: Record<string, { detail: string; body: string }> = {
    mission: {
        detail: 'a mission with intent, lead, boundary and a measure',
        body: [
            'mission ${1:Name} "${2:Title}" under ${3:Parent} {',
            '  intent "${4:Purpose}"',
            '  lead ${5:person}',
            '  boundary {',
            '    window ${6:${CURRENT_YEAR}-01-01} .. ${7:${CURRENT_YEAR}-12-31}',
            '  }',
            '  measure ${8:measure} "${9:What success looks like}" {',
            '    baseline ${10:0}',
            '    target ${11:100}',
            '  }',
            '}'
        ].join('\n')
    },
    measure: {
        detail: 'a measure of success',
        body: [
            'measure ${1:name} "${2:Title}" {',
            '  baseline ${3:0}',
            '  target ${4:100}',
            '  current ${5:0}',
            '  unit ${6:unit}',
            '}'
        ].join('\n')
    },
    boundary: {
        detail: 'the defined operating space',
        body: [
            'boundary {',
            '  window ${1:${CURRENT_YEAR}-01-01} .. ${2:${CURRENT_YEAR}-12-31}',
            '  budget ${3:100k} ${4:GBP}',
            '  must "${5:rule}"',
            '}'
        ].join('\n')
    },
    person: {
        detail: 'a person and their capacity',
        body: 'person ${1:id} "${2:Full Name}" { capacity ${3:1} }'
    }
};

/**
 * Keywords where the grammar allows them (Langium's default), references of the kind the reference
 * expects (the scope provider filters by kind through the name index), each with a detail line from
 * the model facts, and snippets for the larger constructs.
 */
export class MissionCompletionProvider extends DefaultCompletionProvider {
    private readonly facts: ModelFactsProvider;
    private readonly settings: MissionSettings;
    /**
     * False when the client brings these snippets itself (the VS Code extension contributes the same
     * ones and says so with the initialization option `{ "snippets": false }`), so none shows twice.
     */
    private offerSnippets = true;

    constructor(services: MissionServices) {
        super(services);
        this.facts = services.facts.ModelFactsProvider;
        this.settings = services.config.Settings;
        services.shared.lsp.LanguageServer.onInitialize(params => {
            const options = params.initializationOptions as { snippets?: unknown } | undefined;
            this.offerSnippets = options?.snippets !== false;
        });
    }

    protected override completionForKeyword(
        context: CompletionContext,
        keyword: GrammarAST.Keyword,
        acceptor: CompletionAcceptor
    ): MaybePromise<void> {
        const result = super.completionForKeyword(context, keyword, acceptor);
        const snippet = this.offerSnippets ? SNIPPETS[keyword.value] : undefined;
        if (snippet) {
            acceptor(context, {
                label: keyword.value,
                kind: CompletionItemKind.Snippet,
                detail: snippet.detail,
                insertText: snippet.body.replaceAll('${CURRENT_YEAR}', dayToIso(this.settings.today).slice(0, 4)),
                insertTextFormat: InsertTextFormat.Snippet,
                sortText: '2'
            });
        }
        return result;
    }

    /**
     * A mission is never offered as its own parent or as support for itself. Only names that match what
     * is typed so far are kept, at most MAX_REFERENCE_ITEMS, the best placed first (see sortText).
     */
    protected override getReferenceCandidates(
        refInfo: ReferenceInfo,
        context: CompletionContext
    ): Stream<AstNodeDescription> {
        const mission = enclosingMission(refInfo.container);
        const typed = context.textDocument.getText({
            start: context.textDocument.positionAt(context.tokenOffset),
            end: context.position
        });
        const matching = super
            .getReferenceCandidates(refInfo, context)
            .filter(candidate => mission === undefined || candidate.node !== mission)
            .filter(candidate => this.fuzzyMatcher.match(typed, candidate.name))
            .toArray();
        if (matching.length <= MAX_REFERENCE_ITEMS) return stream(matching);
        const ranked = matching.map((candidate, index) => ({
            candidate,
            index,
            rank: this.sortText(candidate, refInfo)
        }));
        ranked.sort((a, b) => a.rank.localeCompare(b.rank) || a.index - b.index);
        return stream(ranked.slice(0, MAX_REFERENCE_ITEMS).map(entry => entry.candidate));
    }

    protected override createReferenceCompletionItem(
        description: AstNodeDescription,
        refInfo: ReferenceInfo,
        context: CompletionContext
    ): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const node = description.node as Element | Measure | undefined;
        const detail = node ? elementDetail(this.facts.get(), node) : undefined;
        return {
            ...item,
            detail: detail || description.type.toLowerCase(),
            sortText: this.sortText(description, refInfo)
        };
    }

    /** After `contributes to`, the measures of the mission's own ancestors come first. */
    private sortText(description: AstNodeDescription, refInfo: ReferenceInfo): string {
        const target = description.node;
        const mission = enclosingMission(refInfo.container);
        if (isMeasure(target) && mission) {
            return this.facts.get().isAncestor(target.$container, mission) ? '0' : '1';
        }
        return '0';
    }
}

function enclosingMission(node: AstNode | undefined): Mission | undefined {
    return node ? AstUtils.getContainerOfType(node, isMission) : undefined;
}

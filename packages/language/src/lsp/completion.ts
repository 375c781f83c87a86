import {
    type AstNode,
    type AstNodeDescription,
    AstUtils,
    GrammarAST,
    type MaybePromise,
    type ReferenceInfo,
    type Stream,
    stream
} from 'langium';
import {
    type CompletionAcceptor,
    type CompletionContext,
    type CompletionValueItem,
    DefaultCompletionProvider,
    type NextFeature
} from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import type { ModelFactsProvider } from '../facts/facts-provider.js';
import { tagsInUse } from '../facts/tags.js';
import { type Element, isMeasure, isMission, isTags, type Measure, type Mission } from '../generated/ast.js';
import type { MissionServices } from '../mission-module.js';
import { tagsOf } from '../model/accessors.js';
import { dayToIso } from '../model/dates.js';
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
 * Snippets for every element and item of the language, each offered where its first keyword may start
 * (`mission` at the top level, `measure` in a mission, `must not` where `must` may start, `end state` in an
 * intent, ...). A placeholder's default is text that parses there (never a keyword: `lead owner`, not
 * `lead person`), so accepting a snippet as it is gives no syntax error. Dates are written from the current
 * day, never a fixed one: the VS Code extension contributes these same bodies (snippets/mission.code-snippets,
 * kept equal by its test) and VS Code fills in `${CURRENT_YEAR}`, `${CURRENT_MONTH}` and `${CURRENT_DATE}`; this
 * server fills them in itself from the day the rules use (`mission.today`, else the system date), since not
 * every LSP client knows the variables.
 */
const SNIPPETS: Record<string, { detail: string; body: string }> = {
    vision: {
        detail: 'a vision, the root of a cascade, with its horizon',
        body: [
            'vision ${1:Name} "${2:What the organisation wants to be}" {',
            '  horizon ${3:${CURRENT_YEAR}-12-31}',
            '}'
        ].join('\n')
    },
    person: {
        detail: 'a person and their capacity',
        body: 'person ${1:id} "${2:Full Name}" { capacity ${3:1} }'
    },
    team: {
        detail: 'a team and its members',
        body: 'team ${1:id} "${2:Team name}" { members ${3:member} }'
    },
    mission: {
        detail: 'a mission with intent, lead, boundary and a measure',
        body: [
            'mission ${1:Name} "${2:Title}" under ${3:Parent} {',
            '  intent "${4:Purpose}"',
            '  lead ${5:owner}',
            '  boundary {',
            '    window ${6:${CURRENT_YEAR}-01-01} .. ${7:${CURRENT_YEAR}-12-31}',
            '  }',
            '  measure ${8:name} "${9:What success looks like}" {',
            '    baseline ${10:0}',
            '    target ${11:100}',
            '  }',
            '}'
        ].join('\n')
    },
    horizon: {
        detail: "the vision's horizon",
        body: 'horizon ${1:${CURRENT_YEAR}-12-31}'
    },
    capacity: {
        detail: 'how many active missions the person can carry at once',
        body: 'capacity ${1:1}'
    },
    role: {
        detail: "the person's role",
        body: 'role "${1:Role}"'
    },
    members: {
        detail: "the team's members (persons)",
        body: 'members ${1:member}'
    },
    intent: {
        detail: 'the intent: purpose, end state and key tasks',
        body: [
            'intent "${1:Purpose}" {',
            '  end state "${2:What is true when the mission is won}"',
            '  key task "${3:What must be done}"',
            '}'
        ].join('\n')
    },
    'end state': {
        detail: 'what is true when the mission is won',
        body: 'end state "${1:What is true when the mission is won}"'
    },
    'key task': {
        detail: 'a key task of the intent',
        body: 'key task "${1:What must be done}"'
    },
    lead: {
        detail: 'the one accountable person',
        body: 'lead ${1:owner}'
    },
    crew: {
        detail: 'the persons or teams working on the mission',
        body: 'crew ${1:member}'
    },
    status: {
        detail: 'staged, active, won, lost or abandoned',
        body: 'status ${1|active,staged,won,lost,abandoned|}'
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
    window: {
        detail: 'the time the mission may take, both days included',
        body: 'window ${1:${CURRENT_YEAR}-01-01} .. ${2:${CURRENT_YEAR}-12-31}'
    },
    budget: {
        detail: 'the money the mission may spend',
        body: 'budget ${1:100k} ${2:GBP}'
    },
    headcount: {
        detail: 'how many people the mission may use',
        body: 'headcount ${1:10}'
    },
    must: {
        detail: 'a rule the mission must keep',
        body: 'must "${1:rule}"'
    },
    'must not': {
        detail: 'a rule the mission must not break',
        body: 'must not "${1:rule}"'
    },
    measure: {
        detail: 'a measure of success',
        body: [
            'measure ${1:name} "${2:Title}" {',
            '  baseline ${3:0}',
            '  target ${4:100}',
            '  current ${5:0}',
            '  unit ${6:items}',
            '}'
        ].join('\n')
    },
    baseline: {
        detail: 'where the measure starts',
        body: 'baseline ${1:0}'
    },
    target: {
        detail: 'what winning is',
        body: 'target ${1:100}'
    },
    current: {
        detail: 'where the measure is now',
        body: 'current ${1:0}'
    },
    unit: {
        detail: "the measure's unit",
        body: 'unit ${1:items}'
    },
    due: {
        detail: 'when the target is due',
        body: 'due ${1:${CURRENT_YEAR}-12-31}'
    },
    direction: {
        detail: 'up or down: which way is better',
        body: 'direction ${1|up,down|}'
    },
    'contributes to': {
        detail: 'the measure of an ancestor this one adds to',
        body: 'contributes to ${1:Parent}.${2:name}'
    },
    rollup: {
        detail: "how the contributors' values combine: sum, mean or none",
        body: 'rollup ${1|sum,mean,none|}'
    },
    tags: {
        detail: 'labels for filtering views and outputs',
        body: 'tags ${1:theme}'
    },
    link: {
        detail: "a link to the mission's plan, board or page, with a label",
        body: 'link "${1:https://example.org/plan}" "${2:Plan}"'
    },
    supports: {
        detail: "missions this mission's work helps",
        body: 'supports ${1:Mission}'
    },
    review: {
        detail: 'the review cadence and the last review',
        body: 'review every ${1:30} days last ${2:${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}}'
    },
    value: {
        detail: 'the cost of delay',
        body: 'value ${1:10k} ${2:GBP} per ${3|week,month|}'
    }
};

/** The snippets by the keyword they start with (`must` → `must`, `must not`). */
const SNIPPETS_BY_KEYWORD = new Map<string, Array<[string, { detail: string; body: string }]>>();
for (const entry of Object.entries(SNIPPETS)) {
    const keyword = entry[0].split(' ')[0]!;
    SNIPPETS_BY_KEYWORD.set(keyword, [...(SNIPPETS_BY_KEYWORD.get(keyword) ?? []), entry]);
}

/** A snippet body with the date variables filled in from `today` (YYYY-MM-DD). */
function withDates(body: string, today: string): string {
    return body
        .replaceAll('${CURRENT_YEAR}', today.slice(0, 4))
        .replaceAll('${CURRENT_MONTH}', today.slice(5, 7))
        .replaceAll('${CURRENT_DATE}', today.slice(8, 10));
}

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

    /** After `tags ` and after a comma in a tags item: the tags used anywhere in the workspace. */
    protected override completionFor(
        context: CompletionContext,
        next: NextFeature,
        acceptor: CompletionAcceptor
    ): MaybePromise<void> {
        if (!isTagName(context, next.feature)) return super.completionFor(context, next, acceptor);
        const mission = enclosingMission(context.node);
        const own = new Set(mission ? tagsOf(mission) : []);
        // The tag being typed is parsed as one of the mission's own already: it stays on offer.
        own.delete(context.textDocument.getText().slice(context.tokenOffset, context.tokenEndOffset));
        for (const { tag, missions } of tagsInUse(this.facts.get())) {
            if (own.has(tag)) continue;
            acceptor(context, {
                label: tag,
                kind: CompletionItemKind.EnumMember,
                detail: `tag of ${missions} mission${missions === 1 ? '' : 's'}`,
                sortText: '0'
            });
        }
    }

    protected override completionForKeyword(
        context: CompletionContext,
        keyword: GrammarAST.Keyword,
        acceptor: CompletionAcceptor
    ): MaybePromise<void> {
        const result = super.completionForKeyword(context, keyword, acceptor);
        const snippets = this.offerSnippets ? SNIPPETS_BY_KEYWORD.get(keyword.value) : undefined;
        for (const [name, snippet] of snippets ?? []) {
            acceptor(context, {
                label: name,
                kind: CompletionItemKind.Snippet,
                detail: snippet.detail,
                insertText: withDates(snippet.body, dayToIso(this.settings.today)),
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

/**
 * The name of a `tags` item (`names+=Name`), which is a tag, not a reference: Langium offers the `ID`
 * inside the `Name` rule, with the tags item as the node being completed.
 */
function isTagName(context: CompletionContext, feature: GrammarAST.AbstractElement): boolean {
    return GrammarAST.isRuleCall(feature) && feature.rule.ref?.name === 'ID' && isTags(context.node);
}

function enclosingMission(node: AstNode | undefined): Mission | undefined {
    return node ? AstUtils.getContainerOfType(node, isMission) : undefined;
}

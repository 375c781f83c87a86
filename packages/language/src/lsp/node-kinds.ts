import { type AstNode, type AstNodeDescription } from 'langium';
import { DefaultNodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';

const SYMBOL_KINDS: Record<string, SymbolKind> = {
    Vision: SymbolKind.Namespace,
    Mission: SymbolKind.Class,
    Measure: SymbolKind.Field,
    Person: SymbolKind.Object,
    Team: SymbolKind.Struct
};

const COMPLETION_KINDS: Record<string, CompletionItemKind> = {
    Vision: CompletionItemKind.Module,
    Mission: CompletionItemKind.Class,
    Measure: CompletionItemKind.Field,
    Person: CompletionItemKind.Variable,
    Team: CompletionItemKind.Struct
};

/** One icon per kind of element in outlines, symbol search and completion lists. */
export class MissionNodeKindProvider extends DefaultNodeKindProvider {
    override getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return SYMBOL_KINDS[typeOf(node)] ?? super.getSymbolKind(node);
    }

    override getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return COMPLETION_KINDS[typeOf(node)] ?? super.getCompletionItemKind(node);
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return '$type' in node ? node.$type : node.type;
}

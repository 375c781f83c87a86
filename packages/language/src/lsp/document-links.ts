import { GrammarUtils, type LangiumDocument } from 'langium';
import type { DocumentLinkProvider } from 'langium/lsp';
import type { DocumentLink } from 'vscode-languageserver';
import { isMission, type Model } from '../generated/ast.js';
import { linksOf } from '../model/accessors.js';
import { linkableUrl } from '../model/links.js';

/**
 * One document link per `link` item whose URL may be a link (`linkableUrl`: absolute https, http or
 * mailto), over the URL between its quotes, so the editor opens it on Ctrl+click. Any other URL,
 * `javascript:` above all, never becomes a link (invalid-link reports it).
 */
export class MissionDocumentLinkProvider implements DocumentLinkProvider {
    getDocumentLinks(document: LangiumDocument): DocumentLink[] {
        const links: DocumentLink[] = [];
        for (const element of (document.parseResult.value as Model).elements) {
            if (!isMission(element) || element.links.length === 0) continue;
            for (const link of linksOf(element)) {
                const target = linkableUrl(link.url);
                const token = target ? GrammarUtils.findNodeForProperty(link.$cstNode, 'url') : undefined;
                if (!target || !token) continue;
                const { start, end } = token.range;
                links.push({
                    range: {
                        start: { line: start.line, character: start.character + 1 },
                        end: { line: end.line, character: end.character - 1 }
                    },
                    target,
                    tooltip: link.label ? `Open ${link.label}` : undefined
                });
            }
        }
        return links;
    }
}

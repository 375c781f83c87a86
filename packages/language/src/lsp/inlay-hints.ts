import { type AstNode, GrammarUtils } from 'langium';
import { AbstractInlayHintProvider, type InlayHintAcceptor } from 'langium/lsp';
import type { ModelFactsProvider } from '../facts/facts-provider.js';
import { isMission } from '../generated/ast.js';
import { windowOf } from '../model/accessors.js';
import type { MissionServices } from '../mission-module.js';
import { windowOrigin, windowText } from './describe.js';

/**
 * After the opening brace of a mission without a window of its own, the window it inherits:
 * `window 2026-01-01 .. 2026-12-31 (inherited from Grow)`. A mission whose own window is broken is
 * treated as having none (LANGUAGE.md, "Broken parts"), so it shows the inherited one too.
 */
export class MissionInlayHintProvider extends AbstractInlayHintProvider {
    private readonly facts: ModelFactsProvider;

    constructor(services: MissionServices) {
        super();
        this.facts = services.facts.ModelFactsProvider;
    }

    override computeInlayHint(node: AstNode, accept: InlayHintAcceptor): void {
        if (!isMission(node)) return;
        const window = this.facts.get().windowOf(node);
        if (window.source === 'own' || window.source === 'none') return;
        const open = GrammarUtils.findNodeForKeyword(node.$cstNode, '{');
        if (!open) return;
        const broken = windowOf(node) ? 'own window unusable; ' : '';
        accept({
            position: open.range.end,
            label: `window ${windowText(window)} (${broken}${windowOrigin(window)})`,
            paddingLeft: true
        });
    }
}

import { type AstNode, GrammarUtils } from 'langium';
import { AbstractInlayHintProvider, type InlayHintAcceptor } from 'langium/lsp';
import type { ModelFactsProvider } from '../facts/facts-provider.js';
import { isMeasure, isMission, type Measure } from '../generated/ast.js';
import { paceText } from '../facts/pace.js';
import { windowOf } from '../model/accessors.js';
import type { MissionServices } from '../mission-module.js';
import type { MissionSettings } from '../validation/settings.js';
import { windowPhrase } from '../model/wording.js';
import { percent, windowOrigin } from './describe.js';

/**
 * After the opening brace of a mission without a window of its own, the window it inherits:
 * `window 2026-01-01 .. 2026-12-31 (inherited from Grow)`. A mission whose own window is broken is
 * treated as having none (LANGUAGE.md, "Broken parts"), so it shows the inherited one too. After a
 * measure's `current` value, its pace on the settings' today: `behind (55% expected)`.
 */
export class MissionInlayHintProvider extends AbstractInlayHintProvider {
    private readonly facts: ModelFactsProvider;
    private readonly settings: MissionSettings;

    constructor(services: MissionServices) {
        super();
        this.facts = services.facts.ModelFactsProvider;
        this.settings = services.config.Settings;
    }

    override computeInlayHint(node: AstNode, accept: InlayHintAcceptor): void {
        if (isMeasure(node)) {
            this.paceHint(node, accept);
            return;
        }
        if (!isMission(node)) return;
        const window = this.facts.get().windowOf(node);
        if (window.source === 'own' || window.source === 'none') return;
        const open = GrammarUtils.findNodeForKeyword(node.$cstNode, '{');
        if (!open) return;
        const broken = windowOf(node) ? 'own window unusable; ' : '';
        accept({
            position: open.range.end,
            label: `window ${windowPhrase(window)} (${broken}${windowOrigin(window)})`,
            paddingLeft: true
        });
    }

    /** Only where both sides of the comparison are known: a progress and a bounded span. */
    private paceHint(measure: Measure, accept: InlayHintAcceptor): void {
        const current = measure.currents[0]?.$cstNode;
        if (!current) return;
        const { pace, expected } = this.facts.get().paceOn(this.settings.today).measure(measure);
        if (!pace || expected === undefined) return;
        accept({
            position: current.range.end,
            label: `${paceText(pace)} (${percent(expected)} expected)`,
            paddingLeft: true
        });
    }
}

import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens } from 'vscode-languageserver';
import type { ModelFactsProvider } from '../facts/facts-provider.js';
import type { ModelFacts } from '../facts/model-facts.js';
import { supportersOf } from '../facts/supports.js';
import type { Mission, Model, Person } from '../generated/ast.js';
import type { MissionServices } from '../mission-module.js';
import { planSummary } from '../planning/plan-output.js';
import { type PlanEntry, stagingPlanOn } from '../planning/staging-plan.js';
import type { MissionSettings } from '../validation/settings.js';
import { loadText, percent } from './describe.js';

/**
 * A line above each mission (`3 sub-missions · supported by 2 · 42% to target`) and each person
 * (`load 2 / capacity 1`), read from the model facts; a second line above each staged mission, from the
 * staging plan on the settings' today (`could start 2027-03-01 when bob frees up`). The lenses only
 * inform: their command is empty.
 */
export class MissionCodeLensProvider implements CodeLensProvider {
    private readonly facts: ModelFactsProvider;
    private readonly nameProvider: MissionServices['references']['NameProvider'];
    private readonly settings: MissionSettings;

    constructor(services: MissionServices) {
        this.facts = services.facts.ModelFactsProvider;
        this.nameProvider = services.references.NameProvider;
        this.settings = services.config.Settings;
    }

    provideCodeLens(document: LangiumDocument): CodeLens[] {
        const facts = this.facts.get();
        const lenses: CodeLens[] = [];
        let planned: Map<Mission, PlanEntry> | undefined;
        for (const element of (document.parseResult.value as Model).elements) {
            const title =
                element.$type === 'Mission'
                    ? missionLens(facts, element)
                    : element.$type === 'Person'
                      ? personLens(facts, element)
                      : undefined;
            const range = this.nameProvider.getNameNode(element)?.range ?? element.$cstNode?.range;
            if (title && range) lenses.push({ range, command: { title, command: '' } });
            if (element.$type === 'Mission' && range && facts.statusOf(element) === 'staged') {
                const today = this.settings.today;
                planned ??= new Map(stagingPlanOn(facts, today).entries.map(entry => [entry.mission, entry]));
                const entry = planned.get(element);
                if (entry) lenses.push({ range, command: { title: planSummary(entry, today), command: '' } });
            }
        }
        return lenses;
    }
}

export function missionLens(facts: ModelFacts, mission: Mission): string {
    const children = facts.childrenOf(mission).length;
    const supporters = supportersOf(facts, mission).length;
    const progress = facts.progressOf(mission);
    return [
        `${children} sub-mission${children === 1 ? '' : 's'}`,
        `supported by ${supporters}`,
        progress === undefined ? 'no progress measured' : `${percent(progress)} to target`
    ].join(' · ');
}

export function personLens(facts: ModelFacts, person: Person): string {
    const load = facts.loadOf(person);
    return load.load > load.capacity ? `${loadText(load)} · over capacity` : loadText(load);
}

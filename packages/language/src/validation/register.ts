import type { MissionServices } from '../mission-module.js';
import type { MissionIndexManager } from '../references/name-index.js';
import { NameValidator } from './name-checks.js';
import { registerValidator } from './report.js';
import { AlignmentValidator } from './rules/alignment.js';
import { BoundaryValidator } from './rules/boundaries.js';
import { CapacityValidator } from './rules/capacity.js';
import { CompletenessValidator } from './rules/completeness.js';
import { MeasureValidator } from './rules/measures.js';
import { StagingValidator } from './rules/staging.js';
import { SupportValidator } from './rules/support.js';
import { TimeValidator } from './rules/time.js';
import { SyntaxValidator } from './syntax-checks.js';
import { ValueValidator } from './value-checks.js';

/** Every validator of the language, one class per concern. */
export function registerValidationChecks(services: MissionServices): void {
    const registry = services.validation.ValidationRegistry;
    const index = services.shared.workspace.IndexManager as MissionIndexManager;
    registerValidator(registry, new SyntaxValidator());
    registerValidator(registry, new ValueValidator());
    registerValidator(registry, new NameValidator(index));
    // The rule catalog (src/validation/rules, docs/rules.md): every rule reads the shared model facts.
    const facts = services.facts.ModelFactsProvider;
    registerValidator(registry, new AlignmentValidator(facts));
    registerValidator(registry, new CapacityValidator(facts));
    registerValidator(registry, new BoundaryValidator(facts));
    registerValidator(registry, new SupportValidator(facts));
    registerValidator(registry, new MeasureValidator(facts));
    registerValidator(registry, new CompletenessValidator());
    registerValidator(registry, new TimeValidator(facts, services.config.Settings));
    registerValidator(registry, new StagingValidator());
}

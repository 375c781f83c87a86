import type { MissionServices } from '../mission-module.js';
import type { MissionIndexManager } from '../references/name-index.js';
import { NameValidator } from './name-checks.js';
import { registerValidator } from './report.js';
import { SyntaxValidator } from './syntax-checks.js';
import { ValueValidator } from './value-checks.js';

/** Every validator of the language, one class per concern. */
export function registerValidationChecks(services: MissionServices): void {
    const registry = services.validation.ValidationRegistry;
    const index = services.shared.workspace.IndexManager as MissionIndexManager;
    registerValidator(registry, new SyntaxValidator());
    registerValidator(registry, new ValueValidator());
    registerValidator(registry, new NameValidator(index));
}

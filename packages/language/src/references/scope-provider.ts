import {
    type AstNodeDescription,
    type AstReflection,
    type ReferenceInfo,
    type Scope,
    type ScopeProvider,
    type Stream,
    stream
} from 'langium';
import type { MissionServices } from '../mission-module.js';
import type { MissionIndexManager } from './name-index.js';

/**
 * All names are global, so a reference is resolved by one lookup in the name index, keeping only
 * elements of the kind the reference expects (a `lead` names a person, `crew` a person or team, ...).
 */
export class MissionScopeProvider implements ScopeProvider {
    private readonly reflection: AstReflection;
    private readonly index: MissionIndexManager;

    constructor(services: MissionServices) {
        this.reflection = services.shared.AstReflection;
        this.index = services.shared.workspace.IndexManager as MissionIndexManager;
    }

    /** One scope per expected kind: a scope holds nothing but the kind, and linking asks once per reference. */
    private readonly scopes = new Map<string, NameIndexScope>();

    getScope(context: ReferenceInfo): Scope {
        const referenceType = this.reflection.getReferenceType(context);
        let scope = this.scopes.get(referenceType);
        if (!scope)
            this.scopes.set(referenceType, (scope = new NameIndexScope(this.index, this.reflection, referenceType)));
        return scope;
    }
}

class NameIndexScope implements Scope {
    constructor(
        private readonly index: MissionIndexManager,
        private readonly reflection: AstReflection,
        private readonly referenceType: string
    ) {}

    getElement(name: string): AstNodeDescription | undefined {
        for (const description of this.index.lookup(name)) {
            if (this.accepts(description)) return description;
        }
        return undefined;
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return stream(this.index.lookup(name).filter(description => this.accepts(description)));
    }

    /** For completion: every element of the expected kind. */
    getAllElements(): Stream<AstNodeDescription> {
        return this.index.allElements(this.referenceType);
    }

    private accepts(description: AstNodeDescription): boolean {
        return this.reflection.isSubtype(description.type, this.referenceType);
    }
}

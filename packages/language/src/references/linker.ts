import { type AstNodeDescription, DefaultLinker, type LinkingError, type ReferenceInfo } from 'langium';
import type { MissionServices } from '../mission-module.js';
import { kindWord } from './kinds.js';
import type { MissionIndexManager } from './name-index.js';

/** Linking errors say what kind was expected, and what the name is when it exists with another kind. */
export class MissionLinker extends DefaultLinker {
    private readonly index: MissionIndexManager;

    constructor(services: MissionServices) {
        super(services);
        this.index = services.shared.workspace.IndexManager as MissionIndexManager;
    }

    protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const name = refInfo.reference.$refText;
        const expected = kindWord(this.reflection.getReferenceType(refInfo));
        const others = this.index.lookup(name).map(description => kindWord(description.type));
        const hint = others.length > 0 ? ` ('${name}' is a ${others[0]})` : '';
        return { info: refInfo, message: `no ${expected} named '${name}'${hint}`, targetDescription };
    }
}

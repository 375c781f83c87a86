import {
    type AstNodeDescription,
    DefaultScopeComputation,
    type LangiumDocument,
    type LocalSymbols,
    MultiMap
} from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { Model } from '../generated/ast.js';

/**
 * Every top-level element is exported under its name; every measure under `Mission.measure`.
 * Only the top level and measures are visited, never the whole tree, so indexing stays linear in the
 * number of elements. Nothing is local: all names are global (LANGUAGE.md, "Names").
 */
export class MissionScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(
        document: LangiumDocument,
        _cancelToken?: CancellationToken
    ): Promise<AstNodeDescription[]> {
        const model = document.parseResult.value as Model;
        const exported: AstNodeDescription[] = [];
        for (const element of model.elements) {
            if (!element.name) continue;
            exported.push(this.descriptions.createDescription(element, element.name, document));
            if (element.$type === 'Mission') {
                for (const measure of element.measures) {
                    if (measure.name) {
                        exported.push(
                            this.descriptions.createDescription(measure, `${element.name}.${measure.name}`, document)
                        );
                    }
                }
            }
        }
        return exported;
    }

    override async collectLocalSymbols(
        _document: LangiumDocument,
        _cancelToken?: CancellationToken
    ): Promise<LocalSymbols> {
        return new MultiMap();
    }
}

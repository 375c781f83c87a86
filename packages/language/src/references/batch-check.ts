import type { Module, ReferenceDescription, ReferenceDescriptionProvider } from 'langium';
import type { PartialLangiumServices } from 'langium/lsp';
import type { MissionServices } from '../mission-module.js';
import { createMissionParser } from '../syntax/fast-parser.js';

/**
 * A one-shot check (the CLI) builds once and never asks who references what: Langium's reference
 * index serves find-references, rename and deciding what to relink after an edit, all editor-only.
 * Describing every reference (paths, ranges, URIs) is about a tenth of a cold check, so a batch check
 * leaves the index empty. Linking and every diagnostic are unchanged.
 */
export class NoReferenceDescriptions implements ReferenceDescriptionProvider {
    async createDescriptions(): Promise<ReferenceDescription[]> {
        return [];
    }
}

/** What a batch check replaces in the language's services: no reference index. */
export const BatchCheckModule: Module<MissionServices, PartialLangiumServices> = {
    workspace: {
        ReferenceDescriptionProvider: () => new NoReferenceDescriptions()
    }
};

/**
 * Syntax trees built where they are read (syntax/syntax-on-demand.ts), which for a check is where it
 * reports something: for services that never edit a document.
 */
export const SyntaxOnDemandModule: Module<MissionServices, PartialLangiumServices> = {
    parser: {
        LangiumParser: services => createMissionParser(services, { syntaxOnDemand: true })
    }
};

/**
 * A file may carry more diagnostics than a function call can take arguments (a 100k-mission file
 * without intents): none may be lost to Langium's `push(...diagnostics)`.
 */
import type { ValidationAcceptor, ValidationChecks } from 'langium';
import { describe, expect, it } from 'vitest';
import { URI } from 'langium';
import type { MissionAstType, Model } from '../src/generated/ast.js';
import { createMissionServices } from '../src/mission-module.js';
import type { DiagnosticCode } from '../src/validation/codes.js';
import { type MissionValidator, registerValidator, report } from '../src/validation/report.js';

const MANY = 300_000;

class FloodingValidator implements MissionValidator {
    readonly codes: readonly DiagnosticCode[] = ['no-lead'];

    checks(): ValidationChecks<MissionAstType> {
        return {
            Vision: (vision, accept: ValidationAcceptor) => {
                for (let i = 0; i < MANY; i++)
                    report(accept, 'no-lead', `flood ${i}`, { node: vision, property: 'name' });
            }
        };
    }
}

describe('diagnostic volume', () => {
    it(`keeps all ${MANY.toLocaleString('en-US')} diagnostics of one file`, async () => {
        const { shared, Mission } = createMissionServices();
        registerValidator(Mission.validation.ValidationRegistry, new FloodingValidator());
        const document = shared.workspace.LangiumDocumentFactory.fromString<Model>(
            'vision V',
            URI.parse('memory:///flood.mission')
        );
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: true });

        const flood = (document.diagnostics ?? []).filter(diagnostic => diagnostic.code === 'no-lead');
        expect(flood).toHaveLength(MANY);
        expect(flood[MANY - 1]!.message).toBe(`flood ${MANY - 1}`);
    });
});

/**
 * registerValidator guards every check: one that throws reports itself as an error diagnostic with its
 * validator's code, and every other check still reports.
 */
import type { ValidationChecks } from 'langium';
import { validationHelper } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { MissionAstType, Model } from '../../src/generated/ast.js';
import { createMissionServices } from '../../src/mission-module.js';
import type { DiagnosticCode } from '../../src/validation/codes.js';
import { type MissionValidator, registerValidator } from '../../src/validation/report.js';

class ThrowingValidator implements MissionValidator {
    readonly codes: readonly DiagnosticCode[] = ['review-overdue'];

    checks(): ValidationChecks<MissionAstType> {
        return {
            Mission: () => {
                throw new Error('boom');
            }
        };
    }
}

describe('a throwing check', () => {
    it('reports itself with its code and does not stop the other rules', async () => {
        const { Mission: services } = createMissionServices();
        registerValidator(services.validation.ValidationRegistry, new ThrowingValidator());
        const validate = validationHelper<Model>(services);
        const { diagnostics } = await validate('mission Grow { status staged }');

        const internal = diagnostics.filter(diagnostic => diagnostic.code === 'review-overdue');
        expect(internal).toHaveLength(1);
        expect(internal[0]!.severity).toBe(DiagnosticSeverity.Error);
        expect(internal[0]!.message).toBe('internal error in the review-overdue check: boom');
        // On the mission the check was given: line 1, from `mission` to the closing brace.
        expect(internal[0]!.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 30 } });

        const others = diagnostics
            .filter(diagnostic => diagnostic.code !== 'review-overdue')
            .map(diagnostic => diagnostic.code)
            .sort();
        expect(others).toEqual([
            'missing-intent',
            'no-lead',
            'staged-without-value',
            'unaligned-mission',
            'unmeasured-mission'
        ]);
    });
});

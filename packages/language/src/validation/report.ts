import type { AstNode, DiagnosticInfo, ValidationAcceptor, ValidationChecks, ValidationRegistry } from 'langium';
import type { MissionAstType } from '../generated/ast.js';
import { defaultSeverity, type DiagnosticCode, type Severity } from './codes.js';

/** Reports a catalog diagnostic: the code decides the severity unless the rule passes another one. */
export function report<N extends AstNode>(
    accept: ValidationAcceptor,
    code: DiagnosticCode,
    message: string,
    info: DiagnosticInfo<N>,
    severity: Severity = defaultSeverity(code)
): void {
    accept(severity, message, { ...info, code });
}

/** A validator class: one concern, the codes it reports, and its checks by AST type. */
export interface MissionValidator {
    readonly codes: readonly DiagnosticCode[];
    checks(): ValidationChecks<MissionAstType>;
}

/**
 * Registers a validator's checks, with the validator as their `this`: one that throws reports itself
 * (an error diagnostic with the validator's first code, naming the failure; MissionValidationRegistry's
 * `runCheck`) and the other checks still run. The checks are registered as they are, not wrapped: a
 * large workspace runs a quarter of a million checks, and each wrapper was one more call.
 */
export function registerValidator(registry: ValidationRegistry, validator: MissionValidator): void {
    registry.register(validator.checks(), validator);
}

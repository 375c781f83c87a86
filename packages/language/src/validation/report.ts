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
 * Registers a validator's checks so that one that throws reports itself (an error diagnostic with the
 * validator's first code, naming the failure) and the other checks still run.
 */
export function registerValidator(registry: ValidationRegistry, validator: MissionValidator): void {
    const guarded: Record<string, unknown> = {};
    for (const [type, check] of Object.entries(validator.checks())) {
        const checks = (Array.isArray(check) ? check : [check]) as Array<(node: AstNode, accept: ValidationAcceptor) => void>;
        guarded[type] = checks.map(one => (node: AstNode, accept: ValidationAcceptor) => {
            try {
                one.call(validator, node, accept);
            } catch (error) {
                const reason = error instanceof Error ? error.message : String(error);
                report(accept, validator.codes[0]!, `internal error in the ${validator.codes.join('/')} check: ${reason}`, { node }, 'error');
            }
        });
    }
    registry.register(guarded as ValidationChecks<MissionAstType>, validator);
}

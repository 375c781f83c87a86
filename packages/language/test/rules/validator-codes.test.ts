/**
 * Each rule validator's `codes` (the code a check that throws reports under, and what its message names) are
 * exactly the codes its checks report: run one validator at a time over examples/broken, which fires every rule
 * code, and collect what each reports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { AstUtils, type ValidationAcceptor } from 'langium';
import { describe, expect, it } from 'vitest';
import type { MissionValidator } from '../../src/validation/report.js';
import { AlignmentValidator } from '../../src/validation/rules/alignment.js';
import { BoundaryValidator } from '../../src/validation/rules/boundaries.js';
import { CapacityValidator } from '../../src/validation/rules/capacity.js';
import { CompletenessValidator } from '../../src/validation/rules/completeness.js';
import { MeasureValidator } from '../../src/validation/rules/measures.js';
import { StagingValidator } from '../../src/validation/rules/staging.js';
import { SupportValidator } from '../../src/validation/rules/support.js';
import { TimeValidator } from '../../src/validation/rules/time.js';
import { check, type RuleCheck } from './rule-helpers.js';

const BROKEN = new URL('../../../../examples/broken/', import.meta.url);

function validatorsOf(result: RuleCheck): MissionValidator[] {
    const facts = result.services.Mission.facts.ModelFactsProvider;
    return [
        new AlignmentValidator(facts),
        new CapacityValidator(facts),
        new BoundaryValidator(facts),
        new SupportValidator(facts),
        new MeasureValidator(facts),
        new CompletenessValidator(),
        new TimeValidator(facts, result.services.Mission.config.Settings),
        new StagingValidator()
    ];
}

/** The codes one validator's checks report on the checked model. */
function reportedBy(validator: MissionValidator, result: RuleCheck): Set<string> {
    const reflection = result.services.shared.AstReflection;
    const codes = new Set<string>();
    const accept = ((_severity, _message, info) => {
        codes.add(String((info as { code?: unknown }).code ?? (info as { data?: { code?: unknown } }).data?.code));
    }) as ValidationAcceptor;
    const checks = Object.entries(validator.checks());
    for (const { document } of result.documents)
        for (const node of AstUtils.streamAst(document.parseResult.value))
            for (const [type, fns] of checks)
                if (reflection.isSubtype(node.$type, type))
                    for (const fn of [fns].flat()) (fn as (...args: unknown[]) => void).call(validator, node, accept);
    return codes;
}

describe("each rule validator's codes", () => {
    it('are exactly the codes it reports over examples/broken', async () => {
        const reported = new Map<string, Set<string>>();
        const listed = new Map<string, readonly string[]>();
        for (const name of readdirSync(BROKEN).filter(file => file.endsWith('.mission'))) {
            const result = await check(readFileSync(new URL(name, BROKEN), 'utf8'), '2026-11-23');
            for (const validator of validatorsOf(result)) {
                const key = validator.constructor.name;
                listed.set(key, validator.codes);
                const codes = reported.get(key) ?? new Set();
                for (const code of reportedBy(validator, result)) codes.add(code);
                reported.set(key, codes);
            }
        }
        expect(reported.size).toBe(8);
        for (const [key, codes] of reported)
            expect([key, [...codes].sort()]).toEqual([key, [...listed.get(key)!].sort()]);
    });
});

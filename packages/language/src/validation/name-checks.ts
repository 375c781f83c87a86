import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { Element, Mission, MissionAstType } from '../generated/ast.js';
import { kindOf, nameOf } from '../references/kinds.js';
import type { MissionIndexManager } from '../references/name-index.js';
import type { DiagnosticCode } from './codes.js';
import { type MissionValidator, report } from './report.js';

const GLOBAL_KINDS = new Set(['Vision', 'Person', 'Team', 'Mission']);

/** How many other holders of a duplicate name a message names. */
const LISTED_OTHERS = 3;

/**
 * Names are global across every file: a name held by two elements (of any kinds) is reported on each.
 * One lookup in the name index per element, never a comparison of all pairs.
 */
export class NameValidator implements MissionValidator {
    readonly codes: readonly DiagnosticCode[] = ['duplicate-name'];

    constructor(private readonly index: MissionIndexManager) {}

    checks(): ValidationChecks<MissionAstType> {
        return {
            Vision: this.checkGlobalName,
            Person: this.checkGlobalName,
            Team: this.checkGlobalName,
            Mission: [this.checkGlobalName, this.checkMeasureNames]
        };
    }

    checkGlobalName(element: Element, accept: ValidationAcceptor): void {
        if (!element.name) return;
        const holders = this.index.lookup(element.name).filter(description => GLOBAL_KINDS.has(description.type));
        if (holders.length < 2) return;
        // Name a few of the others: a name held thousands of times must not make each message list them all.
        const others = [];
        for (const description of holders) {
            if (description.node === element) continue;
            others.push(description);
            if (others.length === LISTED_OTHERS) break;
        }
        const unlisted = holders.length - 1 - others.length;
        const where =
            others.map(other => `a ${kindWordOf(other.type)} in ${fileName(other.documentUri.path)}`).join(', ') +
            (unlisted > 0 ? ` and ${unlisted} more` : '');
        report(
            accept,
            'duplicate-name',
            `the name '${element.name}' is used by ${holders.length} elements (this ${kindOf(element)}; also ${where})`,
            { node: element, property: 'name' }
        );
    }

    checkMeasureNames(mission: Mission, accept: ValidationAcceptor): void {
        // A measure without a name (`measure { target 1 }`, a syntax error) shares no name with another.
        const seen = new Map<string, number>();
        for (const measure of mission.measures)
            if (measure.name) seen.set(measure.name, (seen.get(measure.name) ?? 0) + 1);
        for (const measure of mission.measures) {
            if (!measure.name) continue;
            const count = seen.get(measure.name) ?? 0;
            if (count > 1) {
                report(
                    accept,
                    'duplicate-name',
                    `mission ${mission.name ?? '(without a name)'} has ${count} measures named '${nameOf(measure)}'`,
                    { node: measure, property: 'name' }
                );
            }
        }
    }
}

function kindWordOf(type: string): string {
    return type.toLowerCase();
}

function fileName(path: string): string {
    return path.slice(path.lastIndexOf('/') + 1);
}

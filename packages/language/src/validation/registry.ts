import {
    type AstNode,
    isOperationCancelled,
    MultiMap,
    type ValidationAcceptor,
    type ValidationCategory,
    type ValidationCheck,
    type ValidationChecks,
    ValidationRegistry
} from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { MissionServices } from '../mission-module.js';
import { type NodeTypes, nodeTypes } from '../model/walk.js';
import { type MissionValidator, report } from './report.js';

interface DirectCheck {
    readonly check: ValidationCheck;
    readonly thisObj: unknown;
    readonly category: ValidationCategory;
}

/**
 * Langium's registry wraps every check in an async function, so validating a node costs a promise per
 * check: on a large workspace that is most of the validation time. This registry also keeps each check
 * as registered, so that the document validator can call the checks directly (they are synchronous;
 * one that returns a promise is still awaited). Registration is unchanged: `register` as in Langium.
 */
export class MissionValidationRegistry extends ValidationRegistry {
    private readonly direct = new MultiMap<string, DirectCheck>();
    private readonly byCategories = new Map<string, Map<string, readonly DirectCheck[]>>();
    private readonly checkedTypesByCategories = new Map<string, NodeTypes>();

    constructor(services: MissionServices) {
        super(services);
    }

    override register<T>(
        checksRecord: ValidationChecks<T>,
        thisObj: unknown = this,
        category: ValidationCategory = 'fast'
    ): void {
        super.register(checksRecord, thisObj, category);
        for (const [type, checks] of Object.entries(
            checksRecord as Record<string, ValidationCheck | ValidationCheck[]>
        )) {
            for (const check of Array.isArray(checks) ? checks : [checks]) {
                const entry: DirectCheck = { check, thisObj, category };
                const types = type === 'AstNode' ? ['AstNode'] : this.reflection.getAllSubTypes(type);
                for (const subtype of types) this.direct.add(subtype, entry);
            }
        }
        this.byCategories.clear();
        this.checkedTypesByCategories.clear();
    }

    /** The checks by node type (a type's own and those of every node), limited to the given categories. */
    directChecks(categories?: readonly ValidationCategory[]): (type: string) => readonly DirectCheck[] {
        const key = categories ? categories.join(',') : '*';
        let byType = this.byCategories.get(key);
        if (!byType) this.byCategories.set(key, (byType = new Map()));
        const cache = byType;
        return type => {
            let checks = cache.get(type);
            if (!checks) {
                checks = [...this.direct.get(type), ...this.direct.get('AstNode')].filter(
                    entry => !categories || categories.includes(entry.category)
                );
                cache.set(type, checks);
            }
            return checks;
        };
    }

    /**
     * The node types that have checks in the given categories, and those that can contain one: what validation
     * walks.
     */
    checkedTypes(categories?: readonly ValidationCategory[]): NodeTypes {
        const key = categories ? categories.join(',') : '*';
        let types = this.checkedTypesByCategories.get(key);
        if (!types) {
            const checksOf = this.directChecks(categories);
            types = nodeTypes(this.reflection.getAllTypes().filter(type => checksOf(type).length > 0));
            this.checkedTypesByCategories.set(key, types);
        }
        return types;
    }

    /**
     * Whether a document's diagnostics are the union of its top-level elements' own: no check runs on
     * the whole file (the root, every node, or before and after the nodes). Then an edit inside some
     * elements needs only those validated again.
     */
    checksAreElementLocal(): boolean {
        return (
            this.direct.get('Model').length === 0 &&
            this.direct.get('AstNode').length === 0 &&
            this.checksBefore.length === 0 &&
            this.checksAfter.length === 0
        );
    }

    /**
     * Runs one check on one node. Like Langium's wrapper, a check that throws reports the failure on the
     * node rather than stopping the validation; cancellation still propagates. A check of one of our
     * validators reports it with the validator's first code (see `registerValidator`).
     */
    runCheck(
        entry: DirectCheck,
        node: AstNode,
        accept: ValidationAcceptor,
        cancelToken: CancellationToken
    ): Promise<void> | undefined {
        try {
            const result = entry.check.call(entry.thisObj, node, accept, cancelToken);
            return result instanceof Promise
                ? result.catch(error => this.reportFailure(error, entry, node, accept))
                : undefined;
        } catch (error) {
            this.reportFailure(error, entry, node, accept);
            return undefined;
        }
    }

    private reportFailure(error: unknown, entry: DirectCheck, node: AstNode, accept: ValidationAcceptor): void {
        if (isOperationCancelled(error)) throw error;
        const details = error instanceof Error ? error.message : String(error);
        const codes = (entry.thisObj as Partial<MissionValidator> | undefined)?.codes;
        if (codes?.[0])
            report(accept, codes[0], `internal error in the ${codes.join('/')} check: ${details}`, { node }, 'error');
        else accept('error', `An error occurred during validation: ${details}`, { node });
    }
}

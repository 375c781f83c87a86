import type { AlignmentTarget, Mission, Vision } from '../generated/ast.js';
import { ALL_TIME, type DayWindow, ownWindow, visionWindow } from './windows.js';

/** Where a mission's effective window comes from. */
export type WindowSource = 'own' | 'inherited' | 'vision' | 'none';

export interface EffectiveWindow extends DayWindow {
    readonly source: WindowSource;
    /** The element whose window (or horizon) this is; absent for 'none'. */
    readonly from?: AlignmentTarget;
}

/**
 * The shape of the cascade: parents, children, cycles, ancestor tests and effective windows. Built in
 * O(n) with iterative walks (an `under` chain may be 100,000 deep), never pairwise.
 */
export class Cascade {
    /** Keyed by any alignment target so that a walk asks a vision too (it has no entry) without a type test. */
    private readonly parents = new Map<AlignmentTarget, AlignmentTarget>();
    private readonly children = new Map<AlignmentTarget, Mission[]>();
    /** Each mission on an `under` cycle, with the cycle's members in `under` order starting anywhere. */
    private readonly cycles = new Map<AlignmentTarget, readonly Mission[]>();
    /** The same cycles, each once. */
    private readonly cycleList: (readonly Mission[])[] = [];
    /** Pre/post order numbers over the forest, for O(1) ancestor tests. */
    private readonly enter = new Map<AlignmentTarget | readonly Mission[], number>();
    private readonly leave = new Map<AlignmentTarget | readonly Mission[], number>();
    private readonly windows = new Map<Mission, EffectiveWindow>();

    constructor(visions: readonly Vision[], missions: readonly Mission[]) {
        for (let i = 0; i < missions.length; i++) {
            const mission = missions[i]!;
            const parent = mission.parent?.ref;
            if (!parent) continue;
            this.parents.set(mission, parent);
            const siblings = this.children.get(parent);
            if (siblings) siblings.push(mission);
            else this.children.set(parent, [mission]);
        }
        this.findCycles(missions);
        this.numberForest(visions, missions);
        this.computeWindows(missions);
    }

    parentOf(mission: Mission): AlignmentTarget | undefined {
        return this.parents.get(mission);
    }

    childrenOf(element: AlignmentTarget): readonly Mission[] {
        return this.children.get(element) ?? NO_MISSIONS;
    }

    /** The members of the `under` cycle this mission is on, in `under` order; undefined when none. */
    cycleOf(mission: Mission): readonly Mission[] | undefined {
        return this.cycles.get(mission);
    }

    /**
     * The ancestors, nearest first, up to a vision; on a cycle the walk stops at the first mission it
     * meets again. O(depth): use `isAncestor` for tests.
     */
    ancestorsOf(mission: Mission): AlignmentTarget[] {
        const ancestors: AlignmentTarget[] = [];
        const seen = new Set<AlignmentTarget>([mission]);
        let current = this.parents.get(mission);
        while (current && !seen.has(current)) {
            ancestors.push(current);
            seen.add(current);
            current = this.parents.get(current);
        }
        return ancestors;
    }

    /** Whether `ancestor` is met by following `under` from `mission` (a cycle member is its own ancestor). */
    isAncestor(ancestor: AlignmentTarget, mission: Mission): boolean {
        const cycle = this.cycles.get(ancestor);
        if (cycle) return this.cycles.get(mission) === cycle || this.isBelow(cycle, mission);
        return this.isBelow(ancestor, mission);
    }

    /**
     * Whether `mission` is numbered inside `node`'s subtree and is not `node` itself (a cycle's members share
     * its number). An element of another model has no number: NaN compares false.
     */
    private isBelow(node: AlignmentTarget | readonly Mission[], mission: Mission): boolean {
        const position = this.enter.get(mission) ?? Number.NaN;
        return (this.enter.get(node) ?? Number.NaN) < position && position <= (this.leave.get(node) ?? Number.NaN);
    }

    effectiveWindow(mission: Mission): EffectiveWindow {
        return this.windows.get(mission) ?? NO_WINDOW;
    }

    private findCycles(missions: readonly Mission[]): void {
        const walkOf = new Map<Mission, number>();
        let walk = 0;
        for (let i = 0; i < missions.length; i++) {
            const start = missions[i]!;
            if (walkOf.has(start)) continue;
            walk++;
            const path: Mission[] = [];
            let current: AlignmentTarget | undefined = start;
            while (current && current.$type === 'Mission' && !walkOf.has(current)) {
                walkOf.set(current, walk);
                path.push(current);
                current = this.parents.get(current);
            }
            if (current && current.$type === 'Mission' && walkOf.get(current) === walk) {
                const members = path.slice(path.indexOf(current));
                for (const member of members) this.cycles.set(member, members);
                this.cycleList.push(members);
            }
        }
    }

    /**
     * Numbers every element in depth-first order with an explicit stack. Roots are visions, missions
     * without a (resolvable) parent, and each cycle (as one node holding its members).
     */
    private numberForest(visions: readonly Vision[], missions: readonly Mission[]): void {
        let counter = 0;
        type Node = AlignmentTarget | readonly Mission[];
        const childNodes = (node: Node): readonly Node[] => {
            if (Array.isArray(node)) {
                return (node as readonly Mission[]).flatMap(member =>
                    this.childrenOf(member).filter(child => !this.cycles.has(child))
                );
            }
            // A cycle member's parent is on its cycle, so no other node has one as a child.
            return this.childrenOf(node as AlignmentTarget);
        };
        const open = (node: Node): { node: Node; children: readonly Node[]; next: number } => {
            this.enter.set(node, ++counter);
            if (Array.isArray(node)) for (const member of node as readonly Mission[]) this.enter.set(member, counter);
            return { node, children: childNodes(node), next: 0 };
        };
        const visit = (root: Node): void => {
            const stack = [open(root)];
            while (stack.length > 0) {
                const frame = stack[stack.length - 1]!;
                if (frame.next < frame.children.length) {
                    stack.push(open(frame.children[frame.next++]!));
                } else {
                    this.leave.set(frame.node, counter);
                    stack.pop();
                }
            }
        };
        for (const vision of visions) visit(vision);
        for (let i = 0; i < missions.length; i++) {
            if (!this.parents.has(missions[i]!)) visit(missions[i]!);
        }
        for (const members of this.cycleList) visit(members);
    }

    /**
     * own window ?? the parent's effective window (a vision gives its horizon). On a cycle the same
     * recurrence holds; if no member has a window of its own, none has one.
     */
    private computeWindows(missions: readonly Mission[]): void {
        // A cycle where no member has a window of its own: the walk below would go round it for ever. On
        // any other cycle it stops at the first member with a window, as on a chain.
        for (const members of this.cycleList) {
            if (!members.some(member => ownWindow(member) !== undefined))
                for (const member of members) this.windows.set(member, NO_WINDOW);
        }
        for (let i = 0; i < missions.length; i++) {
            const mission = missions[i]!;
            if (this.windows.has(mission)) continue;
            // Walk up to the first mission that is resolved (or has its own window), then fill downwards.
            const path: Mission[] = [];
            let current: AlignmentTarget | undefined = mission;
            let base: EffectiveWindow | undefined;
            while (current && current.$type === 'Mission') {
                const known = this.windows.get(current);
                if (known) {
                    base = known;
                    break;
                }
                const own = ownWindow(current);
                if (own) {
                    base = ownEffective(own, current);
                    this.windows.set(current, base);
                    break;
                }
                path.push(current);
                current = this.parents.get(current);
            }
            if (!base && current && current.$type === 'Vision') {
                const horizon = visionWindow(current);
                base =
                    horizon === ALL_TIME
                        ? NO_WINDOW
                        : { start: horizon.start, end: horizon.end, source: 'vision', from: current };
            }
            const inherited = inherit(base ?? NO_WINDOW);
            for (const member of path) this.windows.set(member, inherited);
        }
    }
}

/** The children of a leaf (one shared, frozen value: most missions are leaves, asked about per check). */
const NO_MISSIONS: readonly Mission[] = Object.freeze([]);

/** No window: all time, from nowhere (one shared value: windows are never changed). */
const NO_WINDOW: EffectiveWindow = Object.freeze({ start: ALL_TIME.start, end: ALL_TIME.end, source: 'none' });

/** A mission's own window as its effective one (a literal, not a spread: this runs per mission). */
function ownEffective(own: DayWindow, mission: Mission): EffectiveWindow {
    return { start: own.start, end: own.end, source: 'own', from: mission };
}

/** What a mission without a window of its own gets from its parent's effective window. */
function inherit(window: EffectiveWindow): EffectiveWindow {
    return window.source === 'own'
        ? { start: window.start, end: window.end, source: 'inherited', from: window.from }
        : window;
}

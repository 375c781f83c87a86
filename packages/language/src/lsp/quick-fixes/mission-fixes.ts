/**
 * Fixes for what a mission lacks (reported on its name): `under`, `intent`, a `measure`, a `lead`.
 * Candidates are chosen so that the fix does not bring a new error: no `under` that would close a
 * cycle or put the window outside the parent's, no lead that would go over capacity.
 */
import { GrammarUtils } from 'langium';
import type { CodeAction } from 'vscode-languageserver';
import { sweepLoad } from '../../facts/load.js';
import type { ModelFacts } from '../../facts/model-facts.js';
import { contains, type DayWindow, ownWindow, visionWindow } from '../../facts/windows.js';
import { type AlignmentTarget, isMission, type Measure, type Mission, type Person } from '../../generated/ast.js';
import { budgetOf, intentOf } from '../../model/accessors.js';
import { type FixContext, nodeAtDiagnostic, quickFix, textOf } from './fix-context.js';
import { firstItemPlacement, insertMissionItem, type Placement } from './mission-body.js';
import { appendElement, indentUnit } from './text-layout.js';

const MAX_VISIONS = 10;
const MAX_MISSIONS = 10;
const MAX_PERSONS = 10;
const MAX_PARENT_MEASURES = 5;

/** The mission whose name the diagnostic is on. */
function missionAt(context: FixContext): Mission | undefined {
    return nodeAtDiagnostic(context, isMission);
}

/** `unaligned-mission`: "Add `under X`" for each vision, then for missions that would make a sound parent. */
export function addUnder(context: FixContext): CodeAction[] {
    const mission = missionAt(context);
    if (!mission || mission.parent) return [];
    const facts = context.facts();
    const candidates = alignmentCandidates(mission, facts, context);
    // After the title when there is one, else after the name: `mission A "title" under X {`.
    const anchor = GrammarUtils.findNodeForProperty(mission.$cstNode, mission.title !== undefined ? 'title' : 'name');
    if (!anchor) return [];
    const at = context.document.textDocument.positionAt(anchor.end);
    return candidates.map(target =>
        quickFix(
            context,
            `Add 'under ${target.name}' (${target.$type === 'Vision' ? 'vision' : 'mission'})`,
            [{ range: { start: at, end: at }, newText: ` under ${target.name}` }],
            candidates.length === 1
        )
    );
}

/**
 * Visions first, then missions: the parents of the peers it supports, then missions of the same file,
 * then others; never the mission itself, a descendant (a cycle), a mission on a cycle, a finished
 * mission, or one whose window, budget or currency would clash with this mission's.
 */
function alignmentCandidates(mission: Mission, facts: ModelFacts, context: FixContext): AlignmentTarget[] {
    const required = windowToFit(mission, facts);
    const fits = (parent: AlignmentTarget): boolean => fitsUnder(mission, required, parent, facts);
    const visions = facts.visions.filter(vision => vision.name && fits(vision)).slice(0, MAX_VISIONS);
    const missions = new Set<Mission>();
    const consider = (candidate: AlignmentTarget | undefined): void => {
        if (candidate?.$type !== 'Mission' || missions.size >= MAX_MISSIONS || missions.has(candidate)) return;
        if (
            candidate === mission ||
            !candidate.name ||
            facts.isAncestor(mission, candidate) ||
            facts.cycleOf(candidate)
        )
            return;
        if (facts.isFinished(candidate) || !fits(candidate)) return;
        missions.add(candidate);
    };
    for (const supports of mission.supports) {
        for (const peer of supports.missions) if (peer.ref) consider(facts.parentOf(peer.ref));
    }
    const model = context.document.parseResult.value;
    for (const candidate of facts.missions) if (candidate.$container === model) consider(candidate);
    for (const candidate of facts.missions) {
        if (missions.size >= MAX_MISSIONS) break;
        consider(candidate);
    }
    return [...visions, ...missions];
}

/** Whether the mission fits inside the candidate parent's window (`required`: see windowToFit) and budget. */
function fitsUnder(
    mission: Mission,
    required: DayWindow | undefined,
    parent: AlignmentTarget,
    facts: ModelFacts
): boolean {
    if (required && !contains(parent.$type === 'Vision' ? visionWindow(parent) : facts.windowOf(parent), required))
        return false;
    if (parent.$type === 'Vision') return true;
    const budget = budgetOf(mission);
    const parentBudget = budgetOf(parent);
    if (!budget || !parentBudget) return true;
    if (budget.currency !== parentBudget.currency) return false;
    let spent = budget.amount;
    for (const child of facts.childrenOf(parent)) {
        const childBudget = budgetOf(child);
        if (childBudget?.currency === parentBudget.currency) spent += childBudget.amount;
    }
    return spent <= parentBudget.amount;
}

/**
 * The span a new parent's window must contain: the mission's own window; without one, the mission will
 * inherit the parent's window, and so will its descendants down to those with a window of their own,
 * which must then all fit inside it (their hull). Undefined when nothing constrains the parent.
 */
function windowToFit(mission: Mission, facts: ModelFacts): DayWindow | undefined {
    let start = Number.POSITIVE_INFINITY;
    let end = Number.NEGATIVE_INFINITY;
    const stack: Mission[] = [mission];
    const seen = new Set<Mission>();
    while (stack.length > 0) {
        const current = stack.pop()!;
        if (seen.has(current)) continue;
        seen.add(current);
        const own = ownWindow(current);
        if (own) {
            start = Math.min(start, own.start);
            end = Math.max(end, own.end);
        } else {
            for (const child of facts.childrenOf(current)) stack.push(child);
        }
    }
    return start <= end ? { start, end } : undefined;
}

/** `missing-intent`: an `intent` as the first item, alone or with an end state and a key task. */
export function addIntent(context: FixContext): CodeAction[] {
    const mission = missionAt(context);
    if (!mission || intentOf(mission)) return [];
    const unit = indentUnit(textOf(context));
    const statement = `intent "TODO: why ${mission.name} matters"`;
    const variants: Array<{ title: string; lines: string[] }> = [
        { title: 'Add an intent', lines: [statement] },
        {
            title: 'Add an intent with an end state and a key task',
            lines: [`${statement} {`, `${unit}end state "TODO"`, `${unit}key task "TODO"`, '}']
        }
    ];
    return variants.flatMap(({ title, lines }, index) => {
        const edit = insertMissionItem(context.document.textDocument, mission, lines, firstItemPlacement(mission));
        return edit ? [quickFix(context, title, [edit], index === 0)] : [];
    });
}

/**
 * `unmeasured-mission`: a measure skeleton; and when the parent mission has measures, one that
 * contributes to each of them (with the parent measure's unit), so the new measure maps 1-up.
 */
export function addMeasure(context: FixContext): CodeAction[] {
    const mission = missionAt(context);
    if (!mission || mission.measures.length > 0) return [];
    const unit = indentUnit(textOf(context));
    const parent = context.facts().parentOf(mission);
    const parentMeasures =
        parent?.$type === 'Mission' && !context.facts().cycleOf(mission)
            ? parent.measures.filter(measure => measure.name).slice(0, MAX_PARENT_MEASURES)
            : [];
    // Before the `supports` items (measures come before them in LANGUAGE.md's example), else last.
    const placement: Placement = mission.supports[0] ? { before: mission.supports[0] } : 'last';
    const variants: Array<{ title: string; lines: string[] }> = [
        {
            title: 'Add a measure',
            lines: [`measure success "TODO: what shows ${mission.name} is won" {`, `${unit}target 1`, '}']
        }
    ];
    for (const measure of parentMeasures) {
        variants.push({
            title: `Add a measure contributing to ${parent!.name}.${measure.name}`,
            lines: contributingMeasure(measure, parent as Mission, unit)
        });
    }
    return variants.flatMap(({ title, lines }, index) => {
        const edit = insertMissionItem(context.document.textDocument, mission, lines, placement);
        return edit ? [quickFix(context, title, [edit], index === 0 && variants.length === 1)] : [];
    });
}

function contributingMeasure(measure: Measure, parent: Mission, unit: string): string[] {
    const unitText = measure.units[0]?.$cstNode?.text;
    return [
        `measure ${measure.name} {`,
        `${unit}target 1`,
        ...(unitText ? [unit + unitText] : []),
        `${unit}contributes to ${parent.name}.${measure.name}`,
        '}'
    ];
}

/**
 * `no-lead`: `lead p` for persons who can take the mission on without going over capacity (its crew
 * first, then persons of the same file, then others); and a lead with a new person, always.
 */
export function addLead(context: FixContext): CodeAction[] {
    const mission = missionAt(context);
    if (!mission || mission.leads.length > 0) return [];
    const facts = context.facts();
    const crew = crewPersons(mission);
    const candidates = leadCandidates(mission, crew, facts, context);
    const document = context.document.textDocument;
    // After the intent when there is one (as in LANGUAGE.md's example), else first.
    const intent = intentOf(mission);
    const placement: Placement = intent ? { after: intent } : firstItemPlacement(mission);
    const crewCandidates = candidates.filter(person => crew.has(person));
    const actions: CodeAction[] = [];
    for (const person of candidates) {
        const edit = insertMissionItem(document, mission, [`lead ${person.name}`], placement);
        const obvious = candidates.length === 1 || (crewCandidates.length === 1 && crewCandidates[0] === person);
        if (edit)
            actions.push(
                quickFix(context, `Add 'lead ${person.name}'${crew.has(person) ? ' (crew)' : ''}`, [edit], obvious)
            );
    }
    const name = freshName(`${mission.name}-lead`, context);
    const edit = insertMissionItem(document, mission, [`lead ${name}`], placement);
    if (edit) {
        const person = appendElement(document, [`person ${name} "TODO: who leads ${mission.name}"`]);
        actions.push(quickFix(context, `Add 'lead ${name}' and create person ${name}`, [edit, person]));
    }
    return actions;
}

/** The persons in the mission's crew, directly or through a team. */
function crewPersons(mission: Mission): Set<Person> {
    const persons = new Set<Person>();
    for (const crew of mission.crews) {
        for (const member of crew.members) {
            const target = member?.ref;
            if (target?.$type === 'Person') persons.add(target);
            else if (target?.$type === 'Team')
                for (const person of target.members) if (person?.ref) persons.add(person.ref);
        }
    }
    return persons;
}

function leadCandidates(mission: Mission, crew: ReadonlySet<Person>, facts: ModelFacts, context: FixContext): Person[] {
    const model = context.document.parseResult.value;
    const ordered = [...crew, ...facts.persons.filter(person => person.$container === model), ...facts.persons];
    const result = new Set<Person>();
    for (const person of ordered) {
        if (result.size >= MAX_PERSONS) break;
        if (person.name && !result.has(person) && canLead(person, mission, facts)) result.add(person);
    }
    return [...result];
}

/** Whether leading the mission keeps the person within capacity (a mission they are on already adds nothing). */
function canLead(person: Person, mission: Mission, facts: ModelFacts): boolean {
    const load = facts.loadOf(person);
    if (!facts.isActive(mission) || load.missions.includes(mission)) return true;
    if (load.load < load.capacity) return true;
    const active = [...load.missions, mission]
        .filter(each => facts.isActive(each))
        .map(each => ({ item: each, window: facts.windowOf(each) }));
    return sweepLoad(active, load.capacity).peak <= load.capacity;
}

/** The name, or the name with a number, that no element has yet. */
export function freshName(base: string, context: FixContext): string {
    let name = base;
    for (let suffix = 2; context.index.lookup(name).length > 0; suffix++) name = `${base}${suffix}`;
    return name;
}

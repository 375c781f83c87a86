import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { ModelFactsProvider } from '../../facts/facts-provider.js';
import type { ModelFacts, PersonLoad } from '../../facts/model-facts.js';
import type { Crew, Lead, Mission, MissionAstType, Person } from '../../generated/ast.js';
import { nameOf } from '../../references/kinds.js';
import { counted } from '../../model/numbers.js';
import type { DiagnosticCode } from '../codes.js';
import { type MissionValidator, report } from '../report.js';
import { namesOf } from './describe.js';

/**
 * One person, one mission at a time (Winnable Mission Management): a person whose load (the facts'
 * per-person sweep over active missions' effective windows) exceeds their capacity is reported on their
 * name, and on every `lead` / `crew` reference that puts them on a mission counted in the peak, so the
 * problem shows wherever it can be fixed. Each diagnostic is reported from the node it sits on, so it
 * lands in that node's file.
 */
export class CapacityValidator implements MissionValidator {
    readonly codes: readonly DiagnosticCode[] = ['over-capacity'];

    /** One text per overloaded person and build: it is repeated on every reference to them. */
    private readonly texts = new WeakMap<PersonLoad, string>();

    constructor(private readonly facts: ModelFactsProvider) {}

    checks(): ValidationChecks<MissionAstType> {
        return { Person: this.checkPerson, Lead: this.checkLead, Crew: this.checkCrew };
    }

    checkPerson(person: Person, accept: ValidationAcceptor): void {
        const load = this.facts.get().loadOf(person);
        if (load.load <= load.capacity) return;
        report(accept, 'over-capacity', this.overloadText(load), { node: person, property: 'name' });
    }

    checkLead(lead: Lead, accept: ValidationAcceptor): void {
        const person = lead.person?.ref;
        const mission = lead.$container;
        // Only the lead that counts (a repeated `lead` is a syntax error, not a second assignment).
        if (!person || mission.leads[0] !== lead) return;
        const facts = this.facts.get();
        if (!facts.isCountedInPeak(person, mission)) return;
        report(
            accept,
            'over-capacity',
            `${nameOf(person)} leads ${nameOf(mission)} while over capacity: ` +
                this.overloadText(facts.loadOf(person)),
            { node: lead, property: 'person' }
        );
    }

    checkCrew(crew: Crew, accept: ValidationAcceptor): void {
        const facts = this.facts.get();
        const mission = crew.$container;
        crew.members.forEach((member, index) => {
            const target = member?.ref;
            if (target?.$type === 'Person') {
                if (!facts.isCountedInPeak(target, mission)) return;
                report(
                    accept,
                    'over-capacity',
                    `${nameOf(target)} is crew of ${nameOf(mission)} while over capacity: ` +
                        this.overloadText(facts.loadOf(target)),
                    { node: crew, property: 'members', index }
                );
            } else if (target?.$type === 'Team') {
                const overloaded = overloadedMembers(
                    facts,
                    target.members.map(person => person?.ref),
                    mission
                );
                if (overloaded.length === 0) return;
                const who = overloaded.map(load => this.overloadText(load)).join('; ');
                const members = overloaded.length === 1 ? 'a member' : `${overloaded.length} members`;
                report(
                    accept,
                    'over-capacity',
                    `team ${nameOf(target)} brings ${members} onto ${nameOf(mission)} while over capacity: ${who}`,
                    { node: crew, property: 'members', index }
                );
            }
        });
    }

    /** `alice is on 2 concurrent active missions (capacity 1): Grow, Clinics`. */
    private overloadText(load: PersonLoad): string {
        let text = this.texts.get(load);
        if (text === undefined) {
            text =
                `${nameOf(load.person)} is on ${counted(load.load, 'concurrent active mission')} ` +
                `(capacity ${load.capacity}): ` +
                namesOf(byStartThenName(this.facts.get(), load.counted));
            this.texts.set(load, text);
        }
        return text;
    }
}

/**
 * The missions in an order that does not depend on the order of the files (the facts list them in
 * workspace order, which differs between the CLI and the editor): by window start, then by name.
 */
function byStartThenName(facts: ModelFacts, missions: readonly Mission[]): Mission[] {
    return missions
        .map(mission => ({ mission, start: facts.windowOf(mission).start }))
        .sort((a, b) =>
            a.start === b.start
                ? a.mission.name < b.mission.name
                    ? -1
                    : a.mission.name > b.mission.name
                      ? 1
                      : 0
                : a.start < b.start
                  ? -1
                  : 1
        )
        .map(entry => entry.mission);
}

/** The team's members (each once) for whom this mission is counted in an over-capacity peak. */
function overloadedMembers(
    facts: ModelFacts,
    members: ReadonlyArray<Person | undefined>,
    mission: Mission
): PersonLoad[] {
    const seen = new Set<Person>();
    const result: PersonLoad[] = [];
    for (const person of members) {
        if (!person || seen.has(person)) continue;
        seen.add(person);
        if (facts.isCountedInPeak(person, mission)) result.push(facts.loadOf(person));
    }
    return result;
}

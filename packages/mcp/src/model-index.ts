/**
 * The JSON model's elements by name, and each mission's people: built once per state of the model
 * (from the JSON model, which the language package builds from the facts), so that a read tool looks
 * an element up instead of scanning 10,000 missions.
 */
import type { ModelJson, NamedJson } from 'mission-lang-language';
import type { ModelWorkspace } from './workspace.js';

export type ElementKind = 'vision' | 'person' | 'team' | 'mission' | 'measure';

export interface IndexedElement {
    readonly kind: ElementKind;
    readonly json: NamedJson;
}

/** A person on a mission, as the facts' assignments say (lead, crew by name, or crew through a team). */
export interface MissionPerson {
    readonly name: string;
    readonly role: string;
    readonly team: string | null;
    readonly load: number;
    readonly capacity: number;
    readonly overCapacity: boolean;
}

export interface ModelIndex {
    readonly json: ModelJson;
    readonly elements: ReadonlyMap<string, IndexedElement>;
    readonly peopleByMission: ReadonlyMap<string, readonly MissionPerson[]>;
    /** Each mission's name, title and intent statement in lower case, in the order of `json.missions`. */
    readonly missionText: readonly string[];
}

const indexes = new WeakMap<ModelWorkspace, { version: number; index: ModelIndex }>();

export function modelIndex(workspace: ModelWorkspace): ModelIndex {
    const cached = indexes.get(workspace);
    if (cached?.version === workspace.version) return cached.index;
    const json = workspace.modelJson();
    const elements = new Map<string, IndexedElement>();
    const add = (kind: ElementKind, list: readonly object[]): void => {
        for (const element of list as NamedJson[]) {
            // A duplicate name (an error the check reports) keeps the first, as the linker does.
            if (!elements.has(element.name)) elements.set(element.name, { kind, json: element });
            if (kind === 'mission') {
                for (const measure of (element.measures ?? []) as NamedJson[]) {
                    const qualified = String(measure.qualifiedName);
                    if (!elements.has(qualified)) elements.set(qualified, { kind: 'measure', json: measure });
                }
            }
        }
    };
    add('vision', json.visions);
    add('person', json.persons);
    add('team', json.teams);
    add('mission', json.missions);
    const peopleByMission = new Map<string, MissionPerson[]>();
    for (const person of json.persons) {
        const assignments = (person.assignments ?? []) as Array<{ mission: string; role: string; team: string | null }>;
        for (const assignment of assignments) {
            const entry: MissionPerson = {
                name: person.name,
                role: assignment.role,
                team: assignment.team,
                load: Number(person.load),
                capacity: Number(person.capacity),
                overCapacity: person.overCapacity === true
            };
            const list = peopleByMission.get(assignment.mission);
            if (list) list.push(entry);
            else peopleByMission.set(assignment.mission, [entry]);
        }
    }
    const missionText = (json.missions as NamedJson[]).map(mission => {
        const intent = mission.intent as { statement?: string } | null;
        return `${mission.name}\n${String(mission.title ?? '')}\n${intent?.statement ?? ''}`.toLowerCase();
    });
    const index = { json, elements, peopleByMission, missionText };
    indexes.set(workspace, { version: workspace.version, index });
    return index;
}

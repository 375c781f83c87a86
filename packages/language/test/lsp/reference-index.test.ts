/**
 * The reference index is described on first question (references/name-index.ts): a build notes the linked
 * documents, find references and rename describe them then, a relinked document is described again, and whether
 * an undescribed document links into a changed one is answered from its links as its descriptions would.
 */
import { describe, expect, it } from 'vitest';
import type { Mission } from '../../src/generated/ast.js';
import type { MissionIndexManager } from '../../src/references/name-index.js';
import { TestWorkspace } from './workspace.js';

const PARENT =
    'vision V\nperson p { capacity 3 }\nmission Grow "Grow" under V {\n  intent "grow"\n  lead p\n' +
    '  measure patients { target 10 current 4 }\n}\n';
const CHILD =
    'mission Clinics "Clinics" under Grow {\n  intent "open clinics"\n  lead p\n' +
    '  measure opened { target 3 current 1 contributes to Grow.patients }\n}\n';
const SECOND_CHILD =
    'mission Vans "Vans" under Grow {\n  intent "drive"\n  lead p\n  measure trips { target 3 current 1 }\n}\n';

function setUp(): Promise<TestWorkspace> {
    const workspace = new TestWorkspace();
    return workspace.set({ 'parent.mission': PARENT, 'child.mission': CHILD }).then(() => workspace);
}

const indexOf = (workspace: TestWorkspace) => workspace.services.shared.workspace.IndexManager as MissionIndexManager;

function grow(workspace: TestWorkspace): Mission {
    return workspace
        .document('parent.mission')
        .parseResult.value.elements.find((element): element is Mission => element.$type === 'Mission')!;
}

/** `file line:column-column` of each reference to Grow (declaration left out). */
function referencesToGrow(workspace: TestWorkspace): string[] {
    return workspace.services.Mission.references.References.findReferences(grow(workspace), {
        includeDeclaration: false
    })
        .map(reference => {
            const { start, end } = reference.segment.range;
            const file = reference.sourceUri.path.split('/').at(-1);
            return `${file} ${start.line + 1}:${start.character + 1}-${end.character + 1}`;
        })
        .toArray()
        .sort();
}

describe('the reference index, described on first question', () => {
    it('describes nothing while building, and every linked document when references are first asked for', async () => {
        const workspace = await setUp();
        const index = indexOf(workspace);
        expect([
            index.isDescribed(workspace.uri('parent.mission')),
            index.isDescribed(workspace.uri('child.mission'))
        ]).toEqual([false, false]);
        expect(referencesToGrow(workspace)).toEqual(['child.mission 1:33-37', 'child.mission 4:54-58']);
        expect([
            index.isDescribed(workspace.uri('parent.mission')),
            index.isDescribed(workspace.uri('child.mission'))
        ]).toEqual([true, true]);
    });

    it('describes a relinked document again, with its new references and positions', async () => {
        const workspace = await setUp();
        expect(referencesToGrow(workspace)).toEqual(['child.mission 1:33-37', 'child.mission 4:54-58']);
        await workspace.set({ 'child.mission': `${SECOND_CHILD}\n${CHILD}` });
        expect(indexOf(workspace).isDescribed(workspace.uri('child.mission'))).toBe(false);
        expect(referencesToGrow(workspace)).toEqual([
            'child.mission 10:54-58',
            'child.mission 1:27-31',
            'child.mission 7:33-37'
        ]);
        await workspace.remove('child.mission');
        expect(referencesToGrow(workspace)).toEqual([]);
    });

    it('answers whether a document links into changed files alike before and after describing it', async () => {
        const workspace = await setUp();
        const index = indexOf(workspace);
        const child = workspace.document('child.mission');
        const questions = [
            new Set([workspace.uri('parent.mission').toString()]),
            new Set([workspace.uri('elsewhere.mission').toString()]),
            new Set([workspace.uri('child.mission').toString()])
        ];
        const before = questions.map(changed => index.isAffected(child, changed));
        expect(index.isDescribed(child.uri)).toBe(false);
        expect(before).toEqual([true, false, false]);
        referencesToGrow(workspace);
        expect(index.isDescribed(child.uri)).toBe(true);
        expect(questions.map(changed => index.isAffected(child, changed))).toEqual(before);
    });
});

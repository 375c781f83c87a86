/**
 * A document is relinked when its references point into a changed file, even when Langium's reference
 * index does not know it yet: that index is written after linking, so a build cancelled in between (an
 * edit arriving while the previous one is being checked) leaves it describing older links. The edit
 * storm test (test/reliability/lsp-storm.test.ts) found the stale diagnostics this caused.
 */
import { describe, expect, it } from 'vitest';
import type { Mission } from '../../src/generated/ast.js';
import { TestWorkspace } from './workspace.js';

const PARENT =
    'vision V\nperson p { capacity 2 }\nmission Grow "Grow" under V {\n  intent "grow"\n  lead p\n' +
    '  measure patients { target 10 current 4 }\n}\n';
const CHILD =
    'mission Clinics "Clinics" under Grow {\n  intent "open clinics"\n  lead p\n' +
    '  measure opened { target 3 current 1 contributes to Grow.patients }\n}\n';

function mission(workspace: TestWorkspace, file: string, name: string): Mission {
    return workspace
        .document(file)
        .parseResult.value.elements.find(
            (element): element is Mission => element.$type === 'Mission' && element.name === name
        )!;
}

describe('relinking after a change', () => {
    it('relinks a document whose links point into the changed file although its reference index is stale', async () => {
        const workspace = new TestWorkspace();
        await workspace.set({ 'parent.mission': PARENT, 'child.mission': CHILD });
        expect(workspace.codes('child.mission')).toEqual([]);

        // What a cancelled build leaves behind: links made, reference index not (yet) written.
        workspace.services.shared.workspace.IndexManager.removeReferences(workspace.uri('child.mission'));

        // An edit of the parent file that keeps every name: the file is parsed into a new tree.
        await workspace.set({ 'parent.mission': PARENT.replace('"Grow"', '"Grow the patient base"') });

        const grow = mission(workspace, 'parent.mission', 'Grow');
        const clinics = mission(workspace, 'child.mission', 'Clinics');
        expect(clinics.parent?.ref).toBe(grow);
        expect(clinics.measures[0]!.contributions[0]!.measure.ref).toBe(grow.measures[0]);
        // Facts read through the links agree with the text: Clinics maps to a measure of its parent.
        expect(workspace.codes('child.mission')).toEqual([]);
    });
});

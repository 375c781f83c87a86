/**
 * Two files that exercise every path of an edit: a team whose member (bob) is over capacity, a parent with a window,
 * a budget and a measure, children inside it, a `contributes to` and comments between elements.
 * Shared by in-place-update.test.ts and builder-in-place-paths.test.ts.
 */
import type { Mission } from '../../src/generated/ast.js';
import type { TestWorkspace } from './workspace.js';

export const PEOPLE = [
    '// Everyone.',
    'vision V "Serve" { horizon 2030-12-31 }',
    'person ann "Ann" { capacity 2 role "Lead" }',
    'person bob "Bob" { capacity 1 }',
    '/* the clinic team */',
    'team clinic "Clinic" { members ann, bob }',
    'person cy "Cy" { capacity 1 } person dee "Dee"',
    ''
].join('\n');

export const MISSIONS = [
    'mission Grow "Grow" under V {',
    '  intent "grow the base"',
    '  lead ann',
    '  boundary { window 2027-01-01 .. 2027-12-31 budget 100k GBP }',
    '  measure patients "Patients" { baseline 0 target 10 current 4 unit patients }',
    '}',
    '',
    '// Clinics open where the patients are.',
    'mission Clinics "Clinics" under Grow {',
    '  intent "open clinics"',
    '  lead bob',
    '  crew clinic',
    '  boundary { window 2027-02-01 .. 2027-06-30 budget 60k GBP }',
    '  measure opened { target 3 current 1 unit patients contributes to Grow.patients }',
    '}',
    'mission Train "Train" under Grow { intent "train" lead bob boundary { budget 50k GBP } }',
    ''
].join('\n');

/** The mission of that name in a file. */
export function missionNamed(workspace: TestWorkspace, file: string, name: string): Mission {
    return workspace
        .document(file)
        .parseResult.value.elements.find(
            (element): element is Mission => element.$type === 'Mission' && element.name === name
        )!;
}

/** `text` with the `occurrence`-th (0-based) `needle` replaced. */
export function edit(text: string, needle: string, replacement: string, occurrence = 0): string {
    let at = -1;
    for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' not in text`);
    return text.slice(0, at) + replacement + text.slice(at + needle.length);
}

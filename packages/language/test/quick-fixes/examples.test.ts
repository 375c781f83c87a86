/**
 * Every fix offered for the broken examples (examples/broken, one file per code) fixes its diagnostic:
 * each action is applied, the text checked again, and it must parse, lose that diagnostic and gain no
 * error. The codes with fixes must each offer at least one in their own example.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CodeAction } from 'vscode-languageserver';
import { actionsFor, check, expectFixes } from './quick-fix-helpers.js';

const BROKEN = fileURLToPath(new URL('../../../../examples/broken', import.meta.url));

const FIXED_CODES = [
    'unaligned-mission',
    'missing-intent',
    'unmeasured-mission',
    'no-lead',
    'missing-target',
    'unresolved-reference',
    'invalid-currency',
    'invalid-window',
    'self-support',
    'redundant-support',
    'review-overdue'
];

const examples = readdirSync(BROKEN)
    .filter(name => name.endsWith('.mission'))
    .sort();

/** The `missing-target` fix leaves the cursor after `target ` for the value: this types one there. */
function typed(action: CodeAction): CodeAction {
    const changes = Object.fromEntries(
        Object.entries(action.edit?.changes ?? {}).map(([uri, edits]) => [
            uri,
            edits.map(edit => ({ ...edit, newText: edit.newText.replace('target ', 'target 70') }))
        ])
    );
    expect(Object.keys(changes)).toHaveLength(1);
    return { ...action, edit: { changes } };
}

describe('quick fixes on the broken examples', () => {
    it('has an example for every code with fixes', () => {
        expect(FIXED_CODES.filter(code => !examples.includes(`${code}.mission`))).toEqual([]);
    });

    for (const name of examples) {
        it(name, async () => {
            const checked = await check({ [name]: readFileSync(join(BROKEN, name), 'utf8') });
            let offered = 0;
            for (const diagnostic of checked.diagnostics()) {
                const actions = await actionsFor(checked, diagnostic);
                offered += actions.length;
                for (const action of actions) {
                    await expectFixes(
                        checked,
                        diagnostic,
                        diagnostic.code === 'missing-target' ? typed(action) : action
                    );
                }
            }
            if (FIXED_CODES.includes(name.replace('.mission', ''))) expect(offered).toBeGreaterThan(0);
        });
    }
});

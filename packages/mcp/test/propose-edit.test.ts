import { mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ResourceListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { formatDocument } from 'mission-lang-language';
import { call, type Connected, connect, exampleCopy, textOf } from './harness.js';

/** A copy of the vaccination programme in a temporary folder, served by its own server. */
let copy: { root: string; remove(): Promise<void> };
let connected: Connected;

beforeEach(async () => {
    copy = await exampleCopy('vaccination-programme');
    connected = await connect(copy.root);
});
afterEach(async () => {
    await connected?.close();
    await copy?.remove();
});

const CENTRE = 'centre.mission';

async function diskText(name: string): Promise<string> {
    return readFile(join(copy.root, name), 'utf8');
}

/** The LSP range of the first occurrence of `needle` in a file's text. */
function rangeOf(text: string, needle: string) {
    const offset = text.indexOf(needle);
    if (offset < 0) throw new Error(`'${needle}' not found`);
    const before = text.slice(0, offset).split('\n');
    const line = before.length - 1;
    const character = before.at(-1)!.length;
    return { start: { line, character }, end: { line, character: character + needle.length } };
}

/** The files of the folder and its parent: nothing may appear that was not asked for (no temp files). */
async function listing(): Promise<string[]> {
    return [
        ...(await readdir(copy.root)),
        ...(await readdir(dirname(copy.root))).filter(name => name.endsWith('.mission'))
    ];
}

describe('propose_edit', () => {
    it('reports the errors an edit introduces, writes nothing, and leaves the model as it was', async () => {
        const original = await diskText(CENTRE);
        const files = await listing();
        const result = await call(connected.client, 'propose_edit', {
            edits: [{ file: CENTRE, range: rangeOf(original, 'lead sato'), newText: 'lead nobody' }],
            apply: true
        });
        expect(result.isError).toBeFalsy();
        expect(result.structuredContent).toMatchObject({ written: false, files: [CENTRE], newErrors: 1, fixed: [] });
        expect(result.structuredContent?.introduced).toEqual([
            expect.objectContaining({ file: CENTRE, code: 'unresolved-reference', severity: 'error' })
        ]);
        expect(result.structuredContent?.diff).toContain('-  lead sato');
        expect(result.structuredContent?.diff).toContain('+  lead nobody');
        expect(textOf(result)).toMatch(/^not written: the change introduces 1 error/);
        expect(await diskText(CENTRE)).toBe(original);
        expect(await listing()).toEqual(files);
        // The model is back as it was: no error, and the lead is sato again.
        const check = await call(connected.client, 'check', { severity: 'error' });
        expect(check.structuredContent?.matching).toBe(0);
        const forecasting = await call(connected.client, 'describe', { name: 'Forecasting' });
        expect(forecasting.structuredContent?.element.lead).toBe('sato');
    });

    it('only proposes without apply: the diff and diagnostics, no write', async () => {
        const original = await diskText(CENTRE);
        const result = await call(connected.client, 'propose_edit', {
            edits: [{ file: CENTRE, range: rangeOf(original, 'current 3.6'), newText: 'current 3.1' }]
        });
        expect(result.structuredContent).toMatchObject({ written: false, newErrors: 0, introduced: [] });
        expect(textOf(result)).toMatch(/^not written \(apply: true writes it\)/);
        expect(await diskText(CENTRE)).toBe(original);
    });

    it('compares each proposal with the written model, not with the proposal before it', async () => {
        const centre = await diskText(CENTRE);
        const north = await diskText('north.mission');
        const first = await call(connected.client, 'propose_edit', {
            edits: [{ file: CENTRE, range: rangeOf(centre, 'lead sato'), newText: 'lead nobody' }]
        });
        expect(first.structuredContent?.newErrors).toBe(1);
        // Straight after: the first proposal is not part of the model the second is checked against.
        const second = await call(connected.client, 'propose_edit', {
            edits: [{ file: 'north.mission', range: rangeOf(north, 'lead kask'), newText: 'lead nobody' }]
        });
        expect(second.structuredContent?.introduced).toEqual([
            expect.objectContaining({ file: 'north.mission', code: 'unresolved-reference' })
        ]);
        expect(second.structuredContent?.fixed).toEqual([]);
        const check = await call(connected.client, 'check', { severity: 'error' });
        expect(check.structuredContent?.matching).toBe(0);
    });

    it('with apply writes the formatted text atomically, and the model follows', async () => {
        const original = await diskText(CENTRE);
        const result = await call(connected.client, 'propose_edit', {
            edits: [{ file: CENTRE, range: rangeOf(original, 'current 3.6'), newText: 'current    3.1' }],
            apply: true
        });
        expect(result.structuredContent).toMatchObject({ written: true, newErrors: 0 });
        const written = await diskText(CENTRE);
        const expected = formatDocument(original.replace('current 3.6', 'current    3.1'));
        expect(written).toBe(expected);
        expect(written).toContain('current 3.1');
        expect((await readdir(copy.root)).filter(name => name.endsWith('.tmp'))).toEqual([]);
        const measure = await call(connected.client, 'describe', { name: 'SupplyChain.supplyWastage' });
        expect(measure.structuredContent?.element.current).toBe(3.1);
        const resource = await connected.client.readResource({ uri: `mission://files/${CENTRE}` });
        expect((resource.contents[0] as { text: string }).text).toBe(written);
    });

    it('never writes over a file changed on disk since the server read it', async () => {
        const original = await diskText(CENTRE);
        const elsewhere = original.replace('current 3.6', 'current 3.7');
        await writeFile(join(copy.root, CENTRE), elsewhere);
        const result = await call(connected.client, 'propose_edit', {
            edits: [{ file: CENTRE, range: rangeOf(original, 'current 3.6'), newText: 'current 3.1' }],
            apply: true
        });
        expect(result.isError).toBe(true);
        expect(textOf(result)).toBe(
            `${CENTRE}: changed on disk since the server read it; nothing was written ` +
                '(restart the server to read the files again)'
        );
        expect(await diskText(CENTRE)).toBe(elsewhere);
    });

    it('with force writes a change that introduces errors', async () => {
        const original = await diskText(CENTRE);
        const result = await call(connected.client, 'propose_edit', {
            edits: [{ file: CENTRE, range: rangeOf(original, 'lead sato'), newText: 'lead nobody' }],
            apply: true,
            force: true
        });
        expect(result.structuredContent).toMatchObject({ written: true, newErrors: 1 });
        expect(await diskText(CENTRE)).toContain('lead nobody');
        const check = await call(connected.client, 'check', { code: 'unresolved-reference' });
        expect(check.structuredContent?.matching).toBe(1);
    });

    it('appends a whole new element to a new file and says which diagnostics it fixes or adds', async () => {
        let listChanged = false;
        connected.client.setNotificationHandler(ResourceListChangedNotificationSchema, () => {
            listChanged = true;
        });
        const result = await call(connected.client, 'propose_edit', {
            append: {
                file: 'drafts.mission',
                text:
                    'mission Outreach "Reach the unvaccinated" under NationalProgramme {\n' +
                    '  intent "Every family hears about the programme"\n  lead sato\n  status staged\n}'
            },
            apply: true
        });
        expect(result.isError).toBeFalsy();
        expect(result.structuredContent).toMatchObject({ written: true, files: ['drafts.mission'], newErrors: 0 });
        expect(result.structuredContent?.diff).toContain('--- /dev/null');
        expect(await diskText('drafts.mission')).toContain('mission Outreach');
        const described = await call(connected.client, 'describe', { name: 'Outreach' });
        expect(described.structuredContent?.element.parent).toBe('NationalProgramme');
        const { resources } = await connected.client.listResources();
        expect(resources.map(resource => resource.uri)).toContain('mission://files/drafts.mission');
        expect(listChanged).toBe(true);
    });

    it('refuses malformed edits and paths outside the workspace with a tool error, writing nothing', async () => {
        const original = await diskText(CENTRE);
        const files = await listing();
        const cases: Array<[Record<string, unknown>, RegExp]> = [
            [
                {
                    edits: [
                        {
                            file: CENTRE,
                            range: { start: { line: 9999, character: 0 }, end: { line: 9999, character: 0 } },
                            newText: 'x'
                        }
                    ]
                },
                /edit 1: position 9999:0 is outside the file/
            ],
            [
                {
                    edits: [
                        { file: CENTRE, range: rangeOf(original, 'lead sato'), newText: 'lead a' },
                        { file: CENTRE, range: rangeOf(original, 'sato'), newText: 'b' }
                    ]
                },
                /edits 1 and 2 overlap/
            ],
            [{ edits: [{ file: 'missing.mission', range: rangeOf('x', 'x'), newText: 'y' }] }, /not a model file/],
            [{ append: { file: '../escape.mission', text: 'person x' } }, /outside the workspace folder/],
            [{ append: { file: '/tmp/escape.mission', text: 'person x' }, apply: true, force: true }, /outside/],
            [{ append: { file: 'notes.txt', text: 'person x' }, apply: true }, /must end in \.mission/],
            [{ apply: true }, /needs edits or append/]
        ];
        for (const [args, message] of cases) {
            const result = await call(connected.client, 'propose_edit', args);
            expect(result.isError, JSON.stringify(args)).toBe(true);
            expect(textOf(result)).toMatch(message);
        }
        expect(await diskText(CENTRE)).toBe(original);
        expect(await listing()).toEqual(files);
        await expect(stat('/tmp/escape.mission')).rejects.toThrow();
        // Nor through a symbolic link to a folder outside.
        const outside = await mkdtemp(join(tmpdir(), 'mission-outside-'));
        try {
            await symlink(outside, join(copy.root, 'linked'));
            const linked = await call(connected.client, 'propose_edit', {
                append: { file: 'linked/escape.mission', text: 'person x' },
                apply: true
            });
            expect(linked.isError).toBe(true);
            expect(textOf(linked)).toMatch(/outside the workspace folder/);
            expect(await readdir(outside)).toEqual([]);
        } finally {
            await rm(outside, { recursive: true, force: true });
        }
        const check = await call(connected.client, 'check');
        expect(check.structuredContent?.summary.errors).toBe(0);
    });
});

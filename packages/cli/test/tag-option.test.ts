/**
 * `--tag NAME` on `mission compile`, `diagram` and `report`: the missions with the tag and, for context,
 * their ancestors up to the vision (greyed, or `"context": true`); a tag no mission has exits 2 with one
 * line and "did you mean".
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { expectUsageError, runCli, temporaryFolder } from './helpers.js';
import { validateModelJson } from './schema.js';

const MODEL = `vision V
vision W
person p { capacity 10 }
mission Top under V { lead p }
mission Mid under Top { lead p tags north, clinics
  measure m { target 10 current 2 } boundary { window 2026-01-01 .. 2026-06-30 } }
mission Low under Mid { lead p tags north }
mission Other under W { lead p tags south }
`;

function modelFile(): string {
    const file = join(temporaryFolder(), 'tags.mission');
    writeFileSync(file, MODEL);
    return file;
}

const TODAY = ['--today', '2026-11-23'];

describe('--tag', () => {
    const file = modelFile();

    test('compile: the tagged missions, their ancestors marked context, the visions above them', async () => {
        const run = await runCli(['compile', file, '--tag', 'north', ...TODAY]);
        expect(run.stderr).toBe('');
        const json = JSON.parse(run.stdout);
        expect(validateModelJson(json), JSON.stringify(validateModelJson.errors, null, 2)).toBe(true);
        expect(json.tag).toBe('north');
        expect(json.visions.map((vision: { name: string }) => vision.name)).toEqual(['V']);
        expect(
            json.missions.map((mission: { name: string; context: boolean }) => [mission.name, mission.context])
        ).toEqual([
            ['Top', true],
            ['Mid', false],
            ['Low', false]
        ]);
        // Mid: 20% against 100% expected on 2026-11-23.
        expect(json.missions[1]).toMatchObject({ pace: 'behind' });
        const all = JSON.parse((await runCli(['compile', file, ...TODAY])).stdout);
        expect(all.missions).toHaveLength(4);
        expect(all).not.toHaveProperty('tag');
        expect(all.missions[0]).not.toHaveProperty('context');
    });

    test('diagram: only the tagged missions and their ancestors, the ancestors greyed', async () => {
        const mermaid = await runCli(['diagram', file, '--tag', 'north', ...TODAY]);
        expect(mermaid.stdout).toContain('<b>Mid</b>');
        expect(mermaid.stdout).toContain('<b>Low</b>');
        expect(mermaid.stdout).not.toContain('Other');
        expect(mermaid.stdout).not.toContain('<b>W</b>');
        expect(mermaid.stdout).toContain('class n0,n1 context');
        const dot = await runCli(['diagram', file, '--tag', 'north', '--format', 'dot', ...TODAY]);
        expect(dot.stdout).toMatch(/id="mission-Top", class="mission status-active context"/);
        // Mid's warnings mark it (amber, which rules); Top is context, greyed and not marked for its warnings.
        expect(dot.stdout).toMatch(/id="mission-Mid", class="mission status-active has-warnings behind"/);
        expect(dot.stdout).toContain('#north #clinics');
        expect(dot.stdout).not.toContain('mission-Other');
        const svg = await runCli(['diagram', file, '--tag', 'north', '--format', 'svg', '--timeout', '60', ...TODAY]);
        expect(svg.stdout).toContain('<g id="mission&#45;Top" class="node mission status&#45;active context"');
        expect(svg.stdout).toContain(
            '<g id="mission&#45;Mid" class="node mission status&#45;active has&#45;warnings behind"'
        );
        expect(svg.stdout).toContain('>⚠ behind</text>');
    }, 120_000);

    test('report: the measures of the tagged missions, ancestors greyed; the tag in the header', async () => {
        const run = await runCli(['report', file, '--tag', 'clinics', '--timeout', '60', ...TODAY]);
        expect(run.code).toBe(0);
        expect(run.stdout).toContain(' · tag #clinics</p>');
        expect(run.stdout).toMatch(/<tr class="group context" id="mission-\d+"><td colspan="6" class="level-1">Top/);
        expect(run.stdout).toMatch(/<tr class="group" id="mission-\d+"><td colspan="6" class="level-2">Mid/);
        expect(run.stdout).not.toMatch(/<td colspan="6" class="level-\d">Low/);
        expect(run.stdout).not.toMatch(/<td colspan="6" class="level-\d">Other/);
    }, 120_000);

    test('a tag no mission has is a usage error, with did you mean', async () => {
        for (const command of ['compile', 'diagram', 'report']) {
            const run = await runCli([command, file, '--tag', 'nort', ...TODAY]);
            expectUsageError(run, expect, /^mission: --tag nort: no mission is tagged 'nort': did you mean 'north'\?$/);
            expect(run.stdout).toBe('');
        }
        const none = await runCli(['compile', file, '--tag', 'zzzzzz', ...TODAY]);
        expectUsageError(none, expect, /^mission: --tag zzzzzz: no mission is tagged 'zzzzzz'$/);
    }, 120_000);
});

// The end-to-end scenarios, in order; each gets the workbench and the step context. The fixture
// workspace is fixtures/workspace: model.mission (clean; alice has capacity 1) and broken.mission
// (never opened before the last scenario: its diagnostics come from the workspace build). The scenarios
// that add files to the workspace (New Model, mission.config.json) come last.
// The functions passed to page.evaluate run in the browser page, with its globals:
/* global document, getComputedStyle */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class Skip extends Error {}

const BROKEN_CODES = ['unaligned-mission', 'unresolved-reference', 'invalid-date'];
const MISSIONS = ['Clinics', 'Lost', 'Outreach', 'Stray'];
const VISIONS = ['Care'];
/** The blank line inside mission Clinics of model.mission, where the scenarios type. */
const CLINICS_BLANK_LINE = 21;
const WALKTHROUGH = 'Get started with Mission models';
const WALKTHROUGH_STEPS = [
    'Create a model',
    'See a diagnostic',
    'Open the cascade preview',
    'Generate the scorecard report'
];

/**
 * Opens a file that a scenario has just written, from the Explorer: Quick Open searches a file index that
 * may not list a new file yet, the Explorer shows it as soon as the file watcher reports it.
 */
async function openFromExplorer(wb, name) {
    await wb.runCommand('File: Focus on Files Explorer');
    await wb.page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().click();
    await wb.page.locator('.editor-group-container.active .tab.active', { hasText: name }).waitFor({ timeout: 60_000 });
    await wb.focusEditor();
}

export const scenarios = [
    {
        name: 'the Problems panel lists the codes of the unopened broken file',
        async run(wb) {
            await wb.openProblems();
            for (const code of BROKEN_CODES) await wb.waitForProblem(code);
            const status = await wb.missionStatus().innerText();
            if (!/\b4\b/.test(status)) throw new Error(`status bar should count the 4 errors, shows '${status}'`);
        }
    },
    {
        name: 'completion after "lead " offers persons only',
        async run(wb) {
            await wb.openFresh('model.mission');
            await wb.goToLine(CLINICS_BLANK_LINE);
            await wb.page.keyboard.insertText('  lead ');
            const labels = await wb.completionLabels();
            await wb.page.keyboard.press('Escape');
            await wb.undoUntilSaved();
            const persons = ['alice', 'bob', 'dora'];
            const others = labels.filter(label => !persons.includes(label));
            if (others.length > 0 || !labels.includes('alice') || !labels.includes('bob')) {
                throw new Error(`expected only persons (alice, bob, dora), got: ${labels.join(', ')}`);
            }
        }
    },
    {
        name: 'hover on a mission shows its intent',
        async run(wb) {
            await wb.openFresh('model.mission');
            await wb.goToLine(18);
            await wb.token('mission Clinics', 'Outreach').hover();
            await wb.page
                .locator('.monaco-hover', { hasText: 'Serve every northern patient within 20 minutes' })
                .first()
                .waitFor({ timeout: 60_000 });
            await wb.page.mouse.move(5, 5);
        }
    },
    {
        name: 'over-capacity appears after putting alice on a second mission, and goes on undo',
        async run(wb) {
            await wb.openFresh('model.mission');
            await wb.openProblems();
            await wb.waitForProblem('over-capacity', false);
            await wb.focusEditor();
            await wb.goToLine(CLINICS_BLANK_LINE);
            await wb.page.keyboard.insertText('  crew alice');
            await wb.waitForProblem('over-capacity');
            await wb.page.keyboard.press('Escape');
            await wb.undoUntilSaved();
            await wb.waitForProblem('over-capacity', false);
        }
    },
    {
        name: 'the cascade preview shows one node per mission and updates after an edit',
        async run(wb, step) {
            await wb.openFresh('model.mission');
            await wb.runCommand('Mission: Open Cascade Preview');
            const canvas = wb.webview('#canvas[data-node-count]');
            const message = wb.webview('#message:not([hidden])');
            await canvas.or(message).first().waitFor({ timeout: 60_000 });
            if (await message.isVisible()) {
                const text = await message.innerText();
                if (/does not offer/.test(text)) throw new Skip(`the server has no mission/diagram yet: ${text}`);
                throw new Error(`the preview shows a message instead of the diagram: ${text}`);
            }
            const shown = async () =>
                (await canvas.getAttribute('data-missions'))
                    .split(',')
                    .filter(name => name && !VISIONS.includes(name))
                    .sort();
            const before = await shown();
            if (before.join() !== MISSIONS.join())
                throw new Error(`expected the nodes ${MISSIONS.join(', ')}, got ${before.join(', ')}`);
            await step.screenshot('preview');
            await wb.focusEditor();
            await wb.page.keyboard.press('Control+End');
            await wb.page.keyboard.press('Enter');
            await wb.page.keyboard.insertText(
                'mission Pilot "A pilot clinic" under Clinics { intent "Prove the model" lead bob }'
            );
            await wb.webview('#canvas[data-missions*="Pilot"]').waitFor({ timeout: 60_000 });
            await wb.undoUntilSaved();
            await wb.webview('#canvas[data-node-count]:not([data-missions*="Pilot"])').waitFor({ timeout: 60_000 });
        }
    },
    {
        name: 'clicking a node of the preview reveals that mission in its file',
        async run(wb) {
            await wb.openFresh('model.mission');
            await wb.runCommand('Mission: Open Cascade Preview');
            const node = wb.webview('g.mission-node[id="mission-Stray"]');
            await node.waitFor({ timeout: 60_000 });
            await node.click();
            await wb.page
                .locator('.editor-group-container.active .tab.active', { hasText: 'broken.mission' })
                .waitFor({ timeout: 60_000 });
            await wb.page
                .locator('.editor-group-container.active .monaco-editor .selected-text')
                .first()
                .waitFor({ state: 'attached', timeout: 60_000 });
        }
    },
    {
        name: 'screenshot: a broken model, the Problems panel and the preview',
        async run(wb, step) {
            await wb.openFresh('broken.mission');
            await wb.runCommand('Mission: Open Cascade Preview');
            await wb.waitForWebviewText('missions · updated');
            await wb.openFresh('broken.mission');
            await wb.openProblems();
            await wb.waitForProblem('unaligned-mission');
            await step.screenshot('vscode-broken-model', { keep: true });
        }
    },
    {
        name: 'Export Diagram… writes SVG, Mermaid and PNG files',
        async run(wb, step) {
            await wb.openFresh('model.mission');
            const checks = {
                SVG: ['cascade.svg', bytes => /<svg[\s\S]*mission(-|&#45;)Clinics/.test(bytes.toString('utf8'))],
                Mermaid: [
                    'cascade.mmd',
                    bytes => /^(flowchart|graph)\b/m.test(bytes.toString('utf8')) && bytes.includes('Clinics')
                ],
                PNG: ['cascade.png', bytes => bytes.subarray(1, 4).toString('latin1') === 'PNG' && bytes.length > 1000]
            };
            for (const [format, [file, isValid]] of Object.entries(checks)) {
                await wb.runCommand('Mission: Export Diagram…');
                await wb.pickQuickInput(format);
                // The save dialog (code-server's simple dialog) proposes <workspace>/cascade.<ext>: accept it.
                const input = wb.page.locator('.quick-input-widget input');
                await wb.page.waitForFunction(
                    name => document.querySelector('.quick-input-widget input')?.value.endsWith(name),
                    file,
                    { timeout: 60_000 }
                );
                await input.press('Enter');
                const target = join(step.workspace, file);
                await wb.page
                    .locator('.notifications-toasts', { hasText: `exported to ${file}` })
                    .waitFor({ timeout: 60_000 });
                if (!existsSync(target) || !isValid(readFileSync(target)))
                    throw new Error(`${format}: ${target} is missing or not a ${format} of the cascade`);
                await wb.closeNotifications();
            }
        }
    },
    {
        name: 'Open Scorecard Report shows the report in a webview',
        async run(wb) {
            await wb.openFresh('model.mission');
            await wb.runCommand('Mission: Open Scorecard Report');
            await wb.page.locator('.tab', { hasText: 'Mission Scorecard' }).waitFor({ timeout: 60_000 });
            await wb.waitForWebviewText('Measures of success');
        }
    },
    {
        name: "Show Person's Brief opens alice's line of sight as Markdown",
        async run(wb) {
            await wb.openFresh('model.mission');
            await wb.runCommand("Mission: Show Person's Brief");
            await wb.pickQuickInput('alice');
            // The Markdown preview of the brief: alice leads Outreach, whose intent is part of her brief.
            await wb.waitForWebviewText('Serve every northern patient within 20 minutes');
        }
    },
    {
        name: 'Restart Language Server brings the diagnostics back',
        async run(wb) {
            await wb.openFresh('model.mission');
            await wb.runCommand('Mission: Restart Language Server');
            await wb.openProblems();
            // The old client's diagnostics may still show for a moment after the restart, or already be
            // gone: wait for the end state (the new server's 4 errors counted again), not for one reading.
            await wb
                .missionStatus()
                .filter({ hasText: /\b4\b/ })
                .waitFor({ timeout: 90_000 })
                .catch(async () => {
                    throw new Error(
                        `status bar should count the 4 errors again, shows '${await wb.missionStatus().innerText()}'`
                    );
                });
            await wb.waitForProblem(['unaligned-mission', 'Stray']);
        }
    },
    {
        name: 'a quick fix for unaligned-mission removes the diagnostic',
        async run(wb) {
            await wb.openFresh('broken.mission');
            await wb.token('mission Stray', 'Stray').click();
            await wb.page.keyboard.press('Control+.');
            const rows = wb.page.locator('.action-widget .monaco-list-row.action');
            await rows.first().waitFor({ timeout: 60_000 });
            const titles = await rows.allTextContents();
            const index = titles.findIndex(title => title.includes('under Care'));
            if (index < 0) throw new Error(`no quick fix 'under Care' among: ${titles.join(' | ')}`);
            for (let i = 0; i < index; i++) await wb.page.keyboard.press('ArrowDown');
            await wb.page.keyboard.press('Enter');
            await wb.editorLine('mission Stray').filter({ hasText: 'under Care' }).waitFor({ timeout: 60_000 });
            await wb.openProblems();
            await wb.waitForProblem(['unaligned-mission', 'Stray'], false);
        }
    },
    {
        name: "a quick fix for missing-target inserts 'target ' and leaves the cursor after it (issue 18)",
        async run(wb) {
            await wb.openFresh('model.mission');
            await wb.goToLine(CLINICS_BLANK_LINE);
            await wb.page.keyboard.insertText('  measure opened { current 1 }');
            await wb.openProblems();
            await wb.waitForProblem(['missing-target', 'opened']);
            await wb.focusEditor();
            await wb.token('measure opened', 'opened').click();
            await wb.page.keyboard.press('Control+.');
            const rows = wb.page.locator('.action-widget .monaco-list-row.action');
            await rows.first().waitFor({ timeout: 60_000 });
            const titles = await rows.allTextContents();
            const index = titles.findIndex(title => title.includes("Add 'target' to opened"));
            if (index < 0) throw new Error(`no quick fix 'Add 'target' to opened' among: ${titles.join(' | ')}`);
            for (let i = 0; i < index; i++) await wb.page.keyboard.press('ArrowDown');
            await wb.page.keyboard.press('Enter');
            // The snippet edit leaves the cursor after 'target ': what is typed next is the target's value.
            await wb
                .editorLine('measure opened')
                .filter({ hasText: /target\s+current\s1/ })
                .waitFor({ timeout: 60_000 });
            await wb.page.keyboard.insertText('7');
            await wb
                .editorLine('measure opened')
                .filter({ hasText: /\{\starget\s7\scurrent\s1\s\}/ })
                .waitFor({ timeout: 60_000 });
            await wb.openProblems();
            await wb.waitForProblem(['missing-target', 'opened'], false);
            await wb.focusEditor();
            await wb.undoUntilSaved();
        }
    },
    {
        name: 'a tag used elsewhere in the workspace is completed after "tags " (issue 18)',
        async run(wb) {
            // broken.mission tags its mission Stray `northern`.
            await wb.openFresh('model.mission');
            await wb.goToLine(CLINICS_BLANK_LINE);
            await wb.page.keyboard.insertText('  tags ');
            const labels = await wb.completionLabels();
            if (!labels.includes('northern'))
                throw new Error(`expected the tag 'northern' among the completions, got: ${labels.join(', ')}`);
            await wb.page.keyboard.insertText('nor');
            await wb.page
                .locator('.suggest-widget.visible .monaco-list-row.focused', { hasText: 'northern' })
                .waitFor({ timeout: 60_000 });
            await wb.page.keyboard.press('Enter');
            await wb
                .editorLine('tags')
                .filter({ hasText: /^\s*tags\snorthern\s*$/ })
                .waitFor({ timeout: 60_000 });
            await wb.undoUntilSaved();
        }
    },
    {
        name: 'the preview follows the colour theme (dark)',
        async run(wb, step) {
            await wb.openFresh('model.mission');
            await wb.runCommand('Mission: Open Cascade Preview');
            const background = () => wb.webview('body').evaluate(body => getComputedStyle(body).backgroundColor);
            const luminance = rgb => {
                const [r, g, b] = rgb.match(/\d+/g).map(Number);
                return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
            };
            const before = luminance(await background());
            await wb.runCommand('Preferences: Toggle between Light/Dark Themes');
            const deadline = Date.now() + 60_000;
            let after = before;
            while (Math.abs(after - before) < 0.4 && Date.now() < deadline) {
                await wb.painted();
                after = luminance(await background());
            }
            if (Math.abs(after - before) < 0.4)
                throw new Error(
                    `the preview background stayed at luminance ${before.toFixed(2)} → ${after.toFixed(2)}`
                );
            await wb.openFresh('broken.mission');
            await wb.openProblems();
            await wb.waitForProblem('unaligned-mission');
            await step.screenshot('vscode-broken-model-theme', { keep: true });
        }
    },
    {
        name: 'the Get started walkthrough shows its title and its four steps',
        async run(wb, step) {
            await wb.runCommand('Welcome: Open Walkthrough');
            await wb.pickQuickInput(WALKTHROUGH);
            const page = wb.page.locator('.gettingStartedContainer', { hasText: WALKTHROUGH });
            await page.waitFor({ timeout: 60_000 });
            for (const title of WALKTHROUGH_STEPS)
                await page.locator('.getting-started-step', { hasText: title }).first().waitFor({ timeout: 60_000 });
            // The first step is open, with its button running Mission: New Model.
            await page
                .locator('.getting-started-step.expanded', { hasText: WALKTHROUGH_STEPS[0] })
                .filter({ hasText: 'New Model' })
                .first()
                .waitFor({ timeout: 60_000 });
            await step.screenshot('walkthrough');
            await wb.runCommand('View: Close Editor');
            await page.waitFor({ state: 'detached', timeout: 60_000 });
        }
    },
    {
        name: 'Mission: New Model writes the starter model into the workspace folder and opens it',
        async run(wb, step) {
            const model = join(step.workspace, 'strategy.mission');
            if (existsSync(model)) throw new Error('strategy.mission exists before the command ran');
            await wb.runCommand('Mission: New Model');
            await wb.page
                .locator('.editor-group-container.active .tab.active', { hasText: 'strategy.mission' })
                .waitFor({ timeout: 60_000 });
            // Dated from the day the rules use: mission.today of the user settings (code-server.mjs).
            const text = readFileSync(model, 'utf8');
            if (!text.includes('review every 30 days last 2026-11-23'))
                throw new Error(`the starter model is not dated from mission.today:\n${text}`);
            if (!existsSync(join(step.workspace, 'mission.config.json')))
                throw new Error('no mission.config.json was written beside the model');
            await wb.editorLine('mission Loyalty').waitFor({ timeout: 60_000 });
            // A second run never overwrites the model: it says so.
            await wb.runCommand('Mission: New Model');
            await wb.page
                .locator('.notifications-toasts', { hasText: 'never overwrites a file' })
                .waitFor({ timeout: 60_000 });
            await wb.closeNotifications();
            if (readFileSync(model, 'utf8') !== text) throw new Error('the second run changed strategy.mission');
        }
    },
    {
        name: 'mission.config.json: a rule code is completed inside "rules", an unknown one is flagged',
        async run(wb, step) {
            writeFileSync(join(step.workspace, 'mission.config.json'), '{\n  "rules": {\n    \n  }\n}\n');
            await openFromExplorer(wb, 'mission.config.json');
            await wb.goToLine(3);
            await wb.page.keyboard.press('End');
            await wb.page.keyboard.insertText('"no-l"');
            await wb.page.keyboard.press('ArrowLeft');
            const labels = (await wb.completionLabels()).map(label => label.replace(/"/g, ''));
            await wb.page.keyboard.press('Escape');
            if (!labels.includes('no-lead'))
                throw new Error(`completion inside "rules" should offer no-lead, offered: ${labels.join(', ')}`);
            await wb.undoUntilSaved();
            await wb.page.keyboard.insertText('"no-such-rule": "off"');
            await wb.openProblems();
            await wb.waitForProblem(['no-such-rule', 'not allowed']);
            await wb.focusEditor();
            await wb.undoUntilSaved();
        }
    },
    {
        name: 'format on save keeps a block written on one line on one line',
        async run(wb, step) {
            // editor.formatOnSave is on for mission files (code-server.mjs). The old layout expanded every
            // vision block; the formatter keeps a one-line block that fits, its items two spaces apart.
            const file = join(step.workspace, 'format-on-save.mission');
            writeFileSync(file, '');
            await openFromExplorer(wb, 'format-on-save.mission');
            await wb.page.keyboard.insertText('vision Far "Far away" {   horizon 2031-12-31   }\n');
            await wb.page.keyboard.insertText('person fay "Fay" {capacity 1 role "Nurse"}');
            await wb.page.keyboard.press('Control+S');
            const expected =
                'vision Far "Far away" { horizon 2031-12-31 }\n\nperson fay "Fay" { capacity 1  role "Nurse" }\n';
            const deadline = Date.now() + 60_000;
            while (readFileSync(file, 'utf8') !== expected) {
                if (Date.now() > deadline)
                    throw new Error(`saved as:\n${readFileSync(file, 'utf8')}\nexpected:\n${expected}`);
                await wb.painted();
            }
            await wb
                .editorLine('vision Far')
                .filter({ hasText: '{ horizon 2031-12-31 }' })
                .waitFor({ timeout: 60_000 });
            await wb.page
                .locator('.editor-group-container.active .tab.active.dirty')
                .waitFor({ state: 'detached', timeout: 60_000 });
        }
    }
];

// UI helpers over VS Code's workbench as code-server serves it. Every helper waits for a UI state
// with a generous timeout; none sleeps for a fixed time.
// The functions passed to page.evaluate run in the browser page, with its globals:
/* global document, requestAnimationFrame */
export const TIMEOUT = 60_000;

export class Workbench {
    constructor(page) {
        this.page = page;
    }

    async waitReady() {
        await this.page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
        // The extension's status bar item appears once it has activated (workspaceContains:**/*.mission).
        await this.missionStatus().waitFor({ timeout: 120_000 });
    }

    missionStatus() {
        return this.page.locator('.statusbar-item', { hasText: 'Mission:' }).first();
    }

    /** Runs a command by its palette title. */
    async runCommand(title) {
        const input = await this.quickInput('F1');
        await input.fill(`>${title}`);
        await this.page
            .locator('.quick-input-list .monaco-list-row', { hasText: title })
            .first()
            .waitFor({ timeout: TIMEOUT });
        await this.page.keyboard.press('Enter');
    }

    /** Opens a workspace file through Quick Open and waits until its tab is active. */
    async openFile(name) {
        const input = await this.quickInput('Control+P');
        await input.fill(name);
        await this.page
            .locator('.quick-input-list .monaco-list-row', { hasText: name })
            .first()
            .waitFor({ timeout: TIMEOUT });
        await this.page.keyboard.press('Enter');
        // A webview beside may keep its group active: clicking the tab makes the file's group the active one.
        const tab = this.page.locator('.tab', { hasText: name }).first();
        await tab.waitFor({ timeout: TIMEOUT });
        await tab.click();
        await this.page
            .locator('.editor-group-container.active .tab.active', { hasText: name })
            .waitFor({ timeout: TIMEOUT });
        await this.focusEditor();
    }

    /** Opens a file with its content as on disk (an earlier scenario may have left it edited). */
    async openFresh(name) {
        await this.openFile(name);
        if ((await this.page.locator('.editor-group-container.active .tab.active.dirty').count()) > 0) {
            await this.runCommand('File: Revert File');
            await this.page
                .locator('.editor-group-container.active .tab.active.dirty')
                .waitFor({ state: 'detached', timeout: TIMEOUT });
        }
        await this.focusEditor();
    }

    /** Triggers completion (again, if the first answer came before the server had the edit) and waits for the list. */
    async completionLabels() {
        const rows = this.page.locator('.suggest-widget.visible .monaco-list-row');
        for (let attempt = 1; ; attempt++) {
            await this.page.keyboard.press('Control+Space');
            try {
                await rows.first().waitFor({ timeout: 15_000 });
                break;
            } catch (error) {
                if (attempt === 4) throw error;
                await this.page.keyboard.press('Escape');
            }
        }
        // VS Code adds the contributed snippets to any explicitly triggered completion; they are not names.
        return rows.evaluateAll(items =>
            items
                .filter(item => !item.querySelector('.codicon-symbol-snippet'))
                .map(item => item.querySelector('.label-name')?.textContent?.trim() ?? '')
        );
    }

    /** Focuses the active editor (Quick Open leaves the focus there; the palette command brings it back). */
    async focusEditor() {
        const focused = this.page.locator('.editor-group-container.active .monaco-editor.focused');
        if ((await focused.count()) > 0) return;
        await this.runCommand('View: Focus Active Editor Group');
        await focused.first().waitFor({ timeout: TIMEOUT });
    }

    /** Waits until the workbench has painted twice: after a key press, the editor shows its result. */
    async painted() {
        await this.page.evaluate(
            () => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)))
        );
    }

    /** Texts of the rendered lines of the active editor. */
    async visibleLines() {
        await this.painted();
        return this.page.locator('.editor-group-container.active .monaco-editor .view-line').allTextContents();
    }

    /** Presses Undo until the active editor is back at its saved text (VS Code undoes typing a word at a time). */
    async undoUntilSaved() {
        const dirty = this.page.locator('.editor-group-container.active .tab.active.dirty');
        for (let i = 0; i < 30; i++) {
            await this.painted();
            if ((await dirty.count()) === 0) return;
            await this.page.keyboard.press('Control+Z');
        }
        throw new Error('undo did not bring the file back to its saved text');
    }

    async goToLine(line) {
        await this.page.keyboard.press('Control+G');
        const input = this.page.locator('.quick-input-widget input');
        await input.waitFor({ timeout: TIMEOUT });
        await input.fill(`:${line}`);
        await this.page.keyboard.press('Enter');
        await input.waitFor({ state: 'hidden', timeout: TIMEOUT });
    }

    /** The rendered line of the active editor whose text contains `text`. */
    editorLine(text) {
        return this.page.locator('.editor-group-container.active .monaco-editor .view-line', { hasText: text }).first();
    }

    /** The token span `word` on the editor line containing `lineText`. */
    token(lineText, word) {
        return this.editorLine(lineText)
            .locator('span > span', { hasText: new RegExp(`^${word}$`) })
            .first();
    }

    async openProblems() {
        await this.closeWidgets();
        await this.missionStatus().click();
        await this.page.locator('.markers-panel').waitFor({ timeout: TIMEOUT });
    }

    /** Problems rows containing every one of `texts` (a string or an array of strings). */
    problemRows(texts = []) {
        let rows = this.page.locator('.markers-panel .monaco-list-row');
        for (const text of [texts].flat()) rows = rows.filter({ hasText: text });
        return rows;
    }

    async problemTexts() {
        return this.problemRows().allInnerTexts();
    }

    /**
     * Waits until a Problems row contains `text` (all of them, for an array), or with present=false until none
     * does.
     */
    async waitForProblem(text, present = true) {
        if (present) await this.problemRows(text).first().waitFor({ timeout: TIMEOUT });
        else
            await this.page.waitForFunction(
                needles =>
                    ![...document.querySelectorAll('.markers-panel .monaco-list-row')].some(row =>
                        needles.every(needle => row.textContent.includes(needle))
                    ),
                [text].flat(),
                { timeout: TIMEOUT }
            );
    }

    /**
     * Opens the quick input with `key` and returns its input box. Focus can sit where the key does not
     * reach the workbench (the walkthrough page's button kept it once in CI): when the box has not shown
     * after a few seconds, the active tab is clicked, which gives the workbench the focus, and the key is
     * pressed again, until the usual time limit.
     */
    async quickInput(key) {
        const input = this.page.locator('.quick-input-widget input');
        const deadline = Date.now() + TIMEOUT;
        for (;;) {
            await this.closeWidgets();
            await this.page.keyboard.press(key);
            try {
                await input.waitFor({ timeout: 5_000 });
                return input;
            } catch (error) {
                if (Date.now() > deadline) throw error;
            }
            await this.page
                .locator('.editor-group-container.active .tab.active')
                .first()
                .click({ timeout: 5_000 })
                .catch(() => undefined);
        }
    }

    async closeWidgets() {
        for (let i = 0; i < 2; i++) await this.page.keyboard.press('Escape');
    }

    /**
     * `selector` in a webview panel (code-server nests its document in two iframes): the one whose
     * outer frame is titled `title`, else the first visible one.
     */
    webview(selector) {
        return this.page.frameLocator('iframe.webview.ready').first().frameLocator('#active-frame').locator(selector);
    }

    /** Waits for a webview (of any panel, shown or retained) whose body contains `text`. */
    async waitForWebviewText(text) {
        const deadline = Date.now() + TIMEOUT;
        for (;;) {
            const count = await this.page.locator('iframe.webview.ready').count();
            for (let i = 0; i < count; i++) {
                const body = this.page
                    .frameLocator('iframe.webview.ready')
                    .nth(i)
                    .frameLocator('#active-frame')
                    .locator('body', { hasText: text });
                if ((await body.count()) > 0) return;
            }
            if (Date.now() > deadline) throw new Error(`no webview shows '${text}'`);
            await this.painted();
        }
    }

    /** Picks the quick pick item labelled `label` (a quick pick opened by a command). */
    async pickQuickInput(label) {
        const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
        await row.waitFor({ timeout: TIMEOUT });
        await this.page.locator('.quick-input-widget input').fill(label);
        await row.waitFor({ timeout: TIMEOUT });
        await this.page.keyboard.press('Enter');
    }

    async closeNotifications() {
        await this.runCommand('Notifications: Clear All Notifications');
    }
}

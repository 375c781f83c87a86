// UI helpers over VS Code's workbench as code-server serves it. Every helper waits for a UI state
// with a generous timeout; none sleeps for a fixed time.
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
        await this.closeWidgets();
        await this.page.keyboard.press('F1');
        const input = this.page.locator('.quick-input-widget input');
        await input.waitFor({ timeout: TIMEOUT });
        await input.fill(`>${title}`);
        await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: TIMEOUT });
        await this.page.keyboard.press('Enter');
    }

    /** Opens a workspace file through Quick Open and waits until its tab is active. */
    async openFile(name) {
        await this.closeWidgets();
        await this.page.keyboard.press('Control+P');
        const input = this.page.locator('.quick-input-widget input');
        await input.waitFor({ timeout: TIMEOUT });
        await input.fill(name);
        await this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: TIMEOUT });
        await this.page.keyboard.press('Enter');
        await this.page.locator('.tab.active', { hasText: name }).waitFor({ timeout: TIMEOUT });
        await this.focusEditor();
    }

    /** Focuses the active editor (Quick Open leaves the focus there; the palette command brings it back). */
    async focusEditor() {
        const focused = this.page.locator('.editor-group-container.active .monaco-editor.focused');
        if (await focused.count() > 0) return;
        await this.runCommand('View: Focus Active Editor Group');
        await focused.first().waitFor({ timeout: TIMEOUT });
    }

    /** Waits until the workbench has painted twice: after a key press, the editor shows its result. */
    async painted() {
        await this.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    }

    /** Texts of the rendered lines of the active editor. */
    async visibleLines() {
        await this.painted();
        return this.page.locator('.editor-group-container.active .monaco-editor .view-line').allTextContents();
    }

    /**
     * Presses Undo until `isRestored(lines)` holds for the rendered lines (VS Code undoes typing a word
     * at a time), at most 20 times.
     */
    async undoUntil(isRestored) {
        for (let i = 0; i < 20; i++) {
            if (isRestored(await this.visibleLines())) return;
            await this.page.keyboard.press('Control+Z');
        }
        throw new Error('undo did not restore the text');
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
        return this.editorLine(lineText).locator('span > span', { hasText: new RegExp(`^${word}$`) }).first();
    }

    async openProblems() {
        await this.closeWidgets();
        await this.missionStatus().click();
        await this.page.locator('.markers-panel').waitFor({ timeout: TIMEOUT });
    }

    problemRows(text) {
        const rows = this.page.locator('.markers-panel .monaco-list-row');
        return text ? rows.filter({ hasText: text }) : rows;
    }

    async problemTexts() {
        return this.problemRows().allInnerTexts();
    }

    /** Waits until a Problems row contains `text` (or, with present=false, until none does). */
    async waitForProblem(text, present = true) {
        if (present) await this.problemRows(text).first().waitFor({ timeout: TIMEOUT });
        else await this.page.waitForFunction((needle) => ![...document.querySelectorAll('.markers-panel .monaco-list-row')]
            .some((row) => row.textContent.includes(needle)), text, { timeout: TIMEOUT });
    }

    async closeWidgets() {
        for (let i = 0; i < 2; i++) await this.page.keyboard.press('Escape');
    }

    /** The frame of a webview panel whose document has `selector`; code-server nests it in two iframes. */
    webview(selector) {
        return this.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator(selector);
    }
}

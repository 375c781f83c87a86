/**
 * The palette commands: a new model, preview, a person's brief, the staging plan, diagram export, the
 * scorecard report and a server restart. Everything the model says comes from the language server's custom
 * requests. The preview, scorecard and brief are also in the Explorer's and the editor's context menus, which
 * pass the file's URI.
 */
import * as vscode from 'vscode';
import { diagramDirection, type CascadePreview } from './cascade-preview.js';
import type { MissionLanguageClient } from './language-client.js';
import { newModel } from './new-model.js';
import { reportHtml } from './report-html.js';

function activeMissionUri(): string | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document?.languageId === 'mission' ? document.uri.toString() : undefined;
}

/** The file a context menu passed (its URI), else the active .mission editor's. */
function targetUri(argument: unknown): string | undefined {
    return argument instanceof vscode.Uri ? argument.toString() : activeMissionUri();
}

/** The name under the cursor when the active editor shows `uri` (the editor's context menu). */
function nameAtCursor(uri: string | undefined): string | undefined {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.uri.toString() !== uri) return undefined;
    const range = editor.document.getWordRangeAtPosition(editor.selection.active, /[A-Za-z_][A-Za-z0-9_-]*/);
    return range ? editor.document.getText(range) : undefined;
}

function showFailure(what: string, error: unknown): void {
    void vscode.window.showErrorMessage(`${what} failed: ${(error as Error).message}`);
}

async function persons(client: MissionLanguageClient, uri: string | undefined): Promise<string[]> {
    const model = await client.request('mission/model', { uri });
    return model.persons.map(person => person.name);
}

/**
 * A person's brief: the person named (a string argument), else the person under the cursor when run from the
 * editor's context menu on a person's name, else one picked from the model's persons.
 */
async function showBrief(client: MissionLanguageClient, argument: unknown): Promise<void> {
    const uri = targetUri(argument);
    let chosen = typeof argument === 'string' ? argument : undefined;
    if (!chosen) {
        const names = persons(client, uri);
        const underCursor = nameAtCursor(uri);
        if (underCursor && (await names).includes(underCursor)) chosen = underCursor;
        else chosen = await vscode.window.showQuickPick(names, { placeHolder: 'Whose brief?' });
    }
    if (!chosen) return;
    try {
        const { markdown } = await client.request('mission/brief', { person: chosen, uri });
        const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
        await vscode.window.showTextDocument(document, { preview: true });
        await vscode.commands.executeCommand('markdown.showPreview', document.uri);
    } catch (error) {
        showFailure(`The brief of ${chosen}`, error);
    }
}

/** The staging plan of the workspace model (as `mission plan --format markdown`), in a Markdown preview. */
async function showPlan(client: MissionLanguageClient): Promise<void> {
    try {
        const { markdown } = await client.request('mission/plan', { uri: targetUri(undefined) });
        const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
        await vscode.window.showTextDocument(document, { preview: true });
        await vscode.commands.executeCommand('markdown.showPreview', document.uri);
    } catch (error) {
        showFailure('The staging plan', error);
    }
}

const EXPORT_FORMATS = [
    { label: 'SVG', extension: 'svg', description: 'Scalable vector image' },
    { label: 'PNG', extension: 'png', description: 'Bitmap image (drawn by the preview)' },
    { label: 'Mermaid', extension: 'mmd', description: 'Mermaid flowchart text' }
] as const;

async function exportDiagram(client: MissionLanguageClient, preview: CascadePreview): Promise<void> {
    const format = await vscode.window.showQuickPick(EXPORT_FORMATS, { placeHolder: 'Export the cascade diagram as' });
    if (!format) return;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder, `cascade.${format.extension}`) : undefined,
        filters: { [format.label]: [format.extension] }
    });
    if (!target) return;
    try {
        let bytes: Uint8Array;
        if (format.label === 'PNG') {
            const dataUrl = await preview.renderPng();
            bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
        } else {
            const textFormat = format.label === 'SVG' ? 'svg' : 'mermaid';
            const answer = await client.request('mission/diagram', {
                format: textFormat,
                direction: diagramDirection(),
                uri: activeMissionUri()
            });
            const text = answer[textFormat];
            if (text === undefined) throw new Error('the server answered no diagram');
            bytes = new TextEncoder().encode(text);
        }
        await vscode.workspace.fs.writeFile(target, bytes);
        void vscode.window.showInformationMessage(
            `Cascade diagram exported to ${vscode.workspace.asRelativePath(target)}.`
        );
    } catch (error) {
        showFailure('Export', error);
    }
}

async function openScorecard(
    context: vscode.ExtensionContext,
    client: MissionLanguageClient,
    argument: unknown
): Promise<void> {
    try {
        const { html } = await client.request('mission/report', { uri: targetUri(argument) });
        const panel = vscode.window.createWebviewPanel(
            'mission.scorecard',
            'Mission Scorecard',
            vscode.ViewColumn.Beside,
            {
                enableScripts: false,
                localResourceRoots: []
            }
        );
        panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'file-icon.svg');
        panel.webview.html = reportHtml(html);
    } catch (error) {
        showFailure('The scorecard report', error);
    }
}

/** The preview, for the file a context menu passed (opened first, so the preview sits beside it). */
async function openPreview(preview: CascadePreview, file: unknown): Promise<void> {
    if (file instanceof vscode.Uri && vscode.window.activeTextEditor?.document.uri.toString() !== file.toString())
        await vscode.window.showTextDocument(file);
    preview.show();
}

export function registerCommands(
    context: vscode.ExtensionContext,
    client: MissionLanguageClient,
    preview: CascadePreview
): void {
    context.subscriptions.push(
        vscode.commands.registerCommand('mission.newModel', (folder?: unknown) => newModel(client, folder)),
        vscode.commands.registerCommand('mission.openPreview', (file?: unknown) => openPreview(preview, file)),
        vscode.commands.registerCommand('mission.showBrief', (personOrFile?: unknown) =>
            showBrief(client, personOrFile)
        ),
        vscode.commands.registerCommand('mission.showPlan', () => showPlan(client)),
        vscode.commands.registerCommand('mission.exportDiagram', () => exportDiagram(client, preview)),
        vscode.commands.registerCommand('mission.openScorecard', (file?: unknown) =>
            openScorecard(context, client, file)
        ),
        vscode.commands.registerCommand('mission.restartServer', async () => {
            await client.restart();
            void vscode.window.setStatusBarMessage('Mission language server restarted', 3000);
        })
    );
}

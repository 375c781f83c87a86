/**
 * "Mission: New Model": the starter model of `mission init` (and its mission.config.json) written into a
 * folder, then opened. The text comes from the language server (`mission/starter`, dated from the day the
 * rules use), so the extension holds no language code. Nothing is overwritten: an existing model stops the
 * command, an existing config is kept.
 */
import * as vscode from 'vscode';
import type { MissionLanguageClient } from './language-client.js';
import { type StarterFile, writableStarterFiles } from './requests.js';

/** The folder to write to: the one given (Explorer menu), the workspace folder, or one the user picks. */
async function targetFolder(given: unknown): Promise<vscode.Uri | undefined> {
    if (given instanceof vscode.Uri) return given;
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 1) return folders[0]!.uri;
    if (folders.length > 1)
        return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Create the new model in which folder?' }))
            ?.uri;
    const picked = await vscode.window.showOpenDialog({
        canSelectFiles: false,
        canSelectFolders: true,
        canSelectMany: false,
        openLabel: 'Create the model here',
        title: 'Mission: New Model'
    });
    return picked?.[0];
}

async function exists(uri: vscode.Uri): Promise<boolean> {
    try {
        await vscode.workspace.fs.stat(uri);
        return true;
    } catch {
        return false;
    }
}

export async function newModel(client: MissionLanguageClient, folderArgument?: unknown): Promise<void> {
    const folder = await targetFolder(folderArgument);
    if (!folder) return;
    let files: StarterFile[];
    try {
        files = writableStarterFiles((await client.request('mission/starter', {})).files);
    } catch (error) {
        void vscode.window.showErrorMessage(`Mission: New Model failed: ${(error as Error).message}`);
        return;
    }
    const model = files.find(file => file.name.endsWith('.mission')) ?? files[0]!;
    const modelUri = vscode.Uri.joinPath(folder, model.name);
    if (await exists(modelUri)) {
        const open = 'Open It';
        const choice = await vscode.window.showWarningMessage(
            `${vscode.workspace.asRelativePath(modelUri)} already exists; Mission: New Model never overwrites a file.`,
            open
        );
        if (choice === open) await vscode.window.showTextDocument(modelUri);
        return;
    }
    const kept: string[] = [];
    for (const file of files) {
        const uri = vscode.Uri.joinPath(folder, file.name);
        if (file !== model && (await exists(uri))) {
            kept.push(file.name);
            continue;
        }
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(file.text));
    }
    await vscode.window.showTextDocument(modelUri);
    if (kept.length > 0)
        void vscode.window.showInformationMessage(
            `Created ${model.name}; ${kept.join(' and ')} already existed and was left as it is.`
        );
}

/**
 * The Mission extension: starts the bundled language server, and adds the cascade preview, the
 * commands (new model, brief, export, scorecard, restart), the status bar summary of the problems and,
 * where VS Code has the API, the MCP server for agent mode (mcp-provider.ts).
 * The walkthrough, snippets, grammar and the JSON Schema of mission.config.json are static contributions.
 */
import * as vscode from 'vscode';
import { CascadePreview } from './cascade-preview.js';
import { registerCommands } from './commands.js';
import { MissionLanguageClient } from './language-client.js';
import { registerMcpServer } from './mcp-provider.js';
import { ProblemsStatusItem } from './status-bar.js';

let client: MissionLanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<MissionApi> {
    client = new MissionLanguageClient(context);
    const preview = new CascadePreview(context, client);
    context.subscriptions.push(client, preview, new ProblemsStatusItem());
    registerCommands(context, client, preview);
    await vscode.commands.executeCommand('setContext', 'mission.active', true);
    await client.start();
    // Last, and never in the way: the MCP API is new and may refuse a provider; the language features stay.
    try {
        registerMcpServer(context);
    } catch (error) {
        console.error(`Mission: the MCP server for agent mode was not registered: ${(error as Error).message}`);
    }
    return { client, preview };
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}

/** What `activate` returns: used by the extension's own tests (vscode.extensions.getExtension(...).exports). */
export interface MissionApi {
    client: MissionLanguageClient;
    preview: CascadePreview;
}

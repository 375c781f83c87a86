/**
 * Registers the Mission MCP server (`mission mcp`, bundled as out/mcp-server.cjs) with VS Code's
 * agent mode, for the folders of the workspace: `contributes.mcpServerDefinitionProviders` names it,
 * `vscode.lm.registerMcpServerDefinitionProvider` provides it. The API is newer than the VS Code this
 * extension supports (and than its typings), so it is feature-detected through the minimal types below:
 * where it is missing, nothing is registered and nothing else changes.
 */
import * as vscode from 'vscode';

/** The id in package.json's `contributes.mcpServerDefinitionProviders`. */
export const MCP_PROVIDER_ID = 'mission-lang.mcp';

interface McpStdioServerDefinition {
    cwd?: vscode.Uri;
}

type McpStdioServerDefinitionClass = new (
    label: string,
    command: string,
    args?: string[],
    env?: Record<string, string | number | null>,
    version?: string
) => McpStdioServerDefinition;

interface McpServerDefinitionProvider {
    readonly onDidChangeMcpServerDefinitions?: vscode.Event<void>;
    provideMcpServerDefinitions(token: vscode.CancellationToken): McpStdioServerDefinition[];
}

interface McpApi {
    readonly lm?: {
        registerMcpServerDefinitionProvider?(id: string, provider: McpServerDefinitionProvider): vscode.Disposable;
    };
    readonly McpStdioServerDefinition?: McpStdioServerDefinitionClass;
}

/** Registers the provider when this VS Code has the MCP API; returns whether it did. */
export function registerMcpServer(
    context: vscode.ExtensionContext,
    api: McpApi = vscode as unknown as McpApi
): boolean {
    const register = api.lm?.registerMcpServerDefinitionProvider;
    const Definition = api.McpStdioServerDefinition;
    if (!register || !Definition) return false;
    const changed = new vscode.EventEmitter<void>();
    const script = vscode.Uri.joinPath(context.extensionUri, 'out', 'mcp-server.cjs').fsPath;
    const version = String((context.extension.packageJSON as { version?: unknown }).version ?? '');
    const provider: McpServerDefinitionProvider = {
        onDidChangeMcpServerDefinitions: changed.event,
        provideMcpServerDefinitions: () => {
            const folders = vscode.workspace.workspaceFolders ?? [];
            if (folders.length === 0) return [];
            // VS Code's own runtime runs the server as Node.js (no separate Node.js install needed).
            const definition = new Definition(
                'Mission models',
                process.execPath,
                [script, ...folders.map(folder => folder.uri.fsPath)],
                { ELECTRON_RUN_AS_NODE: '1' },
                version
            );
            definition.cwd = folders[0]!.uri;
            return [definition];
        }
    };
    context.subscriptions.push(
        changed,
        register.call(api.lm, MCP_PROVIDER_ID, provider),
        vscode.workspace.onDidChangeWorkspaceFolders(() => changed.fire())
    );
    return true;
}

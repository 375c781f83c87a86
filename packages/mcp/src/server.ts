/** The Mission MCP server: the tools, resources and prompt over one workspace's checked model. */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { registerPrompts, registerResources } from './resources.js';
import { registerMissionTool } from './tool.js';
import { modelTools } from './tools/model-tools.js';
import { outputTools } from './tools/output-tools.js';
import { planTool } from './tools/plan-tool.js';
import { proposeEditTool } from './tools/propose-edit.js';
import type { ModelWorkspace } from './workspace.js';

export const SERVER_NAME = 'mission-lang';

export interface MissionMcpServerOptions {
    /** The server's version, as `mission --version` says it. */
    readonly version?: string;
    /** Where LANGUAGE.md is (default: the copy this package ships). */
    readonly languageReferencePath?: string;
}

const INSTRUCTIONS =
    'Mission models (strategy cascades: vision, missions with intent, measures, boundaries, support, ' +
    'people). Answer from the tools, which read the checked model: never compute facts yourself. Read the ' +
    'language reference resource before writing model text, and check every change with propose_edit ' +
    '(apply: true writes it only when it introduces no error).';

export function createMissionMcpServer(workspace: ModelWorkspace, options: MissionMcpServerOptions = {}): McpServer {
    const server = new McpServer(
        { name: SERVER_NAME, version: options.version ?? '0.1.0' },
        { instructions: INSTRUCTIONS, capabilities: { tools: {}, resources: {}, prompts: {} } }
    );
    // The read tools answer from the model as written: a proposal still held is taken back first.
    const ready = () => workspace.ready();
    for (const tool of [...modelTools(workspace), ...outputTools(workspace), planTool(workspace)])
        registerMissionTool(server, tool, ready);
    registerMissionTool(
        server,
        proposeEditTool(workspace, () => server.sendResourceListChanged())
    );
    // Looked up when read: a bundle without node_modules (dist/mission.js) still serves every tool.
    registerResources(server, workspace, options.languageReferencePath);
    registerPrompts(server, workspace);
    return server;
}

/**
 * The language server process: `mission-language-server --stdio` (any LSP client) or `--node-ipc`
 * (the VS Code extension). The transport is chosen by vscode-languageserver from the arguments.
 */
import '../node20-polyfill.js';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createMissionServices } from '../mission-module.js';
import { MissionRequests } from './requests.js';

const connection = createConnection(ProposedFeatures.all);
const { shared, Mission } = createMissionServices({ connection, ...NodeFileSystem });
new MissionRequests(Mission).register(connection);
startLanguageServer(shared);

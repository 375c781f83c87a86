/**
 * Runs the bundled language server (out/server.cjs) in its own Node process over IPC and keeps the
 * one LanguageClient of the extension. Settings of the section `mission` are synchronized, so the
 * server reads `mission.today`, `mission.rules` and `mission.diagram.direction` through
 * workspace/configuration; `mission.trace.server` is the client's own trace setting.
 */
import * as vscode from 'vscode';
import {
    LanguageClient,
    TransportKind,
    type LanguageClientOptions,
    type ServerOptions
} from 'vscode-languageclient/node';
import type { MissionRequestMethod, RequestAnswer, RequestParams } from './requests.js';

export const LANGUAGE_ID = 'mission';

export class MissionLanguageClient implements vscode.Disposable {
    private client: LanguageClient | undefined;
    private readonly output = vscode.window.createOutputChannel('Mission Language Server', { log: true });
    private readonly readyListeners = new vscode.EventEmitter<void>();
    /** Fires each time a (re)started server is ready. */
    readonly onReady = this.readyListeners.event;

    constructor(private readonly context: vscode.ExtensionContext) {}

    async start(): Promise<void> {
        const serverModule = this.context.asAbsolutePath('out/server.cjs');
        const serverOptions: ServerOptions = {
            run: { module: serverModule, transport: TransportKind.ipc },
            debug: {
                module: serverModule,
                transport: TransportKind.ipc,
                options: { execArgv: ['--nolazy', '--inspect=6010'] }
            }
        };
        const clientOptions: LanguageClientOptions = {
            documentSelector: [{ language: LANGUAGE_ID }],
            // The extension contributes the server's snippets itself (snippets/); without this each
            // snippet would be offered twice.
            initializationOptions: { snippets: false },
            synchronize: {
                configurationSection: LANGUAGE_ID,
                // The server reads every .mission file of the workspace (open or not) and the config file;
                // it must hear when one changes on disk.
                fileEvents: [
                    vscode.workspace.createFileSystemWatcher('**/*.mission'),
                    vscode.workspace.createFileSystemWatcher('**/mission.config.json')
                ]
            },
            outputChannel: this.output
        };
        this.client = new LanguageClient('mission', 'Mission Language Server', serverOptions, clientOptions);
        await this.client.start();
        this.readyListeners.fire();
    }

    async stop(): Promise<void> {
        const running = this.client;
        this.client = undefined;
        if (running?.isRunning()) await running.stop();
    }

    async restart(): Promise<void> {
        await this.stop();
        await this.start();
    }

    get isRunning(): boolean {
        return this.client?.isRunning() ?? false;
    }

    /** Sends one of the server's custom requests (declared in the language package's protocol). */
    async request<M extends MissionRequestMethod>(method: M, params: RequestParams<M>): Promise<RequestAnswer<M>> {
        const running = this.client;
        if (!running) throw new Error('The Mission language server is not running.');
        return running.sendRequest<RequestAnswer<M>>(method, params);
    }

    dispose(): void {
        void this.stop();
        this.output.dispose();
        this.readyListeners.dispose();
    }
}

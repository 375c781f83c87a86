/**
 * "Mission: Open Cascade Preview": a webview beside the editor showing the cascade SVG that the server
 * answers to `mission/diagram`. It updates (debounced) when a mission document changes or diagnostics
 * change, keeps pan and zoom across updates (the webview script owns them), and reveals a mission in
 * its file when a node is clicked.
 */
import * as vscode from 'vscode';
import { findDeclaration } from './locations.js';
import type { MissionLanguageClient } from './language-client.js';
import type { DiagramDirection, DiagramFormat, DiagramParams } from './requests.js';
import { previewHtml } from './webview-html.js';

const UPDATE_DELAY_MS = 300;

/** Messages from media/preview.js. */
type FromWebview =
    | { type: 'ready' }
    | { type: 'reveal'; mission: string }
    | { type: 'png'; requestId: number; dataUrl?: string; error?: string };

export function diagramDirection(): DiagramDirection {
    return vscode.workspace.getConfiguration('mission').get<DiagramDirection>('diagram.direction') === 'LR'
        ? 'LR'
        : 'TB';
}

export class CascadePreview implements vscode.Disposable {
    static readonly viewType = 'mission.cascadePreview';
    private panel: vscode.WebviewPanel | undefined;
    private timer: ReturnType<typeof setTimeout> | undefined;
    private lastUri: vscode.Uri | undefined;
    private readonly subscriptions: vscode.Disposable[] = [];
    private readonly pngWaiters = new Map<number, (result: { dataUrl?: string; error?: string }) => void>();
    private nextPngRequest = 1;
    /** How many times the diagram was rendered; read by the tests. */
    renderCount = 0;

    constructor(
        private readonly context: vscode.ExtensionContext,
        private readonly client: MissionLanguageClient
    ) {
        this.subscriptions.push(
            vscode.workspace.onDidChangeTextDocument(event => {
                if (event.document.languageId === 'mission') this.scheduleUpdate();
            }),
            vscode.languages.onDidChangeDiagnostics(() => this.scheduleUpdate()),
            vscode.workspace.onDidChangeConfiguration(event => {
                if (event.affectsConfiguration('mission')) this.scheduleUpdate();
            }),
            client.onReady(() => this.scheduleUpdate())
        );
    }

    get isOpen(): boolean {
        return this.panel !== undefined;
    }

    /** The SVG of the diagram, or undefined with the reason shown in the preview. */
    async requestDiagram(format: DiagramFormat): Promise<string | undefined> {
        const params: DiagramParams = {
            format,
            direction: diagramDirection(),
            ...(this.currentUri() ? { uri: this.currentUri()!.toString() } : {})
        };
        const answer = await this.client.request('mission/diagram', params);
        return answer[format];
    }

    show(): void {
        const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
        this.lastUri = this.currentUri();
        if (this.panel) {
            this.panel.reveal(column, true);
            this.scheduleUpdate(0);
            return;
        }
        const panel = vscode.window.createWebviewPanel(
            CascadePreview.viewType,
            'Mission Cascade',
            { viewColumn: column, preserveFocus: true },
            {
                enableScripts: true,
                retainContextWhenHidden: true,
                localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'media')]
            }
        );
        panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'media', 'file-icon.svg');
        panel.webview.html = previewHtml(panel.webview, this.context.extensionUri);
        panel.webview.onDidReceiveMessage((message: FromWebview) => this.receive(message));
        panel.onDidDispose(() => {
            this.panel = undefined;
            for (const resolve of this.pngWaiters.values()) resolve({ error: 'The preview was closed.' });
            this.pngWaiters.clear();
        });
        this.panel = panel;
    }

    /** PNG of the diagram as a data: URL, drawn by the preview's webview (so no native image library is needed). */
    async renderPng(): Promise<string> {
        if (!this.panel) this.show();
        const svg = await this.requestDiagram('svg');
        if (!svg) throw new Error('The server answered no SVG for the diagram.');
        const requestId = this.nextPngRequest++;
        const result = await new Promise<{ dataUrl?: string; error?: string }>(resolve => {
            this.pngWaiters.set(requestId, resolve);
            void this.panel!.webview.postMessage({ type: 'png', requestId, svg });
        });
        if (!result.dataUrl) throw new Error(result.error ?? 'The preview could not draw the PNG.');
        return result.dataUrl;
    }

    private currentUri(): vscode.Uri | undefined {
        const editor = vscode.window.activeTextEditor;
        return editor?.document.languageId === 'mission' ? editor.document.uri : this.lastUri;
    }

    private scheduleUpdate(delay = UPDATE_DELAY_MS): void {
        if (!this.panel) return;
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => {
            this.timer = undefined;
            void this.update();
        }, delay);
    }

    private async update(): Promise<void> {
        const panel = this.panel;
        if (!panel || !this.client.isRunning) return;
        try {
            const svg = await this.requestDiagram('svg');
            if (!svg)
                void panel.webview.postMessage({ type: 'message', text: 'The language server answered no diagram.' });
            else {
                this.renderCount++;
                void panel.webview.postMessage({ type: 'diagram', svg });
            }
        } catch (error) {
            const text = `The diagram could not be made: ${(error as Error).message}`;
            void panel.webview.postMessage({ type: 'message', text });
        }
    }

    private async receive(message: FromWebview): Promise<void> {
        switch (message.type) {
            case 'ready':
                this.scheduleUpdate(0);
                return;
            case 'reveal': {
                const location = await findDeclaration('mission', message.mission);
                if (!location) {
                    void vscode.window.showWarningMessage(
                        `Mission '${message.mission}' was not found in the workspace.`
                    );
                    return;
                }
                const editor = await vscode.window.showTextDocument(location.uri, {
                    viewColumn: vscode.ViewColumn.One,
                    selection: location.range
                });
                editor.revealRange(location.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
                return;
            }
            case 'png':
                this.pngWaiters.get(message.requestId)?.(message);
                this.pngWaiters.delete(message.requestId);
                return;
        }
    }

    dispose(): void {
        if (this.timer) clearTimeout(this.timer);
        this.panel?.dispose();
        for (const subscription of this.subscriptions) subscription.dispose();
    }
}

import {
    type ConfigurationProvider,
    type DocumentBuilder,
    type FileSystemProvider,
    URI,
    UriUtils,
    type WorkspaceLock,
    type WorkspaceManager
} from 'langium';
import {
    type ClientCapabilities,
    CodeLensRefreshRequest,
    type Connection,
    type Diagnostic,
    DiagnosticSeverity,
    InlayHintRefreshRequest,
    type WorkspaceFolder
} from 'vscode-languageserver';
import type { MissionDiagnostic } from '../validation/diagnostics.js';
import { MissionDocumentBuilder } from '../incremental/document-builder.js';
import { CONFIG_FILE_NAME, type MissionConfig, parseMissionConfig } from '../config/mission-config.js';
import { MissionWorkspaceManager, type WorkspaceStartupParticipant } from '../workspace/workspace-manager.js';
import type { MissionServices } from '../mission-module.js';
import { type DiagnosticCode, isDiagnosticCode } from '../validation/codes.js';
import type { MissionSettings, SeveritySetting } from '../validation/settings.js';

/** The `mission` section of the editor's settings. */
export interface EditorSettingsSection {
    /** `YYYY-MM-DD`; empty for the system date. */
    readonly today?: string;
    /** Per-code severity overrides, as mission.config.json `rules`. */
    readonly rules?: Record<string, string>;
}

const SEVERITY_SETTINGS: ReadonlySet<string> = new Set(['error', 'warning', 'info', 'off']);

/**
 * Wires the editor's `mission` settings (and the workspace root's mission.config.json) into
 * services.Mission.config.Settings, and revalidates every document when they change.
 *
 * Precedence (docs/editors.md): `today` from the editor setting when not empty, else from
 * mission.config.json, else the system date; `rules` from mission.config.json, each code overridden
 * by the editor's `mission.rules`.
 */
export class MissionEditorSettings implements WorkspaceStartupParticipant {
    private readonly settings: MissionSettings;
    private readonly configuration: ConfigurationProvider;
    private readonly builder: DocumentBuilder;
    private readonly lock: WorkspaceLock;
    private readonly workspace: WorkspaceManager;
    private readonly fileSystem: FileSystemProvider;
    private editor: EditorSettingsSection = {};
    private readonly connection: Connection | undefined;
    private file: MissionConfig | undefined;
    private configFileUri: URI | undefined;
    private clientCapabilities: ClientCapabilities | undefined;

    constructor(services: MissionServices) {
        this.settings = services.config.Settings;
        this.configuration = services.shared.workspace.ConfigurationProvider;
        this.builder = services.shared.workspace.DocumentBuilder;
        this.lock = services.shared.workspace.WorkspaceLock;
        this.workspace = services.shared.workspace.WorkspaceManager;
        this.fileSystem = services.shared.workspace.FileSystemProvider;
        this.connection = services.shared.lsp.Connection;
        if (this.workspace instanceof MissionWorkspaceManager) this.workspace.addStartupParticipant(this);
        services.shared.lsp.LanguageServer.onInitialize(params => {
            this.clientCapabilities = params.capabilities;
        });
        this.configuration.onConfigurationSectionUpdate(update => {
            if (update.section !== services.LanguageMetaData.languageId) return;
            this.editor = asSection(update.configuration);
            this.apply();
            this.revalidateAll().catch(reportSettingsFailure);
        });
        services.shared.lsp.DocumentUpdateHandler.onWatchedFilesChange?.(params => {
            const configUri = this.configFileUri?.toString();
            if (configUri && params.changes.some(change => change.uri === configUri)) {
                this.loadConfigFile()
                    .then(() => {
                        this.apply();
                        return this.revalidateAll();
                    })
                    .catch(reportSettingsFailure);
            }
        });
    }

    async beforeInitialBuild(folders: readonly WorkspaceFolder[]): Promise<void> {
        const today = await this.configuration.getConfiguration('mission', 'today');
        const rules = await this.configuration.getConfiguration('mission', 'rules');
        this.editor = asSection({ today, rules });
        const root = folders[0];
        this.configFileUri = root ? UriUtils.joinPath(URI.parse(root.uri), CONFIG_FILE_NAME) : undefined;
        await this.loadConfigFile();
        this.apply();
    }

    /** The editor's section as last received (for tests and the status of the extension). */
    get editorSection(): EditorSettingsSection {
        return this.editor;
    }

    /** Applies the settings to the rules' Settings; a bad editor date falls back to the next source. */
    apply(): void {
        const todayCandidates = [this.editor.today, this.file?.today].filter((text): text is string => Boolean(text));
        let today: string | undefined;
        for (const candidate of todayCandidates) {
            try {
                this.settings.setToday(candidate);
                today = candidate;
                break;
            } catch {
                console.error(`mission.today: '${candidate}' is not a calendar date (YYYY-MM-DD); ignored`);
            }
        }
        if (today === undefined) this.settings.setToday(undefined);
        const rules = new Map<DiagnosticCode, SeveritySetting>(this.file?.rules ?? []);
        for (const [code, severity] of Object.entries(this.editor.rules ?? {})) {
            if (isDiagnosticCode(code) && SEVERITY_SETTINGS.has(severity)) rules.set(code, severity as SeveritySetting);
        }
        this.settings.setRuleOverrides(rules);
    }

    /**
     * Validates every document again (no relinking) under the workspace lock, once the workspace is up, then
     * asks the client to fetch inlay hints and code lenses again: they read today (pace, "could start …"),
     * and a client only re-asks for them on an edit of the document otherwise.
     */
    revalidateAll(): Promise<void> {
        return this.workspace.ready
            .then(() =>
                this.lock.write(token => {
                    if (this.builder instanceof MissionDocumentBuilder) this.builder.requestRevalidation();
                    return this.builder.update([], [], token);
                })
            )
            .then(() => this.refreshEditorViews());
    }

    /** Sends the refresh requests the client declared it supports; a client that fails one is not retried. */
    private refreshEditorViews(): void {
        const workspace = this.clientCapabilities?.workspace;
        if (!this.connection) return;
        if (workspace?.inlayHint?.refreshSupport) {
            this.connection.sendRequest(InlayHintRefreshRequest.type).catch(reportSettingsFailure);
        }
        if (workspace?.codeLens?.refreshSupport) {
            this.connection.sendRequest(CodeLensRefreshRequest.type).catch(reportSettingsFailure);
        }
    }

    /** Reads the workspace root's mission.config.json and shows its `invalid-config` problems on the file. */
    private async loadConfigFile(): Promise<void> {
        const hadProblems = (this.file?.diagnostics.length ?? 0) > 0;
        this.file = undefined;
        if (!this.configFileUri) return;
        try {
            const text = await this.fileSystem.readFile(this.configFileUri);
            this.file = parseMissionConfig(text, CONFIG_FILE_NAME);
        } catch {
            // No config file: the catalog's severities.
        }
        const diagnostics = this.file?.diagnostics ?? [];
        if (this.connection && (diagnostics.length > 0 || hadProblems)) {
            void this.connection.sendDiagnostics({
                uri: this.configFileUri.toString(),
                diagnostics: diagnostics.map(toLspDiagnostic)
            });
        }
    }

    /** The parsed mission.config.json, if the workspace has one. */
    get configFile(): MissionConfig | undefined {
        return this.file;
    }
}

function asSection(value: unknown): EditorSettingsSection {
    if (typeof value !== 'object' || value === null) return {};
    const { today, rules } = value as { today?: unknown; rules?: unknown };
    return {
        today: typeof today === 'string' ? today.trim() : undefined,
        rules: typeof rules === 'object' && rules !== null ? (rules as Record<string, string>) : undefined
    };
}

const LSP_SEVERITY = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    info: DiagnosticSeverity.Information
} as const;

function toLspDiagnostic(diagnostic: MissionDiagnostic): Diagnostic {
    return {
        range: {
            start: { line: diagnostic.line - 1, character: diagnostic.column - 1 },
            end: { line: diagnostic.endLine - 1, character: diagnostic.endColumn - 1 }
        },
        severity: LSP_SEVERITY[diagnostic.severity],
        code: diagnostic.code,
        source: 'mission',
        message: diagnostic.message
    };
}

/** Settings events are not awaited by anyone: a failure to apply one is logged, not lost as an unhandled rejection. */
function reportSettingsFailure(error: unknown): void {
    console.error('Could not apply the changed Mission settings:', error);
}

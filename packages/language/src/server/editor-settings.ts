import { type ConfigurationProvider, type DocumentBuilder, type FileSystemProvider, URI, UriUtils, type WorkspaceLock, type WorkspaceManager } from 'langium';
import type { WorkspaceFolder } from 'vscode-languageserver';
import { MissionWorkspaceManager, type WorkspaceStartupParticipant } from '../lsp/workspace-manager.js';
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

/** What mission.config.json contributes (parsed by the config module when it is present). */
export interface ConfigFileSettings {
    readonly today?: string;
    readonly rules: ReadonlyMap<DiagnosticCode, SeveritySetting>;
}

export type ConfigFileReader = (text: string) => ConfigFileSettings;

export const CONFIG_FILE_NAME = 'mission.config.json';
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
    private file: ConfigFileSettings | undefined;
    private configFileUri: URI | undefined;
    /** Set by the config module once it exists; without it mission.config.json is not read. */
    configFileReader: ConfigFileReader | undefined;

    constructor(services: MissionServices) {
        this.settings = services.config.Settings;
        this.configuration = services.shared.workspace.ConfigurationProvider;
        this.builder = services.shared.workspace.DocumentBuilder;
        this.lock = services.shared.workspace.WorkspaceLock;
        this.workspace = services.shared.workspace.WorkspaceManager;
        this.fileSystem = services.shared.workspace.FileSystemProvider;
        if (this.workspace instanceof MissionWorkspaceManager) this.workspace.addStartupParticipant(this);
        this.configuration.onConfigurationSectionUpdate(update => {
            if (update.section !== services.LanguageMetaData.languageId) return;
            this.editor = asSection(update.configuration);
            this.apply();
            this.revalidateAll();
        });
        services.shared.lsp.DocumentUpdateHandler.onWatchedFilesChange?.(params => {
            const configUri = this.configFileUri?.toString();
            if (configUri && params.changes.some(change => change.uri === configUri)) {
                void this.loadConfigFile().then(() => {
                    this.apply();
                    this.revalidateAll();
                });
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

    /** Validates every document again (no relinking) under the workspace lock, once the workspace is up. */
    revalidateAll(): Promise<void> {
        // MissionDocumentBuilder.update validates every document again, even with nothing changed.
        return this.workspace.ready.then(() => this.lock.write(token => this.builder.update([], [], token)));
    }

    private async loadConfigFile(): Promise<void> {
        this.file = undefined;
        if (!this.configFileUri || !this.configFileReader) return;
        let text: string;
        try {
            text = await this.fileSystem.readFile(this.configFileUri);
        } catch {
            return; // no config file: the catalog's severities
        }
        try {
            this.file = this.configFileReader(text);
        } catch (error) {
            console.error(`${CONFIG_FILE_NAME}: ${error instanceof Error ? error.message : String(error)}`);
        }
    }
}

function asSection(value: unknown): EditorSettingsSection {
    if (typeof value !== 'object' || value === null) return {};
    const { today, rules } = value as { today?: unknown; rules?: unknown };
    return {
        today: typeof today === 'string' ? today.trim() : undefined,
        rules: typeof rules === 'object' && rules !== null ? rules as Record<string, string> : undefined
    };
}

import { type BuildOptions, DefaultWorkspaceManager, type LangiumSharedCoreServices } from 'langium';
import type { CancellationToken, WorkspaceFolder } from 'vscode-languageserver';

/** Something that must be ready before the first build: the editor's settings and mission.config.json. */
export interface WorkspaceStartupParticipant {
    beforeInitialBuild(folders: readonly WorkspaceFolder[]): Promise<void>;
}

/**
 * Validates every workspace file in the initial build, not only the open ones (diagnostics for the
 * whole catalog), and loads the settings the rules depend on (today, severity overrides) first, so the
 * first diagnostics already use them.
 */
export class MissionWorkspaceManager extends DefaultWorkspaceManager {
    override initialBuildOptions: BuildOptions = { validation: true };
    private readonly participants: WorkspaceStartupParticipant[] = [];

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    addStartupParticipant(participant: WorkspaceStartupParticipant): void {
        this.participants.push(participant);
    }

    override async initializeWorkspace(folders: WorkspaceFolder[], cancelToken?: CancellationToken): Promise<void> {
        for (const participant of this.participants) {
            try {
                await participant.beforeInitialBuild(folders);
            } catch (error) {
                console.error('Could not load the Mission settings:', error);
            }
        }
        await super.initializeWorkspace(folders, cancelToken);
    }
}

import {
    type BuildOptions,
    DefaultWorkspaceManager,
    type FileSystemNode,
    type LangiumDocument,
    type LangiumSharedCoreServices,
    type URI,
    UriUtils
} from 'langium';
import { IGNORE_FILE_NAME, IgnoreRules } from '../workspace/ignore-file.js';
import type { CancellationToken, WorkspaceFolder } from 'vscode-languageserver';

/** A parser that can read lean for a while (syntax/fast-parser.ts `MissionParser`), known here by its method. */
interface LeanLoadingParser {
    parseLeanDuring<T>(load: () => Promise<T>): Promise<T>;
}

function isLeanLoading(parser: unknown): parser is LeanLoadingParser {
    return typeof (parser as Partial<LeanLoadingParser>).parseLeanDuring === 'function';
}

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

    /**
     * Reads the workspace's files with syntax trees on demand (syntax/syntax-on-demand.ts): the first build then
     * parses to the AST alone, and a file's syntax tree is built where something reads it (a diagnostic's range,
     * a reference's position, the whole file when it is first edited). At 10k missions that halves what the
     * server holds and takes ~0.5 s off its first build. Files parsed later (edits) get their trees at once.
     */
    protected override async performStartup(folders: WorkspaceFolder[]): Promise<LangiumDocument[]> {
        const parsers = this.serviceRegistry.all.map(services => services.parser.LangiumParser);
        let load = () => super.performStartup(folders);
        for (const parser of parsers) {
            if (isLeanLoading(parser)) {
                const inner = load;
                load = () => parser.parseLeanDuring(inner);
            }
        }
        return load();
    }

    /** Like Langium's scan, but leaves out what a `.missionignore` on the way down names (as the CLI does). */
    protected override async traverseFolder(folderPath: URI, uris: URI[]): Promise<void> {
        await this.traverseWithRules(folderPath, uris, IgnoreRules.none());
    }

    private async traverseWithRules(folder: URI, uris: URI[], inherited: IgnoreRules): Promise<void> {
        let content: FileSystemNode[];
        try {
            content = await this.fileSystemProvider.readDirectory(folder);
        } catch (error) {
            console.error(`Could not read the folder ${folder.toString(true)}:`, error);
            return;
        }
        const ignoreFile = content.find(entry => entry.isFile && UriUtils.basename(entry.uri) === IGNORE_FILE_NAME);
        const text = ignoreFile
            ? await this.fileSystemProvider.readFile(ignoreFile.uri).catch(() => undefined)
            : undefined;
        const rules = inherited.within(folder.path, text);
        await Promise.all(
            content.map(async entry => {
                if (!this.shouldIncludeEntry(entry) || rules.ignores(entry.uri.path, entry.isDirectory)) return;
                if (entry.isDirectory) await this.traverseWithRules(entry.uri, uris, rules);
                else if (entry.isFile) uris.push(entry.uri);
            })
        );
    }
}

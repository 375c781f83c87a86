/**
 * The model an MCP server answers from: the files of one workspace, kept in the language services the
 * editor uses (`createMissionServices()` with its incremental document builder), so that a proposed
 * edit is re-checked the way a keystroke is, not by a fresh check of every file.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import {
    buildModelJson,
    createMissionServices,
    dayToIso,
    type DiagnosticCode,
    type FormatSettings,
    type MissionDiagnostic,
    type MissionServiceSet,
    type ModelFacts,
    type ModelJson,
    OutputModel,
    type SeveritySetting,
    type SourceFile,
    summarize,
    toMissionDiagnostic
} from 'mission-lang-language';
import { type LangiumDocument, TextDocument, URI } from 'langium';
import { ToolInputError } from './tool-error.js';

export interface WorkspaceOptions {
    /** The folder the assistant may change files in (absolute); paths are shown relative to it. */
    readonly root: string;
    /** The model files, their paths as shown (relative to `root`, or as the user gave them). */
    readonly sources: readonly SourceFile[];
    /** `YYYY-MM-DD` for the time-based rules and pace; the system date when absent. */
    readonly today?: string;
    readonly rules?: ReadonlyMap<DiagnosticCode, SeveritySetting>;
    /** Diagnostics of the configuration file (invalid-config), shown with the model's. */
    readonly configDiagnostics?: readonly MissionDiagnostic[];
    /** The formatter's settings (mission.config.json `format`) for files written by propose_edit. */
    readonly format?: FormatSettings;
}

/** One model file as the workspace holds it now. */
export interface ModelFile {
    readonly path: string;
    readonly uri: URI;
    readonly text: string;
}

/** What one state of the model says: cached until the model changes. */
interface Snapshot {
    readonly diagnostics: readonly MissionDiagnostic[];
    readonly outputModel: OutputModel;
    json?: ModelJson;
}

export class ModelWorkspace {
    readonly root: string;
    readonly format: FormatSettings | undefined;
    private readonly services: MissionServiceSet;
    private readonly files = new Map<string, ModelFile>();
    private readonly configDiagnostics: readonly MissionDiagnostic[];
    private snapshot: Snapshot | undefined;
    private versions = 0;
    /** Changes run one after another: a proposal's trial must not interleave with another's. */
    private queue: Promise<unknown> = Promise.resolve();

    private constructor(options: WorkspaceOptions) {
        this.root = resolve(options.root);
        this.format = options.format;
        this.configDiagnostics = options.configDiagnostics ?? [];
        this.services = createMissionServices();
        const settings = this.services.Mission.config.Settings;
        settings.setToday(options.today);
        if (options.rules) settings.setRuleOverrides(options.rules);
    }

    /** Parses, links and checks the files (the first check: every later one is incremental). */
    static async open(options: WorkspaceOptions): Promise<ModelWorkspace> {
        const workspace = new ModelWorkspace(options);
        const { shared } = workspace.services;
        const documents: LangiumDocument[] = [];
        for (const source of options.sources) {
            workspace.files.set(source.uri.toString(), { path: source.path, uri: source.uri, text: source.text });
            const document = shared.workspace.LangiumDocumentFactory.fromString(source.text, source.uri);
            shared.workspace.LangiumDocuments.addDocument(document);
            documents.push(document);
        }
        await shared.workspace.DocumentBuilder.build(documents, { validation: true });
        return workspace;
    }

    /** The model files in the order given (new files last). */
    modelFiles(): ModelFile[] {
        return [...this.files.values()];
    }

    /** The file shown as `path` (as `modelFiles` names it, or any path that resolves to it). */
    fileAt(path: string): ModelFile | undefined {
        const uri = URI.file(this.absolute(path)).toString();
        return this.files.get(uri) ?? [...this.files.values()].find(file => file.path === path);
    }

    /**
     * Where `path` is, once it is inside the workspace folder: a path outside it (`..`, an absolute
     * path elsewhere) is a tool error, so nothing outside is ever read or written.
     */
    insidePath(path: string): { path: string; absolute: string; uri: URI } {
        const absolute = this.absolute(path);
        const within = relative(this.root, absolute);
        if (within === '' || within === '..' || within.startsWith(`..${sep}`) || isAbsolute(within))
            throw new ToolInputError(`${path}: outside the workspace folder ${this.root}`);
        const known = this.files.get(URI.file(absolute).toString());
        return { path: known?.path ?? within.split(sep).join('/'), absolute, uri: URI.file(absolute) };
    }

    get facts(): ModelFacts {
        return this.services.Mission.facts.ModelFactsProvider.get();
    }

    get today(): string | undefined {
        return this.current().outputModel.today;
    }

    /** Every diagnostic: the configuration's first, then each file's by line and column. */
    diagnostics(): readonly MissionDiagnostic[] {
        return this.current().diagnostics;
    }

    /** What every output is generated from (the same class the CLI and the language server use). */
    outputModel(): OutputModel {
        return this.current().outputModel;
    }

    /** The JSON model of `mission compile`, built once per state of the model. */
    modelJson(): ModelJson {
        const snapshot = this.current();
        return (snapshot.json ??= buildModelJson(snapshot.outputModel));
    }

    /** A number that changes whenever the model does. */
    get version(): number {
        return this.versions;
    }

    /**
     * Re-checks the workspace with new texts for some files (a file not in the model yet is added)
     * through the editor's path: the text documents change and the document builder updates.
     */
    update(texts: ReadonlyMap<string, { path: string; uri: URI; text: string }>): Promise<void> {
        const run = this.queue.then(() => this.apply(texts));
        this.queue = run.catch(() => undefined);
        return run;
    }

    /**
     * Checks the model as it would be with the new texts, hands the diagnostics to `inspect` and puts
     * the model back as it was, unless `keep` says otherwise once it has seen them.
     */
    trial<T>(
        texts: ReadonlyMap<string, { path: string; uri: URI; text: string }>,
        inspect: (diagnostics: readonly MissionDiagnostic[]) => Promise<{ result: T; keep: boolean }>
    ): Promise<T> {
        const run = this.queue.then(async () => {
            const before = new Map([...texts.keys()].map(uri => [uri, this.files.get(uri)]));
            await this.apply(texts);
            let outcome: { result: T; keep: boolean } | undefined;
            try {
                outcome = await inspect(this.diagnostics());
                return outcome.result;
            } finally {
                if (!outcome?.keep) await this.restore(before);
            }
        });
        this.queue = run.catch(() => undefined);
        return run;
    }

    private async apply(texts: ReadonlyMap<string, { path: string; uri: URI; text: string }>): Promise<void> {
        const textDocuments = this.services.shared.workspace.TextDocuments!;
        const uris: URI[] = [];
        for (const [key, file] of texts) {
            const version = (textDocuments.get(key)?.version ?? 0) + 1;
            textDocuments.set(TextDocument.create(key, 'mission', version, file.text));
            this.files.set(key, { path: file.path, uri: file.uri, text: file.text });
            uris.push(file.uri);
        }
        this.changed();
        await this.services.shared.workspace.DocumentBuilder.update(uris, []);
        this.changed();
    }

    private async restore(before: ReadonlyMap<string, ModelFile | undefined>): Promise<void> {
        const textDocuments = this.services.shared.workspace.TextDocuments!;
        const changed: URI[] = [];
        const deleted: URI[] = [];
        for (const [key, file] of before) {
            const uri = URI.parse(key);
            if (file) {
                const version = (textDocuments.get(key)?.version ?? 0) + 1;
                textDocuments.set(TextDocument.create(key, 'mission', version, file.text));
                this.files.set(key, file);
                changed.push(uri);
            } else {
                textDocuments.delete(uri);
                this.files.delete(key);
                deleted.push(uri);
            }
        }
        this.changed();
        await this.services.shared.workspace.DocumentBuilder.update(changed, deleted);
        this.changed();
    }

    private changed(): void {
        this.snapshot = undefined;
        this.versions++;
    }

    private current(): Snapshot {
        if (this.snapshot) return this.snapshot;
        const settings = this.services.Mission.config.Settings;
        const files = this.modelFiles();
        const documents = this.services.shared.workspace.LangiumDocuments;
        const diagnostics: MissionDiagnostic[] = [...this.configDiagnostics];
        for (const file of files) {
            const own = (documents.getDocument(file.uri)?.diagnostics ?? []).map(diagnostic =>
                toMissionDiagnostic(file.path, diagnostic)
            );
            own.sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
            for (const diagnostic of own) diagnostics.push(diagnostic);
        }
        const outputModel = new OutputModel(
            this.facts,
            diagnostics,
            summarize(files.length, diagnostics),
            files.map(file => ({ uri: file.uri.toString(), path: file.path })),
            dayToIso(settings.today)
        );
        this.snapshot = { diagnostics, outputModel };
        return this.snapshot;
    }

    private absolute(path: string): string {
        return resolve(this.root, path);
    }
}

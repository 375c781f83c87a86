/**
 * The model an MCP server answers from: the files of one workspace, kept in the language services the
 * editor uses (`createMissionServices()` with its incremental document builder), so that a proposed
 * edit is re-checked the way a keystroke is, not by a fresh check of every file.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import {
    buildModelJson,
    createMissionServices,
    dayToIso,
    type DiagnosticCode,
    type FormatSettings,
    type MissionDiagnostic,
    MissionDocumentBuilder,
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

/** A diagnostic as the language services publish it. */
type Diagnostic = NonNullable<LangiumDocument['diagnostics']>[number];

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
    /** The diagnostics of the model as written (these, unless a proposal is being held). */
    readonly committedDiagnostics: readonly MissionDiagnostic[];
    json?: ModelJson;
}

/** How long a proposal that was not written stays in the services before they go back to the written model. */
const RESTORE_WHEN_IDLE_MS = 1000;

export class ModelWorkspace {
    readonly root: string;
    readonly format: FormatSettings | undefined;
    private readonly services: MissionServiceSet;
    /** The files as written (on disk, or as the CLI read them). */
    private readonly files = new Map<string, ModelFile>();
    /** The files as the language services hold them now: the written ones and a proposal's. */
    private live = new Map<string, ModelFile>();
    /** The files of a proposal the services hold but that was not written (to take back). */
    private readonly proposal = new Map<string, URI>();
    /** While a proposal is held: the diagnostics of the written model, for the next proposal's "before". */
    private heldDiagnostics: readonly MissionDiagnostic[] | undefined;
    private restoreTimer: NodeJS.Timeout | undefined;
    private readonly configDiagnostics: readonly MissionDiagnostic[];
    private snapshot: Snapshot | undefined;
    /** Each document's diagnostics as the tools show them, per array the builder published. */
    private readonly converted = new WeakMap<
        readonly Diagnostic[],
        { path: string; diagnostics: readonly MissionDiagnostic[] }
    >();
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
            workspace.live.set(source.uri.toString(), { path: source.path, uri: source.uri, text: source.text });
            const document = shared.workspace.LangiumDocumentFactory.fromString(source.text, source.uri);
            shared.workspace.LangiumDocuments.addDocument(document);
            documents.push(document);
        }
        await shared.workspace.DocumentBuilder.build(documents, { validation: true });
        const builder = shared.workspace.DocumentBuilder;
        if (builder instanceof MissionDocumentBuilder) builder.prepareForEdits();
        return workspace;
    }

    /** The model files as written, in the order given (new files last). */
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
        const known = this.files.get(URI.file(absolute).toString());
        // A new file must not escape through a symbolic link either: its nearest existing folder, links
        // resolved, must be inside the workspace folder (links resolved too).
        if (
            !isWithin(within) ||
            (!known && !isFolderWithin(relative(realpathSync(this.root), realpathSync(existingAncestor(absolute)))))
        )
            throw new ToolInputError(`${path}: outside the workspace folder ${this.root}`);
        return { path: known?.path ?? within.split(sep).join('/'), absolute, uri: URI.file(absolute) };
    }

    get facts(): ModelFacts {
        return this.services.Mission.facts.ModelFactsProvider.get();
    }

    /** The day of the time-based rules, pace and plan, as a day number (the language's dates). */
    get day(): number {
        return this.services.Mission.config.Settings.today;
    }

    get today(): string | undefined {
        return this.current().outputModel.today;
    }

    /*
     * What the services hold now (after `ready()`: the model as written): every diagnostic (the
     * configuration's first, then each file's by line and column), the output model, the JSON model.
     */
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
     * Waits until the language services hold the model as it is on disk again: a proposal that was not
     * written is taken back here (or when the server is idle), not while its answer waits. Every tool
     * but propose_edit, and every resource that reads the checked model, calls this first.
     */
    ready(): Promise<void> {
        return this.enqueue(() => this.applyTexts(new Map()));
    }

    /**
     * Checks the model as it would be with the new texts (a file not in the model yet is added),
     * through the editor's path: the text documents change and the document builder updates. `inspect`
     * gets the diagnostics before (the model as written) and after; when it says `keep`, the texts are
     * the model from then on (it has written them). Otherwise the model is put back on the next
     * `ready()` or after a quiet moment, and a proposal that follows first goes straight from this one
     * to its own texts: one update instead of two.
     */
    trial<T>(
        texts: ReadonlyMap<string, ModelFile>,
        inspect: (
            before: readonly MissionDiagnostic[],
            after: readonly MissionDiagnostic[]
        ) => Promise<{ result: T; keep: boolean }>
    ): Promise<T> {
        clearTimeout(this.restoreTimer);
        const run = this.enqueue(async () => {
            const before = this.current().committedDiagnostics;
            await this.applyTexts(texts);
            const outcome = await inspect(before, this.current().diagnostics);
            if (outcome.keep) {
                for (const [key, file] of texts) this.files.set(key, file);
                this.proposal.clear();
                this.heldDiagnostics = undefined;
                this.changed();
            }
            return outcome.result;
        });
        void run
            .finally(() => {
                if (this.proposal.size > 0) {
                    this.restoreTimer = setTimeout(
                        () => void this.ready().catch(() => undefined),
                        RESTORE_WHEN_IDLE_MS
                    );
                    this.restoreTimer.unref();
                }
            })
            .catch(() => undefined);
        return run;
    }

    private enqueue<T>(work: () => Promise<T>): Promise<T> {
        const run = this.queue.then(work);
        this.queue = run.catch(() => undefined);
        return run;
    }

    /**
     * Makes the services hold the files as written plus `texts`, in one update: the files of an
     * earlier proposal that `texts` leaves out go back to their written text (or away, when new).
     */
    private async applyTexts(texts: ReadonlyMap<string, ModelFile>): Promise<void> {
        if (texts.size === 0 && this.proposal.size === 0) return;
        const textDocuments = this.services.shared.workspace.TextDocuments!;
        const changed: URI[] = [];
        const deleted: URI[] = [];
        const set = (key: string, file: ModelFile) => {
            const version = (textDocuments.get(key)?.version ?? 0) + 1;
            textDocuments.set(TextDocument.create(key, 'mission', version, file.text));
            changed.push(file.uri);
        };
        // What the model is now, kept for the diagnostics a later proposal compares against.
        const committedDiagnostics = this.current().committedDiagnostics;
        for (const [key, uri] of this.proposal) {
            if (texts.has(key)) continue;
            const written = this.files.get(key);
            if (written) set(key, written);
            else {
                textDocuments.delete(uri);
                deleted.push(uri);
            }
        }
        this.proposal.clear();
        for (const [key, file] of texts) {
            set(key, file);
            this.proposal.set(key, file.uri);
        }
        this.live = new Map(this.files);
        for (const [key, file] of texts) this.live.set(key, file);
        this.changed();
        this.heldDiagnostics = this.proposal.size > 0 ? committedDiagnostics : undefined;
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
        const files = [...this.live.values()];
        const documents = this.services.shared.workspace.LangiumDocuments;
        const diagnostics: MissionDiagnostic[] = [...this.configDiagnostics];
        for (const file of files) {
            for (const diagnostic of this.diagnosticsOf(file, documents.getDocument(file.uri)?.diagnostics))
                diagnostics.push(diagnostic);
        }
        const outputModel = new OutputModel(
            this.facts,
            diagnostics,
            summarize(files.length, diagnostics),
            files.map(file => ({ uri: file.uri.toString(), path: file.path })),
            dayToIso(settings.today)
        );
        this.snapshot = { diagnostics, outputModel, committedDiagnostics: this.heldDiagnostics ?? diagnostics };
        return this.snapshot;
    }

    /**
     * A file's diagnostics by line and column, converted once per validation of it: the builder gives a
     * document a new array when it validates it, and a proposal re-checks few of them.
     */
    private diagnosticsOf(file: ModelFile, langium: readonly Diagnostic[] | undefined): readonly MissionDiagnostic[] {
        if (!langium) return [];
        const known = this.converted.get(langium);
        if (known?.path === file.path) return known.diagnostics;
        const diagnostics = langium.map(diagnostic => toMissionDiagnostic(file.path, diagnostic));
        diagnostics.sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
        this.converted.set(langium, { path: file.path, diagnostics });
        return diagnostics;
    }

    private absolute(path: string): string {
        return resolve(this.root, path);
    }
}

/** Whether a path relative to the workspace folder stays inside it ('' is the folder itself: not a file). */
function isWithin(within: string): boolean {
    return within !== '' && within !== '..' && !within.startsWith(`..${sep}`) && !isAbsolute(within);
}

/** Whether a folder relative to the workspace folder is it or inside it. */
function isFolderWithin(within: string): boolean {
    return within === '' || isWithin(within);
}

/** The path's nearest folder that exists (the file's own folder, or one above it). */
function existingAncestor(absolute: string): string {
    let folder = dirname(absolute);
    while (!existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
    return folder;
}

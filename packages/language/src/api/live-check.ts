import { type LangiumDocument, TextDocument } from 'langium';
import type { Model } from '../generated/ast.js';
import { createMissionServices } from '../mission-module.js';
import type { CheckResult, SourceFile } from '../validation/diagnostics.js';
import { type CheckOptions, checkResultOf } from './check.js';

/**
 * A check that stays open: the files are held in the language services the editor uses, and a later
 * state of them is checked through the editor's incremental path (the document builder re-checks the
 * changed files and what they reach), not by a fresh check of every file. `mission serve` keeps one
 * between saves.
 */
export interface LiveCheck {
    /** The check of the files as last given. */
    readonly result: CheckResult;
    /**
     * Checks the files as they are now: a file whose text changed is updated, a new one added, one no
     * longer given removed. Updates run one after another; each answer is the model as of its call.
     */
    update(sources: readonly SourceFile[]): Promise<CheckResult>;
}

export type LiveCheckOptions = Pick<CheckOptions, 'today' | 'rules'>;

export async function openLiveCheck(
    sources: readonly SourceFile[],
    options: LiveCheckOptions = {}
): Promise<LiveCheck> {
    const services = createMissionServices();
    const settings = services.Mission.config.Settings;
    settings.setToday(options.today);
    if (options.rules) settings.setRuleOverrides(options.rules);
    const workspace = services.shared.workspace;
    const textDocuments = workspace.TextDocuments!;
    /** The files the services hold, by URI, in the order given. */
    let held = new Map<string, SourceFile>();

    const resultOf = (): CheckResult =>
        checkResultOf(
            services,
            [...held.values()].map(source => ({
                source,
                document: workspace.LangiumDocuments.getDocument(source.uri)! as LangiumDocument<Model>
            }))
        );

    const documents = sources.map(source => {
        held.set(source.uri.toString(), source);
        // The text documents are where an update reads a file's new text from (as in the editor).
        textDocuments.set(TextDocument.create(source.uri.toString(), 'mission', 1, source.text));
        const document = workspace.LangiumDocumentFactory.fromString<Model>(source.text, source.uri);
        workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await workspace.DocumentBuilder.build(documents, { validation: true });
    let result = resultOf();

    let queue: Promise<unknown> = Promise.resolve();
    const update = async (next: readonly SourceFile[]): Promise<CheckResult> => {
        const changed = [];
        const wanted = new Map(next.map(source => [source.uri.toString(), source]));
        for (const [key, source] of wanted) {
            const before = held.get(key);
            if (before?.text === source.text) continue;
            const version = (textDocuments.get(key)?.version ?? 0) + 1;
            textDocuments.set(TextDocument.create(key, 'mission', version, source.text));
            changed.push(source.uri);
        }
        const deleted = [...held.values()]
            .filter(source => !wanted.has(source.uri.toString()))
            .map(source => source.uri);
        for (const uri of deleted) textDocuments.delete(uri);
        held = wanted;
        if (changed.length > 0 || deleted.length > 0) await workspace.DocumentBuilder.update(changed, deleted);
        result = resultOf();
        return result;
    };

    return {
        get result() {
            return result;
        },
        update(next) {
            const run = queue.then(() => update(next));
            queue = run.catch(() => undefined);
            return run;
        }
    };
}

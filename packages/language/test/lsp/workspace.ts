/**
 * A language server workspace without a connection: documents are opened and changed through the
 * same TextDocuments and DocumentBuilder.update path the server uses on didOpen/didChange.
 */
import { EmptyFileSystemProvider, type FileSystemNode, type LangiumDocument, TextDocument, URI } from 'langium';
import { setTextDocument } from 'langium/test';
import type { CompletionItem, Diagnostic, WorkspaceEdit } from 'vscode-languageserver';
import type { Model } from '../../src/generated/ast.js';
import { createMissionServices, type MissionServiceSet } from '../../src/mission-module.js';

export const TODAY = '2026-11-23';

export class TestWorkspace {
    readonly services: MissionServiceSet;
    private readonly versions = new Map<string, number>();

    /** `files` are on disk but not open (e.g. mission.config.json), read through the FileSystemProvider. */
    constructor(today: string | undefined = TODAY, files: Record<string, string> = {}) {
        const disk = new Map(
            Object.entries(files).map(([name, text]) => [URI.file(`/workspace/${name}`).toString(), text])
        );
        class DiskFiles extends EmptyFileSystemProvider {
            override readDirectory(folder: URI): Promise<FileSystemNode[]> {
                const prefix = `${folder.toString()}/`;
                return Promise.resolve(
                    [...disk.keys()]
                        .filter(uri => uri.startsWith(prefix) && !uri.slice(prefix.length).includes('/'))
                        .map(uri => ({ uri: URI.parse(uri), isFile: true, isDirectory: false }))
                );
            }

            override readFile(uri: URI): Promise<string> {
                const text = disk.get(uri.toString());
                return text === undefined
                    ? Promise.reject(new Error(`no file ${uri.toString()}`))
                    : Promise.resolve(text);
            }
        }
        this.services = createMissionServices({ fileSystemProvider: () => new DiskFiles() });
        this.services.Mission.config.Settings.setToday(today);
    }

    /** What the workspace root folder looks like to the server. */
    readonly folders = [{ uri: URI.file('/workspace').toString(), name: 'workspace' }];

    uri(name: string): URI {
        return URI.file(`/workspace/${name}`);
    }

    /** Starts as the server does: reads the folder's files (lean, as the workspace manager reads them), builds them. */
    async startup(): Promise<void> {
        await this.services.shared.workspace.WorkspaceManager.initializeWorkspace(this.folders);
    }

    /** Opens (or changes) files and waits until every document is rebuilt and validated. */
    async set(files: Record<string, string>): Promise<void> {
        const uris: URI[] = [];
        for (const [name, text] of Object.entries(files)) {
            const uri = this.uri(name);
            const version = (this.versions.get(name) ?? 0) + 1;
            this.versions.set(name, version);
            setTextDocument(this.services.shared, TextDocument.create(uri.toString(), 'mission', version, text));
            uris.push(uri);
        }
        await this.services.shared.workspace.DocumentBuilder.update(uris, []);
    }

    async remove(...names: string[]): Promise<void> {
        await this.services.shared.workspace.DocumentBuilder.update(
            [],
            names.map(name => this.uri(name))
        );
    }

    document(name: string): LangiumDocument<Model> {
        return this.services.shared.workspace.LangiumDocuments.getDocument(this.uri(name)) as LangiumDocument<Model>;
    }

    diagnostics(name: string): Diagnostic[] {
        return this.document(name).diagnostics ?? [];
    }

    /** `code [covered text]` of each diagnostic of a file. */
    summary(name: string): string[] {
        const text = this.document(name).textDocument;
        return this.diagnostics(name).map(
            diagnostic => `${String(diagnostic.code)} [${text.getText(diagnostic.range)}]`
        );
    }

    /** `code line:col-line:col message` of each diagnostic of a file, sorted: what a fresh build is compared on. */
    diagnosticLines(name: string): string[] {
        return this.diagnostics(name)
            .map(({ code, range: { start, end }, message }) => {
                return `${String(code)} ${start.line}:${start.character}-${end.line}:${end.character} ${message}`;
            })
            .sort();
    }

    codes(name: string): string[] {
        return this.diagnostics(name).map(diagnostic => String(diagnostic.code));
    }

    /** The offset of the n-th occurrence (0-based) of `needle` in a file, plus `shift`. */
    offsetOf(name: string, needle: string, shift = 0, occurrence = 0): number {
        const text = this.document(name).textDocument.getText();
        let offset = -1;
        for (let i = 0; i <= occurrence; i++) {
            offset = text.indexOf(needle, offset + 1);
            if (offset < 0) throw new Error(`'${needle}' not found in ${name}`);
        }
        return offset + shift;
    }

    /** Completion items at the position of `needle` (plus `shift`) in a file. */
    async complete(name: string, needle: string, shift = 0): Promise<CompletionItem[]> {
        const provider = this.services.Mission.lsp.CompletionProvider!;
        const list = await provider.getCompletion(this.document(name), {
            textDocument: { uri: this.uri(name).toString() },
            position: this.positionOf(name, needle, shift)
        });
        return list?.items ?? [];
    }

    /** The hover text at the position of `needle` (plus `shift`) in a file. */
    async hover(name: string, needle: string, shift = 0): Promise<string | undefined> {
        const hover = await this.services.Mission.lsp.HoverProvider!.getHoverContent(this.document(name), {
            textDocument: { uri: this.uri(name).toString() },
            position: this.positionOf(name, needle, shift)
        });
        const contents = hover?.contents;
        return contents && typeof contents === 'object' && 'value' in contents ? contents.value : undefined;
    }

    /** `{ textDocument, position }` for the position of `needle` (plus `shift`) in a file. */
    at(
        name: string,
        needle: string,
        shift = 0,
        occurrence = 0
    ): { textDocument: { uri: string }; position: { line: number; character: number } } {
        return {
            textDocument: { uri: this.uri(name).toString() },
            position: this.positionOf(name, needle, shift, occurrence)
        };
    }

    /** The text of every file after applying a workspace edit (files without edits are left out). */
    applied(edit: WorkspaceEdit | undefined): Record<string, string> {
        const result: Record<string, string> = {};
        for (const [uri, edits] of Object.entries(edit?.changes ?? {})) {
            const document = this.services.shared.workspace.LangiumDocuments.getDocument(URI.parse(uri))!;
            result[uri.slice(uri.lastIndexOf('/') + 1)] = TextDocument.applyEdits(document.textDocument, edits);
        }
        return result;
    }

    /** The text a range covers in a file. */
    textAt(
        name: string,
        range: { start: { line: number; character: number }; end: { line: number; character: number } }
    ): string {
        return this.document(name).textDocument.getText(range);
    }

    positionOf(name: string, needle: string, shift = 0, occurrence = 0): { line: number; character: number } {
        return this.document(name).textDocument.positionAt(this.offsetOf(name, needle, shift, occurrence));
    }
}

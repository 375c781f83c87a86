/**
 * `propose_edit`: text edits, or a whole new element appended to a file, applied to the workspace's
 * in-memory model and re-checked through the editor's incremental path; the answer says which
 * diagnostics the change introduces and fixes and shows it as a unified diff. Files are written
 * (atomically, in the formatter's layout) only with `apply: true` and no new errors, or `force: true`.
 */
import { readFile } from 'node:fs/promises';
import { createTwoFilesPatch } from 'diff';
import { formatDocument, type MissionDiagnostic } from 'mission-lang-language';
import { z } from 'zod';
import { appendElement, applyEdits, diagnosticChanges, type TextEdit } from '../edits.js';
import { diagnosticLine, diagnosticSchema } from '../schemas.js';
import { type AnyMissionTool, missionTool } from '../tool.js';
import { ToolInputError } from '../tool-error.js';
import type { ModelWorkspace } from '../workspace.js';
import { writeFileAtomic } from '../write-atomic.js';
import type { URI } from 'langium';

const positionSchema = z.object({
    line: z.number().int().min(0).describe('0-based line'),
    character: z.number().int().min(0).describe('0-based character in the line')
});

const editSchema = z.object({
    file: z.string().min(1).describe('the model file, as the resources name it'),
    range: z.object({ start: positionSchema, end: positionSchema }),
    newText: z.string()
});

interface ProposedFile {
    readonly path: string;
    readonly absolute: string;
    readonly uri: URI;
    readonly before: string;
    readonly after: string;
    readonly created: boolean;
}

/** `onCreated`: called after a write that created a file (the server tells clients the resources changed). */
export function proposeEditTool(workspace: ModelWorkspace, onCreated: () => void = () => undefined): AnyMissionTool {
    return missionTool({
        name: 'propose_edit',
        title: 'Propose an edit',
        description:
            'Change model files and see the effect before anything is written: LSP-style text edits (0-based ' +
            'ranges against the current text) and/or a whole new element appended to a file (a new .mission ' +
            'file inside the workspace is created). Answers the diagnostics the change introduces and fixes ' +
            "and a unified diff of the files as they would be written (in the formatter's layout). Writes " +
            'only with apply: true and no new errors, or with force: true. Read the language reference ' +
            'resource for the syntax.',
        readOnly: false,
        input: {
            edits: z.array(editSchema).optional().describe('text edits; ranges refer to the text before any edit'),
            append: z
                .object({ file: z.string().min(1), text: z.string().describe('the new element, e.g. a mission') })
                .optional()
                .describe('a whole new element appended to a file'),
            apply: z.boolean().optional().describe('write the files when the change introduces no error'),
            force: z.boolean().optional().describe('with apply: write even when the change introduces errors')
        },
        output: {
            written: z.boolean().describe('whether the files were written'),
            files: z.array(z.string()).describe('the files the change touches'),
            introduced: z.array(diagnosticSchema),
            fixed: z.array(diagnosticSchema),
            newErrors: z.number().describe('how many of the introduced diagnostics are errors'),
            diff: z.string().describe('unified diff of the files, before → after')
        },
        run: async ({ edits = [], append, apply = false, force = false }) => {
            if (edits.length === 0 && !append) throw new ToolInputError('propose_edit needs edits or append');
            const files = proposedFiles(workspace, edits, append);
            const texts = new Map(
                files.map(file => [file.uri.toString(), { path: file.path, uri: file.uri, text: file.after }])
            );
            return workspace.trial(texts, async (before, after) => {
                const { introduced, fixed } = diagnosticChanges(before, after);
                const newErrors = introduced.filter(diagnostic => diagnostic.severity === 'error').length;
                const write = apply && (newErrors === 0 || force);
                if (write) {
                    for (const file of files) await unchangedOnDisk(file);
                    for (const file of files) await writeFileAtomic(file.absolute, file.after);
                    if (files.some(file => file.created)) onCreated();
                }
                const diff = files
                    .map(file =>
                        createTwoFilesPatch(
                            file.created ? '/dev/null' : `a/${file.path}`,
                            `b/${file.path}`,
                            file.before,
                            file.after
                        )
                    )
                    .join('');
                const structured = {
                    written: write,
                    files: files.map(file => file.path),
                    introduced,
                    fixed,
                    newErrors,
                    diff
                };
                return { result: { structured, text: summaryText(structured, apply) }, keep: write };
            });
        }
    });
}

/** Each file's text before and after the change, formatted when the result parses; checked inputs. */
function proposedFiles(
    workspace: ModelWorkspace,
    edits: ReadonlyArray<TextEdit & { file: string }>,
    append: { file: string; text: string } | undefined
): ProposedFile[] {
    const byFile = new Map<string, { path: string; absolute: string; uri: URI; edits: TextEdit[]; add?: string }>();
    const entry = (file: string, mayCreate: boolean) => {
        const place = workspace.insidePath(file);
        const known = workspace.fileAt(place.absolute);
        if (!known && !mayCreate) throw new ToolInputError(`${file}: not a model file of this workspace`);
        if (!known && !place.absolute.endsWith('.mission'))
            throw new ToolInputError(`${file}: a new model file must end in .mission`);
        const key = place.uri.toString();
        let found = byFile.get(key);
        if (!found) byFile.set(key, (found = { ...place, path: known?.path ?? place.path, edits: [] }));
        return found;
    };
    for (const edit of edits) entry(edit.file, false).edits.push(edit);
    if (append) entry(append.file, true).add = append.text;
    return [...byFile.values()].map(file => {
        const known = workspace.fileAt(file.absolute);
        const before = known?.text ?? '';
        let after = applyEdits(file.path, before, file.edits);
        if (file.add !== undefined) after = appendElement(after, file.add);
        try {
            after = formatDocument(after, workspace.format);
        } catch {
            // Text that does not parse is not formatted: the check reports its syntax errors.
        }
        return { path: file.path, absolute: file.absolute, uri: file.uri, before, after, created: !known };
    });
}

interface ProposalAnswer {
    readonly written: boolean;
    readonly files: readonly string[];
    readonly introduced: readonly MissionDiagnostic[];
    readonly fixed: readonly MissionDiagnostic[];
    readonly newErrors: number;
    readonly diff: string;
}

function summaryText(answer: ProposalAnswer, apply: boolean): string {
    const verdict = answer.written
        ? `written: ${answer.files.join(', ')}`
        : apply
          ? `not written: the change introduces ${answer.newErrors} error(s) (force: true writes anyway)`
          : 'not written (apply: true writes it)';
    return [
        verdict,
        `introduced (${answer.introduced.length}):`,
        ...answer.introduced.map(diagnostic => `  ${diagnosticLine(diagnostic)}`),
        `fixed (${answer.fixed.length}):`,
        ...answer.fixed.map(diagnostic => `  ${diagnosticLine(diagnostic)}`),
        answer.diff
    ].join('\n');
}

/**
 * A file is written only over the text the server read (or, new, where there is none): an edit made
 * meanwhile in an editor is never overwritten. The server reads the files once, when it starts.
 */
async function unchangedOnDisk(file: ProposedFile): Promise<void> {
    const onDisk = await readFile(file.absolute, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
    });
    if (file.created ? onDisk !== undefined : onDisk?.replace(/^\uFEFF/, '') !== file.before)
        throw new ToolInputError(
            `${file.path}: changed on disk since the server read it; nothing was written ` +
                '(restart the server to read the files again)'
        );
}

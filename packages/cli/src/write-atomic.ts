import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './exit-codes.js';
import { describeError } from './files.js';

/**
 * Writes every output file of the CLI: the data goes to a temporary file in the same folder, which is
 * then renamed over the target, so a reader (a browser, a watcher, CI) never sees half a file and a
 * failed run leaves the previous output intact. Missing parent folders are created.
 */
export async function writeFileAtomic(
    path: string,
    data: string | Uint8Array,
    cwd: string = process.cwd()
): Promise<void> {
    const target = resolve(cwd, path);
    const folder = dirname(target);
    const temporary = join(folder, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
        await mkdir(folder, { recursive: true });
        await writeFile(temporary, data);
        await rename(temporary, target);
    } catch (error) {
        await rm(temporary, { force: true }).catch(() => undefined);
        throw new UsageError(`${path}: cannot write: ${describeError(error as NodeJS.ErrnoException)}`);
    }
}

/**
 * Writes several files all or nothing, as far as a file system allows: every file is first written to
 * a temporary file beside its target (a failure there removes them all and changes nothing), then each
 * is renamed over its target.
 */
export async function writeFilesAtomic(
    files: ReadonlyArray<{ readonly path: string; readonly data: string }>,
    cwd: string = process.cwd()
): Promise<void> {
    const staged: Array<{ path: string; target: string; temporary: string }> = [];
    try {
        for (const file of files) {
            const target = resolve(cwd, file.path);
            const temporary = join(
                dirname(target),
                `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
            );
            staged.push({ path: file.path, target, temporary });
            await mkdir(dirname(target), { recursive: true });
            await writeFile(temporary, file.data);
        }
    } catch (error) {
        await Promise.all(staged.map(entry => rm(entry.temporary, { force: true }).catch(() => undefined)));
        const failed = staged.at(-1)?.path ?? '';
        throw new UsageError(`${failed}: cannot write: ${describeError(error as NodeJS.ErrnoException)}`);
    }
    for (const entry of staged) {
        try {
            await rename(entry.temporary, entry.target);
        } catch (error) {
            await Promise.all(staged.map(other => rm(other.temporary, { force: true }).catch(() => undefined)));
            throw new UsageError(`${entry.path}: cannot write: ${describeError(error as NodeJS.ErrnoException)}`);
        }
    }
}

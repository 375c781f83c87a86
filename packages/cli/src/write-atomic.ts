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

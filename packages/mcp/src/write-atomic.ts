import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a model file as the CLI writes its outputs: to a temporary file in the same folder, renamed
 * over the target, so an editor or watcher never sees half a file and a failed write leaves the old one.
 */
export async function writeFileAtomic(absolutePath: string, text: string): Promise<void> {
    const folder = dirname(absolutePath);
    const temporary = join(folder, `.${basename(absolutePath)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
        await mkdir(folder, { recursive: true });
        await writeFile(temporary, text);
        await rename(temporary, absolutePath);
    } catch (error) {
        await rm(temporary, { force: true }).catch(() => undefined);
        throw error;
    }
}

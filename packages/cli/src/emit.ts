import type { Output } from './output.js';
import { writeFileAtomic } from './write-atomic.js';

/** Writes a command's result to `-o FILE` (atomically) or, without one (or with `-`), to stdout. */
export async function emit(target: string | undefined, data: string | Uint8Array, output: Output): Promise<void> {
    if (target === undefined || target === '-') {
        output.stdout(typeof data === 'string' ? data : Buffer.from(data).toString('latin1'));
        return;
    }
    await writeFileAtomic(target, data);
}

import { UnknownTagError } from 'mission-lang-language';
import { UsageError } from './exit-codes.js';

/**
 * Builds an output with `--tag` (compile, report): a tag no mission has is a usage error (exit 2), with
 * "did you mean" a tag of the model, like `--root` and `--person`.
 */
export function tagged<T>(tag: string | undefined, build: () => T): T {
    try {
        return build();
    } catch (error) {
        if (error instanceof UnknownTagError) throw new UsageError(`--tag ${tag}: ${error.message}`);
        throw error;
    }
}

import ignore, { type Ignore } from 'ignore';

/**
 * `.missionignore`: files and folders that a folder walk leaves out (the CLI's `mission validate
 * <folder>` and the language server's workspace scan alike), in .gitignore syntax, relative to the
 * folder that holds the file. A path named explicitly is always checked. This is how `examples/`
 * keeps its deliberately broken models out of `mission validate examples` (docs/cli.md).
 */
export const IGNORE_FILE_NAME = '.missionignore';

/** The ignore rules met on the way down a folder walk, each with the folder its paths are relative to. */
export class IgnoreRules {
    private constructor(private readonly layers: ReadonlyArray<{ base: string; rules: Ignore }>) {}

    static none(): IgnoreRules {
        return new IgnoreRules([]);
    }

    /** The rules below `folder` (a '/'-separated path), adding that folder's `.missionignore` text if it has one. */
    within(folder: string, ignoreFileText: string | undefined): IgnoreRules {
        if (ignoreFileText === undefined) return this;
        return new IgnoreRules([...this.layers, { base: trimSlash(folder), rules: ignore().add(ignoreFileText) }]);
    }

    /** Whether a folder walk leaves out this entry ('/'-separated path, as the walk built it). */
    ignores(path: string, isFolder: boolean): boolean {
        const entry = trimSlash(path);
        return this.layers.some(({ base, rules }) => {
            const relative =
                base === '' ? entry : entry.startsWith(`${base}/`) ? entry.slice(base.length + 1) : undefined;
            return relative !== undefined && relative !== '' && rules.ignores(isFolder ? `${relative}/` : relative);
        });
    }
}

function trimSlash(path: string): string {
    return path.replace(/\/+$/, '');
}

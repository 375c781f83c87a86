import { execFile, spawn } from 'node:child_process';
import { join, posix, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { IGNORE_FILE_NAME, IgnoreRules, sourceFile, type SourceFile } from 'mission-lang-language';
import { UsageError } from './exit-codes.js';

const run = promisify(execFile);
const MODEL_EXTENSION = '.mission';

/**
 * The `.mission` files of a revision of the git repository holding `cwd`, under the given paths (as
 * git reads paths: relative to `cwd`), read with git itself: `git ls-tree` lists them and one
 * `git cat-file --batch` reads them all. As a folder walk of the working tree does (files.ts), folders
 * whose name starts with `.` and `node_modules` are left out, and so is what a `.missionignore` of the
 * revision names. Each file is named relative to `cwd`, as the working tree's would be.
 */
export async function readRevisionSources(
    revision: string,
    paths: readonly string[],
    cwd: string = process.cwd()
): Promise<SourceFile[]> {
    const top = await repositoryTop(cwd);
    const commit = await resolveRevision(revision, cwd);
    if (!commit) throw new UsageError(`--git: '${revision}' is not a revision of this repository`);
    const listing = await git(['ls-tree', '-r', '-z', '--full-name', '--name-only', commit, '--', ...paths], cwd);
    const entries = listing.split('\0').filter(entry => entry !== '');
    const ignoreTexts = new Map<string, string>();
    const ignoreFiles = entries.filter(entry => posix.basename(entry) === IGNORE_FILE_NAME);
    const ignoreBlobs = await catFiles(commit, ignoreFiles, cwd);
    ignoreFiles.forEach((file, index) => ignoreTexts.set(posix.dirname(file), ignoreBlobs[index]!.toString('utf8')));
    const roots = paths.map(path => slashed(relative(top, join(cwd, path))));
    const modelFiles = entries.filter(
        entry => entry.endsWith(MODEL_EXTENSION) && !ignoredInRevision(entry, roots, ignoreTexts)
    );
    const blobs = await catFiles(commit, modelFiles, cwd);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    return modelFiles.map((file, index) => {
        const absolute = join(top, file);
        const shown = relative(cwd, absolute);
        let text: string;
        try {
            text = decoder.decode(blobs[index]);
        } catch {
            throw new UsageError(`${revision}:${shown}: not UTF-8 text`);
        }
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        return sourceFile(shown, absolute, text);
    });
}

/** The commit a revision names, or undefined when it names none. */
export async function resolveRevision(revision: string, cwd: string = process.cwd()): Promise<string | undefined> {
    if (revision.startsWith('-')) return undefined;
    try {
        return (await run('git', ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], { cwd })).stdout.trim();
    } catch {
        return undefined;
    }
}

async function repositoryTop(cwd: string): Promise<string> {
    return (await git(['rev-parse', '--show-toplevel'], cwd)).trim();
}

async function git(args: readonly string[], cwd: string): Promise<string> {
    try {
        return (await run('git', [...args], { cwd, maxBuffer: 1 << 30, encoding: 'utf8' })).stdout;
    } catch (error) {
        throw gitError(error as NodeJS.ErrnoException & { stderr?: string });
    }
}

function gitError(error: NodeJS.ErrnoException & { stderr?: string }): UsageError {
    if (error.code === 'ENOENT') return new UsageError('--git needs git, which is not installed or not on the PATH');
    const reason = (error.stderr ?? error.message).trim().split('\n')[0] ?? 'failed';
    return new UsageError(`--git: ${reason.replace(/^fatal: /, '')}`);
}

/** The contents of files of a commit (paths from the repository's top), in order, by one `git cat-file --batch`. */
async function catFiles(commit: string, files: readonly string[], cwd: string): Promise<Buffer[]> {
    if (files.length === 0) return [];
    const output = await new Promise<Buffer>((resolve, reject) => {
        const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
        const chunks: Buffer[] = [];
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('error', error => reject(gitError(error)));
        child.on('close', code =>
            code === 0 ? resolve(Buffer.concat(chunks)) : reject(gitError(Object.assign(new Error('git'), { stderr })))
        );
        child.stdin.end(files.map(file => `${commit}:${file}\n`).join(''));
    });
    const blobs: Buffer[] = [];
    let offset = 0;
    for (const file of files) {
        const headerEnd = output.indexOf(0x0a, offset);
        const header = output.subarray(offset, headerEnd).toString('utf8');
        const size = Number(/^\S+ blob (\d+)$/.exec(header)?.[1] ?? NaN);
        if (Number.isNaN(size)) throw new UsageError(`--git: cannot read ${file}: ${header}`);
        blobs.push(output.subarray(headerEnd + 1, headerEnd + 1 + size));
        offset = headerEnd + 1 + size + 1;
    }
    return blobs;
}

/**
 * What a folder walk of the revision would leave out: a part of the path below the root named on the
 * command line that starts with `.` or is `node_modules`, or that a `.missionignore` on the way down names.
 */
function ignoredInRevision(file: string, roots: readonly string[], ignoreTexts: ReadonlyMap<string, string>): boolean {
    const root = roots
        .filter(candidate => candidate === '' || candidate === file || file.startsWith(`${candidate}/`))
        .sort((a, b) => b.length - a.length)[0];
    if (root === undefined || root === file) return false; // a file named explicitly is always taken
    const parts = (root === '' ? file : file.slice(root.length + 1)).split('/');
    let rules = IgnoreRules.none();
    let folder = root;
    for (let index = 0; index < parts.length; index++) {
        rules = rules.within(folder, ignoreTexts.get(folder === '' ? '.' : folder));
        const part = parts[index]!;
        const path = folder === '' ? part : `${folder}/${part}`;
        const isFolder = index < parts.length - 1;
        if (part.startsWith('.') || (isFolder && part === 'node_modules') || rules.ignores(path, isFolder)) return true;
        folder = path;
    }
    return false;
}

function slashed(path: string): string {
    return sep === '/' ? path : path.split(sep).join('/');
}

/** `.missionignore`: .gitignore syntax, relative to the folder holding the file, layered on the way down. */
import { describe, expect, it } from 'vitest';
import { EmptyFileSystem, type FileSystemNode, URI } from 'langium';
import { createMissionServices } from '../src/mission-module.js';
import { IgnoreRules } from '../src/workspace/ignore-file.js';

describe('IgnoreRules', () => {
    const rules = IgnoreRules.none().within('/work/examples', '# comment\nbroken/\n*.draft.mission\n');

    it('leaves out a folder named with a trailing slash, and everything below it', () => {
        expect(rules.ignores('/work/examples/broken', true)).toBe(true);
        expect(rules.ignores('/work/examples/broken', false)).toBe(false); // a file called `broken`
        expect(rules.within('/work/examples/broken', undefined).ignores('/work/examples/broken/x.mission', false)).toBe(
            true
        );
    });

    it('matches globs against paths relative to the folder of the file', () => {
        expect(rules.ignores('/work/examples/a.draft.mission', false)).toBe(true);
        expect(rules.ignores('/work/examples/deep/b.draft.mission', false)).toBe(true);
        expect(rules.ignores('/work/examples/a.mission', false)).toBe(false);
        expect(rules.ignores('/elsewhere/a.draft.mission', false)).toBe(false);
    });

    it('adds the rules of a nested file to those above it', () => {
        const nested = rules.within('/work/examples/health', 'people.mission\n');
        expect(nested.ignores('/work/examples/health/people.mission', false)).toBe(true);
        expect(nested.ignores('/work/examples/health/x.draft.mission', false)).toBe(true);
        expect(rules.ignores('/work/examples/health/people.mission', false)).toBe(false);
    });

    it('ignores nothing without a file', () => {
        expect(IgnoreRules.none().ignores('/any/where.mission', false)).toBe(false);
    });
});

describe('the language server workspace scan', () => {
    it('loads the .mission files a .missionignore does not name', async () => {
        const files: Record<string, string> = {
            '/ws/.missionignore': 'broken/\n',
            '/ws/model.mission': 'vision V',
            '/ws/broken/bad.mission': 'vision V',
            '/ws/sub/.missionignore': 'skip.mission\n',
            '/ws/sub/keep.mission': 'person p',
            '/ws/sub/skip.mission': 'person q'
        };
        const fileSystemProvider = () => ({
            ...EmptyFileSystem.fileSystemProvider(),
            readFile: async (uri: URI) => files[uri.path] ?? Promise.reject(new Error('no file')),
            readDirectory: async (uri: URI): Promise<FileSystemNode[]> => {
                const prefix = uri.path.endsWith('/') ? uri.path : `${uri.path}/`;
                const names = new Set(
                    Object.keys(files)
                        .filter(path => path.startsWith(prefix))
                        .map(path => path.slice(prefix.length).split('/')[0]!)
                );
                return [...names].map(name => {
                    const isFile = Object.hasOwn(files, prefix + name);
                    return { uri: URI.file(prefix + name), isFile, isDirectory: !isFile };
                });
            }
        });
        const { shared } = createMissionServices({ fileSystemProvider });
        const found = (await shared.workspace.WorkspaceManager.searchFolder(URI.file('/ws')))
            .map(uri => uri.path)
            .sort();
        expect(found).toEqual(['/ws/model.mission', '/ws/sub/keep.mission']);
    });
});

/**
 * collectModelPaths (files.ts): folders searched for *.mission in name order, each real file taken once however
 * it is reached (a symlinked file, a symlinked folder, a symlink loop, a file also named explicitly).
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectModelPaths } from '../src/files.js';
import { temporaryFolder } from './helpers.js';

describe('collectModelPaths', () => {
    it('takes each real file once, following symlinked folders once and skipping loops', async () => {
        const root = temporaryFolder('mission-files-');
        mkdirSync(join(root, 'models/deep'), { recursive: true });
        writeFileSync(join(root, 'models/a.mission'), 'vision A');
        writeFileSync(join(root, 'models/deep/b.mission'), 'vision B');
        writeFileSync(join(root, 'models/notes.txt'), 'not a model');
        symlinkSync(join(root, 'models/a.mission'), join(root, 'models/c-link.mission'));
        symlinkSync(join(root, 'models'), join(root, 'models/deep/loop'));
        mkdirSync(join(root, 'elsewhere'));
        writeFileSync(join(root, 'elsewhere/e.mission'), 'vision E');
        symlinkSync(join(root, 'elsewhere'), join(root, 'models/z-linked'));

        expect(await collectModelPaths(['models'], root)).toEqual([
            'models/a.mission',
            'models/deep/b.mission',
            'models/z-linked/e.mission'
        ]);
        // A file named first is taken as named; reached again through its folder or a link, it is not repeated.
        expect(await collectModelPaths(['models/deep/b.mission', 'models', 'elsewhere'], root)).toEqual([
            'models/deep/b.mission',
            'models/a.mission',
            'models/z-linked/e.mission'
        ]);
        expect(await collectModelPaths(['models/c-link.mission', 'models/a.mission'], root)).toEqual([
            'models/c-link.mission'
        ]);
    });
});

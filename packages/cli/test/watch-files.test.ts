/**
 * The watcher of --watch and serve (src/watch-files.ts): ready means watching, even when the config file
 * does not exist (chokidar given a missing path could say ready before it watched anything), and a
 * config file created later is noticed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { type ModelWatcher, watchModelFiles } from '../src/watch-files.js';
import { temporaryFolder } from './helpers.js';

let watcher: ModelWatcher | undefined;

afterEach(async () => {
    await watcher?.close();
    watcher = undefined;
});

/** The next change the watcher reports (waits as long as the test's own limit). */
function nextChange(current: ModelWatcher): Promise<void> {
    return new Promise(changed => current.onChange(changed));
}

test('a save right after ready is seen, with the config file absent, five times over', async () => {
    for (let round = 0; round < 5; round++) {
        const folder = temporaryFolder();
        const model = join(folder, 'model.mission');
        writeFileSync(model, 'vision V "v" { horizon 2030-12-31 }\n');
        watcher = await watchModelFiles([folder], join(temporaryFolder(), 'mission.config.json'));
        const changed = nextChange(watcher);
        writeFileSync(model, 'vision V "changed" { horizon 2030-12-31 }\n');
        await changed;
        await watcher.close();
        watcher = undefined;
    }
});

test('a config file created after the start is seen; other files beside it are not watched', async () => {
    const folder = temporaryFolder();
    writeFileSync(join(folder, 'model.mission'), 'vision V "v" { horizon 2030-12-31 }\n');
    const configFolder = temporaryFolder();
    mkdirSync(join(configFolder, 'deep'));
    const config = join(configFolder, 'mission.config.json');
    watcher = await watchModelFiles([folder], config);
    const seen: string[] = [];
    watcher.onChange(path => seen.push(path));
    // Not the config file: left out (reported, they would come before the config's own change).
    writeFileSync(join(configFolder, 'deep', 'other.json'), '{}');
    writeFileSync(join(configFolder, 'other.json'), '{}');
    const changed = nextChange(watcher);
    writeFileSync(config, '{ "rules": {} }');
    await changed;
    expect(seen).toEqual([config]);
});

test('a save 20 ms after another is seen (chokidar drops a change within 50 ms of the last it reported)', async () => {
    const folder = temporaryFolder();
    const model = join(folder, 'model.mission');
    writeFileSync(model, 'vision V "v" { horizon 2030-12-31 }\n');
    watcher = await watchModelFiles([folder], join(temporaryFolder(), 'mission.config.json'));
    const reports: number[] = [];
    const current = watcher;
    let secondWrite = Number.POSITIVE_INFINITY;
    const afterSecond = new Promise<void>(seen =>
        current.onChange(() => {
            reports.push(performance.now());
            if (performance.now() > secondWrite) seen();
        })
    );
    writeFileSync(model, 'vision V "first" { horizon 2030-12-31 }\n');
    await new Promise<void>(first => {
        const wait = setInterval(() => reports.length > 0 && (clearInterval(wait), first()), 1);
    });
    await new Promise(pause => setTimeout(pause, 20));
    secondWrite = performance.now();
    writeFileSync(model, 'vision V "second, longer" { horizon 2030-12-31 }\n');
    await afterSecond;
    expect(reports.at(-1)!).toBeGreaterThan(secondWrite);
});

import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { CONFIG_FILE_NAME, STARTER_MODEL_FILE, starterFiles } from 'mission-lang-language';
import type { CommandContext } from './command-context.js';
import { EXIT_OK, UsageError } from './exit-codes.js';
import { checkedToday } from './load-model.js';
import type { Output } from './output.js';
import { writeFileAtomic } from './write-atomic.js';

/** `mission init [dir]`: a starter model and mission.config.json; never overwrites a file. */
export async function runInit(folder: string | undefined, output: Output, today?: string): Promise<number> {
    const target = resolve(folder ?? '.');
    // The system date (UTC, as the time rules read it) unless --today names another day.
    // The starter text lives in the language package: the editor's "Mission: New model" writes the same files.
    const files = starterFiles(checkedToday(today) ?? new Date().toISOString().slice(0, 10));
    for (const file of files) {
        const path = join(target, file.name);
        const exists = await access(path).then(
            () => true,
            () => false
        );
        if (exists)
            throw new UsageError(
                `${join(folder ?? '.', file.name)} already exists; mission init never overwrites files`
            );
    }
    for (const file of files) await writeFileAtomic(join(target, file.name), file.text);
    const shown = folder ?? '.';
    const created = `created ${join(shown, STARTER_MODEL_FILE)} and ${join(shown, CONFIG_FILE_NAME)}`;
    output.stdout(`${created}\nnext: mission validate ${shown}\n`);
    return EXIT_OK;
}

export function defineInitCommand(program: Command, context: CommandContext): void {
    program
        .command('init')
        .description('create a starter model (strategy.mission) and mission.config.json in a folder')
        .argument('[dir]', 'the folder (created when missing; default: the current folder)')
        .option(
            '--today <date>',
            'the day the dates of the model are written from, YYYY-MM-DD (default: the system date)'
        )
        .action(async (dir: string | undefined, options: { today?: string }) => {
            context.setExitCode(await runInit(dir, context.output, options.today));
        });
}

import { Option } from 'commander';
import type { Output } from './output.js';

/** What a command's action needs from `main`: where to write, and how to hand back its exit code. */
export interface CommandContext {
    readonly output: Output;
    setExitCode(code: number): void;
}

/** The options of every command that reads a model: --today and --config. */
export function modelOptions(): Option[] {
    return [
        new Option(
            '--today <date>',
            'the date for time-based rules, YYYY-MM-DD (default: "today" of the config, else the system date)'
        ),
        new Option(
            '--config <file>',
            'the configuration file (default: mission.config.json in the current folder, when it exists)'
        )
    ];
}

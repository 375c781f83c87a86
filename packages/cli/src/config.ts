import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CONFIG_FILE_NAME, type MissionConfig, parseMissionConfig } from 'mission-lang-language';
import { UsageError } from './exit-codes.js';
import { describeError } from './files.js';

export interface LoadedConfig extends MissionConfig {
    /** The config file as given (--config) or found (mission.config.json in the folder the CLI runs in). */
    readonly path?: string;
    /** The file's text (text output shows the offending line). */
    readonly text?: string;
}

/**
 * `--config FILE` (a missing file is a usage error), otherwise `mission.config.json` in `cwd` when it
 * exists, otherwise no configuration: every code keeps its catalog severity.
 */
export async function loadConfig(configPath: string | undefined, cwd: string = process.cwd()): Promise<LoadedConfig> {
    const path = configPath ?? CONFIG_FILE_NAME;
    let text: string;
    try {
        text = await readFile(resolve(cwd, path), 'utf8');
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (configPath === undefined && code === 'ENOENT') return { rules: new Map(), diagnostics: [] };
        throw new UsageError(`${path}: ${describeError(error as NodeJS.ErrnoException)}`);
    }
    return { ...parseMissionConfig(text, path), path, text };
}

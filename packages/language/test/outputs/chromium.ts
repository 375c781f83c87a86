import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

const EXECUTABLE = '/usr/bin/chromium';

/**
 * Headless Chromium for tests that render outputs (Mermaid's own parser, the SVG as XML, the HTML
 * report). Installs the distribution's chromium when it is missing and the tests run as root;
 * otherwise prints one loud line and returns undefined, and the calling test skips its browser checks.
 */
export async function launchChromium(): Promise<Browser | undefined> {
    if (!existsSync(EXECUTABLE)) {
        if (process.getuid?.() === 0) {
            try {
                execSync('apt-get update && apt-get install -y chromium', { stdio: 'ignore', timeout: 600_000 });
            } catch (error) {
                const reason = (error as Error).message.split('\n')[0];
                console.warn(
                    `!!! SKIPPED browser checks: ${EXECUTABLE} is missing and apt-get install chromium failed: ` +
                        `${reason} !!!`
                );
                return undefined;
            }
        } else {
            console.warn(
                `!!! SKIPPED browser checks: ${EXECUTABLE} is missing and the tests do not run as root ` +
                    'to install it (apt-get install chromium) !!!'
            );
            return undefined;
        }
    }
    return chromium.launch({
        executablePath: EXECUTABLE,
        args: ['--no-sandbox', '--disable-gpu'],
        env: browserEnvironment()
    });
}

/**
 * The environment for the browser: the tests' own, without a moved clock. The any-date suite runs the tests under
 * faketime (LD_PRELOAD); Chromium does not start under it, and what it renders does not depend on the date.
 */
export function browserEnvironment(): Record<string, string> {
    const environment: Record<string, string> = {};
    for (const [name, value] of Object.entries(process.env)) {
        if (value !== undefined && name !== 'LD_PRELOAD' && !name.startsWith('FAKETIME')) environment[name] = value;
    }
    return environment;
}

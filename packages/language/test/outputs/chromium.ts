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
                console.warn(
                    `!!! SKIPPED browser checks: ${EXECUTABLE} is missing and apt-get install chromium failed: ${(error as Error).message.split('\n')[0]} !!!`
                );
                return undefined;
            }
        } else {
            console.warn(
                `!!! SKIPPED browser checks: ${EXECUTABLE} is missing and the tests do not run as root to install it (apt-get install chromium) !!!`
            );
            return undefined;
        }
    }
    return chromium.launch({ executablePath: EXECUTABLE, args: ['--no-sandbox', '--disable-gpu'] });
}

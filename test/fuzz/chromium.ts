/**
 * Headless Chromium for the hostile-input checks (DOMParser, Mermaid's own parser, the HTML report).
 * Installs the distribution's chromium when it is missing and we run as root; when it still cannot
 * start, prints ONE loud line naming what is skipped and returns undefined.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { browserEnvironment } from '../../packages/language/test/outputs/chromium.js';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
    '--no-sandbox',
    '--headless',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run'
];

export async function launchChromium(skipped: string): Promise<Browser | undefined> {
    let reason = '';
    if (!existsSync(CHROMIUM) && process.getuid?.() === 0) {
        try {
            execSync('apt-get update && apt-get install -y chromium', { stdio: 'ignore', timeout: 600_000 });
        } catch (error) {
            reason = `apt-get install chromium failed: ${(error as Error).message.split('\n')[0]}`;
        }
    }
    if (existsSync(CHROMIUM)) {
        try {
            return await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, env: browserEnvironment() });
        } catch (error) {
            reason = `chromium did not start: ${(error as Error).message.split('\n')[0]}`;
        }
    } else if (!reason) {
        reason = `${CHROMIUM} is missing and we are not root to install it`;
    }
    console.warn(`!!!!!! SKIPPED ${skipped}: ${reason} !!!!!!`);
    return undefined;
}

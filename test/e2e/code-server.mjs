// Starts code-server (installed by install.sh into test/.cache/code-server) in its own process group
// with its own user data and extensions directories, and stops the whole group again.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export function codeServerBinary(root) {
    return join(root, 'test/.cache/code-server/node_modules/.bin/code-server');
}

function freePort() {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

/** Settings that keep the workbench quiet and deterministic for the scenarios. */
const USER_SETTINGS = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.ignoreRecommendations': true,
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'update.mode': 'none',
    'editor.minimap.enabled': false,
    'editor.stickyScroll.enabled': false,
    'editor.wordBasedSuggestions': 'off',
    'editor.quickSuggestions': { other: false, comments: false, strings: false },
    'editor.hover.delay': 200,
    'files.autoSave': 'off',
    'window.restoreWindows': 'none',
    'mission.today': '2026-11-23',
    // Only the format-on-save scenario saves a .mission file (the others undo their edits).
    '[mission]': { 'editor.formatOnSave': true }
};

/** Installs the VSIX into a fresh extensions directory, then starts the server; returns its URL and a stop(). */
export async function startCodeServer({ root, dir, vsix, log }) {
    const binary = codeServerBinary(root);
    const userData = join(dir, 'user-data');
    const extensions = join(dir, 'extensions');
    mkdirSync(join(userData, 'User'), { recursive: true });
    mkdirSync(extensions, { recursive: true });
    writeFileSync(join(userData, 'User/settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
    const common = ['--user-data-dir', userData, '--extensions-dir', extensions];

    const install = spawnSync(binary, [...common, '--install-extension', vsix], { encoding: 'utf8', timeout: 180_000 });
    if (install.status !== 0)
        throw new Error(`code-server --install-extension failed: ${install.stdout}\n${install.stderr}`);
    log(`installed ${vsix.slice(root.length + 1)} into code-server`);

    const port = await freePort();
    const output = openSync(join(dir, 'code-server.log'), 'a');
    const child = spawn(
        binary,
        [
            ...common,
            '--auth',
            'none',
            '--bind-addr',
            `127.0.0.1:${port}`,
            '--disable-telemetry',
            '--disable-update-check',
            '--disable-workspace-trust',
            '--disable-getting-started-override'
        ],
        { detached: true, stdio: ['ignore', output, output] }
    );
    const url = `http://127.0.0.1:${port}`;
    const stop = () => {
        try {
            process.kill(-child.pid, 'SIGTERM');
        } catch {
            /* already gone */
        }
    };
    process.once('exit', stop);
    const deadline = Date.now() + 120_000;
    for (;;) {
        if (child.exitCode !== null)
            throw new Error(`code-server exited with ${child.exitCode} (log: ${join(dir, 'code-server.log')})`);
        try {
            const response = await fetch(`${url}/healthz`);
            if (response.ok) break;
        } catch {
            /* not listening yet */
        }
        if (Date.now() > deadline) {
            stop();
            throw new Error('code-server did not answer /healthz within 120 s');
        }
        await new Promise(resolve => setTimeout(resolve, 250));
    }
    log(`code-server listening on ${url}`);
    return { url, stop, settingsFile: join(userData, 'User/settings.json') };
}

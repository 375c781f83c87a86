// Runs `langium generate` with the Node 20 polyfill loaded (see scripts/node20-polyfill.cjs).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = fileURLToPath(new URL('../node_modules/langium-cli/bin/langium.js', import.meta.url));
const polyfill = fileURLToPath(new URL('./node20-polyfill.cjs', import.meta.url));
const result = spawnSync(process.execPath, ['--require', polyfill, cli, 'generate'], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);

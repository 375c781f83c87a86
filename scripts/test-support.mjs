// What scripts/test.mjs needs beyond npm's own packages: a Debian package installed when missing (these machines
// run as root with apt), and the Node.js binary of another release line taken from the npm registry, where the
// `node-linux-<arch>` packages ship it (no other download: see docs/reliability.md "Suites and what they need").
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** True when `command args` runs and exits 0. */
export function runs(command, args = ['--version']) {
    return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

/**
 * Makes sure `command` runs, installing Debian's `pkg` with apt-get when it does not. Returns undefined when the
 * command is there, otherwise the reason it could not be installed (for the suite's loud skip line).
 */
export function ensureDebianPackage(pkg, command, args = ['--version']) {
    if (runs(command, args)) return undefined;
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const lock = ['-o', 'DPkg::Lock::Timeout=600'];
    console.log(`[test] installing Debian's ${pkg}`);
    const update = spawnSync('apt-get', [...lock, 'update', '-qq'], { env, stdio: 'ignore' });
    if (update.error) return `${command} is missing and there is no apt-get to install ${pkg}`;
    spawnSync('apt-get', [...lock, 'install', '-y', '-qq', '--no-install-recommends', pkg], { env, stdio: 'ignore' });
    return runs(command, args) ? undefined : `${command} is missing and apt-get could not install ${pkg}`;
}

/**
 * The path of a `node` binary of the release line `major` (e.g. 24), unpacked once into `cacheDir` from the npm
 * registry's `node-linux-<arch>@<major>` package, or `{ reason }` when it cannot be had here.
 */
export function ensureNodeLine(major, cacheDir) {
    const folder = join(cacheDir, `node-${major}`);
    const binary = join(folder, 'bin', 'node');
    if (runs(binary)) return { binary };
    if (process.platform !== 'linux') return { reason: `no node-linux package for ${process.platform}` };
    const pkg = `node-linux-${process.arch}@${major}`;
    const work = join(cacheDir, `node-${major}.download`);
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    console.log(`[test] fetching Node ${major} from the npm registry (${pkg})`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const pack = spawnSync(npm, ['pack', pkg, '--silent', '--pack-destination', work], { encoding: 'utf8' });
    const tarball = readdirSync(work).find(name => name.endsWith('.tgz'));
    if (pack.status !== 0 || !tarball) return { reason: `npm pack ${pkg} failed: ${(pack.stderr || '').trim()}` };
    const untar = spawnSync('tar', ['xzf', join(work, tarball), '-C', work], { encoding: 'utf8' });
    if (untar.status !== 0) return { reason: `could not unpack ${tarball}: ${untar.stderr.trim()}` };
    rmSync(folder, { recursive: true, force: true });
    renameSync(join(work, 'package'), folder);
    rmSync(work, { recursive: true, force: true });
    return existsSync(binary) && runs(binary) ? { binary } : { reason: `${pkg} holds no runnable bin/node` };
}

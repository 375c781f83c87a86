// `npm run demo`: checks the examples (the broken ones excluded) and writes what the CLI produces to out/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const mission = join(root, 'packages/cli/bin/mission.js');
const examples = readdirSync(join(root, 'examples'))
    .filter(name => name !== 'broken' && statSync(join(root, 'examples', name)).isDirectory() || name.endsWith('.mission'))
    .filter(name => name !== 'broken')
    .map(name => join('examples', name));

mkdirSync(join(root, 'out'), { recursive: true });
let failed = false;
for (const example of examples) {
    const name = example.split('/').pop().replace(/\.mission$/, '');
    const result = spawnSync(process.execPath, [mission, 'validate', example, '--format', 'json'], { cwd: root, encoding: 'utf8' });
    const target = join(root, 'out', `${name}.validation.json`);
    writeFileSync(`${target}.tmp`, result.stdout);
    renameSync(`${target}.tmp`, target);
    const summary = result.stdout ? JSON.parse(result.stdout).summary : undefined;
    console.log(`${example}: exit ${result.status}, ${summary ? `${summary.errors} errors, ${summary.warnings} warnings, ${summary.infos} infos` : result.stderr.trim()} -> out/${name}.validation.json`);
    if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);

// `npm run demo`: for every example folder under examples/ (the broken ones excluded) writes what the
// CLI produces to out/<example>/: the validation (JSON and SARIF), the JSON model, the cascade as
// Mermaid, DOT, SVG and PNG, the HTML scorecard and a brief for each lead. Diagnostics are reported
// and the demo goes on; it exits non-zero when a command fails (exit 2) or an example has errors.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** `1 error`, `2 errors`; `info` has no plural (as the CLI's summary line words it). */
function counted(count, noun, plural = `${noun}s`) {
    return `${count} ${count === 1 ? noun : plural}`;
}
const mission = join(root, 'packages/cli/bin/mission.js');
// Each example states the day it is "as of" in its own mission.config.json ("today"), so the demo gives the same
// results on any date; MISSION_TODAY=YYYY-MM-DD checks them on another day instead.
const today = process.env.MISSION_TODAY;
const examples = readdirSync(join(root, 'examples'))
    .filter(name => name !== 'broken' && statSync(join(root, 'examples', name)).isDirectory())
    .sort();

function run(example, args) {
    const dated = today ? ['--today', today] : ['--config', join(example, 'mission.config.json')];
    const result = spawnSync(process.execPath, [mission, ...args, ...dated], { cwd: root, encoding: 'utf8' });
    if (result.status === 2 || result.status === null) {
        console.error(
            `  FAILED: mission ${args.join(' ')}\n  ${(result.stderr || result.error?.message || '').trim()}`
        );
        failed = true;
    }
    return result;
}

/** Like the CLI's own outputs: a temporary file in the same folder, then a rename. */
function writeAtomic(path, text) {
    writeFileSync(`${path}.${process.pid}.tmp`, text);
    renameSync(`${path}.${process.pid}.tmp`, path);
}

let failed = false;
for (const name of examples) {
    const example = join('examples', name);
    const out = join('out', name);
    mkdirSync(join(root, out), { recursive: true });
    const validation = run(example, ['validate', example, '--format', 'json']);
    const summary = validation.stdout ? JSON.parse(validation.stdout).summary : undefined;
    writeAtomic(join(root, out, 'validation.json'), validation.stdout);
    writeAtomic(join(root, out, 'validation.sarif'), run(example, ['validate', example, '--format', 'sarif']).stdout);
    const outputs = [
        ['compile', example, '-o', join(out, 'model.json')],
        ['diagram', example, '-o', join(out, 'cascade.mmd')],
        ['diagram', example, '-o', join(out, 'cascade.dot')],
        ['diagram', example, '-o', join(out, 'cascade.svg')],
        ['diagram', example, '-o', join(out, 'cascade.png')],
        ['report', example, '-o', join(out, 'report.html')]
    ];
    for (const args of outputs) run(example, args);
    const model = JSON.parse(readFileSync(join(root, out, 'model.json'), 'utf8'));
    const leads = [...new Set(model.missions.map(m => m.lead).filter(Boolean))];
    mkdirSync(join(root, out, 'briefs'), { recursive: true });
    for (const lead of leads)
        run(example, ['brief', example, '--person', lead, '-o', join(out, 'briefs', `${lead}.md`)]);
    if (!summary) {
        console.log(`${example}: validation failed`);
        failed = true;
        continue;
    }
    console.log(
        `${example}: ${counted(model.missions.length, 'mission')}, ` +
            `${counted(summary.errors, 'error')}, ${counted(summary.warnings, 'warning')}, ` +
            `${counted(summary.infos, 'info', 'info')}` +
            ` -> ${out}/ (validation.json/.sarif, model.json, cascade.mmd/.dot/.svg/.png, report.html, ` +
            `${counted(leads.length, 'brief')})`
    );
    for (const diagnostic of JSON.parse(validation.stdout).diagnostics) {
        const { file, line, column, severity, code, message } = diagnostic;
        console.log(`  ${file}:${line}:${column} ${severity} ${code} ${message}`);
    }
    if (summary.errors > 0) failed = true;
}
process.exit(failed ? 1 : 0);

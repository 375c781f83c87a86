// `mission plan` at scale (issue #20): the staging planner on a checked workspace, in process, after the
// check (the planner's own time: the check is measured by the cold figures). The median of five plans,
// and of five with what-if options (a capacity raised, a mission finished, one delayed).
//   node bench/plan.mjs DIR   (prints the figures as JSON; bench/run.mjs calls measurePlan in a child)
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { URI } from 'langium';
import { checkSources, planStaging, todayFrom } from '../packages/language/out/index.js';
import { readWorkspace } from './phases.mjs';

const TODAY = '2026-11-23';
const median = values => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

export async function measurePlan(dir) {
    const sources = readWorkspace(dir).map(file => ({ path: file.path, uri: URI.file(file.path), text: file.text }));
    const { facts } = await checkSources(sources, { today: TODAY, referenceIndex: false });
    const today = todayFrom(TODAY);
    const active = facts.missions.find(mission => facts.isActive(mission));
    const whatIf = {
        capacity: [{ person: facts.persons[0].name, capacity: 3 }],
        finish: active ? [{ mission: active.name }] : [],
        delay: active ? [{ mission: facts.missions.at(-1).name, by: { amount: 8, unit: 'w' } }] : []
    };
    const time = options => {
        const start = performance.now();
        const plan = planStaging(facts, { today, ...options });
        return { ms: performance.now() - start, plan };
    };
    const plain = [];
    const withWhatIf = [];
    let last;
    for (let run = 0; run < 5; run++) {
        last = time({});
        plain.push(last.ms);
        withWhatIf.push(time(whatIf).ms);
    }
    const planned = last.plan.entries.filter(entry => entry.start !== undefined).length;
    return {
        planMs: median(plain),
        whatIfMs: median(withWhatIf),
        staged: last.plan.entries.length,
        planned,
        overCapacity: last.plan.overCapacity.length
    };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const dir = process.argv[2];
    if (!dir) throw new Error('usage: node bench/plan.mjs DIR');
    process.stdout.write(JSON.stringify(await measurePlan(dir)) + '\n');
}

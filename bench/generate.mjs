#!/usr/bin/env node
// Deterministic generator of realistic mission workspaces for benchmarks and scale tests.
//   node bench/generate.mjs <missions> <files> <out-dir> [--seed N]
// A cascade 3–7 levels deep across files, persons (in people.mission) and teams on missions, nested
// windows, budgets and measures that roll up (some with an explicit `rollup`), tags and links on some
// missions, supports between peers, and a scattering of real problems (about 1 mission in 50), so that
// every construct of LANGUAGE.md appears. The new constructs are chosen by index, not by the random
// generator, so a seed gives the same cascade as before they were added.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TAGS = ['operations', 'growth', 'north', 'south', 'digital', 'q1-2027', 'quality'];

export function generateWorkspace(missionCount, fileCount, seed = 42) {
    let state = seed >>> 0;
    const random = () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = items => items[Math.floor(random() * items.length)];
    const day = 86_400_000;
    const iso = d => new Date(d * day).toISOString().slice(0, 10);
    const startDay = Date.UTC(2026, 0, 1) / day;

    const personCount = Math.max(4, Math.ceil(missionCount * 0.9));
    const teamCount = Math.max(1, Math.ceil(missionCount / 40));
    const branching = missionCount >= 50_000 ? 6 : missionCount >= 5_000 ? 5 : 4;
    const files = Array.from({ length: fileCount }, () => []);
    const people = [];
    people.push('// Everyone in the organisation. Edited rarely, referenced by every file.');
    people.push('vision Org "Be the most trusted provider in every region" {\n  horizon 2030-12-31\n}');
    for (let p = 0; p < personCount; p++) {
        const capacity = p % 50 === 7 ? 1 : 3; // a few people with too little capacity: real problems
        const role = pick(['Analyst', 'Lead', 'Manager', 'Clinician', 'Engineer']);
        people.push(`person p${p} "Person ${p}" { capacity ${capacity} role "${role}" }`);
    }
    for (let t = 0; t < teamCount; t++) {
        const members = Array.from({ length: 3 }, (_, k) => `p${(t * 7 + k * 13) % personCount}`);
        people.push(`team t${t} "Team ${t}" { members ${[...new Set(members)].join(', ')} }`);
    }

    const missions = [];
    for (let i = 0; i < missionCount; i++) {
        const parent = i === 0 ? -1 : Math.floor((i - 1) / branching);
        const depth = parent < 0 ? 1 : missions[parent].depth + 1;
        const parentWindow = parent < 0 ? { start: startDay, end: startDay + 4 * 365 } : missions[parent].window;
        const length = parentWindow.end - parentWindow.start;
        const start = parentWindow.start + Math.floor(random() * length * 0.3);
        const end = parentWindow.end - Math.floor(random() * length * 0.3);
        const budget = parent < 0 ? 50_000_000 : Math.floor(missions[parent].budget / (branching + 1));
        missions.push({
            index: i,
            parent,
            depth,
            window: { start, end },
            budget,
            file: Math.min(fileCount - 1, Math.floor((i * fileCount) / missionCount))
        });
    }
    const childCount = new Array(missionCount).fill(0);
    for (const m of missions) if (m.parent >= 0) childCount[m.parent]++;
    // Headcounts and current values roll up: a parent holds at least what its children add up to.
    for (const m of missions)
        m.headcount = m.parent < 0 ? 100_000 : Math.floor(missions[m.parent].headcount / (branching + 1));
    for (let i = missionCount - 1; i >= 0; i--) missions[i].current ??= 0;
    for (let i = missionCount - 1; i >= 0; i--) {
        const m = missions[i];
        m.current += 100 + Math.floor(random() * 400);
        if (m.parent >= 0) missions[m.parent].current += m.current;
    }

    for (const m of missions) {
        const i = m.index;
        const problem = i % 50 === 49;
        // Finished missions are leaves, so that only the problem ones make an active child of a finished parent.
        const leaf = childCount[i] === 0;
        const status =
            i > 0 && i % 11 === 0
                ? 'staged'
                : leaf && i % 23 === 0
                  ? 'won'
                  : leaf && i % 97 === 0
                    ? 'lost'
                    : leaf && i % 89 === 0
                      ? 'abandoned'
                      : 'active';
        const lines = [];
        lines.push(`// Mission ${i} at level ${m.depth}`);
        // The two picks in this order: the same seed gives the same workspace as before.
        const verb = pick(['Grow', 'Open', 'Recruit', 'Reduce', 'Train', 'Launch']);
        const object = pick(['clinics', 'capacity', 'waiting times', 'staff', 'regions']);
        const parent = m.parent >= 0 ? `m${m.parent}` : 'Org';
        lines.push(`mission m${i} "Mission ${i}: ${verb} ${object}" under ${parent} {`);
        lines.push(`  intent "Deliver outcome ${i} without lowering quality" {`);
        lines.push(`    end state "Outcome ${i} delivered"`);
        lines.push(`    key task "Plan ${i}"`);
        lines.push(`    key task "Deliver ${i}"`);
        lines.push('  }');
        if (!(problem && i % 3 === 0)) lines.push(`  lead p${i % personCount}`);
        if (i % 4 === 1) lines.push(`  crew p${(i * 7 + 3) % personCount}${i % 80 === 1 ? `, t${i % teamCount}` : ''}`);
        if (status !== 'active' || i % 13 === 0) lines.push(`  status ${status}`);
        lines.push(`  review every 30 days last ${iso(Date.UTC(2026, 10, 23) / day - (problem ? 90 : i % 20))}`);
        if (status === 'staged') lines.push(`  value ${10 + (i % 90)}k GBP per ${i % 2 ? 'week' : 'month'}`);
        if (i % 3 === 0)
            lines.push(`  tags ${TAGS[i % TAGS.length]}${i % 9 === 0 ? `, ${TAGS[(i + 2) % TAGS.length]}` : ''}`);
        if (i % 4 === 0) lines.push(`  link "https://plans.example.org/missions/m${i}" "Plan of mission ${i}"`);
        if (i % 40 === 0) lines.push(`  link "mailto:m${i}@example.org"`);
        lines.push('  boundary {');
        lines.push(`    window ${iso(m.window.start)} .. ${iso(m.window.end)}`);
        lines.push(`    budget ${m.budget} GBP`);
        lines.push(`    headcount ${m.headcount}`);
        lines.push('    must "comply with regulation"');
        lines.push('    must not "reduce safety margins"');
        lines.push('  }');
        const target = m.current * 2;
        lines.push(`  measure outcome "Outcome ${i}" {`);
        lines.push(`    baseline 0`);
        lines.push(`    target ${target}`);
        lines.push(`    current ${m.current}`);
        lines.push('    unit outcomes');
        if (i % 7 === 0) lines.push('    direction up');
        if (i % 10 === 0) lines.push('    rollup sum');
        lines.push(`    due ${iso(m.window.end)}`);
        if (m.parent >= 0) lines.push(`    contributes to m${m.parent}.outcome`);
        lines.push('  }');
        if (i % 5 === 0)
            lines.push(
                '  measure cost "Cost per outcome" ' +
                    `{ baseline 120 target 80 current 100 unit "GBP per outcome" direction down${
                        i % 10 === 0 ? ' rollup none' : ''
                    } }`
            );
        if (i % 8 === 0)
            lines.push(`  measure onTime "On-time rate" { baseline 70 target 95 current ${80 + (i % 15)} unit "%" }`);
        if (m.parent >= 0 && i % 6 === 0 && i + 1 < missionCount && missions[i + 1].parent === m.parent)
            lines.push(`  supports m${i + 1}`);
        lines.push('}');
        files[m.file].push(lines.join('\n'));
    }
    const result = [{ name: 'people.mission', text: people.join('\n') + '\n' }];
    files.forEach((parts, f) =>
        result.push({ name: `missions-${String(f).padStart(4, '0')}.mission`, text: parts.join('\n\n') + '\n' })
    );
    return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
    const [missions, files, out] = process.argv.slice(2);
    if (!missions || !files || !out) {
        console.error('usage: node bench/generate.mjs <missions> <files> <out-dir> [--seed N]');
        process.exit(2);
    }
    const seedIndex = process.argv.indexOf('--seed');
    const seed = seedIndex > 0 ? Number(process.argv[seedIndex + 1]) : 42;
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    let bytes = 0;
    for (const file of generateWorkspace(Number(missions), Number(files), seed)) {
        writeFileSync(join(out, file.name), file.text);
        bytes += Buffer.byteLength(file.text);
    }
    console.log(`${missions} missions in ${files} files, ${(bytes / 1e6).toFixed(1)} MB -> ${out}`);
}

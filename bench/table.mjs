// The Markdown tables of bench/results.md, from the results of bench/run.mjs.
const fixed = (value, digits = 0) => (value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits));
const ms = value => fixed(value);

function row(cells) {
    return `| ${cells.join(' | ')} |`;
}

function table(header, rows) {
    return [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n');
}

export function renderMarkdown(results) {
    const sizes = Object.entries(results.sizes);
    const { machine } = results;
    const lines = [];
    lines.push(`# Benchmark results`, '');
    const loadAverage = averages => averages.map(l => l.toFixed(2)).join(' ');
    lines.push(
        `${results.date} · ${machine.cpu} × ${machine.cores} · ${machine.memoryGB} GB · Node ${machine.node} · ` +
            `load average ${loadAverage(machine.loadAverageStart)} at start, ` +
            `${loadAverage(machine.loadAverageEnd)} at end · median of ${results.options.runs} run(s)`,
        ''
    );

    lines.push('## Cold check', '');
    lines.push(
        table(
            [
                'size',
                'files',
                'source MB',
                '`validate` wall ms',
                'MB/s',
                'peak RSS MB',
                'in-process ms',
                'parse',
                'index',
                'link',
                'ref index',
                'facts',
                'rules',
                'heap MB',
                'µs/mission',
                'growth ÷ 1k'
            ],
            sizes
                .filter(([, s]) => s.cold)
                .map(([size, s]) => [
                    size,
                    s.files,
                    fixed(s.sourceMB, 1),
                    ms(s.validate.wallMs),
                    fixed(s.validate.sourceMBps, 1),
                    fixed(s.validate.peakRssMB),
                    ms(s.cold.totalMs),
                    ms(s.cold.parseMs),
                    ms(s.cold.indexMs),
                    ms(s.cold.linkMs),
                    ms(s.cold.referenceIndexMs),
                    ms(s.cold.factsMs),
                    ms(s.cold.rulesMs),
                    fixed(s.cold.heapMB),
                    fixed(s.cold.perMissionUs, 1),
                    fixed(s.cold.growth, 2)
                ])
        ),
        ''
    );

    lines.push('## Floor', '');
    lines.push(
        table(
            ['size', 'lex ms', 'cold ÷ lex', 'model JSON MB', 'JSON.parse ms', 'cold ÷ JSON.parse'],
            sizes
                .filter(([, s]) => s.floor)
                .map(([size, s]) => [
                    size,
                    ms(s.floor.lexMs),
                    fixed(s.floor.coldOverLex, 1),
                    fixed(s.floor.modelMB, 1),
                    ms(s.floor.jsonParseMs),
                    fixed(s.floor.coldOverJson, 1)
                ])
        ),
        ''
    );

    const checks = sizes.filter(([, s]) => s.validate?.cachedWallMs !== undefined);
    if (checks.length) {
        lines.push('## `mission validate` beside a default Langium build, and from its cache (process wall ms)', '');
        lines.push(
            table(
                [
                    'size',
                    '`validate`',
                    'default Langium build',
                    'its peak RSS MB',
                    '`validate` ÷ Langium',
                    '`validate --cache`, unchanged',
                    'its peak RSS MB'
                ],
                checks.map(([size, s]) => [
                    size,
                    ms(s.validate.wallMs),
                    s.baseline ? ms(s.baseline.langiumWallMs) : '—',
                    s.baseline ? fixed(s.baseline.langiumPeakRssMB) : '—',
                    s.baseline ? fixed(s.baseline.validateOverLangium, 2) : '—',
                    ms(s.validate.cachedWallMs),
                    fixed(s.validate.cachedPeakRssMB)
                ])
            ),
            ''
        );
    }

    const editors = sizes.filter(([, s]) => s.editor);
    if (editors.length) {
        lines.push('## Editor (language server over stdio, ms, p50 / p95)', '');
        const pair = value => `${ms(value.p50)} / ${ms(value.p95)}`;
        lines.push(
            table(
                [
                    'size',
                    'first build ms',
                    'server RSS MB',
                    'edit leaf file',
                    'edit persons file',
                    'completion after `lead `',
                    'hover on a mission'
                ],
                editors.map(([size, s]) => [
                    size,
                    ms(s.editor.firstBuildMs),
                    fixed(s.editor.rssMB),
                    pair(s.editor.leafEdit),
                    pair(s.editor.peopleEdit),
                    pair(s.editor.completion),
                    pair(s.editor.hover)
                ])
            ),
            ''
        );
    }

    lines.push('## Outputs (process wall ms)', '');
    lines.push(
        table(
            ['size', '`compile -o`', '`diagram --format svg`'],
            sizes
                .filter(([, s]) => s.outputs)
                .map(([size, s]) => [
                    size,
                    ms(s.outputs.compileMs),
                    s.outputs.diagramSvgMs === undefined
                        ? '—'
                        : ms(s.outputs.diagramSvgMs) +
                          (s.outputs.diagramDepth ? ` (--depth ${s.outputs.diagramDepth})` : '')
                ])
        ),
        ''
    );

    const sites = sizes.filter(([, s]) => s.site);
    if (sites.length) {
        lines.push('## Site (ms; `mission build` and `mission serve`, cascade --depth 3)', '');
        lines.push(
            table(
                [
                    'size',
                    '`build` wall',
                    'files',
                    'pan/zoom fps (p95 frame ms)',
                    '`serve` first build',
                    'mission page p50 / p95',
                    'saved file → reload p50 / p95'
                ],
                sites.map(([size, s]) => [
                    size,
                    ms(s.site.build.wallMs),
                    String(s.site.build.files),
                    s.site.build.panZoom
                        ? `${fixed(s.site.build.panZoom.fps)} (${fixed(s.site.build.panZoom.frameP95Ms)})`
                        : '—',
                    ms(s.site.serve.firstBuildMs),
                    `${ms(s.site.serve.page.p50)} / ${ms(s.site.serve.page.p95)}`,
                    `${ms(s.site.serve.reload.p50)} / ${ms(s.site.serve.reload.p95)}`
                ])
            ),
            ''
        );
    }

    lines.push('## Budgets', '');
    lines.push(
        table(
            ['budget', 'limit', 'measured', 'result'],
            results.budgets.map(b => [
                b.name,
                `${b.limit} ${b.unit}`,
                b.value === undefined ? '—' : `${fixed(b.value, b.unit === '×' ? 2 : 0)} ${b.unit}`,
                b.pass === undefined ? 'not measured' : b.pass ? 'pass' : '**MISSED**'
            ])
        ),
        ''
    );
    return lines.join('\n');
}

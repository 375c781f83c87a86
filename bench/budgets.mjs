// The performance budgets of issue 8, then the tighter ones of issue 22 ("Performance II"), checked by
// `npm run bench`. Never loosen one: when a budget is
// missed, docs/performance.md says the best figure reached and the design change that would reach it.
// Each reads a figure from the results; a budget whose size or measure was not run is "not measured".
const at =
    (size, ...path) =>
    results =>
        path.reduce((value, key) => value?.[key], results.sizes[size]);

export const BUDGETS = [
    { name: 'cold check in-process 10k/200 files', limit: 1000, unit: 'ms', figure: at('10k', 'cold', 'totalMs') },
    { name: 'cold check in-process 100k/1000 files', limit: 10_000, unit: 'ms', figure: at('100k', 'cold', 'totalMs') },
    { name: 'cold check in-process 100k heap', limit: 1200, unit: 'MB', figure: at('100k', 'cold', 'heapMB') },
    { name: '`mission validate` process 10k wall', limit: 1500, unit: 'ms', figure: at('10k', 'validate', 'wallMs') },
    {
        name: '`mission validate` process 10k peak RSS',
        limit: 300,
        unit: 'MB',
        figure: at('10k', 'validate', 'peakRssMB')
    },
    { name: 'cold check ÷ cold lex 10k', limit: 8, unit: '×', figure: at('10k', 'floor', 'coldOverLex') },
    { name: 'growth per mission 100k ÷ 10k', limit: 1.3, unit: '×', figure: results => ratio(results, '100k', '10k') },
    {
        name: 'edit leaf file 10k → diagnostics p95',
        limit: 40,
        unit: 'ms',
        figure: at('10k', 'editor', 'leafEdit', 'p95')
    },
    {
        name: 'edit persons file 10k → diagnostics p95',
        limit: 150,
        unit: 'ms',
        figure: at('10k', 'editor', 'peopleEdit', 'p95')
    },
    {
        name: 'edit leaf file 50k → diagnostics p95',
        limit: 120,
        unit: 'ms',
        figure: at('50k', 'editor', 'leafEdit', 'p95')
    },
    {
        name: 'edit persons file 50k → diagnostics p95',
        limit: 600,
        unit: 'ms',
        figure: at('50k', 'editor', 'peopleEdit', 'p95')
    },
    {
        name: 'completion after `lead ` 10k p95',
        limit: 25,
        unit: 'ms',
        figure: at('10k', 'editor', 'completion', 'p95')
    },
    { name: 'hover on a mission 10k p95', limit: 25, unit: 'ms', figure: at('10k', 'editor', 'hover', 'p95') },
    { name: 'MCP read tool 10k p95 (worst tool)', limit: 50, unit: 'ms', figure: at('10k', 'mcp', 'readP95') },
    { name: 'MCP propose_edit 10k p95', limit: 300, unit: 'ms', figure: at('10k', 'mcp', 'proposeEdit', 'p95') },
    {
        name: '`diagram --format svg` 1,000-mission cascade',
        limit: 2000,
        unit: 'ms',
        figure: at('1k', 'outputs', 'diagramSvgMs')
    },
    {
        name: '`mission diff` of two revisions 10k wall',
        limit: 3000,
        unit: 'ms',
        figure: at('10k', 'outputs', 'diffMs')
    },
    {
        name: 'staging plan 10k (in process, after the check)',
        limit: 1000,
        unit: 'ms',
        figure: at('10k', 'outputs', 'planMs')
    },
    {
        name: '`mission build` 10k wall (cascade --depth 3)',
        limit: 15_000,
        unit: 'ms',
        figure: at('10k', 'site', 'build', 'wallMs')
    },
    {
        name: 'cascade page 10k (--depth 3) pan/zoom p95 frame time in Chromium (30 fps)',
        limit: 33,
        unit: 'ms',
        figure: at('10k', 'site', 'build', 'panZoom', 'frameP95Ms')
    },
    {
        name: '`mission serve` 10k mission page p95',
        limit: 50,
        unit: 'ms',
        figure: at('10k', 'site', 'serve', 'page', 'p95')
    },
    {
        name: '`mission serve` 10k saved file → reload p95',
        limit: 1000,
        unit: 'ms',
        figure: at('10k', 'site', 'serve', 'reload', 'p95')
    }
];

/**
 * Issue 22, "Performance II": the same machine and measures, tighter, plus the ratio to a default Langium build
 * of the same grammar (bench/langium-baseline.mjs) and an unchanged model answered from `validate --cache`.
 */
const ISSUE_22 = 'II: ';
BUDGETS.push(
    { name: `${ISSUE_22}cold check in-process 10k`, limit: 450, unit: 'ms', figure: at('10k', 'cold', 'totalMs') },
    {
        name: `${ISSUE_22}\`mission validate\` 10k wall`,
        limit: 600,
        unit: 'ms',
        figure: at('10k', 'validate', 'wallMs')
    },
    {
        name: `${ISSUE_22}\`mission validate\` 10k peak RSS`,
        limit: 150,
        unit: 'MB',
        figure: at('10k', 'validate', 'peakRssMB')
    },
    { name: `${ISSUE_22}cold check ÷ cold lex 10k`, limit: 2.5, unit: '×', figure: at('10k', 'floor', 'coldOverLex') },
    { name: `${ISSUE_22}cold check in-process 100k`, limit: 4000, unit: 'ms', figure: at('100k', 'cold', 'totalMs') },
    {
        name: `${ISSUE_22}cold check in-process 100k heap`,
        limit: 500,
        unit: 'MB',
        figure: at('100k', 'cold', 'heapMB')
    },
    {
        name: `${ISSUE_22}editor first build 10k (every file's diagnostics published)`,
        limit: 1000,
        unit: 'ms',
        figure: at('10k', 'editor', 'firstBuildMs')
    },
    {
        name: `${ISSUE_22}language server RSS after the first build 10k`,
        limit: 250,
        unit: 'MB',
        figure: at('10k', 'editor', 'rssMB')
    },
    {
        name: `${ISSUE_22}\`mission validate\` ÷ default Langium build 10k (same run, alternating)`,
        limit: 0.3,
        unit: '×',
        figure: at('10k', 'baseline', 'validateOverLangium')
    },
    {
        name: `${ISSUE_22}\`mission validate --cache\` of an unchanged 10k`,
        limit: 300,
        unit: 'ms',
        figure: at('10k', 'validate', 'cachedWallMs')
    }
);

function ratio(results, size, base) {
    const a = results.sizes[size]?.cold?.perMissionUs;
    const b = results.sizes[base]?.cold?.perMissionUs;
    return a && b ? a / b : undefined;
}

/** Each budget with its figure and whether it passes; `pass` is undefined when it was not measured. */
export function checkBudgets(results) {
    return BUDGETS.map(({ name, limit, unit, figure }) => {
        const value = figure(results);
        return {
            name,
            limit,
            unit,
            value,
            pass: value === undefined || Number.isNaN(value) ? undefined : value <= limit
        };
    });
}

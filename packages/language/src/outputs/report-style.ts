/** The report's stylesheet (inline; its hash goes into the page's Content-Security-Policy). */
export const REPORT_CSS = `
:root { --ink: #1b2330; --muted: #5b6574; --line: #e3e7ee; --paper: #ffffff; --wash: #f5f7fa; --navy: #1f2a44;
  --blue: #2f6fb5; --green: #2e8b57; --amber: #b7791f; --red: #c62828; --violet: #7a5cc2; --grey: #8a8f98; }
* { box-sizing: border-box; }
html { background: var(--wash); }
body { margin: 0; font: 14px/1.45 "Liberation Sans", Helvetica, Arial, sans-serif; color: var(--ink); }
header.top { background: var(--navy); color: #fff; padding: 28px 40px 24px; }
header.top .eyebrow { text-transform: uppercase; letter-spacing: .12em; font-size: 11px; opacity: .7; margin: 0 0 6px; }
header.top h1 { margin: 0; font-size: 26px; font-weight: 700; }
header.top h1 .more { font-weight: 400; opacity: .7; font-size: 18px; }
header.top .vision { margin: 10px 0 0; font-size: 16px; opacity: .92; }
header.top .vision b { font-weight: 700; }
header.top .vision .horizon { opacity: .7; font-size: 13px; margin-left: 6px; }
.chips { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 18px; }
.chip { display: inline-flex; align-items: baseline; gap: 6px; padding: 4px 12px; border-radius: 999px;
  background: rgba(255,255,255,.1); font-size: 13px; }
.chip b { font-size: 16px; }
.chip.error b { color: #ff8a80; } .chip.warning b { color: #ffd180; } .chip.info b { color: #9ecbff; }
main { max-width: 1400px; margin: 0 auto; padding: 24px 40px 48px; }
section.card { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 20px 24px;
  margin: 0 0 20px; box-shadow: 0 1px 2px rgba(16,24,40,.04); }
section.card h2 { margin: 0 0 4px; font-size: 17px; }
section.card p.note { margin: 0 0 14px; color: var(--muted); font-size: 12.5px; }
.zoomable { position: relative; }
.zoomable input.zoom { position: absolute; opacity: 0; width: 1px; height: 1px; margin: 0; }
.zoomable .zoom-label { font-size: 12px; color: var(--muted); margin-right: 8px; }
.zoomable label { display: inline-block; padding: 2px 10px; margin: 0 4px 8px 0; border: 1px solid var(--line);
  border-radius: 4px; font-size: 12px; color: var(--muted); cursor: pointer; user-select: none; }
.zoomable input.zoom:checked + label { background: var(--navy); border-color: var(--navy); color: #fff; }
.zoomable input.zoom:focus-visible + label { outline: 2px solid var(--blue); outline-offset: 1px; }
.cascade { overflow: auto; max-height: 85vh; border: 1px solid var(--line); border-radius: 6px; background: #fff;
  padding: 8px; }
.cascade svg { display: block; margin: 0 auto; max-width: 100%; height: auto; }
#zoom-100:checked ~ .cascade svg { max-width: none; }
#zoom-150:checked ~ .cascade svg { max-width: none; zoom: 1.5; }
#zoom-200:checked ~ .cascade svg { max-width: none; zoom: 2; }
#zoom-300:checked ~ .cascade svg { max-width: none; zoom: 3; }
table.scorecard td.level-0 { padding-left: 10px; }
table.scorecard td.level-1 { padding-left: 28px; }
table.scorecard td.level-2 { padding-left: 46px; }
table.scorecard td.level-3 { padding-left: 64px; }
table.scorecard td.level-4 { padding-left: 82px; }
table.scorecard td.level-5 { padding-left: 100px; }
table.scorecard td.level-6 { padding-left: 118px; }
table.scorecard td.level-7 { padding-left: 136px; }
table.scorecard td.level-8 { padding-left: 154px; }
tr.group.vision td { background: #e9edf5; }
tr.group:target td, tr:target td { background: #fff4d6; }
tr.facts td { font-size: 12.5px; color: var(--ink); padding-top: 4px; padding-bottom: 6px; }
tr.facts .fact { display: inline-block; margin-right: 18px; white-space: nowrap; }
.label { color: var(--muted); font-size: 11px; text-transform: uppercase; letter-spacing: .04em; margin-right: 4px; }
ul.bounds { list-style: none; margin: 4px 0 0; padding: 0; }
ul.bounds li { margin: 1px 0; }
ul.bounds li.must-not .label { color: var(--red); }
ul.bounds li.must .label { color: var(--green); }
.problems { margin-left: 6px; font-weight: 400; }
a.problem { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 11.5px; text-decoration: none;
  font-family: "Liberation Mono", Menlo, Consolas, monospace; margin-left: 2px; }
a.problem.error { color: #fff; background: var(--red); }
a.problem.warning { color: #fff; background: var(--amber); }
a.problem.info { color: var(--blue); background: #eef4fb; }
a.element { color: var(--blue); }
.gantt { overflow-x: auto; }
.gantt svg { max-width: 100%; height: auto; }
table { width: 100%; border-collapse: collapse; font-size: 13px; }
th { text-align: left; font-weight: 600; color: var(--muted); font-size: 11.5px; text-transform: uppercase;
  letter-spacing: .05em; padding: 8px 10px; border-bottom: 2px solid var(--line); }
td { padding: 7px 10px; border-bottom: 1px solid var(--line); vertical-align: middle; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.group td { background: var(--wash); font-weight: 600; border-bottom: 1px solid var(--line); padding-top: 9px; }
tr.group td .title { font-weight: 400; color: var(--muted); margin-left: 6px; }
td.progress { width: 210px; white-space: nowrap; }
td.progress .pct { display: inline-block; width: 42px; text-align: right; margin-left: 8px;
  font-variant-numeric: tabular-nums; color: var(--muted); }
.none { color: #a0a7b3; }
svg.bar { width: 150px; height: 8px; vertical-align: middle; }
svg.bar .track { fill: #e6e9ef; }
svg.bar .fill { fill: var(--blue); }
svg.bar.done .fill { fill: var(--green); }
svg.bar.over .fill { fill: var(--red); }
svg.bar.load .fill { fill: var(--violet); }
.status { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 11.5px; font-weight: 600;
  border: 1px solid; }
.status.active { color: var(--blue); border-color: #b9d0ec; background: #eef4fb; }
.status.staged { color: #555b66; border-color: #d6d9de; background: #f4f5f7; }
.status.won { color: var(--green); border-color: #b6dfc6; background: #edf8f1; }
.status.lost { color: var(--red); border-color: #f1c0bc; background: #fdf0ef; }
.status.abandoned { color: #6f6b62; border-color: #dcd8cf; background: #f4f2ee; }
span.pace { display: inline-block; padding: 1px 8px; border-radius: 4px; font-size: 11.5px; font-weight: 600;
  white-space: nowrap; }
span.pace.behind { color: #fff; background: var(--amber); }
span.pace.on-track { color: var(--blue); background: #eef4fb; }
span.pace.won { color: var(--green); background: #edf8f1; }
td.pace { white-space: nowrap; }
.tag { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 11.5px; font-weight: 400;
  color: var(--violet); background: #f3effb; margin-left: 4px; }
a.link { font-weight: 400; font-size: 12.5px; margin-left: 6px; color: var(--blue); }
span.link { font-weight: 400; font-size: 12.5px; margin-left: 6px; }
tr.group.context td { color: var(--grey); font-weight: 400; }
.sev { display: inline-block; min-width: 62px; text-align: center; padding: 1px 8px; border-radius: 4px;
  font-size: 11.5px; font-weight: 700; color: #fff; }
.sev.error { background: var(--red); } .sev.warning { background: var(--amber); } .sev.info { background: var(--blue); }
code, .loc { font-family: "Liberation Mono", Menlo, Consolas, monospace; font-size: 12px; }
.loc { color: var(--muted); white-space: nowrap; }
.over { color: var(--red); font-weight: 700; }
.counted { color: var(--red); }
.rank { display: inline-flex; width: 24px; height: 24px; border-radius: 50%; background: var(--navy); color: #fff;
  font-weight: 700; align-items: center; justify-content: center; font-size: 12px; }
.rank.unranked { background: #c5cad3; }
.empty { color: var(--muted); font-style: italic; margin: 4px 0; }
footer { text-align: center; color: var(--muted); font-size: 12px; padding: 0 0 32px; }
td.date, td.person, td code { white-space: nowrap; }
@media (max-width: 900px) { main { padding: 16px; } header.top { padding: 20px 16px; } }
@media print { html { background: #fff; } section.card { box-shadow: none; break-inside: avoid; }
  .zoomable input.zoom, .zoomable label, .zoomable .zoom-label { display: none; }
  .cascade { max-height: none; overflow: visible; border: 0; }
  .cascade svg { max-width: 100% !important; zoom: 1 !important; } }
`;

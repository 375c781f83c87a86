import { REPORT_CSS } from '../report-style.js';

/**
 * The site's stylesheet: the report's, and the site's own (navigation, the indented scorecard, the
 * mission page's facts), with print styles for the scorecard. Inline in every page, pinned by its hash in
 * the page's Content-Security-Policy, so the pages need no other file and work from `file://`.
 */
export const SITE_CSS =
    REPORT_CSS +
    `
nav.site { background: #17203a; padding: 0 40px; display: flex; flex-wrap: wrap; gap: 4px; }
nav.site a { color: #dfe6f3; text-decoration: none; padding: 9px 12px; font-size: 13px; }
nav.site a:hover, nav.site a.here { background: rgba(255,255,255,.12); color: #fff; }
.banner { background: #fdf0ef; color: var(--red); border-bottom: 2px solid var(--red); padding: 10px 40px;
  font-weight: 600; }
.crumbs { font-size: 13px; margin: 0 0 6px; opacity: .85; }
header.top .crumbs a { color: #cfe0ff; }
header.top a { color: #cfe0ff; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 6px 18px; margin: 0; }
dl.facts dt { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .05em;
  padding-top: 2px; }
dl.facts dd { margin: 0; }
blockquote.intent { margin: 0 0 10px; padding: 8px 14px; border-left: 4px solid var(--blue); background: var(--wash);
  font-size: 15px; }
ul.plain { margin: 4px 0; padding-left: 20px; }
.cascade a { cursor: pointer; }
.tools { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin: 0 0 10px; }
.tools[hidden] { display: none; }
.tools input, .tools select, .tools button { font: inherit; font-size: 13px; padding: 5px 8px;
  border: 1px solid #c5ccd8; border-radius: 6px; background: #fff; color: var(--ink); }
.tools input { min-width: 220px; }
.tools .zoom { margin-left: auto; display: flex; gap: 4px; }
.tools button { cursor: pointer; min-width: 32px; }
#find-count { font-size: 13px; color: var(--muted); }
ol.found { margin: 0 0 10px; padding-left: 22px; font-size: 13px; columns: 2; }
ol.found[hidden] { display: none; }
ol.found li { color: var(--muted); break-inside: avoid; }
ol.found li.more { list-style: none; }
.cascade.zoomable { height: 70vh; min-height: 360px; border: 1px solid #e3e7ee; border-radius: 8px; overflow: hidden;
  cursor: grab; touch-action: none; }
.cascade.zoomable:focus { outline: 2px solid var(--blue); outline-offset: 2px; }
.cascade.panning { cursor: grabbing; }
.cascade.zoomable svg { width: 100%; height: 100%; display: block; user-select: none; }
.cascade.filtering g.edge { opacity: .25; }
.cascade g.node.dim { opacity: .22; }
.cascade g.node.match a > path:first-of-type { stroke: #e8590c; stroke-width: 4px; }
table.scorecard th button.sort { font: inherit; color: inherit; background: none; border: none; padding: 0;
  cursor: pointer; text-transform: inherit; letter-spacing: inherit; }
table.scorecard th[aria-sort=ascending] button.sort::after { content: ' ▲'; }
table.scorecard th[aria-sort=descending] button.sort::after { content: ' ▼'; }
table.sorted tr.group td:first-child { padding-left: 10px; }
table.sorted tr.measure td:first-child { padding-left: 28px; }
svg.load-chart { width: 100%; max-width: 760px; height: auto; display: block; margin: 0 0 12px; }
svg.load-chart text { font-size: 11px; fill: var(--muted); }
svg.load-chart .axis { stroke: #c5ccd8; stroke-width: 1; }
svg.load-chart .load { fill: #dbe7f6; stroke: var(--blue); stroke-width: 2; }
svg.load-chart .over { fill: #f6d5d2; stroke: none; }
svg.load-chart .capacity { stroke: var(--red); stroke-width: 1.5; stroke-dasharray: 6 4; fill: none; }
svg.load-chart .today { stroke: var(--ink); stroke-width: 1; stroke-dasharray: 2 3; }
svg.load-chart text.capacity-label { fill: var(--red); }
td.indent-0 { padding-left: 10px; } td.indent-1 { padding-left: 28px; } td.indent-2 { padding-left: 46px; }
td.indent-3 { padding-left: 64px; } td.indent-4 { padding-left: 82px; } td.indent-5 { padding-left: 100px; }
td.indent-6 { padding-left: 118px; } td.indent-7 { padding-left: 136px; } td.indent-deep { padding-left: 154px; }
tr.measure td:first-child { color: var(--muted); }
a { color: var(--blue); }
td.pace { display: table-cell; padding: 7px 10px; border-radius: 0; background: none; }
@media print {
  nav.site, .banner, footer, p.note, .tools, ol.found { display: none; }
  table.scorecard th button.sort::after { content: none; }
  header.top { background: #fff; color: var(--ink); padding: 0 0 8px; }
  main { padding: 0; max-width: none; }
  section.card { border: none; padding: 0; }
  table { font-size: 10.5px; }
  tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .pace.behind { color: var(--amber); background: none; border: 1px solid var(--amber); }
}
`;

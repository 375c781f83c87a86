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
td.indent-0 { padding-left: 10px; } td.indent-1 { padding-left: 28px; } td.indent-2 { padding-left: 46px; }
td.indent-3 { padding-left: 64px; } td.indent-4 { padding-left: 82px; } td.indent-5 { padding-left: 100px; }
td.indent-6 { padding-left: 118px; } td.indent-7 { padding-left: 136px; } td.indent-deep { padding-left: 154px; }
tr.measure td:first-child { color: var(--muted); }
a { color: var(--blue); }
td.pace { display: table-cell; padding: 7px 10px; border-radius: 0; background: none; }
@media print {
  nav.site, .banner, footer, p.note { display: none; }
  header.top { background: #fff; color: var(--ink); padding: 0 0 8px; }
  main { padding: 0; max-width: none; }
  section.card { border: none; padding: 0; }
  table { font-size: 10.5px; }
  tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .pace.behind { color: var(--amber); background: none; border: 1px solid var(--amber); }
}
`;

// The HTML shell shared by the report and the rulebook: one self-contained file, inline CSS only, no
// script, no font or image to fetch, readable on screen and printed on A4.
import { escHtml } from './markup.js';

const CSS = `
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --red: #b42318; --amber: #9a6700; --blue: #0b5cad; --soft: #f6f8fa; }
* { box-sizing: border-box; }
html { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "PingFang SC", "Microsoft YaHei", "SimSun", sans-serif; color: var(--ink); line-height: 1.6; }
body { margin: 0; background: #fff; }
main { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 .75rem; text-align: center; }
h2 { font-size: 1.3rem; margin: 2rem 0 .75rem; padding-bottom: .25rem; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
h4 { font-size: 1rem; margin: 0 0 .25rem; }
p { margin: .25rem 0; }
a { color: var(--blue); }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 0 1rem; padding: .75rem 1rem; background: var(--soft); border: 1px solid var(--line); }
dl.meta dt { font-weight: bold; color: var(--muted); }
dl.meta dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .95rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--soft); }
table.summary { width: auto; min-width: 60%; }
table.summary td.num, table.summary th.num { min-width: 4.5em; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: bold; background: var(--soft); }
.nowrap { white-space: nowrap; }
.zero { color: var(--muted); }
.agency > h4 { margin: 1.25rem 0 .25rem; padding: .3rem .6rem; background: var(--soft); border-left: 4px solid var(--ink); }
.finding { border: 1px solid var(--line); border-left: 5px solid var(--muted); padding: .5rem .75rem; margin: .5rem 0; }
.finding.violation { border-left-color: var(--red); }
.finding.advisory { border-left-color: var(--amber); }
.finding.pending { border-left-color: var(--blue); }
.badge { display: inline-block; font-size: .85rem; font-weight: bold; padding: 0 .4rem; margin-right: .35rem; border: 1px solid currentColor; border-radius: 3px; }
.violation .badge { color: var(--red); }
.advisory .badge { color: var(--amber); }
.pending .badge { color: var(--blue); }
.cite { border-bottom: 1px dotted var(--muted); cursor: help; }
.counting { color: var(--muted); font-size: .92rem; }
.facts { color: var(--muted); font-size: .92rem; }
.soon { background: #fff4e5; }
.soon-mark { color: var(--red); font-weight: bold; white-space: nowrap; }
blockquote { margin: .25rem 0 .5rem; padding: .25rem .75rem; border-left: 3px solid var(--line); background: var(--soft); }
ol.notes li { margin: .35rem 0; }
.article { border-top: 1px solid var(--line); padding: .75rem 0; }
.article h4 { margin-bottom: .25rem; }
.article-body { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: 1rem; align-items: start; }
.article-duties .duty:first-child { margin-top: 0; }
h5 { font-size: .95rem; margin: .5rem 0 .25rem; }
@media (max-width: 50rem) { .article-body { grid-template-columns: 1fr; } }
.duty { margin: .5rem 0; }
.duty table { font-size: .92rem; }
.duty th { width: 7rem; white-space: nowrap; }
.review { border: 2px solid var(--amber); padding: .5rem 1rem; }
footer { margin-top: 2rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line); padding-top: .5rem; }
@page { size: A4; margin: 16mm 14mm 18mm; @bottom-center { content: "第 " counter(page) " 页 / 共 " counter(pages) " 页"; font-size: 9pt; color: #59636e; } }
@media print {
  html { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  h2, h3, h4 { break-after: avoid; }
  .finding, tr, .duty, blockquote, ol.notes li { break-inside: avoid; }
  thead { display: table-header-group; }
  .soon { background: none; }
  .cite { border-bottom: none; }
  .article-body { grid-template-columns: 1fr; gap: .25rem; }
}
`;

export function htmlPage(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

// --format html: the report for the leading group, one self-contained page (see page.ts). Article
// texts show on hover (title) and, for print, as numbered notes at the end. Summary numbers carry
// data-* attributes so that tests and scripts can read them without parsing Chinese.
import type { CheckResult, Summary } from '../model/finding.js';
import { buildReport, clauseAgenciesZh, clauseCountZh, type Clause, type FindingItem, type Note, type OverdueItem, type PendingItem, type RoundSection, type SummaryRow } from './document.js';
import type { ReportContext } from './index.js';
import { estimateMark, noFindingsZh, overdueZh, SEVERITY_ZH, SOON_WORKDAYS } from './labels.js';
import { escHtml as e } from './markup.js';
import { htmlPage } from './page.js';

const KEYS = ['violation', 'advisory', 'pending'] as const;

export function formatHtml(results: CheckResult[], ctx: ReportContext): string {
  const doc = buildReport(results, ctx);
  const H: string[] = [];
  H.push(`<header><h1>${e(doc.title)}</h1>${meta(doc.meta)}</header>`);
  if (doc.combined) {
    H.push('<section id="combined"><h2>合计</h2>');
    H.push('<h3>按巡察轮次</h3>');
    H.push(table(['巡察轮次'], doc.combined.byRound.map((r) => ({ cells: [e(r.title)], count: r.count })), doc.total, 'data-summary'));
    H.push('<h3>按单位</h3>');
    H.push(agencyTable(doc.combined.rows, doc.total, 'data-summary'));
    H.push('</section>');
  }
  for (const s of doc.rounds) H.push(round(s, doc.combined === null));
  H.push('<section id="clauses"><h2>适用的追责条款</h2>');
  if (doc.clauses.length === 0) H.push('<p>本次检查未发现适用追责条款的违规或提示事项。</p>');
  for (const c of doc.clauses) H.push(clause(c));
  H.push('</section>');
  H.push('<section id="notes"><h2>条款原文</h2><ol class="notes">');
  for (const n of doc.notes) H.push(`<li id="note-${n.n}" value="${n.n}"><b>${e(n.id)}</b>${quote(n.text)}</li>`);
  H.push('</ol></section>');
  H.push(`<footer>由 xuncha 生成。规则集 ${e(results[0]!.ruleset.id)} 校验值 SHA-256 ${e(results[0]!.ruleset.sha256.slice(0, 16))}…；所有期限按《民法典》第二百零一条至第二百零三条计算。</footer>`);
  return htmlPage(doc.title, H.join('\n'));
}

function meta(items: [string, string][]): string {
  return `<dl class="meta">${items.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl>`;
}

function round(s: RoundSection, single: boolean): string {
  const H: string[] = [];
  H.push(`<section class="round" id="round-${s.n}" data-round="${e(s.result.round.id)}">`);
  H.push(`<h2>巡察轮次 ${e(s.title)}</h2>`);
  H.push(meta(s.meta.slice(1)));
  H.push('<h3>一、汇总（按单位）</h3>');
  // A lone round's totals are the document's; with several, the combined table holds those.
  H.push(agencyTable(s.rows, s.total, single ? 'data-summary' : 'data-round-summary'));
  H.push('<h3>二、问题明细（按单位）</h3>');
  if (s.groups.length === 0) H.push(`<p>${e(noFindingsZh(s.result))}</p>`);
  for (const g of s.groups) {
    H.push(`<section class="agency" data-agency="${e(g.agency)}"><h4>${e(g.name)}：违规 ${g.count.violation} 项 · 提示 ${g.count.advisory} 项 · 待办 ${g.count.pending} 项</h4>`);
    for (const item of g.items) H.push(finding(item));
    H.push('</section>');
  }
  H.push('<h3>三、督办清单</h3>');
  H.push('<h4>（一）逾期未办（按到期日，逾期最久的在前）</h4>');
  H.push(overdueTable(s.overdue));
  H.push(`<h4>（二）尚未到期（按到期日，≤${SOON_WORKDAYS} 个工作日到期的标“临期”，当日到期的标“今日到期”）</h4>`);
  H.push(pendingTable(s.pending));
  if (s.notJudged.length) {
    H.push('<h3>四、未予判定（早于规则集生效日期）</h3><ul>');
    for (const n of s.notJudged) H.push(`<li>${cite(n.article)} ${e(n.message)}（证据事件：${e(n.evidence.join('、'))}）</li>`);
    H.push('</ul>');
  }
  H.push('</section>');
  return H.join('\n');
}

function cite(n: Note): string {
  return `<span class="cite" title="${e(n.text)}">${e(n.id)}</span><sup><a href="#note-${n.n}">[${n.n}]</a></sup>`;
}

function finding(it: FindingItem): string {
  const f = it.f;
  const facts = [
    f.ref ? `事项：${e(f.ref)}` : '',
    f.unit ? `被巡察单位：${e(f.unit)}` : '',
    `证据事件：<span data-evidence>${e(f.evidence.join('、') || '无')}</span>`,
    f.accountability
      ? `追责条款：${it.clause ? `<a href="#clause-${it.clause.n}">${e(f.accountability)}</a>` : e(f.accountability)}`
      : '',
    f.interpretations.length ? `涉及解释参数：${e(f.interpretations.join('、'))}` : '',
    `义务编号：${e(f.rule)}`,
  ].filter(Boolean);
  return `<article class="finding ${f.severity}" data-severity="${f.severity}" data-rule="${e(f.rule)}">
<h4><span class="badge">${e(it.label)}</span>${cite(it.article)} ${e(f.title)}</h4>
<p class="message">${e(it.body)}</p>
${it.counting ? `<p class="counting"><b>期限计算：</b><span data-counting>${e(it.counting)}</span></p>` : ''}
<p class="facts">${facts.join('；')}</p>
</article>`;
}

function overdueTable(items: OverdueItem[]): string {
  if (items.length === 0) return '<p>无逾期未办事项。</p>';
  const rows = items.map((p, i) => `<tr data-overdue data-due="${e(p.f.due ?? '')}" data-late="${p.f.late?.workdays ?? ''}" data-severity="${p.f.severity}">
<td class="num">${i + 1}</td><td class="nowrap">${e(p.f.due ?? '')}</td><td class="nowrap">${e(overdueZh(p.f))}${estimateMark(p.f)}</td><td class="nowrap">${SEVERITY_ZH[p.f.severity]}</td>
<td class="nowrap">${e(p.name)}</td><td class="nowrap">${cite(p.article)}</td><td>${e(p.f.title)}</td><td>${e(p.f.ref ?? p.f.unit ?? '')}</td></tr>`);
  return `<table class="overdue"><thead><tr><th class="num">序号</th><th>到期日</th><th>已逾期</th><th>性质</th><th>责任单位</th><th>条款</th><th>事项</th><th>文号/单位</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

function pendingTable(items: PendingItem[]): string {
  if (items.length === 0) return '<p>无待办事项。</p>';
  const rows = items.map((p, i) => `<tr data-pending data-due="${e(p.f.due ?? '')}" data-left="${p.f.left ?? ''}"${p.reminder ? ' class="soon"' : ''}>
<td class="num">${i + 1}</td><td class="nowrap">${e(p.f.due ?? '')}</td><td class="num">${p.f.left ?? ''}${estimateMark(p.f)}</td><td>${p.reminder ? `<span class="soon-mark">${p.reminder}</span>` : ''}</td>
<td class="nowrap">${e(p.name)}</td><td class="nowrap">${cite(p.article)}</td><td>${e(p.f.title)}</td><td>${e(p.f.ref ?? p.f.unit ?? '')}</td></tr>`);
  return `<table class="pending"><thead><tr><th class="num">序号</th><th>到期日</th><th class="num">剩余工作日</th><th>提醒</th><th>责任单位</th><th>条款</th><th>事项</th><th>文号/单位</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

interface Row { cells: string[]; count: Summary; attrs?: string }

function agencyTable(rows: SummaryRow[], total: Summary, totalAttr: string): string {
  return table(['单位'], rows.map((r) => ({ cells: [e(r.name)], count: r.count, attrs: ` data-agency="${e(r.agency)}"` })), total, totalAttr);
}

function table(head: string[], rows: Row[], total: Summary, totalAttr: string): string {
  const counts = (c: Summary, attr: string) =>
    KEYS.map((k) => `<td class="num${c[k] === 0 ? ' zero' : ''}" ${attr}="${k}">${c[k]}</td>`).join('') +
    `<td class="num${sum(c) === 0 ? ' zero' : ''}" ${attr}="total">${sum(c)}</td>`;
  return `<table class="summary"><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}<th class="num">违规</th><th class="num">提示</th><th class="num">待办</th><th class="num">合计</th></tr></thead>
<tbody>${rows.map((r) => `<tr${r.attrs ?? ''}>${r.cells.map((c) => `<td>${c}</td>`).join('')}${counts(r.count, 'data-count')}</tr>`).join('\n')}
<tr class="total"><td>合计</td>${counts(total, totalAttr)}</tr></tbody></table>`;
}

const sum = (c: Summary) => c.violation + c.advisory + c.pending;

function clause(c: Clause): string {
  return `<div class="clause" id="clause-${c.n}" data-clause="${e(c.article.id)}"><h3>${e(c.article.id)}（涉及${clauseCountZh(c)}）</h3>` +
    `<p class="clause-agencies">涉及单位：${e(clauseAgenciesZh(c))}</p>${quote(c.article.text)}</div>`;
}

function quote(text: string): string {
  return `<blockquote>${text.split('\n').map((l) => `<p>${e(l)}</p>`).join('')}</blockquote>`;
}

// --format md: the HTML report's content as Markdown (GFM tables and footnotes), for pasting into
// documents. Article texts are footnotes; everything from the log or the rules is escaped.
import type { CheckResult, Summary } from '../model/finding.js';
import { buildReport, clauseAgenciesZh, clauseCountZh, type FindingItem, type Note, type OverdueItem, type PendingItem, type RoundSection, type SummaryRow } from './document.js';
import type { ReportContext } from './index.js';
import { estimateMark, noFindingsZh, overdueZh, SEVERITY_ZH, SOON_WORKDAYS } from './labels.js';
import { escMd as m } from './markup.js';

export function formatMd(results: CheckResult[], ctx: ReportContext): string {
  const doc = buildReport(results, ctx);
  const L: string[] = [`# ${m(doc.title)}`, '', ...meta(doc.meta), ''];
  if (doc.combined) {
    L.push('## 合计', '', '### 按巡察轮次', '');
    L.push(...table('巡察轮次', doc.combined.byRound.map((r) => ({ name: r.title, count: r.count })), doc.total), '');
    L.push('### 按单位', '', ...agencyTable(doc.combined.rows, doc.total), '');
  }
  for (const s of doc.rounds) L.push(...round(s));
  L.push('## 适用的追责条款', '');
  if (doc.clauses.length === 0) L.push('本次检查未发现适用追责条款的违规或提示事项。', '');
  for (const c of doc.clauses) {
    L.push(`### ${m(c.article.id)}（涉及${clauseCountZh(c)}）`, '', `涉及单位：${m(clauseAgenciesZh(c))}`, '', ...c.article.text.split('\n').map((l) => `> ${m(l)}`), '');
  }
  L.push('## 条款原文', '');
  for (const n of doc.notes) L.push(`[^${n.n}]: **${m(n.id)}** ${n.text.split('\n').map(m).join('\n    ')}`, '');
  L.push('---', '', `由 xuncha 生成。规则集 ${m(results[0]!.ruleset.id)} 校验值 SHA-256 ${results[0]!.ruleset.sha256.slice(0, 16)}…；所有期限按《民法典》第二百零一条至第二百零三条计算。`, '');
  return L.join('\n');
}

function meta(items: [string, string][]): string[] {
  return items.map(([k, v]) => `- **${m(k)}**：${m(v)}`);
}

const cite = (n: Note) => `${m(n.id)}[^${n.n}]`;

function round(s: RoundSection): string[] {
  const L: string[] = [`## 巡察轮次 ${m(s.title)}`, '', ...meta(s.meta.slice(1)), ''];
  L.push('### 一、汇总（按单位）', '', ...agencyTable(s.rows, s.total), '');
  L.push('### 二、问题明细（按单位）', '');
  if (s.groups.length === 0) L.push(m(noFindingsZh(s.result)), '');
  for (const g of s.groups) {
    L.push(`#### ${m(g.name)}：违规 ${g.count.violation} 项 · 提示 ${g.count.advisory} 项 · 待办 ${g.count.pending} 项`, '');
    for (const it of g.items) L.push(...finding(it));
  }
  L.push('### 三、督办清单', '');
  L.push('#### （一）逾期未办（按到期日，逾期最久的在前）', '', ...overdueTable(s.overdue), '');
  L.push(`#### （二）尚未到期（按到期日，≤${SOON_WORKDAYS} 个工作日到期的标“临期”，当日到期的标“今日到期”）`, '', ...pendingTable(s.pending), '');
  if (s.notJudged.length) {
    L.push('### 四、未予判定（早于规则集生效日期）', '');
    for (const n of s.notJudged) L.push(`- ${cite(n.article)} ${m(n.message)}（证据事件：${m(n.evidence.join('、'))}）`);
    L.push('');
  }
  return L;
}

function finding(it: FindingItem): string[] {
  const f = it.f;
  const facts = [
    f.ref ? `事项：${m(f.ref)}` : '',
    f.unit ? `被巡察单位：${m(f.unit)}` : '',
    `证据事件：${m(f.evidence.join('、') || '无')}`,
    f.accountability ? `追责条款：${m(f.accountability)}` : '',
    f.interpretations.length ? `涉及解释参数：${m(f.interpretations.join('、'))}` : '',
    `义务编号：${m(f.rule)}`,
  ].filter(Boolean);
  return [
    `- **【${m(it.label)}】** ${cite(it.article)} ${m(f.title)}`, '',
    `  ${m(it.body)}`, '',
    ...(it.counting ? [`  期限计算：${m(it.counting)}`, ''] : []),
    `  ${facts.join('；')}`, '',
  ];
}

function overdueTable(items: OverdueItem[]): string[] {
  if (items.length === 0) return ['无逾期未办事项。'];
  return [
    '| 序号 | 到期日 | 已逾期 | 性质 | 责任单位 | 条款 | 事项 | 文号/单位 |',
    '|---:|---|---|---|---|---|---|---|',
    ...items.map((p, i) => `| ${i + 1} | ${p.f.due ?? ''} | ${overdueZh(p.f)}${estimateMark(p.f)} | ${SEVERITY_ZH[p.f.severity]} | ${m(p.name)} | ${cite(p.article)} | ${m(p.f.title)} | ${m(p.f.ref ?? p.f.unit ?? '')} |`),
  ];
}

function pendingTable(items: PendingItem[]): string[] {
  if (items.length === 0) return ['无待办事项。'];
  return [
    '| 序号 | 到期日 | 剩余工作日 | 提醒 | 责任单位 | 条款 | 事项 | 文号/单位 |',
    '|---:|---|---:|---|---|---|---|---|',
    ...items.map((p, i) => `| ${i + 1} | ${p.f.due ?? ''} | ${p.f.left ?? ''}${estimateMark(p.f)} | ${p.reminder ? `**${p.reminder}**` : ''} | ${m(p.name)} | ${cite(p.article)} | ${m(p.f.title)} | ${m(p.f.ref ?? p.f.unit ?? '')} |`),
  ];
}

function agencyTable(rows: SummaryRow[], total: Summary): string[] {
  return table('单位', rows.map((r) => ({ name: r.name, count: r.count })), total);
}

function table(head: string, rows: { name: string; count: Summary }[], total: Summary): string[] {
  const line = (name: string, c: Summary) => `| ${name} | ${c.violation} | ${c.advisory} | ${c.pending} | ${c.violation + c.advisory + c.pending} |`;
  return [
    `| ${head} | 违规 | 提示 | 待办 | 合计 |`,
    '|---|---:|---:|---:|---:|',
    ...rows.map((r) => line(m(r.name), r.count)),
    line('**合计**', total),
  ];
}

// The content of the HTML and Markdown reports, built once so that both say the same thing: header,
// summary by agency, findings by agency, 督办清单, accountability clauses, article texts as notes.
import { fileLabel } from '../model/display-path.js';
import type { CheckResult, Finding, Summary } from '../model/finding.js';
import { ArticleBook, type CitedArticle } from './articles.js';
import type { ReportContext } from './index.js';
import { tally } from '../model/finding.js';
import { afterAsOfZh, agencyOrder, estimateClauseZh, KIND_ZH, overdueByDue, pendingByDue, reminderZh, SEVERITY_ZH, type Reminder } from './labels.js';

export interface Note extends CitedArticle { n: number }

export interface SummaryRow { agency: string; name: string; count: Summary }

export interface FindingItem {
  f: Finding;
  label: string;
  article: Note;
  /** The message without its counting sentence, which is shown apart. */
  body: string;
  counting: string | null;
  /** The clause, when this finding makes it apply (violations and advisories). */
  clause: Clause | null;
}

export interface AgencyGroup { agency: string; name: string; count: Summary; items: FindingItem[] }

/** A duty not done and past its due date, for the 督办清单's overdue table. */
export interface OverdueItem { f: Finding; name: string; article: Note }

export interface PendingItem {
  f: Finding; name: string; article: Note;
  reminder: Reminder;
}

export interface RoundSection {
  n: number;
  result: CheckResult;
  title: string;
  meta: [string, string][];
  rows: SummaryRow[];
  total: Summary;
  groups: AgencyGroup[];
  overdue: OverdueItem[];
  pending: PendingItem[];
  notJudged: { article: Note; message: string; evidence: string[] }[];
}

export interface Clause {
  n: number; article: CitedArticle; violation: number; advisory: number;
  /** The same counts by agency owing the duty, in the report's agency order. */
  agencies: Map<string, { name: string; violation: number; advisory: number }>;
}

/** "违规 11 项、提示 2 项": what a clause applies to, in total or for one agency. */
export function clauseCountZh(c: { violation: number; advisory: number }): string {
  return [c.violation ? `违规 ${c.violation} 项` : '', c.advisory ? `提示 ${c.advisory} 项` : ''].filter(Boolean).join('、');
}

/** "县委编办（违规 3 项）、县委组织部（违规 2 项、提示 1 项）": whom a clause concerns. */
export function clauseAgenciesZh(c: Clause): string {
  return [...c.agencies.values()].map((a) => `${a.name}（${clauseCountZh(a)}）`).join('、');
}

export interface ReportDoc {
  title: string;
  meta: [string, string][];
  rounds: RoundSection[];
  /** Several logs: summary by agency and by round over all of them. */
  combined: { rows: SummaryRow[]; byRound: { title: string; count: Summary }[] } | null;
  total: Summary;
  clauses: Clause[];
  notes: Note[];
}

export function buildReport(results: CheckResult[], ctx: ReportContext): ReportDoc {
  const book = new ArticleBook(ctx.rules);
  const notes = new Map<string, Note>();
  const clauses = new Map<string, Clause>();
  const note = (a: CitedArticle): Note => {
    let n = notes.get(a.key);
    if (!n) notes.set(a.key, (n = { ...a, n: notes.size + 1 }));
    return n;
  };
  // Only a broken duty makes its clause apply; a pending one names it without a link.
  const clauseOf = (f: Finding): Clause | null => {
    const a = book.accountability(f);
    if (!a || f.severity === 'pending') return null;
    let c = clauses.get(a.key);
    if (!c) clauses.set(a.key, (c = { n: clauses.size + 1, article: a, violation: 0, advisory: 0, agencies: new Map() }));
    c[f.severity]++;
    let by = c.agencies.get(f.agency);
    if (!by) c.agencies.set(f.agency, (by = { name: ctx.agencyName(f.agency), violation: 0, advisory: 0 }));
    by[f.severity]++;
    return c;
  };
  const order = agencyOrder(ctx.rules, results.flatMap((r) => r.findings));
  const rounds = results.map((r, i): RoundSection => {
    const rows = summaryRows(r.findings, order, ctx);
    const groups = rows.filter((row) => r.findings.some((f) => f.agency === row.agency)).map((row) => ({
      ...row,
      items: r.findings.filter((f) => f.agency === row.agency).map((f): FindingItem => ({
        f,
        label: `${SEVERITY_ZH[f.severity]}·${KIND_ZH[f.kind]}`,
        article: note(book.article(f)),
        ...splitCounting(f),
        clause: clauseOf(f),
      })),
    }));
    const later = afterAsOfZh(r);
    return {
      n: i + 1,
      result: r,
      title: `${r.round.id}${r.round.name ? ' ' + r.round.name : ''}`,
      meta: [
        ['巡察轮次', `${r.round.id}${r.round.name ? ' ' + r.round.name : ''}`],
        ['案卷日志', fileLabel(r.file)],
        ['日志校验值', `SHA-256 ${r.logSha256.slice(0, 16)}…`],
        ...(later ? [['晚于基准日的事件', later] as [string, string]] : []),
      ],
      rows,
      total: r.summary,
      groups,
      overdue: overdueByDue(r.findings).map((f) => ({ f, name: ctx.agencyName(f.agency), article: note(book.article(f)) })),
      pending: pendingByDue(r.findings).map((f) => ({
        f, name: ctx.agencyName(f.agency), reminder: reminderZh(f, r.asOf), article: note(book.article(f)),
      })),
      notJudged: r.notJudged.map((x) => ({ article: note(book.article(x)), message: x.message, evidence: x.evidence })),
    };
  });
  const all = results.flatMap((r) => r.findings);
  const first = results[0]!;
  const cal = first.calendar;
  return {
    title: '巡察协作事项合规检查报告',
    meta: [
      ...(results.length === 1 ? rounds[0]!.meta.slice(0, 1) : [['巡察轮次', `${results.length} 个：${rounds.map((s) => s.result.round.id).join('、')}`] as [string, string]]),
      ['检查基准日', first.asOf],
      ['规则集', `${first.ruleset.title}，版本 ${first.ruleset.version}，${first.ruleset.effective} 起施行`],
      ['工作日历', `${cal.source}，经 ${cal.overrides.length} 个年份覆盖文件校正（${cal.overrides.map((o) => o.year).join('、') || '无'}），覆盖 ${cal.years} 年${cal.estimateUncovered ? `；${estimateClauseZh(cal)}` : ''}`],
    ],
    rounds,
    combined: results.length > 1
      ? { rows: summaryRows(all, order, ctx), byRound: rounds.map((s) => ({ title: s.title, count: s.total })) }
      : null,
    total: tally(all),
    clauses: [...clauses.values()],
    notes: [...notes.values()],
  };
}

/** One row per agency, zero rows included: a clean agency is worth seeing too. */
function summaryRows(findings: readonly Finding[], order: string[], ctx: ReportContext): SummaryRow[] {
  return order.map((agency) => ({ agency, name: ctx.agencyName(agency), count: tally(findings.filter((f) => f.agency === agency)) }));
}

/** Messages end with "计算：<counting>。" for the terminal; the documents give the counting its own line. */
function splitCounting(f: Finding): { body: string; counting: string | null } {
  if (!f.counting) return { body: f.message, counting: null };
  const tail = `计算：${f.counting}。`;
  return { body: f.message.endsWith(tail) ? f.message.slice(0, -tail.length) : f.message, counting: f.counting };
}

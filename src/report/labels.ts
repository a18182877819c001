// Chinese words for finding fields, shared by every human-readable format.
import { estimateZh } from '../calendar/calendar.js';
import { dayOf } from '../calendar/dates.js';
import { timeLateZh, timeLeftZh, type CheckResult, type Finding } from '../model/finding.js';
import { byCode } from '../model/order.js';
import type { Rules } from '../model/rules.js';

// The words themselves are the model's: lint glosses a rule's severity and kind with them too.
export { KIND_ZH, SEVERITY_ZH } from '../model/finding.js';

/** How the years without calendar data were counted, when the check estimated them ("" otherwise). */
export function estimateClauseZh(cal: CheckResult['calendar']): string {
  return cal.estimateUncovered ? `其余年份${estimateZh(cal.statutory.map((s) => s.year))}` : '';
}

/** Agencies that owe a duty, in the order of rules/agencies.yaml, then any other party met: the
 *  order of agencies in every report. */
export function agencyOrder(rules: Pick<Rules, 'agencies' | 'rulesets'>, findings: readonly Finding[]): string[] {
  const parties = new Set(rules.rulesets.flatMap((rs) => rs.duties.map((d) => d.party)));
  const order = rules.agencies.map((a) => a.id).filter((id) => parties.has(id));
  for (const f of findings) if (!order.includes(f.agency)) order.push(f.agency);
  return order;
}

/** Findings grouped by obligated agency, in the order given (agencyOrder); agencies without any left out. */
export function byAgency(findings: readonly Finding[], order: readonly string[]): Map<string, Finding[]> {
  const m = new Map<string, Finding[]>();
  for (const agency of order) {
    const list = findings.filter((f) => f.agency === agency);
    if (list.length) m.set(agency, list);
  }
  return m;
}

/** Duties not done and past their due date, the longest overdue first: what to urge (督办). */
export function overdueByDue(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.kind === 'missing').sort((a, b) => byCode(a.due ?? '', b.due ?? '') || byCode(a.agency, b.agency) || byCode(a.rule, b.rule));
}

/** How long an overdue duty has been overdue, as its message says it: "逾期 14 个工作日". */
export function overdueZh(f: Finding): string {
  return timeLateZh(f.late?.workdays ?? 0, f.late?.days ?? 0, ' ');
}

/** Pending duties, soonest first: what falls due next. */
export function pendingByDue(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'pending').sort((a, b) => byCode(a.due ?? '', b.due ?? '') || byCode(a.rule, b.rule));
}

/**
 * "3 个（最早 2024-01-05），检查基准日 2023-11-20 时尚未发生，未纳入本次检查", or null when every event is
 * on or before the as-of date. Without it a log checked as of an earlier date reads as all clear.
 */
export function afterAsOfZh(r: Pick<CheckResult, 'afterAsOf' | 'asOf'>): string | null {
  const { events, first } = r.afterAsOf;
  return events ? `${events} 个（最早 ${first}），检查基准日 ${r.asOf} 时尚未发生，未纳入本次检查` : null;
}

/**
 * What a report says where it has no finding to list. "未发现问题" only when some event was checked:
 * an empty log, or one checked as of a date before all its events, would otherwise read as all clear.
 */
export function noFindingsZh(r: Pick<CheckResult, 'afterAsOf' | 'checkedEvents'>): string {
  if (r.checkedEvents > 0) return '未发现问题，也没有待办事项。';
  const [why, what] = r.afterAsOf.events ? ['日志中的事件均晚于检查基准日', '检查基准日是否写错'] : ['案卷日志中没有任何事件（events 为空）', '是否选错了日志文件'];
  return `${why}，未检查任何事项；汇总为 0 项不表示各单位已履行协作义务，请核对${what}。`;
}

/** Pending duties due within this many workdays are marked 临期. */
export const SOON_WORKDAYS = 3;

export type Reminder = '今日到期' | '临期' | '';

/**
 * The reminder beside a pending duty in a 督办清单: "今日到期" when it falls due on the as-of date
 * (its workdays-left column then says 0, which alone reads like "none left, overdue?"), "临期"
 * within SOON_WORKDAYS workdays, else nothing.
 */
export function reminderZh(f: Finding, asOf: string): Reminder {
  if (f.left === null || f.left > SOON_WORKDAYS) return '';
  return f.due === asOf ? '今日到期' : '临期';
}

/** Beside a due date or a count of workdays that rests on a year without calendar data (--estimate-uncovered). */
export function estimateMark(f: Finding): string {
  return f.estimated ? '（估算）' : '';
}

/** Time left on a pending duty, worded as in its message: "还剩 2 个工作日", "今日到期" …. */
export function leftZh(f: Finding, asOf: string): string {
  return timeLeftZh(f.left ?? 0, f.due === null ? 0 : dayOf(f.due) - dayOf(asOf), ' ');
}

// Chinese words for finding fields, shared by every human-readable format.
import { dayOf } from '../calendar/dates.js';
import { timeLeftZh, type Finding, type FindingKind, type FindingSeverity } from '../model/finding.js';
import { addTo } from '../model/multimap.js';
import { byCode } from '../model/order.js';

export const SEVERITY_ZH: Record<FindingSeverity, string> = { violation: '违规', advisory: '提示', pending: '待办' };
export const KIND_ZH: Record<FindingKind, string> = {
  late: '逾期办理', missing: '逾期未办', breach: '违反要求', due: '尚未到期', inconsistent: '记录矛盾',
};

/** Findings grouped by obligated agency, in the order agencies are first met. */
export function byAgency(findings: readonly Finding[]): Map<string, Finding[]> {
  const m = new Map<string, Finding[]>();
  for (const f of findings) addTo(m, f.agency, f);
  return m;
}

/** Pending duties, soonest first: what falls due next. */
export function pendingByDue(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'pending').sort((a, b) => byCode(a.due ?? '', b.due ?? '') || byCode(a.rule, b.rule));
}

/** Time left on a pending duty, worded as in its message: "还剩 2 个工作日", "今日到期" …. */
export function leftZh(f: Finding, asOf: string): string {
  return timeLeftZh(f.left ?? 0, f.due === null ? 0 : dayOf(f.due) - dayOf(asOf), ' ');
}

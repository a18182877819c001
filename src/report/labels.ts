// Chinese words for finding fields, shared by every human-readable format.
import type { Finding, FindingKind, FindingSeverity } from '../model/finding.js';
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

/** Time left on a pending duty: "还剩 2 个工作日", or "今日到期" when it is due on the as-of date. */
export function timeLeftZh(f: Finding, asOf: string): string {
  return f.due === asOf ? '今日到期' : `还剩 ${f.left ?? '?'} 个工作日`;
}

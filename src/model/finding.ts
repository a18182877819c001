// One finding: the single result shape that every report format reads (xuncha-findings/1).
import type { SkippedSpan } from '../calendar/periods.js';

export type FindingSeverity = 'violation' | 'advisory' | 'pending';
export type FindingKind = 'late' | 'missing' | 'breach' | 'due' | 'inconsistent';

/** The Chinese word for each severity and kind: every report's, and lint's gloss of a rule's codes. */
export const SEVERITY_ZH: Record<FindingSeverity, string> = { violation: '违规', advisory: '提示', pending: '待办' };
export const KIND_ZH: Record<FindingKind, string> = {
  late: '逾期办理', missing: '逾期未办', breach: '违反要求', due: '尚未到期', inconsistent: '记录矛盾',
};

export interface Finding {
  rule: string;
  article: string;
  title: string;
  agency: string;
  severity: FindingSeverity;
  kind: FindingKind;
  ref: string | null;
  unit: string | null;
  start: string | null;
  due: string | null;
  done: string | null;
  late: { workdays: number; days: number } | null;
  /** pending only: workdays left after the as-of date up to the due date. */
  left: number | null;
  evidence: string[];
  message: string;
  counting: string | null;
  skipped: SkippedSpan[];
  estimated: boolean;
  interpretations: string[];
  accountability: string | null;
}

export interface NotJudged {
  rule: string;
  article: string;
  evidence: string[];
  message: string;
}

export interface Summary { violation: number; advisory: number; pending: number }

/** The result of checking one log: what every formatter receives. */
export interface CheckResult {
  file: string;
  round: { id: string; name: string | null };
  logSha256: string;
  asOf: string;
  ruleset: { id: string; title: string; version: string; effective: string; sha256: string };
  calendar: {
    source: string;
    overrides: { year: number; coverage: 'corrections' | 'complete'; source: string; days: number }[];
    /** Years without a notice yet whose statutory holidays are known (coverage: statutory): used
     *  only when estimating. Kept apart from `overrides`, whose coverage values are a published contract. */
    statutory: { year: number; source: string; days: number }[];
    covered: [string, string];
    /** The covered years as runs ("2011–2026、2028"), for reports. */
    years: string;
    estimateUncovered: boolean;
  };
  summary: Summary;
  findings: Finding[];
  notJudged: NotJudged[];
  /** Events dated after the as-of date: not yet known on it, so left out of the check. */
  afterAsOf: { events: number; first: string | null };
  /** Events on or before the as-of date: the ones the check looked at. With none, a report without
   *  findings says nothing about the round, and must not read as all clear. */
  checkedEvents: number;
  /** Event pointers, for formats that link findings to the log (SARIF). */
  eventIndex: Map<string, number>;
  /** line:column of a JSON pointer in the log file (SARIF regions). */
  locate?(pointer: string): { line: number; column: number };
}

/** How many findings of each severity. */
export function tally(findings: readonly Finding[]): Summary {
  const t: Summary = { violation: 0, advisory: 0, pending: 0 };
  for (const f of findings) t[f.severity]++;
  return t;
}

/**
 * Time left on a pending duty, from the workdays and the calendar days after the as-of date up to
 * its due day: "还剩3个工作日"; "今日到期" on the due day itself; "还剩2天（均为休息日）" when only rest
 * days are left. `sep` spaces the number, as the text report's columns do.
 */
export function timeLeftZh(workdays: number, days: number, sep = ''): string {
  if (workdays > 0) return `还剩${sep}${workdays}${sep}个工作日`;
  return days === 0 ? '今日到期' : `还剩${sep}${days}${sep}天（均为休息日）`;
}

/**
 * How late, from the workdays and the calendar days after the due day: "逾期2个工作日". Late by
 * rest days only is said as "逾期1天（均为休息日，计0个工作日）", not as a bare "逾期0个工作日".
 * `sep` spaces the number, as the text report's columns do.
 */
export function timeLateZh(workdays: number, days: number, sep = ''): string {
  return workdays > 0 ? `逾期${sep}${workdays}${sep}个工作日` : `逾期${sep}${days}${sep}天（均为休息日，计0个工作日）`;
}

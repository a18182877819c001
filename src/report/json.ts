// --format json: xuncha-findings/1 (spec/case-log.md), one object per log.
import { relative } from 'node:path';
import type { CheckResult } from '../model/finding.js';

export function findingsJson(r: CheckResult) {
  return {
    format: 'xuncha-findings/1' as const,
    asOf: r.asOf,
    log: { round: r.round.id, name: r.round.name, file: relative(process.cwd(), r.file), sha256: r.logSha256 },
    ruleset: r.ruleset,
    calendar: r.calendar,
    summary: r.summary,
    findings: r.findings,
    notJudged: r.notJudged,
  };
}

export function formatJson(results: CheckResult[]): string {
  if (results.length === 1) return JSON.stringify(findingsJson(results[0]!), null, 2) + '\n';
  const total = { violation: 0, advisory: 0, pending: 0 };
  for (const r of results) for (const k of ['violation', 'advisory', 'pending'] as const) total[k] += r.summary[k];
  return JSON.stringify({ format: 'xuncha-findings-set/1', summary: total, reports: results.map(findingsJson) }, null, 2) + '\n';
}

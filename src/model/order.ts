// The one order of findings every report shows.
import type { Finding } from './finding.js';

const SEVERITY_ORDER = { violation: 0, advisory: 1, pending: 2 } as const;

/** Plain code-unit order: stable across machines and locales, and far cheaper than localeCompare,
 *  which showed in profiles of province-size runs. */
export function byCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Stable, meaningful order: severity, then agency, then due date, then rule and evidence. */
export function compareFindings(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]
    || byCode(a.agency, b.agency)
    || byCode(a.due ?? '', b.due ?? '')
    || byCode(a.rule, b.rule)
    || byCode(a.evidence.join(), b.evidence.join());
}

// Evaluation: for each ruleset in force, each duty is handed to the check of its kind. The checks
// know nothing of any one article; everything article-specific comes from the rules.
import { dayOf, isoOf } from '../calendar/dates.js';
import { UncoveredYearError, type WorkCalendar } from '../calendar/calendar.js';
import { EventIndex } from '../group/index.js';
import { tally, type CheckResult, type Finding, type NotJudged } from '../model/finding.js';
import { compareFindings } from '../model/order.js';
import type { ValidLog } from '../model/log.js';
import { qualifierZh } from '../model/condition-words.js';
import { agencyNameOf, type CheckKind, type Duty, type Rules } from '../model/rules.js';
import { decide, type DecideOptions, type Decisions } from './conditions.js';
import type { Ctx } from './context.js';
import { deadline } from './checks/deadline.js';
import { forbidden } from './checks/forbidden.js';
import { limit } from './checks/limit.js';
import { monthly } from './checks/monthly.js';
import { order } from './checks/order.js';
import { require } from './checks/require.js';
import { within } from './checks/within.js';
import { yearly } from './checks/yearly.js';

/** A check adds what it finds for the duty to `out` (the log's findings). */
type Check = (duty: Duty, ctx: Ctx, out: Finding[]) => void;

const CHECKS: Record<CheckKind, Check> = {
  deadline, within, monthly, yearly, order, forbidden, require, limit,
};

export interface EvaluateOptions extends DecideOptions {
  /**
   * Counts, by duty id, the instances this evaluation judged (those inForce admits): one per start
   * event for deadline and monthly duties, per act for within, per year for yearly (the other
   * checks count what they look at). The generator's test divides late and missing findings by it.
   */
  judged?: Map<string, number>;
}

export async function evaluate(valid: ValidLog, rules: Rules, cal: WorkCalendar, asOfIso: string, opts: EvaluateOptions = {}): Promise<CheckResult> {
  const asOf = dayOf(asOfIso);
  const index = new EventIndex(valid, asOf);
  const findings: Finding[] = [];
  const notJudged: NotJudged[] = [];
  const rulesets = rules.rulesets;
  for (const [i, rs] of rulesets.entries()) {
    const next = rulesets[i + 1];
    // Only the oldest ruleset reports what falls before every ruleset.
    const ctx = context(rules, index, await decide(rs.duties, index, opts), cal, asOf,
      dayOf(rs.effective), next ? dayOf(next.effective) : Infinity, i === 0 ? notJudged : [], opts.judged);
    runDuties(rs.duties, ctx, findings);
  }
  // Data-consistency checks: well-formed records that contradict themselves. They never stop the
  // check; they are reported beside the duties, whatever ruleset is in force.
  if (rules.consistency.length) {
    const ctx = context(rules, index, await decide(rules.consistency, index, opts), cal, asOf, -Infinity, Infinity, [], opts.judged);
    runDuties(rules.consistency, ctx, findings);
  }
  findings.sort(compareFindings);
  const latest = rulesets[rulesets.length - 1]!;
  const [c0, c1] = cal.covered;
  return {
    file: valid.file,
    round: { id: valid.log.round.id, name: valid.log.round.name ?? null },
    logSha256: valid.sha256,
    asOf: isoOf(asOf),
    ruleset: { id: latest.id, title: latest.title, version: latest.version, effective: latest.effective, sha256: latest.sha256 },
    calendar: {
      source: cal.source,
      overrides: corrections(rules),
      statutory: statutory(rules),
      covered: [String(c0), String(c1)],
      years: cal.yearsZh,
      estimateUncovered: cal.estimateUncovered,
    },
    summary: tally(findings),
    findings,
    notJudged,
    afterAsOf: { events: index.later.events, first: index.later.events ? isoOf(index.later.first) : null },
    checkedEvents: valid.log.events.length - index.later.events,
    eventIndex: valid.indexOf,
    locate: (pointer) => valid.locate(pointer),
  };
}

// Kept out of the async evaluate(): the per-duty loop is the hot path (193 duties per log), and
// as a plain function it ran 7% faster at province scale.
function runDuties(duties: readonly Duty[], ctx: Ctx, findings: Finding[]): void {
  const checks = checksOf(duties);
  for (let k = 0; k < duties.length; k++) {
    const duty = duties[k]!;
    try {
      checks[k]!(duty, ctx, findings);
    } catch (e) {
      if (e instanceof UncoveredYearError) e.duty = duty;
      throw e;
    }
  }
}

// Each duty list (a ruleset's, shared by every log) with its checks looked up once: a lookup by
// kind per duty and log was 3% of the evaluation.
const checksByList = new WeakMap<readonly Duty[], Check[]>();

function checksOf(duties: readonly Duty[]): Check[] {
  let checks = checksByList.get(duties);
  if (!checks) checksByList.set(duties, (checks = duties.map((d) => CHECKS[d.check])));
  return checks;
}

function context(
  rules: Rules, index: EventIndex, decisions: Decisions, cal: WorkCalendar, asOf: number,
  from: number, until: number, notJudged: NotJudged[], judged: Map<string, number> | undefined,
): Ctx {
  return {
    index, decisions, cal, asOf, from, until, notJudged, judged,
    agencyName: (id) => agencyNameOf(rules, id),
    eventType: (type) => rules.events.get(type)!,
    fieldName: (f) => rules.fieldNames.get(f) ?? f,
    qualifier: (c) => qualifierZh(c, rules),
  };
}

/** The calendar files as the findings' calendar block lists them: fixes and whole years under
 *  `overrides` (the published contract), statutory-only years apart. */
function corrections(rules: Rules): CheckResult['calendar']['overrides'] {
  const out: CheckResult['calendar']['overrides'] = [];
  for (const o of rules.calendarOverrides) {
    if (o.coverage !== 'statutory') out.push({ year: o.year, coverage: o.coverage, source: o.source, days: o.days.length });
  }
  return out;
}

function statutory(rules: Rules): CheckResult['calendar']['statutory'] {
  return rules.calendarOverrides.filter((o) => o.coverage === 'statutory').map((o) => ({ year: o.year, source: o.source, days: o.days.length }));
}

// What every check receives, and the one place that turns a duty instance into a Finding.
import type { WorkCalendar } from '../calendar/calendar.js';
import { isoOf } from '../calendar/dates.js';
import { dueDate, dueDay, monthEndDay, monthEndDue, workdaysBetween, type DueDate, type Period } from '../calendar/periods.js';
import { UncoveredYearError } from '../calendar/calendar.js';
import type { Ev, EventIndex } from '../group/index.js';
import { timeLateZh, timeLeftZh, type Finding, type FindingKind, type NotJudged } from '../model/finding.js';
import type { Condition, Duty, EventType } from '../model/rules.js';
import type { Decisions, DutyTests, Role } from './conditions.js';

export interface Ctx {
  index: EventIndex;
  decisions: Decisions;
  cal: WorkCalendar;
  asOf: number;
  /** Days this ruleset judges: triggers before `from` belong to no ruleset (or an older one). */
  from: number;
  until: number;
  agencyName(id: string): string;
  eventType(type: string): EventType;
  fieldName(field: string): string;
  /** A condition in the rulebook's words, to stand before a 的 (model/condition-words.ts). */
  qualifier(c: Condition): string;
  notJudged: NotJudged[];
  /** Instances judged, by duty id, when the caller asks (EvaluateOptions.judged). */
  judged: Map<string, number> | undefined;
}

/** Below this many events of a type, testing them all is cheaper than grouping them by a value. */
const NARROW_FROM = 40;

/** Events of `type` that may pass the duty's `role` condition, in date order: all of the type, or
 *  only those with the value the condition requires. Each must still be tested. */
export function candidates(ctx: Ctx, is: DutyTests, role: Role, type: string): readonly Ev[] {
  const k = is.narrow[role];
  const all = ctx.index.ofType(type);
  return k && all.length >= NARROW_FROM ? ctx.index.withField(type, k.fact, k.value as string | number | boolean) : all;
}

/** Acts of the duty in date order, filtered by its `act.where` and `matter`. */
export function acts(duty: Duty, ctx: Ctx, is: DutyTests = ctx.decisions.of(duty)): readonly Ev[] {
  const es = candidates(ctx, is, 'act', duty.act!.event);
  // Usually every candidate passes: then they are the answer, and no array is made. (A new array
  // per call made acts a seventh of what the evaluation allocated, and every young-generation GC
  // copies the logs held meanwhile.) At the first that fails, the ones before it are copied.
  let out: Ev[] | undefined;
  for (let i = 0; i < es.length; i++) {
    const e = es[i]!;
    if (is.act(e) && inMatter(duty, ctx, is, e)) out?.push(e);
    else out ??= es.slice(0, i);
  }
  return out ?? es;
}

/** Does the event's matter (same ref) belong to this duty? (always, when the duty names no `matter`) */
export function inMatter(duty: Duty, ctx: Ctx, is: DutyTests, e: Ev): boolean {
  const m = duty.matter;
  return !m || ctx.index.firstLinked(m.event, e, 'ref', is.matter) !== undefined;
}

/** Is the instance triggered on `day` judged by this ruleset? Records it when it is too early. */
export function inForce(duty: Duty, ctx: Ctx, day: number, evidence: Ev | readonly Ev[]): boolean {
  if (day >= ctx.from && day < ctx.until) {
    if (ctx.judged) ctx.judged.set(duty.id, (ctx.judged.get(duty.id) ?? 0) + 1);
    return true;
  }
  if (day < ctx.from) {
    ctx.notJudged.push({
      rule: duty.id, article: duty.article, evidence: 'id' in evidence ? [evidence.id] : evidence.map((e) => e.id),
      message: `${isoOf(day)}早于规则集生效日期${isoOf(ctx.from)}，不适用本规则集，未予判定（${duty.title}）。`,
    });
  }
  return false;
}

/** What a check found for one duty instance; finding() adds what the duty itself says. */
export interface Outcome {
  /** The severity follows: the duty's own for a broken duty, `pending` for kind `due`. */
  kind: FindingKind;
  evidence: Ev[];
  /** The event the instance is about (its ref and unit are reported); none for a yearly duty not done. */
  primary?: Ev;
  message: string;
  due?: DueDate;
  done?: number | null;
  late?: Late | null;
  left?: Left | null;
  party?: string;
}

/** Workdays counted over a year without calendar data are estimates, and the finding says so. */
export interface Left { workdays: number; estimated: boolean }
export interface Late extends Left { days: number }

export function finding(duty: Duty, ctx: Ctx, o: Outcome): Finding {
  const dueEstimated = o.due?.estimated ?? false;
  const countEstimated = (o.late?.estimated || o.left?.estimated) ?? false;
  const estimated = dueEstimated || countEstimated;
  const note = dueEstimated ? `（注意：期限涉及无官方日历数据的年份，已${ctx.cal.estimateZh(ctx.cal.uncoveredYears(o.due!.start, o.due!.due))}。）`
    : countEstimated ? `（注意：${o.late ? '逾期' : '剩余'}工作日数涉及无官方日历数据的年份，已${ctx.cal.estimateZh(countedYears(ctx, o))}。）` : '';
  return {
    rule: duty.id,
    article: duty.article,
    title: duty.title,
    agency: o.party ?? partyOf(duty, o.primary!),
    severity: o.kind === 'due' ? 'pending' : duty.inconsistent ? 'advisory' : duty.severity,
    kind: duty.inconsistent && o.kind !== 'due' ? 'inconsistent' : o.kind,
    ref: o.primary?.ref ?? null,
    unit: o.primary?.unit ?? null,
    start: o.due ? isoOf(o.due.start) : null,
    due: o.due ? isoOf(o.due.due) : null,
    done: o.done === undefined || o.done === null ? null : isoOf(o.done),
    late: o.late ? { workdays: o.late.workdays, days: o.late.days } : null,
    left: o.left ? o.left.workdays : null,
    evidence: idsOf(o.evidence),
    message: flat(o.message + note),
    counting: o.due ? flat(o.due.counting) : null,
    skipped: o.due?.skipped ?? [],
    estimated,
    interpretations: duty.interpretations,
    accountability: duty.accountability,
  };
}

/** The uncovered years a late or left count ran over: from the due date to the act (or the as-of
 *  date, when not done), or from the as-of date to the due date. */
function countedYears(ctx: Ctx, o: Outcome): number[] {
  const due = o.due?.due ?? ctx.asOf;
  return ctx.cal.uncoveredYears(due, o.late ? (o.done ?? ctx.asOf) : ctx.asOf);
}

/** The events' ids, each once, in order: evidence is a few events, and a Set per finding showed in
 *  allocation profiles. */
function idsOf(evidence: readonly Ev[]): string[] {
  const ids: string[] = [];
  for (let i = 0; i < evidence.length; i++) if (!ids.includes(evidence[i]!.id)) ids.push(evidence[i]!.id);
  return ids;
}

/**
 * The string as one flat piece. A message built from template parts is a tree of V8 cons strings,
 * one node per part; kept in the report to the end, every node was copied by each young-generation
 * GC until promoted. Reading a character makes V8 flatten it in place, and the parts die young
 * (measured: 20 ms less GC per province check, 1–3% of it).
 */
function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}

export function partyOf(duty: Duty, act: Ev): string {
  return duty.party === 'actor' ? act.actor : duty.party;
}

// An uncovered year is reported against the instance's event. (try/catch in each function rather
// than one helper taking a closure: the closure per instance showed in allocation profiles.)

/** A due date for an instance. */
export function dueFor(ctx: Ctx, e: Ev, start: number, period: Period): DueDate {
  try { return dueDate(ctx.cal, start, period); } catch (err) { throw blame(err, e); }
}

/** Just the due day (no explanation), to find out cheaply whether an instance was on time. */
export function dueDayFor(ctx: Ctx, e: Ev, start: number, period: Period): number {
  try { return dueDay(ctx.cal, start, period); } catch (err) { throw blame(err, e); }
}

export function monthEndFor(ctx: Ctx, e: Ev, y: number, m: number, roll: boolean): DueDate {
  try { return monthEndDue(ctx.cal, y, m, roll); } catch (err) { throw blame(err, e); }
}

/** Just the month-end due day, for months that turn out to have their act. */
export function monthEndDayFor(ctx: Ctx, e: Ev, y: number, m: number, roll: boolean): number {
  try { return monthEndDay(ctx.cal, y, m, roll); } catch (err) { throw blame(err, e); }
}

function blame(err: unknown, e: Ev): unknown {
  if (err instanceof UncoveredYearError) err.event ??= e.id;
  return err;
}

/** How late an act on `day` is against `due`, for "逾期N个工作日". */
export function lateBy(ctx: Ctx, due: number, day: number): Late {
  const { workdays, estimated } = workdaysBetween(ctx.cal, due, day);
  return { workdays, estimated, days: (day - due) | 0 }; // one shape and Smi fields: see dueDateOf
}

/** Workdays from the as-of date to `due`, for "还剩N个工作日". */
export function leftUntil(ctx: Ctx, due: number): Left {
  return workdaysBetween(ctx.cal, ctx.asOf, due);
}

// ---- wording shared by the checks ----

/** "县纪委监委于2023-04-07收到函询（舞巡函〔2023〕7号）" */
export function did(ctx: Ctx, e: Ev, withRef = true): string {
  return `${ctx.agencyName(e.actor)}于${e.date}${ctx.eventType(e.type).phrase}${withRef ? refOf(e) : ''}`;
}

export function refOf(e: Ev): string {
  const unit = e.unit !== undefined && e.unit !== e.actor ? e.unit : undefined; // a unit acting itself is named already
  const parts = [e.ref, unit].filter((x) => x !== undefined);
  return parts.length ? `（${parts.join('，')}）` : '';
}

/** "逾期2个工作日" (model/finding.ts timeLateZh). */
export function lateZh(late: Late): string {
  return timeLateZh(late.workdays, late.days);
}

/** "还剩3个工作日", or "今日到期" (model/finding.ts timeLeftZh). */
export function leftZh(ctx: Ctx, due: number, left: Left): string {
  return timeLeftZh(left.workdays, due - ctx.asOf);
}

export function countingZh(d: DueDate): string {
  return `计算：${d.counting}。`;
}

// monthly: once the first period from the start has run, an act is due before every month end
// (每月月底前) until an act meets `until` (办结). Each month is its own instance; a month's window
// runs from the day after the previous month's due date, so one act never counts twice.
import { dayFromYmd, isoOf, ymd } from '../../calendar/dates.js';
import { dueDateOf } from '../../calendar/periods.js';
import type { Finding } from '../../model/finding.js';
import type { Duty } from '../../model/rules.js';
import type { Ev } from '../../group/index.js';
import { candidates, countingZh, dueDayFor, finding, inForce, inMatter, lateBy, lateZh, leftUntil, leftZh, monthEndDayFor, monthEndFor, type Ctx } from '../context.js';

export function monthly(duty: Duty, ctx: Ctx, out: Finding[]): void {
  const act = duty.act!;
  const phrase = ctx.eventType(act.event).phrase;
  // The matter is named by its start event's label (移交问题线索, 移交建议): the check knows no article.
  const matter = ctx.eventType(duty.start!.events[0]!).label;
  const is = ctx.decisions.of(duty);
  const roll = duty.monthEndRolls ?? true;
  const instances = candidates(ctx, is, 'start', duty.start!.events[0]!);
  for (let k = 0; k < instances.length; k++) {
    const s = instances[k]!;
    if (!is.start(s) || !inMatter(duty, ctx, is, s) || !inForce(duty, ctx, s.day, s)) continue;
    const done = ctx.index.linked(act.event, s, act.link ?? 'ref').filter(is.act);
    const closed = done.find(is.until);
    const firstDue = dueDayFor(ctx, s, s.day, duty.period!);
    const from = duty.monthlyFrom === 'month-after-first-feedback' && done[0] ? done[0].day : firstDue;
    let { y, m } = ymd(from);
    let windowStart = -Infinity;
    for (;;) {
      m += 1;
      if (m > 12) { m = 1; y += 1; }
      const monthStart = dayFromYmd(y, m, 1);
      if (monthStart > ctx.asOf) break;
      if (closed && closed.day < monthStart) break;
      const lo = Math.max(monthStart, windowStart);
      // Most months have their act: find that from the due day alone, and explain only the rest.
      const dueDay = monthEndDayFor(ctx, s, y, m, roll);
      windowStart = dueDay + 1;
      if (hasActIn(done, lo, dueDay)) continue;
      // This month's period runs from its window's first day, which the finding reports as start.
      const end = monthEndFor(ctx, s, y, m, roll);
      const due = dueDateOf(lo, end.due, end.counting, end.skipped, end.estimated);
      const partyName = ctx.agencyName(duty.party);
      const head = `${partyName}承办的${matter}（${s.ref}，${s.date}）未办结，应于${y}年${m}月月底前即${isoOf(due.due)}前${phrase}`;
      if (ctx.asOf > due.due) {
        const late = lateBy(ctx, due.due, ctx.asOf);
        out.push(finding(duty, ctx, {
          kind: 'missing', primary: s, evidence: [s, ...done], due, done: null, late,
          message: `${head}，本期（${isoOf(lo)}至${isoOf(due.due)}）未见记录，已${lateZh(late)}。${countingZh(due)}`,
        }));
      } else {
        const left = leftUntil(ctx, due.due);
        out.push(finding(duty, ctx, {
          kind: 'due', primary: s, evidence: [s, ...done], due, done: null, left,
          message: `${head}，本期尚无记录，${leftZh(ctx, due.due, left)}。${countingZh(due)}`,
        }));
      }
    }
  }
}

function hasActIn(done: readonly Ev[], lo: number, hi: number): boolean {
  for (let i = 0; i < done.length; i++) if (done[i]!.day >= lo && done[i]!.day <= hi) return true;
  return false;
}

// deadline: after the start event(s), the party must act within the period.
// One instance per start event; late, missing, or pending (due).
import { isoOf } from '../../calendar/dates.js';
import { dueDateOf, periodZh, type DueDate } from '../../calendar/periods.js';
import type { Ev } from '../../group/index.js';
import type { Finding } from '../../model/finding.js';
import type { Duty } from '../../model/rules.js';
import { candidates, countingZh, did, dueDayFor, dueFor, finding, inForce, inMatter, lateBy, lateZh, leftUntil, leftZh, refOf, type Ctx } from '../context.js';

export function deadline(duty: Duty, ctx: Ctx, out: Finding[]): void {
  const start = duty.start!;
  const act = duty.act!;
  const is = ctx.decisions.of(duty);
  // The first linked act that meets the act condition answers the instance. One dated before
  // its start still counts: that is a data error, which 数据核对 reports (consistency.answer-
  // before-receipt), and a mistyped date must not become a violation. Likewise a start recorded
  // twice is answered by the same act.
  const instances = candidates(ctx, is, 'start', start.events[0]!);
  for (let k = 0; k < instances.length; k++) {
    const s = instances[k]!;
    if (!is.start(s) || !inMatter(duty, ctx, is, s)) continue;
    // Where the period runs from several events (收到函询通知及巡察涉及人员有关信息), all are needed and the
    // latest counts. `where` picks the instance (the first type); the others are found by `link`.
    let starts: Ev | Ev[] = s;
    let startDay = s.day;
    if (start.events.length > 1) {
      starts = [s];
      for (let i = 1; i < start.events.length; i++) {
        const e = ctx.index.firstLinked(start.events[i]!, s, start.link);
        if (!e) break;
        starts.push(e);
        if (e.day > startDay) startDay = e.day;
      }
      if (starts.length < start.events.length) continue;
    }
    if (!inForce(duty, ctx, startDay, starts)) continue;
    const done = ctx.index.firstLinked(act.event, s, act.link ?? 'ref', is.act);
    // Most instances are on time: decide that from the due day alone, and explain only the rest.
    const by = duty.by ? ctx.index.firstLinked(duty.by.event, s, duty.by.link) : undefined;
    if (duty.by && !by) continue; // nothing to be before yet
    if (done && done.day <= (by ? byDay(duty, by) : dueDayFor(ctx, s, startDay, duty.period!))) continue;
    const due = by ? byDue(duty, ctx, s, by) : dueFor(ctx, s, startDay, duty.period!);
    const startList = Array.isArray(starts) ? starts : [starts];
    const partyName = ctx.agencyName(duty.party);
    const phrase = ctx.eventType(act.event).phrase;
    const head = startList.length === 1
      ? `${did(ctx, s)}，${s.actor === duty.party ? '' : partyName}`
      : `${startList.map((e) => `${ctx.agencyName(e.actor)}于${e.date}${ctx.eventType(e.type).phrase}`).join('、')}${refOf(s)}，以较晚的${isoOf(startDay)}起算，${s.actor === duty.party ? '' : partyName}`;
    const promise = duty.period ? `应于${periodZh(duty.period)}即${isoOf(due.due)}前${phrase}` : `应于${isoOf(due.due)}前${phrase}`;
    if (done) {
      const late = lateBy(ctx, due.due, done.day);
      out.push(finding(duty, ctx, {
        kind: 'late', primary: s, evidence: [...startList, done], due, done: done.day, late,
        message: `${head}${promise}，实际${done.date}${phrase}，${lateZh(late)}。${countingZh(due)}`,
      }));
    } else if (ctx.asOf > due.due) {
      const late = lateBy(ctx, due.due, ctx.asOf);
      out.push(finding(duty, ctx, {
        kind: 'missing', primary: s, evidence: startList, due, done: null, late,
        message: `${head}${promise}，截至${isoOf(ctx.asOf)}仍未${phrase}，已${lateZh(late)}。${countingZh(due)}`,
      }));
    } else {
      const left = leftUntil(ctx, due.due);
      out.push(finding(duty, ctx, {
        kind: 'due', primary: s, evidence: startList, due, done: null, left,
        message: `${head}${promise}，尚未${phrase}，${leftZh(ctx, due.due, left)}。${countingZh(due)}`,
      }));
    }
  }
}

/** A deadline set by another event rather than a period: due the day before it (or on it, when sameDayOk). */
function byDay(duty: Duty, ref: Ev): number {
  return duty.by!.sameDayOk ? ref.day : ref.day - 1;
}

function byDue(duty: Duty, ctx: Ctx, s: Ev, ref: Ev): DueDate {
  const due = byDay(duty, ref);
  const by = duty.by!;
  const what = ctx.eventType(by.event);
  return dueDateOf(s.day, due,
    `${what.label}于${ref.date}（${ref.id}），须在此${by.sameDayOk ? '当日或之' : ''}前完成，即不晚于${isoOf(due)}`, [], false);

}

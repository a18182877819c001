// within: whenever the act happens, it must be within the period of the latest start event
// before it (一周内 of the meeting, 10天内 of stationing). Nothing is owed before an act, so
// there is no missing or pending finding, only late.
import { isoOf } from '../../calendar/dates.js';
import { periodZh } from '../../calendar/periods.js';
import type { Ev } from '../../group/index.js';
import type { Finding } from '../../model/finding.js';
import type { Duty } from '../../model/rules.js';
import { acts, countingZh, did, dueDayFor, dueFor, finding, inForce, lateBy, lateZh, partyOf, type Ctx } from '../context.js';

export function within(duty: Duty, ctx: Ctx, out: Finding[]): void {
  const start = duty.start!;
  const is = ctx.decisions.of(duty);
  for (const a of acts(duty, ctx, is)) {
    // The latest start on or before the act (the linked events are in date order).
    const linked = ctx.index.linked(start.events[0]!, a, start.link);
    let anchor: Ev | undefined;
    for (let i = linked.length - 1; i >= 0 && !anchor; i--) if (linked[i]!.day <= a.day && is.start(linked[i]!)) anchor = linked[i];
    if (!anchor || !inForce(duty, ctx, anchor.day, [anchor, a])) continue;
    if (a.day <= dueDayFor(ctx, a, anchor.day, duty.period!)) continue;
    const due = dueFor(ctx, a, anchor.day, duty.period!);
    const late = lateBy(ctx, due.due, a.day);
    const party = partyOf(duty, a);
    out.push(finding(duty, ctx, {
      kind: 'late', primary: a, evidence: [anchor, a], due, done: a.day, late, party,
      message: `${did(ctx, anchor)}，${ctx.agencyName(party)}应于${periodZh(duty.period!)}即${isoOf(due.due)}前${ctx.eventType(a.type).phrase}；` +
        `实际${did(ctx, a)}，${lateZh(late)}。${countingZh(due)}`,
    }));
  }
}

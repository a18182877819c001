// order: the act must come before the first `before` event (函询在进驻前), or only after an
// `after` event exists (经领导小组同意后方可调整).
import type { Ev } from '../../group/index.js';
import type { Finding } from '../../model/finding.js';
import type { Duty } from '../../model/rules.js';
import { acts, did, finding, inForce, partyOf, type Ctx } from '../context.js';

export function order(duty: Duty, ctx: Ctx, out: Finding[]): void {
  const is = ctx.decisions.of(duty);
  for (const a of acts(duty, ctx, is)) {
    if (!inForce(duty, ctx, a.day, a)) continue;
    const party = partyOf(duty, a);
    if (duty.before) {
      const b = duty.before;
      const first = ctx.index.firstLinked(b.event, a, b.link ?? 'round', is.before);
      if (!first) continue;
      const ok = a.day < first.day || (duty.sameDayOk === true && a.day === first.day);
      if (ok) continue;
      const sameDay = a.day === first.day;
      out.push(finding(duty, ctx, {
        kind: 'breach', primary: a, evidence: [a, first], party,
        message: `${did(ctx, a)}，${sameDay ? '与' : '晚于'}${did(ctx, first)}${sameDay ? '同日' : ''}；${duty.title}。`,
      }));
    } else if (duty.after) {
      const b = duty.after;
      // Met by any `after` event on or before the act; otherwise the earliest one names the breach.
      const linked = ctx.index.linked(b.event, a, b.link ?? 'ref');
      let met = false;
      let later: Ev | undefined;
      for (let i = 0; i < linked.length && !met; i++) {
        const e = linked[i]!;
        if (!is.after(e)) continue;
        if (e.day <= a.day) met = true;
        else later ??= e;
      }
      if (met) continue;
      const label = ctx.eventType(b.event).label;
      out.push(finding(duty, ctx, {
        kind: 'breach', primary: a, evidence: later ? [a, later] : [a], party,
        message: later
          ? `${did(ctx, a)}，但${label}在其后（${later.date}）；${duty.title}。`
          : `${did(ctx, a)}，此前未见“${label}”记录；${duty.title}。`,
      }));
    }
  }
}

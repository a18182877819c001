// limit: at most `max` distinct persons per unit (一般不超过2人) or per actor (指定一名干部) over all acts.
import type { Ev } from '../../group/index.js';
import type { Finding } from '../../model/finding.js';
import type { Duty } from '../../model/rules.js';
import { acts, finding, inForce, partyOf, type Ctx } from '../context.js';

export function limit(duty: Duty, ctx: Ctx): Finding[] {
  const { max, per } = duty.limit!;
  const groups = new Map<string, Ev[]>();
  for (const a of acts(duty, ctx)) {
    const key = per === 'unit' ? a.unit : a.actor;
    if (key === undefined || !inForce(duty, ctx, a.day, [a])) continue;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  const out: Finding[] = [];
  for (const [key, list] of groups) {
    const persons = [...new Set(list.flatMap((a) => a.persons ?? []))];
    if (persons.length <= max) continue;
    const last = list[list.length - 1]!;
    out.push(finding(duty, ctx, {
      kind: 'breach', primary: last, evidence: list, party: partyOf(duty, last),
      message: `${per === 'unit' ? key : ctx.agencyName(key)}的“${ctx.eventType(last.type).label}”共${persons.length}人（${persons.join('、')}），超过${max}人；${duty.title}。`,
    }));
  }
  return out;
}

// limit: at most `max` distinct persons per unit over all acts (一般不超过2人).
import type { Ev } from '../../group/index.js';
import type { Finding } from '../../model/finding.js';
import type { Duty } from '../../model/rules.js';
import { acts, finding, inForce, partyOf, type Ctx } from '../context.js';

export function limit(duty: Duty, ctx: Ctx): Finding[] {
  const { max } = duty.limit!;
  const byUnit = new Map<string, Ev[]>();
  for (const a of acts(duty, ctx)) {
    if (a.unit === undefined || !inForce(duty, ctx, a.day, [a])) continue;
    byUnit.set(a.unit, [...(byUnit.get(a.unit) ?? []), a]);
  }
  const out: Finding[] = [];
  for (const [unit, list] of byUnit) {
    const persons = [...new Set(list.flatMap((a) => a.persons ?? []))];
    if (persons.length <= max) continue;
    const last = list[list.length - 1]!;
    out.push(finding(duty, ctx, {
      kind: 'breach', primary: last, evidence: list, party: partyOf(duty, last),
      message: `${unit}共确定${ctx.eventType(last.type).label.replace(/^确定/, '')}${persons.length}人（${persons.join('、')}），超过${max}人；${duty.title}。`,
    }));
  }
  return out;
}

// limit: at most `max` distinct persons (一般不超过2人, 指定一名干部) or events (one 办结 per clue) per unit,
// actor or ref, over all acts.
import type { Ev } from '../../group/index.js';
import type { Finding } from '../../model/finding.js';
import { addTo } from '../../model/multimap.js';
import type { Duty } from '../../model/rules.js';
import { acts, finding, inForce, partyOf, type Ctx } from '../context.js';

export function limit(duty: Duty, ctx: Ctx, out: Finding[]): void {
  const { max, per, count } = duty.limit!;
  const groups = new Map<string, Ev[]>();
  for (const a of acts(duty, ctx)) {
    const key = per === 'unit' ? a.unit : per === 'ref' ? a.ref : a.actor;
    if (key === undefined || !inForce(duty, ctx, a.day, a)) continue;
    addTo(groups, key, a);
  }
  for (const [key, list] of groups) {
    const last = list[list.length - 1]!;
    const what = `${per === 'actor' ? ctx.agencyName(key) : key}的“${ctx.eventType(last.type).label}”`;
    let message: string;
    if (count === 'events') {
      if (list.length <= max) continue;
      message = `${what}共${list.length}次（${list.map((a) => `${a.id} ${a.date}`).join('、')}），超过${max}次；${duty.title}。`;
    } else {
      const persons = distinctPersons(list);
      if (persons.length <= max) continue;
      message = `${what}共${persons.length}人（${persons.join('、')}），超过${max}人；${duty.title}。`;
    }
    out.push(finding(duty, ctx, { kind: 'breach', primary: last, evidence: list, party: partyOf(duty, last), message }));
  }
}

function distinctPersons(list: readonly Ev[]): string[] {
  const seen = new Set<string>();
  for (const a of list) for (const p of a.persons ?? []) seen.add(p);
  return [...seen];
}

// limit: at most `max` distinct persons (一般不超过2人, 指定一名干部) or events (one 办结 per clue) per unit,
// actor or ref: over all acts, or (`over: latest`) over the acts of each group's latest date only.
import type { Ev } from '../../group/index.js';
import type { Finding } from '../../model/finding.js';
import { addTo } from '../../model/multimap.js';
import type { Duty } from '../../model/rules.js';
import { acts, finding, inForce, partyOf, type Ctx } from '../context.js';

export function limit(duty: Duty, ctx: Ctx, out: Finding[]): void {
  const { max, per, count, over } = duty.limit!;
  const latest = over === 'latest';
  const groups = new Map<string, Ev[]>();
  for (const a of acts(duty, ctx)) {
    const key = per === 'unit' ? a.unit : per === 'ref' ? a.ref : a.actor;
    if (key === undefined) continue;
    // Over the latest acts, an earlier act is replaced rather than judged: the group is asked below,
    // on its latest date, so that a designation replaced under a later ruleset is judged by none.
    if (!latest && !inForce(duty, ctx, a.day, a)) continue;
    addTo(groups, key, a);
  }
  for (const [key, all] of groups) {
    const list = latest ? latestDay(all) : all;
    const last = list[list.length - 1]!;
    if (latest && !inForce(duty, ctx, last.day, list)) continue;
    const what = `${per === 'actor' ? ctx.agencyName(key) : key}的“${ctx.eventType(last.type).label}”`;
    let message: string;
    if (count === 'events') {
      if (list.length <= max) continue;
      // The number counts only the acts the condition lets through (已办结的 of all feedbacks): said,
      // or a clue with three feedbacks reads 共2次. Persons need not: they are listed by name.
      const which = duty.act!.where ? `中，${ctx.qualifier(duty.act!.where)}的` : '';
      message = `${what}${which}共${list.length}次（${list.map((a) => `${a.id} ${a.date}`).join('、')}），超过${max}次；${duty.title}。`;
    } else {
      const persons = distinctPersons(list);
      if (persons.length <= max) continue;
      const counted = latest ? latestZh(list, all.length - list.length) : '';
      message = `${what}${counted}共${persons.length}人（${persons.join('、')}），超过${max}人；${duty.title}。`;
    }
    out.push(finding(duty, ctx, { kind: 'breach', primary: last, evidence: list, party: partyOf(duty, last), message }));
  }
}

/** The acts of the list's latest date (the list is in date order). All of that date count: a log
 *  gives no time of day, and the order of its events must not change a finding. */
function latestDay(list: Ev[]): Ev[] {
  const day = list[list.length - 1]!.day;
  let i = list.length - 1;
  while (i > 0 && list[i - 1]!.day === day) i--;
  return i === 0 ? list : list.slice(i);
}

/** Which acts were counted: 以最近一次为准（E2 2023-05-15；此前1次不计入）. */
function latestZh(counted: readonly Ev[], before: number): string {
  const which = counted.length === 1 ? `${counted[0]!.id} ${counted[0]!.date}`
    : `${counted[0]!.date}同日的${counted.map((a) => a.id).join('、')}一并计入`;
  return `以最近一次为准（${which}${before ? `；此前${before}次不计入` : ''}），`;
}

function distinctPersons(list: readonly Ev[]): string[] {
  const seen = new Set<string>();
  for (const a of list) for (const p of a.persons ?? []) seen.add(p);
  return [...seen];
}

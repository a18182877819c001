// A duty in plain Chinese for the rulebook: who owes it, what, by when, how the period is counted,
// which events it covers, under which condition. Written for legal staff, who must be able to check
// each rule against the article without reading YAML: a duty must not read wider than what is
// checked, so every `where` and `matter` is said. Unknown kinds and values fall back to their names
// rather than fail, because the rules grow while this wording is written.
import { periodZh, type Period } from '../calendar/periods.js';
import { nodeOf } from '../model/condition.js';
import { conditionZh, qualifierZh } from '../model/condition-words.js';
import { agencyNameOf, type Condition, type Duty, type Link, type Rules } from '../model/rules.js';


export interface DutyWords {
  who: string;
  what: string;
  /** Which events the duty covers: its `where` conditions and `matter`, said in words. */
  scope: string;
  when: string;
  how: string;
  condition: string | null;
  severity: string;
}

const LIMIT_PER_ZH: Record<string, string> = { unit: '每个被巡察单位', actor: '每个行为单位', ref: '每个事项（同一文号）' };
const LIMIT_COUNT_ZH: Record<string, [string, string]> = { persons: ['涉及人员', '人'], events: ['次数', '次'] };
const MONTHLY_FROM_ZH: Record<string, string> = {
  'month-after-first-due': '自首个期限届满之月的次月起',
  'month-after-first-feedback': '自首次书面反馈之月的次月起',
};
/** Which of the linked events counts, said before it: 该被巡察单位最近一次“巡察组进驻被巡察单位”. */
const LINK_ZH: Record<Link, string> = {
  ref: '同一事项（文号或编号相同）',
  unit: '该被巡察单位',
  round: '本轮',
  'unit-or-round': '该被巡察单位（未写明被巡察单位的，本轮）',
};

export function dutyWords(d: Duty, rules: Rules): DutyWords {
  const ev = (type: string) => `“${rules.events.get(type)?.label ?? type}”`;
  const act = d.act ? ev(d.act.event) : '';
  const starts = d.start ? d.start.events.map(ev).join('、') : '';
  const latest = d.start && d.start.events.length > 1 ? '（均须发生，以最晚者起算）' : '';
  const sameDay = (ok: boolean | undefined) => (ok ? '当日亦可' : '当日不算');
  const period = d.period ? periodZh(d.period) : '';
  // The act answering a start is found by `ref` unless the duty says otherwise: only another link is said.
  const actLinked = d.act?.link && d.act.link !== 'ref' ? `${LINK_ZH[d.act.link]}的${act}` : act;
  let when: string;
  switch (d.check) {
    case 'deadline':
      when = d.period ? `自${starts}之日起${period}完成${actLinked}${latest}`
        : d.by ? `${starts ? `${starts}之后，` : ''}须在${LINK_ZH[d.by.link]}首次${ev(d.by.event)}之前完成${actLinked}（${sameDay(d.by.sameDayOk)}）` : `完成${actLinked}`;
      break;
    case 'within': when = `每次${act}都须在${LINK_ZH[d.start?.link ?? 'round']}最近一次${starts}后${period}进行`; break;
    case 'monthly':
      when = `${starts}后${period}首次${actLinked}；未办结的，${MONTHLY_FROM_ZH[d.monthlyFrom ?? ''] ?? '此后'}每月月底前${actLinked}，直至办结`;
      break;
    case 'yearly': when = d.yearly ? `每年${monthDayZh(d.yearly.due)}前${act}` : `每年${act}`; break;
    case 'order':
      // The defaults are the order check's own (evaluate/checks/order.ts).
      when = d.before ? `${act}须在${LINK_ZH[d.before.link ?? 'round']}首次${ev(d.before.event)}之前（${sameDay(d.sameDayOk)}）`
        : d.after ? `须先有${LINK_ZH[d.after.link ?? 'ref']}的${ev(d.after.event)}，然后才能${act}（同日亦可）` : act;
      break;
    case 'forbidden': when = `不得${act}：每发生一次即为一项问题`; break;
    case 'require': when = `每次${act}都须符合下列条件`; break;
    case 'limit': {
      const l = d.limit;
      const [what, unit] = LIMIT_COUNT_ZH[l?.count ?? ''] ?? [l?.count ?? '', ''];
      // The default adds up every act; `over: latest` counts the latest date's acts only.
      const over = l?.over === 'latest' ? `以最近一次为准（后一次取代此前各次，此前的不计入；同一日有多次的，一并计入），${what}` : `${what}累计`;
      when = l ? `${LIMIT_PER_ZH[l.per] ?? l.per}的${act}${over}不超过${l.max}${unit}` : act;
      break;
    }
    default: when = act || '见原文';
  }
  return {
    who: whoZh(d, rules),
    what: d.act ? `${act}（事件类型 ${d.act.event}）` : d.title,
    scope: scopeZh(d, rules),
    when,
    how: counting(d, ev),
    condition: d.require ? conditionZh(d.require, rules) : d.until ? `办结标志：${conditionZh(d.until, rules)}` : null,
    // A 数据核对 check is advisory for what it is (validate/rules.ts), not for the wording of an article.
    severity: d.inconsistent ? '提示（数据核对）：案卷记录彼此矛盾，只作提示，供核对、更正记录，不作为违规判定的依据'
      : d.severity === 'violation' ? '违规：硬性要求，未履行即为违规'
      : '提示：原文为“原则上”“一般”等柔性措辞或属解释，偏离时只作提示',
  };
}

/**
 * The party by name. A duty owed by whoever acted names the agency when its act's condition pins
 * the actor; otherwise it says whose act it is, as the log records it.
 */
function whoZh(d: Duty, rules: Rules): string {
  if (d.party !== 'actor') return agencyNameOf(rules, d.party);
  const pinned = d.act?.where ? pinnedActor(d.act.where) : null;
  if (pinned) return agencyNameOf(rules, pinned);
  const t = d.act ? rules.events.get(d.act.event) : undefined;
  return t ? `行为人本身：${t.phrase}的单位（即案卷日志中“${t.label}”的办理单位）` : '行为人本身（实施该行为的单位）';
}

/** The agency every event passing `c` has as its actor: `actor equal X`, alone or in the root `all`. */
function pinnedActor(c: Condition): string | null {
  const n = nodeOf(c);
  const leaves = n?.kind === 'leaf' ? [n] : n?.kind === 'all' ? n.children.map(nodeOf) : [];
  for (const l of leaves) {
    if (l?.kind === 'leaf' && l.leaf.fact === 'actor' && l.leaf.operator === 'equal' && !('path' in l.raw) && typeof l.leaf.value === 'string') return l.leaf.value;
  }
  return null;
}

/**
 * Which events the duty covers. Its instances are its start events (deadline, monthly) or its acts
 * (every other check); then what else a condition narrows: the acts that fulfil it, the events it
 * counts from, or the events it must come before or after.
 */
function scopeZh(d: Duty, rules: Rules): string {
  const sel = (event: string, where: Condition | undefined) => selectorZh(event, where, rules);
  const byStart = (d.check === 'deadline' || d.check === 'monthly') && d.start;
  const instance = byStart ? sel(d.start!.events[0]!, d.start!.where) : d.act ? sel(d.act.event, d.act.where) : null;
  const parts: string[] = [];
  if (instance) {
    parts.push(`适用于：${instance}${d.matter ? `，但仅限其文号或编号下另有${sel(d.matter.event, d.matter.where)}的事项` : ''}`);
  }
  if (byStart && d.act?.where) parts.push(`作为履行的只计${sel(d.act.event, d.act.where)}`);
  if (!byStart && d.start?.where) parts.push(`起算只计${sel(d.start.events[0]!, d.start.where)}`);
  if (d.before?.where) parts.push(`作为时间界限的只计${sel(d.before.event, d.before.where)}`);
  if (d.after?.where) parts.push(`作为前提的只计${sel(d.after.event, d.after.where)}`);
  return parts.length ? parts.join('；') : '适用于：（本义务未指明所涉事件，见原文）';
}

/** 办理单位（actor）为县审计局，且涉及秘密事项（secret）为是的“向巡察组提供协助或书面资料”; 所有“收到函询”. */
function selectorZh(event: string, where: Condition | undefined, rules: Rules): string {
  const label = `“${rules.events.get(event)?.label ?? event}”`;
  if (!where) return `所有${label}`;
  return `${qualifierZh(where, rules)}的${label}`;
}

/** 民法典 arts. 201–203, one sentence per period form. */
function counting(d: Duty, ev: (type: string) => string): string {
  const parts: string[] = [];
  if (d.period) parts.push(periodCounting(d.period));
  if (d.check === 'monthly') {
    parts.push(d.monthEndRolls
      ? '“每月月底前”以该月最后一日为期限，该日为法定休假日的，顺延至其后第一个工作日'
      : '“每月月底前”以该月最后一日为期限，不顺延');
  }
  if (d.check === 'yearly' && d.yearly) parts.push(`“每年年初”按规则参数理解为每年${monthDayZh(d.yearly.due)}前`);
  if (!d.period && d.by) parts.push(`以${ev(d.by.event)}发生之日为界，不计算期间`);
  return parts.length ? parts.join('；') + '。' : '不涉及期限计算。';
}

function periodCounting(p: Period): string {
  if ('workdays' in p) {
    return `开始当日不计入（民法典第二百零一条），自次日起按国务院公布的节假日安排数满${p.workdays}个工作日，法定节假日和周末不计，调休上班日计入`;
  }
  if ('months' in p) {
    return `开始当日不计入，到期日为${p.months}个月后的对应日，该月无对应日的为月末日；到期日为法定休假日的，顺延至其后第一个工作日（民法典第二百零一条至第二百零三条）`;
  }
  const n = 'days' in p ? p.days : p.weeks * 7;
  return `开始当日不计入，自次日起算满${n}天${'weeks' in p ? `（${p.weeks === 1 ? '一周' : `${p.weeks}周`}按${n}天计）` : ''}；最后一日为法定休假日的，顺延至其后第一个工作日（民法典第二百零一条、第二百零三条）`;
}

function monthDayZh(mmdd: string): string {
  const [m, d] = mmdd.split('-').map(Number);
  return `${m}月${d}日`;
}

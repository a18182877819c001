// A duty in plain Chinese for the rulebook: who owes it, what, by when, how the period is counted,
// under which condition. Written for legal staff, who must be able to check each rule against the
// article without reading YAML. Unknown kinds and values fall back to their names rather than fail,
// because the rules grow while this wording is written.
import { periodZh, type Period } from '../calendar/periods.js';
import type { Duty, Rules } from '../model/rules.js';

export interface DutyWords {
  who: string;
  what: string;
  when: string;
  how: string;
  condition: string | null;
  severity: string;
}

const OPERATOR_ZH: Record<string, string> = {
  equal: '为', notEqual: '不为', in: '属于', notIn: '不属于', contains: '包含', doesNotContain: '不包含',
  lessThan: '小于', lessThanInclusive: '不大于', greaterThan: '大于', greaterThanInclusive: '不小于',
};
const LIMIT_PER_ZH: Record<string, string> = { unit: '每个被巡察单位', actor: '每个行为单位', ref: '每个事项（同一文号）' };
const LIMIT_COUNT_ZH: Record<string, [string, string]> = { persons: ['涉及人员', '人'], events: ['次数', '次'] };
const MONTHLY_FROM_ZH: Record<string, string> = {
  'month-after-first-due': '自首个期限届满之月的次月起',
  'month-after-first-feedback': '自首次书面反馈之月的次月起',
};

export function dutyWords(d: Duty, rules: Rules): DutyWords {
  const ev = (type: string) => `“${rules.events.get(type)?.label ?? type}”`;
  const act = d.act ? ev(d.act.event) : '';
  const starts = d.start ? d.start.events.map(ev).join('、') : '';
  const latest = d.start && d.start.events.length > 1 ? '（均须发生，以最晚者起算）' : '';
  const sameDay = (ok: boolean | undefined) => (ok ? '当日亦可' : '当日不算');
  const period = d.period ? periodZh(d.period) : '';
  let when: string;
  switch (d.check) {
    case 'deadline':
      when = d.period ? `自${starts}之日起${period}完成${act}${latest}`
        : d.by ? `${starts ? `${starts}之后，` : ''}须在${ev(d.by.event)}之前完成${act}（${sameDay(d.by.sameDayOk)}）` : `完成${act}`;
      break;
    case 'within': when = `每次${act}都须在最近一次${starts}后${period}进行`; break;
    case 'monthly':
      when = `${starts}后${period}首次${act}；未办结的，${MONTHLY_FROM_ZH[d.monthlyFrom ?? ''] ?? '此后'}每月月底前${act}，直至办结`;
      break;
    case 'yearly': when = d.yearly ? `每年${monthDayZh(d.yearly.due)}前${act}` : `每年${act}`; break;
    case 'order':
      when = d.before ? `${act}须在${ev(d.before.event)}之前（${sameDay(d.sameDayOk)}）`
        : d.after ? `须先有${ev(d.after.event)}，然后才能${act}（同日亦可）` : act;
      break;
    case 'forbidden': when = `不得${act}：每发生一次即为一项问题`; break;
    case 'require': when = `每次${act}都须符合下列条件`; break;
    case 'limit': {
      const l = d.limit;
      const [what, unit] = LIMIT_COUNT_ZH[l?.count ?? ''] ?? [l?.count ?? '', ''];
      when = l ? `${LIMIT_PER_ZH[l.per] ?? l.per}的${act}${what}累计不超过${l.max}${unit}` : act;
      break;
    }
    default: when = act || '见原文';
  }
  return {
    who: d.party === 'actor' ? '行为人本身（实施该行为的单位）' : rules.agencyByName.get(d.party)?.name ?? d.party,
    what: d.act ? `${act}（事件类型 ${d.act.event}）` : d.title,
    when,
    how: counting(d, ev),
    condition: d.require ? conditionZh(d.require, rules) : d.until ? `办结标志：${conditionZh(d.until, rules)}` : null,
    severity: d.severity === 'violation'
      ? `违规：硬性要求，未履行即为违规${d.inconsistent ? '（数据核对）' : ''}`
      : `提示：原文为“原则上”“一般”等柔性措辞或属解释，偏离时只作提示${d.inconsistent ? '（数据核对）' : ''}`,
  };
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

/** A json-rules-engine condition in words: 经有关领导审核同意（approved）为 是，且 …. */
export function conditionZh(c: unknown, rules: Rules): string {
  if (typeof c !== 'object' || c === null) return String(c);
  if ('all' in c && Array.isArray(c.all)) return c.all.map((x: unknown) => conditionZh(x, rules)).join('，且');
  if ('any' in c && Array.isArray(c.any)) return `（${c.any.map((x: unknown) => conditionZh(x, rules)).join('，或')}）`;
  if ('not' in c) return `并非：${conditionZh(c.not, rules)}`;
  if ('condition' in c) return `满足共用条件 ${String(c.condition)}`;
  if ('fact' in c && 'operator' in c) {
    const fact = String(c.fact);
    const op = String(c.operator);
    const name = rules.fieldNames.get(fact);
    const path = 'path' in c && c.path ? String(c.path) : '';
    return `${name ? `${name}（${fact}${path}）` : fact + path}${OPERATOR_ZH[op] ?? ` ${op} `}${valueZh('value' in c ? c.value : undefined, rules)}`;
  }
  return JSON.stringify(c);
}

function valueZh(v: unknown, rules: Rules): string {
  if (v === true) return '是';
  if (v === false) return '否';
  if (typeof v === 'string') return rules.agencyByName.get(v)?.name ?? v;
  if (Array.isArray(v)) return v.map((x: unknown) => valueZh(x, rules)).join('、');
  if (typeof v === 'object' && v !== null && 'fact' in v) return `事实 ${String(v.fact)} 的值`;
  return JSON.stringify(v);
}

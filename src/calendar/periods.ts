// Deadlines by 民法典 arts. 201–203 (see spec/periods.md). Every result carries the days it
// consulted in words, so that a reader can recount the due date by hand.
import { retain } from '../model/retain.js';
import type { DayInfo, WorkCalendar } from './calendar.js';
import { addMonthsClamped, daysInMonth, isoOf, lastDayOfMonth, weekdayZh, ymd } from './dates.js';

export type Period =
  | { workdays: number }
  | { days: number }
  | { weeks: number }
  | { months: number };

export interface SkippedSpan {
  from: string;
  to: string;
  /** 劳动节, 周末, 中秋节、国庆节 … */
  name: string;
}

export interface DueDate {
  start: number;
  due: number;
  /** How the due date was counted, in Chinese, with every skipped rest day named. */
  counting: string;
  skipped: SkippedSpan[];
  /** Some consulted day lay outside calendar data and was guessed (WorkCalendar.estimateZh says how). */
  estimated: boolean;
}

/**
 * Every DueDate is made here, with one hidden class and its day numbers as small integers (`| 0`;
 * days are far inside int32). A second key order, a spread copy, or a day computed as a double
 * (Math.floor, Math.max(…, -Infinity)) changed the class, so that every load of `due` went back
 * to V8's inline-cache miss handler, and deadline() kept losing its optimisation budget and ran
 * unoptimised (seen with --trace-opt-verbose and --log-ic): the evaluation was a quarter slower.
 */
export function dueDateOf(start: number, due: number, counting: string, skipped: SkippedSpan[], estimated: boolean): DueDate {
  return { start: start | 0, due: due | 0, counting, skipped, estimated };
}

/** "3个工作日内" etc. as written in the source. */
export function periodZh(p: Period): string {
  if ('workdays' in p) return `${p.workdays}个工作日内`;
  if ('days' in p) return `${p.days}天内`;
  if ('weeks' in p) return p.weeks === 1 ? '一周内' : `${p.weeks}周内`;
  return `${p.months}个月内`;
}

/**
 * A period written in words, as the source writes it (3个工作日, 三个工作日内, 一周, 10天, 3个月), read
 * as the rule form it stands for: rules/ take { workdays: 3 }, and whoever wrote the words is told so.
 */
export function readPeriodZh(s: string): Period | undefined {
  const m = /^([0-9０-９]+|[一二两三四五六七八九十]+)(个)?(工作日|天|日|周|星期|月)(?:以?内)?$/.exec(s.replace(/\s+/g, ''));
  const n = m ? readCountZh(m[1]!) : undefined;
  if (!m || !n) return undefined;
  switch (m[3]) {
    case '工作日': return { workdays: n };
    case '天': case '日': return m[2] ? undefined : { days: n };
    case '周': case '星期': return { weeks: n };
    default: return m[2] ? { months: n } : undefined; // 3月 is March
  }
}

/** 20, ２０, 二十, 两 … (1 to 99) as a number; undefined for anything else. */
export function readCountZh(s: string): number | undefined {
  if (/^[0-9０-９]+$/.test(s)) return Number(s.replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10)));
  const digit = (c: string | undefined) => (c === undefined ? undefined : '一二三四五六七八九'.indexOf(c.replace('两', '二')) + 1);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return undefined;
  if (!m[2]) return m[3] ? undefined : digit(m[1]);
  return (digit(m[1]) ?? 1) * 10 + (digit(m[3]) ?? 0);
}

export function dayZh(info: DayInfo): string {
  const w = weekdayZh(info.day);
  switch (info.kind) {
    case 'makeup': return `${isoOf(info.day)}（${w}，${info.holiday}调休上班日）`;
    case 'holiday': return `${isoOf(info.day)}（${w}，${info.holiday}假期）`;
    default: return `${isoOf(info.day)}（${w}）`;
  }
}

class Counter {
  readonly skipped: SkippedSpan[] = [];
  estimated = false;
  private open: { from: number; to: number; names: string[] } | null = null;
  constructor(private readonly cal: WorkCalendar) {
    retain('period counter', this);
  }

  /** Look up a day, remembering rest days as skipped spans. */
  visit(day: number): DayInfo {
    const info = this.cal.info(day);
    if (info.estimated) this.estimated = true;
    if (info.workday) this.close();
    else {
      const name = info.kind === 'holiday' ? info.holiday! : '周末';
      if (this.open && this.open.to === day - 1) {
        this.open.to = day;
        if (!this.open.names.includes(name)) this.open.names.push(name);
      } else {
        this.close();
        this.open = { from: day, to: day, names: [name] };
      }
    }
    return info;
  }

  close(): void {
    if (!this.open) return;
    const { from, to, names } = this.open;
    // A weekend glued to a holiday is part of that holiday's break.
    const named = names.length > 1 ? names.filter((n) => n !== '周末') : names;
    this.skipped.push({ from: isoOf(from), to: isoOf(to), name: named.join('、') });
    this.open = null;
  }

  /** The day itself if it is a workday, else the first workday after it (art. 203). */
  rollForward(day: number): { due: number; infos: DayInfo[] } {
    const infos: DayInfo[] = [];
    for (let d = day; ; d++) {
      const info = this.visit(d);
      infos.push(info);
      if (info.workday) return { due: d, infos };
    }
  }

  skippedZh(): string {
    this.close();
    if (this.skipped.length === 0) return '';
    return '；其间' + this.skipped.map(spanZh).join('，') + '，不计入';
  }
}

export function spanZh(s: SkippedSpan): string {
  const when = s.from === s.to ? s.from : `${s.from}至${s.to}`;
  return `${when}为${s.name === '周末' ? '周末' : s.name + '假期'}`;
}

function rolled(c: Counter, raw: number, what: string, start: number): DueDate {
  const { due, infos } = c.rollForward(raw);
  const first = infos[0]!;
  let counting: string;
  if (due === raw) counting = `${what}为${dayZh(first)}，是工作日`;
  else {
    // dayZh already names a holiday; a plain weekend needs saying.
    const rest = first.kind === 'holiday' ? '' : '，是休息日';
    counting = `${what}为${dayZh(first)}${rest}，依民法典第二百零三条顺延至其后第一个工作日${dayZh(infos[infos.length - 1]!)}`;
  }
  c.close();
  return dueDateOf(start, due, counting, c.skipped, c.estimated);
}

/** The due date of `period` counted from the start date (the start day itself never counts: art. 201). */
export function dueDate(cal: WorkCalendar, start: number, period: Period): DueDate {
  const c = new Counter(cal);
  const s = isoOf(start);
  if ('workdays' in period) {
    const counted: string[] = [];
    let d = start;
    while (counted.length < period.workdays) {
      d++;
      const info = c.visit(d);
      if (info.workday) counted.push(info.kind === 'makeup' ? dayZh(info) : isoOf(d));
    }
    const counting = `自${s}次日起算${period.workdays}个工作日：${counted.join('、')}${c.skippedZh()}`;
    return dueDateOf(start, d, counting, c.skipped, c.estimated);
  }
  if ('days' in period || 'weeks' in period) {
    const n = 'days' in period ? period.days : period.weeks * 7;
    return rolled(c, start + n, `${s}后第${n}天`, start);
  }
  const raw = addMonthsClamped(start, period.months);
  const { y, m } = ymd(raw);
  const clampNote = ymd(start).d > daysInMonth(y, m) ? `（${y}年${m}月无${ymd(start).d}日，取该月末日）` : '';
  return rolled(c, raw, `${s}后${period.months}个月的对应日${clampNote}`, start);
}

/** 每月月底前: the month's last day; moved to the next workday only when `roll` (a rule parameter). */
export function monthEndDue(cal: WorkCalendar, y: number, m: number, roll: boolean): DueDate {
  const c = new Counter(cal);
  const raw = lastDayOfMonth(y, m);
  if (!roll) {
    const info = c.visit(raw);
    c.close();
    return dueDateOf(raw, raw, `${y}年${m}月月底即${dayZh(info)}，按规则参数不顺延`, [], c.estimated);
  }
  return rolled(c, raw, `${y}年${m}月月底`, raw);
}

/** The due day alone, as dueDate(...).due, without the explanation: for instances that turn out
 *  to be on time, which are most of them. tests/periods.test.ts checks both agree. */
export function dueDay(cal: WorkCalendar, start: number, period: Period): number {
  if ('workdays' in period) {
    let d = start;
    for (let n = 0; n < period.workdays;) if (cal.isWorkday(++d)) n++;
    return d;
  }
  let d = 'days' in period ? start + period.days : 'weeks' in period ? start + period.weeks * 7 : addMonthsClamped(start, period.months);
  while (!cal.isWorkday(d)) d++;
  return d;
}

/** The month-end due day alone, as monthEndDue(...).due (tests/periods.test.ts checks both agree). */
export function monthEndDay(cal: WorkCalendar, y: number, m: number, roll: boolean): number {
  let d = lastDayOfMonth(y, m);
  if (!roll) {
    cal.isWorkday(d); // an uncovered year throws here as in monthEndDue
    return d;
  }
  while (!cal.isWorkday(d)) d++;
  return d;
}

/** Workdays in (from, to], for "逾期N个工作日". */
export function workdaysBetween(cal: WorkCalendar, from: number, to: number): { workdays: number; estimated: boolean } {
  const n = cal.workdaysIn(from + 1, to);
  let estimated = false;
  if (to > from) for (let y = ymd(from + 1).y; y <= ymd(to).y; y++) if (!cal.covers(y)) estimated = true;
  return { workdays: n, estimated };
}

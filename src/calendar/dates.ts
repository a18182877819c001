// Calendar dates as integer day numbers (days since 1970-01-01, UTC), so that
// date arithmetic is exact and cheap. ISO strings appear only at the edges.

export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Day number of a real `YYYY-MM-DD` date, or null for a malformed or impossible one (2023-02-30). */
export function parseIsoDate(s: string): number | null {
  const m = ISO.exec(s);
  if (!m) return null;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return Date.UTC(y, mo - 1, d) / MS_PER_DAY;
}

export function dayOf(s: IsoDate): number {
  const n = parseIsoDate(s);
  if (n === null) throw new RangeError(`not a real date: ${s}`);
  return n;
}

export function isoOf(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function ymd(day: number): { y: number; m: number; d: number } {
  const t = new Date(day * MS_PER_DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function dayFromYmd(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function isWeekend(day: number): boolean {
  const w = weekday(day);
  return w === 0 || w === 6;
}

const WEEKDAY_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
export function weekdayZh(day: number): string {
  return WEEKDAY_ZH[weekday(day)]!;
}

/** The same day-of-month `months` later; the month's last day where it has no such day (民法典 art. 202). */
export function addMonthsClamped(day: number, months: number): number {
  const { y, m, d } = ymd(day);
  const total = (m - 1) + months;
  const ty = y + Math.floor(total / 12);
  const tm = (((total % 12) + 12) % 12) + 1;
  return dayFromYmd(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

export function lastDayOfMonth(y: number, m: number): number {
  return dayFromYmd(y, m, daysInMonth(y, m));
}

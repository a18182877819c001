// Calendar dates as integer day numbers (days since 1970-01-01, UTC), so that
// date arithmetic is exact and cheap. ISO strings appear only at the edges.

export type IsoDate = string;

/** Day number of a real `YYYY-MM-DD` date, or null for a malformed or impossible one (2023-02-30).
 *  Read digit by digit: a regular expression allocated a match per event, which showed at scale. */
export function parseIsoDate(s: string): number | null {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  const y = digits(s, 0, 4), mo = digits(s, 5, 7), d = digits(s, 8, 10);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return dayFromYmd(y, mo, d);
}

/**
 * A date written another way than YYYY-MM-DD, as people write them (2023/9/4, 2023.9.4,
 * 2023年9月4日, 20230904), with whatever follows it (a time), for messages that say how to write
 * it. The numbers are as written: the date may not exist.
 */
export function readLooseDate(s: string): { y: number; m: number; d: number; rest: string } | null {
  const r = /^\s*(\d{4})(?:\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|(\d{2})(\d{2}))\s*(.*)$/.exec(s);
  return r ? { y: Number(r[1]), m: Number(r[2] ?? r[4]), d: Number(r[3] ?? r[5]), rest: r[6]! } : null;
}

/** YYYY-MM-DD from numbers as written (not checked to exist). */
export function isoFrom(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The year of a date that parseIsoDate accepted. */
export function isoYear(s: IsoDate): number {
  return digits(s, 0, 4);
}

/** The decimal number in s[from, to), or -1 if any character there is not an ASCII digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

export function dayOf(s: IsoDate): number {
  const n = parseIsoDate(s);
  if (n === null) throw new RangeError(`not a real date: ${s}`);
  return n;
}

// Day number → ISO string is asked for once per date in every message; a Date per call showed up
// in profiles, so the strings are built arithmetically and kept.
const isoCache = new Map<number, IsoDate>();

export function isoOf(day: number): IsoDate {
  let s = isoCache.get(day);
  if (s === undefined) {
    const { y, m, d } = ymd(day);
    s = `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
    if (isoCache.size < 100_000) isoCache.set(day, s);
  }
  return s;
}

/** Civil date of a day number (H. Hinnant's days_from_civil inverse), without a Date object. */
export function ymd(day: number): { y: number; m: number; d: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** H. Hinnant's days_from_civil: no Date object, no allocation. */
export function dayFromYmd(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return m === 2 && leap ? 29 : MONTH_DAYS[m - 1]!;
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

// The official working-day calendar: chinese-workday as the data source, corrected by
// cited override files (rules/calendar/*.yaml). Built once into a flat day index so that
// every later lookup is an array read.
import * as cw from 'chinese-workday';
import { dayFromYmd, isWeekend, isoOf, ymd, type IsoDate } from './dates.js';

/** chinese-workday 1.16.1 ships holiday data for these years only (its "Holiday Data (2011-2026)");
 *  outside them it silently answers "Monday–Friday", so we never ask it there. */
export const PACKAGE_SOURCE = 'chinese-workday 1.16.1';
export const PACKAGE_YEARS: readonly [number, number] = [2011, 2026];

export interface OverrideDay {
  date: IsoDate;
  workday: boolean;
  /** Holiday name for a rest day; "X调休" for a weekend make-up workday; null for an ordinary workday. */
  name: string | null;
  source: string;
  note?: string;
}

export interface OverrideFile {
  year: number;
  /** corrections: fixes on top of the package; complete: the whole year (a year the package lacks);
   *  statutory: only the holidays fixed by law, for a year whose notice is not out yet. Its year
   *  stays uncovered, and its days only sharpen `--estimate-uncovered`. */
  coverage: 'corrections' | 'complete' | 'statutory';
  source: string;
  days: OverrideDay[];
  /** Where it was read from, for citations in findings. */
  file: string;
}

export type DayKind = 'workday' | 'makeup' | 'weekend' | 'holiday';

export interface DayInfo {
  day: number;
  workday: boolean;
  kind: DayKind;
  /** Holiday name for `holiday` and `makeup` days (the holiday a make-up day belongs to). */
  holiday: string | null;
  /** True when the day lies in a year without data and was guessed (weekends, and the statutory
   *  holidays where a statutory file lists them). */
  estimated: boolean;
  /** The override entry that decided this day, if any. */
  override?: OverrideDay;
}

export class UncoveredYearError extends Error {
  /** The duty and the event whose period needed the year, set by the evaluator. */
  duty?: { id: string; article: string; title: string };
  event?: string;
  constructor(readonly year: number, readonly covered: readonly [number, number]) {
    super(`calendar has no data for ${year}`);
  }
}

const KIND_CODES: DayKind[] = ['workday', 'makeup', 'weekend', 'holiday'];
/** Code for a day of a year without data inside the indexed span. */
const UNCOVERED = 255;
/** Code for a day whose year has not been filled yet. */
const UNFILLED = 254;

export class WorkCalendar {
  private readonly first: number; // day number of Jan 1 of the first indexed year
  private readonly kinds: Uint8Array;
  private readonly holidays: (string | null)[];
  private readonly overrideAt = new Map<number, OverrideDay>();

  constructor(
    private readonly years: ReadonlySet<number>,
    readonly overrides: readonly OverrideFile[],
    readonly estimateUncovered: boolean,
  ) {
    const sorted = [...years].sort((a, b) => a - b);
    const y0 = sorted[0] ?? PACKAGE_YEARS[0];
    const y1 = sorted[sorted.length - 1] ?? PACKAGE_YEARS[1];
    this.first = dayFromYmd(y0, 1, 1);
    const size = dayFromYmd(y1 + 1, 1, 1) - this.first;
    // Years are filled on first use: a check touches a few years, not all sixteen.
    this.kinds = new Uint8Array(size).fill(UNFILLED);
    this.holidays = new Array<string | null>(size).fill(null);
    this.complete = new Set(overrides.filter((o) => o.coverage === 'complete').map((o) => o.year));
    for (const file of overrides) {
      if (file.coverage !== 'statutory') continue;
      this.statutoryYears.push(file.year);
      for (const o of file.days) this.statutory.set(dayOf(o.date), o);
    }
    this.statutoryYears.sort((a, b) => a - b);
  }

  private readonly complete: ReadonlySet<number>;
  /** Rest days fixed by law in years without a notice yet (coverage: statutory), by day. */
  private readonly statutory = new Map<number, OverrideDay>();
  /** The years that have such a file. */
  readonly statutoryYears: number[] = [];

  private fillYear(year: number): void {
    const from = dayFromYmd(year, 1, 1);
    const to = dayFromYmd(year + 1, 1, 1);
    for (let day = from; day < to; day++) {
      const i = day - this.first;
      if (!this.years.has(year)) this.kinds[i] = UNCOVERED;
      else if (this.complete.has(year)) this.set(i, isWeekend(day) ? 'weekend' : 'workday', null);
      else this.setFromPackage(i, day);
    }
    if (!this.years.has(year)) return;
    for (const file of this.overrides) {
      if (file.year !== year) continue;
      for (const o of file.days) {
        const day = dayOf(o.date);
        const holiday = o.name === null ? null : o.name.replace(/调休$/, '');
        const kind: DayKind = o.workday ? (isWeekend(day) ? 'makeup' : 'workday') : holiday && holiday !== '周末' ? 'holiday' : 'weekend';
        this.set(day - this.first, kind, kind === 'workday' ? null : holiday);
        this.overrideAt.set(day, o);
      }
    }
  }

  /** The kind code of an indexed day, filling its year first if needed. */
  private code(i: number, day: number): number {
    let k = this.kinds[i]!;
    if (k === UNFILLED) {
      this.fillYear(ymd(day).y);
      k = this.kinds[i]!;
    }
    return k;
  }

  private set(i: number, kind: DayKind, holiday: string | null): void {
    this.kinds[i] = KIND_CODES.indexOf(kind);
    this.holidays[i] = holiday;
  }

  private setFromPackage(i: number, day: number): void {
    const iso = isoOf(day);
    const festival = cw.getFestival(iso); // '劳动节' | '补劳动节' | '周末' | '工作日'
    if (cw.isWorkday(iso)) {
      if (isWeekend(day)) this.set(i, 'makeup', festival.replace(/^补/, ''));
      else this.set(i, 'workday', null);
    } else if (festival === '周末') this.set(i, 'weekend', null);
    else this.set(i, 'holiday', festival);
  }

  // Both are asked for every log checked; the years never change after construction.
  private coveredSpan?: readonly [number, number];
  private runsZh?: string;

  /** The first and last year with data (package years plus complete override years). */
  get covered(): readonly [number, number] {
    if (!this.coveredSpan) {
      const ys = [...this.years].sort((a, b) => a - b);
      this.coveredSpan = [ys[0]!, ys[ys.length - 1]!];
    }
    return this.coveredSpan;
  }

  /** The years with data as runs, "2011–2026、2028": the span alone would hide a gap. */
  get yearsZh(): string {
    if (this.runsZh === undefined) {
      const ys = [...this.years].sort((a, b) => a - b);
      const runs: string[] = [];
      for (let i = 0; i < ys.length;) {
        let j = i;
        while (j + 1 < ys.length && ys[j + 1] === ys[j]! + 1) j++;
        runs.push(i === j ? `${ys[i]}` : `${ys[i]}–${ys[j]}`);
        i = j + 1;
      }
      this.runsZh = runs.join('、');
    }
    return this.runsZh;
  }

  get source(): string {
    return PACKAGE_SOURCE;
  }

  /** How days without calendar data were guessed, for a message saying a result is an estimate:
   *  over the uncovered `years` it rests on, or over all of them when not given. */
  estimateZh(years?: readonly number[]): string {
    return estimateZh(this.statutoryYears, years);
  }

  /** The years without calendar data from `from` to `to` (either order), ascending. */
  uncoveredYears(from: number, to: number): number[] {
    const out: number[] = [];
    for (let y = ymd(Math.min(from, to)).y, last = ymd(Math.max(from, to)).y; y <= last; y++) if (!this.years.has(y)) out.push(y);
    return out;
  }

  covers(year: number): boolean {
    return this.years.has(year);
  }

  info(day: number): DayInfo {
    const i = day - this.first;
    const year = ymd(day).y;
    if (i < 0 || i >= this.kinds.length || !this.years.has(year)) {
      if (!this.estimateUncovered) throw new UncoveredYearError(year, this.covered);
      // A statutory holiday is a rest day whatever the notice will say; the notice may still move
      // weekends (调休) and add 补假 days, which nobody knows yet.
      const o = this.statutory.get(day);
      if (o) return { day, workday: false, kind: 'holiday', holiday: o.name, estimated: true, override: o };
      const weekend = isWeekend(day);
      return { day, workday: !weekend, kind: weekend ? 'weekend' : 'workday', holiday: null, estimated: true };
    }
    const kind = KIND_CODES[this.code(i, day)]!;
    const info: DayInfo = {
      day,
      workday: kind === 'workday' || kind === 'makeup',
      kind,
      holiday: this.holidays[i] ?? null,
      estimated: false,
    };
    const o = this.overrideAt.get(day);
    if (o) info.override = o;
    return info;
  }

  // Per year, cum[k] = workdays among its first k days: a count over years is then a few
  // subtractions. Counting day by day showed in profiles: an overdue duty is late by years.
  private readonly cumByYear = new Map<number, Int32Array>();

  /** Workdays in [from, to] (none when to < from); throws or estimates for uncovered days as isWorkday. */
  workdaysIn(from: number, to: number): number {
    let n = 0;
    for (let y = ymd(from).y; from <= to; y++) {
      const jan1 = dayFromYmd(y, 1, 1);
      const next = dayFromYmd(y + 1, 1, 1);
      let cum = this.cumByYear.get(y);
      if (!cum) {
        cum = new Int32Array(next - jan1 + 1);
        for (let k = 0; k < next - jan1; k++) cum[k + 1] = cum[k]! + (this.isWorkday(jan1 + k) ? 1 : 0);
        this.cumByYear.set(y, cum);
      }
      const hi = Math.min(to, next - 1);
      n += cum[hi - jan1 + 1]! - cum[from - jan1]!;
      from = next;
    }
    return n;
  }

  /** Same answer as info(day).workday, without building the DayInfo (the periods' hot loop). */
  isWorkday(day: number): boolean {
    const i = day - this.first;
    if (i >= 0 && i < this.kinds.length) {
      const k = this.code(i, day);
      if (k !== UNCOVERED) return k <= 1; // workday or makeup
    }
    return this.info(day).workday; // uncovered: estimate or throw, as info() decides
  }
}

function dayOf(iso: IsoDate): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return dayFromYmd(y, m, d);
}

/**
 * How years without calendar data are counted, said of the uncovered `years` a result rests on (all
 * of them when not given, as a report's header does): weekends only, or weekends and the statutory
 * holidays where a statutory file lists a year's. Only the years named get the statutory wording: a
 * 2028 date is guessed from weekends alone though 2027.yaml exists. One wording for findings
 * (through the calendar), reports (from a result's calendar block) and input errors.
 */
export function estimateZh(statutoryYears: readonly number[], years?: readonly number[]): string {
  const known = years ? statutoryYears.filter((y) => years.includes(y)) : statutoryYears;
  if (!known.length) return '按仅周末为休息日估算';
  const law = '依《全国年节及纪念日放假办法》';
  const others = years ? years.some((y) => !statutoryYears.includes(y)) : true; // a header speaks of every year
  return others
    ? `按周末为休息日估算，其中${known.join('、')}年并计入法定节日（${law}），未计尚未公布的调休和补假`
    : `按周末及法定节日（${known.join('、')}年，${law}）为休息日估算，未计尚未公布的调休和补假`;
}

/** Build the calendar from the package and the (already validated) override files. */
export function buildCalendar(overrides: readonly OverrideFile[], opts: { estimateUncovered?: boolean } = {}): WorkCalendar {
  const years = new Set<number>();
  for (let y = PACKAGE_YEARS[0]; y <= PACKAGE_YEARS[1]; y++) years.add(y);
  for (const o of overrides) if (o.coverage === 'complete') years.add(o.year);
  return new WorkCalendar(years, overrides, opts.estimateUncovered ?? false);
}

import { describe, expect, it } from 'vitest';
import chineseDays from 'chinese-days';
import { dayOf, isoOf } from '../src/calendar/dates.js';
import { buildCalendar, UncoveredYearError } from '../src/calendar/calendar.js';
import { calendar, estimatingCalendar, rules } from './helpers.js';

describe('calendar overrides', () => {
  it('corrects the days chinese-workday 1.16.1 gets wrong', () => {
    expect(calendar.isWorkday(dayOf('2023-01-03'))).toBe(true); // package: a 元旦 holiday
    expect(calendar.info(dayOf('2018-01-01'))).toMatchObject({ workday: false, kind: 'holiday', holiday: '元旦' });
    expect(calendar.info(dayOf('2014-10-11'))).toMatchObject({ workday: true, kind: 'makeup', holiday: '国庆节' });
    const raw = buildCalendar([]);
    expect(raw.isWorkday(dayOf('2023-01-03'))).toBe(false); // the package's own answer, for contrast
  });

  it('every override entry names what decides it: the State Council notice, or for a statutory-only year the holiday regulation', () => {
    for (const file of rules.calendarOverrides) {
      const cites = file.coverage === 'statutory' ? /^《全国年节及纪念日放假办法》第二条/ : /^国务院.*(通知|决定)/;
      for (const d of file.days) expect(d.source).toMatch(cites);
    }
  });

  it('agrees with chinese-days on every day of 2011–2026, each past disagreement resolved by a cited override', () => {
    const overridden = new Map(rules.calendarOverrides.flatMap((f) => f.days.map((d) => [d.date, d] as const)));
    const raw = buildCalendar([]);
    const disagreements: string[] = [];
    let resolved = 0;
    for (let d = dayOf('2011-01-01'); d <= dayOf('2026-12-31'); d++) {
      const iso = isoOf(d);
      const official = chineseDays.isWorkday(iso);
      if (raw.isWorkday(d) !== official) {
        const o = overridden.get(iso);
        expect(o, `${iso}: chinese-workday disagrees with chinese-days and no override names a source`).toBeDefined();
        expect(o!.source.length).toBeGreaterThan(10);
        resolved++;
      }
      if (calendar.isWorkday(d) !== official) disagreements.push(iso);
    }
    expect(disagreements).toEqual([]);
    expect(resolved).toBe(28);
  });

  it('knows which years it covers', () => {
    expect(calendar.covered).toEqual([2011, 2026]);
    expect(calendar.covers(2027)).toBe(false);
  });
});

describe('the covered years, as messages name them', () => {
  it('are shown as runs, so that a gap is not hidden inside a span', async () => {
    const { buildCalendar } = await import('../src/calendar/calendar.js');
    expect(calendar.yearsZh).toBe('2011–2026');
    const gap = buildCalendar([{ year: 2028, coverage: 'complete', source: '示例', days: [] }] as never);
    expect(gap.yearsZh).toBe('2011–2026、2028');
    expect(gap.covers(2027)).toBe(false);
  });
});

// Article 2 of 《全国年节及纪念日放假办法》 as revised in 2024 (国务院令第795号, in force 2025-01-01),
// computed from chinese-days' lunar calendar: an independent derivation of rules/calendar/2027.yaml.
function statutoryDays(y: number): string[] {
  const lunar = (md: string) => chineseDays.getSolarDateFromLunar(`${y}-${md}`).date;
  const newYear = dayOf(lunar('01-01'));
  const qingming = chineseDays.getSolarTermsInRange(`${y}-04-01`, `${y}-04-10`).find((t) => t.term === 'pure_brightness' && t.index === 1)!.date;
  return [
    `${y}-01-01`,
    ...[-1, 0, 1, 2].map((k) => isoOf(newYear + k)), // 农历除夕、正月初一至初三
    qingming,
    `${y}-05-01`, `${y}-05-02`,
    lunar('05-05'), lunar('08-15'),
    `${y}-10-01`, `${y}-10-02`, `${y}-10-03`,
  ].sort();
}

describe('a year with only its statutory holidays (coverage: statutory)', () => {
  it('Article 2 gives these 13 days in 2027', () => {
    expect(statutoryDays(2027)).toEqual(['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-04-05',
      '2027-05-01', '2027-05-02', '2027-06-09', '2027-09-15', '2027-10-01', '2027-10-02', '2027-10-03']);
  });

  it('every statutory file lists exactly its year\'s Article 2 days, all rest days (2027.yaml today)', () => {
    const files = rules.calendarOverrides.filter((f) => f.coverage === 'statutory');
    expect(files.map((f) => f.year)).toEqual([2027]); // until the 2027 notice turns it into coverage: complete
    for (const f of files) {
      expect(f.days.map((d) => d.date).sort()).toEqual(statutoryDays(f.year));
      expect(f.days.every((d) => !d.workday)).toBe(true);
    }
  });

  it('the same derivation gives only rest days in every year since the 2024 revision whose notice is in the calendar', () => {
    for (let y = 2025; y <= calendar.covered[1]; y++) {
      const days = statutoryDays(y);
      expect(days).toHaveLength(13);
      for (const d of days) expect(calendar.info(dayOf(d)), `${d}`).toMatchObject({ workday: false, kind: 'holiday', estimated: false });
    }
  });

  it('leaves the year uncovered: without --estimate-uncovered it is still an error', () => {
    expect(calendar.covers(2027)).toBe(false);
    expect(() => calendar.isWorkday(dayOf('2027-01-04'))).toThrow(UncoveredYearError);
  });

  it('makes the estimate count its days as holidays, besides the weekends, and says so', () => {
    expect(estimatingCalendar.info(dayOf('2027-02-08'))).toMatchObject({ workday: false, kind: 'holiday', holiday: '春节', estimated: true });
    expect(estimatingCalendar.info(dayOf('2027-02-09'))).toMatchObject({ workday: true, kind: 'workday', estimated: true }); // 调休 unknown
    expect(estimatingCalendar.info(dayOf('2027-02-13'))).toMatchObject({ workday: false, kind: 'weekend', estimated: true });
    expect(estimatingCalendar.info(dayOf('2028-01-03'))).toMatchObject({ workday: true, estimated: true }); // no file: weekends only
    // 2027: 365 days, 104 weekend days, 7 of the 13 statutory days on weekdays (6 fall on weekends).
    expect(estimatingCalendar.workdaysIn(dayOf('2027-01-01'), dayOf('2027-12-31'))).toBe(365 - 104 - 7);
    // Said of the years a result rests on: only 2027 has a statutory file.
    expect(estimatingCalendar.estimateZh([2027])).toBe('按周末及法定节日（2027年，依《全国年节及纪念日放假办法》）为休息日估算，未计尚未公布的调休和补假');
    expect(estimatingCalendar.estimateZh([2028])).toBe('按仅周末为休息日估算');
    expect(estimatingCalendar.estimateZh([2027, 2028])).toBe('按周末为休息日估算，其中2027年并计入法定节日（依《全国年节及纪念日放假办法》），未计尚未公布的调休和补假');
    expect(estimatingCalendar.estimateZh()).toBe(estimatingCalendar.estimateZh([2027, 2028])); // a header: every uncovered year
    expect(buildCalendar([], { estimateUncovered: true }).estimateZh()).toBe('按仅周末为休息日估算');
    expect(estimatingCalendar.uncoveredYears(dayOf('2026-12-30'), dayOf('2028-01-02'))).toEqual([2027, 2028]);
  });
});

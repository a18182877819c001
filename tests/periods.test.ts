import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayOf, isoOf } from '../src/calendar/dates.js';
import { dueDate, dueDay, monthEndDay, monthEndDue, readCountZh, readPeriodZh, workdaysBetween, type Period } from '../src/calendar/periods.js';
import { UncoveredYearError } from '../src/calendar/calendar.js';
import { calendar, estimatingCalendar } from './helpers.js';

const due = (start: string, p: Period) => dueDate(calendar, dayOf(start), p);

describe('spec/periods.md worked examples', () => {
  it('received 2023-04-07 (Fri), 3 workdays → 2023-04-12', () => {
    const r = due('2023-04-07', { workdays: 3 });
    expect(isoOf(r.due)).toBe('2023-04-12');
    expect(r.counting).toBe('自2023-04-07次日起算3个工作日：2023-04-10、2023-04-11、2023-04-12；其间2023-04-08至2023-04-09为周末，不计入');
  });
  it('received 2023-04-27 (Thu), 3 workdays over 劳动节 → 2023-05-05', () => {
    const r = due('2023-04-27', { workdays: 3 });
    expect(isoOf(r.due)).toBe('2023-05-05');
    expect(r.skipped).toEqual([{ from: '2023-04-29', to: '2023-05-03', name: '劳动节' }]);
    expect(r.counting).toContain('2023-04-29至2023-05-03为劳动节假期');
  });
  it('received 2024-09-27 (Fri), 3 workdays with a make-up Sunday → 2024-10-08', () => {
    const r = due('2024-09-27', { workdays: 3 });
    expect(isoOf(r.due)).toBe('2024-10-08');
    expect(r.counting).toContain('2024-09-29（周日，国庆节调休上班日）');
    expect(r.counting).toContain('2024-10-01至2024-10-07为国庆节假期');
  });
  it('meeting 2023-09-22 (Fri), 一周内 → 中秋 → 2023-10-07 (make-up Saturday)', () => {
    const r = due('2023-09-22', { weeks: 1 });
    expect(isoOf(r.due)).toBe('2023-10-07');
    expect(r.counting).toBe(
      '2023-09-22后第7天为2023-09-29（周五，中秋节假期），依民法典第二百零三条顺延至其后第一个工作日2023-10-07（周六，国庆节调休上班日）',
    );
  });
  it('transfer 2023-11-30, 3个月内 → 2024-02-29 (leap year month end)', () => {
    const r = due('2023-11-30', { months: 3 });
    expect(isoOf(r.due)).toBe('2024-02-29');
    expect(r.counting).toContain('2024年2月无30日，取该月末日');
  });
  it('transfer 2022-11-30, 3个月内 → 2023-02-28', () => {
    expect(isoOf(due('2022-11-30', { months: 3 }).due)).toBe('2023-02-28');
  });
  it('transfer 2023-07-01, 3个月内 → 国庆 → 2023-10-07', () => {
    const r = due('2023-07-01', { months: 3 });
    expect(isoOf(r.due)).toBe('2023-10-07');
    expect(r.skipped).toEqual([{ from: '2023-10-01', to: '2023-10-06', name: '国庆节' }]);
  });
});

describe('other forms', () => {
  it('10天内 lands on a workday and stays', () => {
    expect(isoOf(due('2023-04-10', { days: 10 }).due)).toBe('2023-04-20');
  });
  it('20个工作日 across 清明 and 劳动节', () => {
    // 2023-04-03 (Mon): 04-04, 04-06, 04-07 (1–3), 04-10..14 (4–8), 04-17..21 (9–13),
    // 04-23 Sun make-up (14), 04-24..28 (15–19); 04-29..05-03 劳动节; 05-04 (20).
    const r = due('2023-04-03', { workdays: 20 });
    expect(isoOf(r.due)).toBe('2023-05-04');
    expect(r.skipped.map((s) => s.name)).toEqual(['清明节', '周末', '周末', '周末', '劳动节']);
  });
  it('每月月底前 rolls past a weekend when the parameter says so', () => {
    expect(isoOf(monthEndDue(calendar, 2023, 9, true).due)).toBe('2023-10-07');
    expect(isoOf(monthEndDue(calendar, 2023, 9, false).due)).toBe('2023-09-30');
    expect(isoOf(monthEndDue(calendar, 2023, 10, true).due)).toBe('2023-10-31');
  });
  it('a start day that is itself a holiday never counts', () => {
    expect(isoOf(due('2023-10-01', { workdays: 1 }).due)).toBe('2023-10-07');
  });
});

describe('coverage', () => {
  it('a period running into an uncovered year is an error naming the year', () => {
    expect(() => due('2026-12-28', { workdays: 5 })).toThrow(UncoveredYearError);
    try { due('2026-12-28', { workdays: 5 }); } catch (e) { expect((e as UncoveredYearError).year).toBe(2027); }
  });
  it('--estimate-uncovered counts weekends and the statutory holidays listed for the year, and says so', () => {
    // 12-29, 12-30, 12-31, then 元旦 (2027-01-01, rules/calendar/2027.yaml) and the weekend: 01-04, 01-05.
    const r = dueDate(estimatingCalendar, dayOf('2026-12-28'), { workdays: 5 });
    expect(isoOf(r.due)).toBe('2027-01-05');
    expect(r.estimated).toBe(true);
    expect(r.skipped).toEqual([{ from: '2027-01-01', to: '2027-01-03', name: '元旦' }]);
  });
  it('--estimate-uncovered counts weekends only in a year without any calendar file', () => {
    // 2027-12-28 … 12-31, then 2028-01-01/02 (Sat, Sun): the 5th workday is Mon 2028-01-03,
    // though 元旦 will surely move some day there; nothing lists it yet.
    const r = dueDate(estimatingCalendar, dayOf('2027-12-27'), { workdays: 5 });
    expect(isoOf(r.due)).toBe('2028-01-03');
    expect(r.estimated).toBe(true);
  });
});

// Starts inside calendar data, and periods of every form the rules use.
const start = fc.integer({ min: dayOf('2011-01-01'), max: dayOf('2026-06-30') });
const period = fc.oneof(
  fc.integer({ min: 1, max: 25 }).map((n): Period => ({ workdays: n })),
  fc.integer({ min: 1, max: 30 }).map((n): Period => ({ days: n })),
  fc.constant<Period>({ weeks: 1 }),
  fc.integer({ min: 1, max: 3 }).map((n): Period => ({ months: n })),
);

describe('a period written in words, read as the rule form (for the message that tells a rule author)', () => {
  it.each([
    ['3工作日', { workdays: 3 }], ['三个工作日', { workdays: 3 }], ['20个工作日内', { workdays: 20 }], ['二十个工作日', { workdays: 20 }],
    ['３个工作日', { workdays: 3 }], ['一周', { weeks: 1 }], ['两周内', { weeks: 2 }], ['10天', { days: 10 }],
    ['3个月', { months: 3 }], ['十二个月', { months: 12 }],
  ])('%s', (words, period) => {
    expect(readPeriodZh(words)).toEqual(period);
  });
  it.each(['3月', '3个天', '及时', '0个工作日', '一百个工作日', '3 workdays', ''])('%s is not read as a period', (words) => {
    expect(readPeriodZh(words)).toBeUndefined();
  });
  it('counts 1 to 99 in Chinese numerals', () => {
    expect([readCountZh('十'), readCountZh('十五'), readCountZh('二十'), readCountZh('九十九'), readCountZh('两')]).toEqual([10, 15, 20, 99, 2]);
    expect([readCountZh('十十'), readCountZh('二二'), readCountZh('百')]).toEqual([undefined, undefined, undefined]);
  });
});

describe('period laws (property tests)', () => {
  it('the due date is a workday strictly after the start', () => {
    fc.assert(fc.property(start, period, (s, p) => {
      const r = dueDate(calendar, s, p);
      return r.due > s && calendar.isWorkday(r.due);
    }), { numRuns: 3000 });
  });
  it('a later start never gives an earlier due date', () => {
    fc.assert(fc.property(start, fc.integer({ min: 1, max: 40 }), period, (s, k, p) => {
      return dueDate(calendar, s + k, p).due >= dueDate(calendar, s, p).due;
    }), { numRuns: 3000 });
  });
  it('N workdays contain exactly N workdays after the start', () => {
    fc.assert(fc.property(start, fc.integer({ min: 1, max: 25 }), (s, n) => {
      const r = dueDate(calendar, s, { workdays: n });
      let count = 0;
      for (let d = s + 1; d <= r.due; d++) if (calendar.isWorkday(d)) count++;
      return count === n;
    }), { numRuns: 2000 });
  });
});

describe('day numbers', () => {
  it('round-trip every day from 1900 to 2200 against Date', async () => {
    const { isoOf, ymd, parseIsoDate } = await import('../src/calendar/dates.js');
    // One expect at the end: 330,000 expect calls took 2.7 s, and timed out on a loaded machine.
    const wrong: string[] = [];
    for (let d = parseIsoDate('1900-01-01')!; d <= parseIsoDate('2200-12-31')!; d++) {
      const iso = new Date(d * 86_400_000).toISOString().slice(0, 10);
      const { y, m, d: dd } = ymd(d);
      if (isoOf(d) !== iso || parseIsoDate(iso) !== d || `${y}-${m}-${dd}` !== iso.split('-').map(Number).join('-')) wrong.push(iso);
    }
    expect(wrong).toEqual([]);
  });
});

describe('dueDay (the fast path) agrees with dueDate', () => {
  it('for random starts and periods', () => {
    fc.assert(fc.property(start, period, (s, p) => dueDay(calendar, s, p) === dueDate(calendar, s, p).due), { numRuns: 5000 });
  });
  it('monthEndDay agrees with monthEndDue for every month of 2011–2026, rolled or not', () => {
    let months = 0;
    for (let y = 2011; y <= 2026; y++) {
      for (let m = 1; m <= 12; m++) {
        for (const roll of [true, false]) expect(monthEndDay(calendar, y, m, roll)).toBe(monthEndDue(calendar, y, m, roll).due);
        months++;
      }
    }
    expect(months).toBe(192);
    expect(isoOf(monthEndDay(calendar, 2023, 9, true))).toBe('2023-10-07'); // 中秋、国庆 roll 09-30 on
  });
});

describe('due dates have one shape', () => {
  // One key order and integer days for every DueDate (see dueDateOf): a second shape made the
  // checks' loads of `due` polymorphic and cost a quarter of the evaluation.
  it('whatever the period, month end or rolling', () => {
    const s = dayOf('2023-09-28');
    const all = [
      dueDate(calendar, s, { workdays: 3 }), dueDate(calendar, s, { days: 2 }), dueDate(calendar, s, { weeks: 1 }),
      dueDate(calendar, s, { months: 1 }), monthEndDue(calendar, 2023, 9, true), monthEndDue(calendar, 2023, 9, false),
    ];
    for (const d of all) {
      expect(Object.keys(d)).toEqual(['start', 'due', 'counting', 'skipped', 'estimated']);
      expect(Number.isInteger(d.start) && Number.isInteger(d.due)).toBe(true);
    }
  });
});

describe('workday counts (prefix sums per year) agree with counting day by day', () => {
  const naive = (cal: typeof calendar, from: number, to: number) => {
    let n = 0;
    for (let d = from + 1; d <= to; d++) if (cal.isWorkday(d)) n++;
    return n;
  };
  const day = fc.integer({ min: dayOf('2011-01-01'), max: dayOf('2026-12-31') });
  it('for random spans inside the covered years, across year ends and holidays', () => {
    fc.assert(fc.property(day, day, (a, b) => workdaysBetween(calendar, a, b).workdays === naive(calendar, a, b)), { numRuns: 3000 });
  });
  it('for spans into estimated years, which are marked estimated', () => {
    const wide = fc.integer({ min: dayOf('2025-01-01'), max: dayOf('2028-12-31') });
    fc.assert(fc.property(wide, wide, (a, b) => {
      const r = workdaysBetween(estimatingCalendar, a, b);
      return r.workdays === naive(estimatingCalendar, a, b) && r.estimated === (b > a && b >= dayOf('2027-01-01'));
    }), { numRuns: 1000 });
  });
  it('for the worked example: 2023-09-28 to 2023-10-09 spans 中秋·国庆 (2023-10-07/08 are make-up days)', () => {
    // 9-29 … 10-06 are the holiday, 10-07 (Sat) and 10-08 (Sun) are make-up workdays, 10-09 a Monday.
    expect(workdaysBetween(calendar, dayOf('2023-09-28'), dayOf('2023-10-09')).workdays).toBe(3);
    expect(() => workdaysBetween(calendar, dayOf('2026-12-30'), dayOf('2027-01-04'))).toThrow(UncoveredYearError);
  });
});

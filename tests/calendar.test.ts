import { describe, expect, it } from 'vitest';
import chineseDays from 'chinese-days';
import { dayOf, isoOf } from '../src/calendar/dates.js';
import { buildCalendar } from '../src/calendar/calendar.js';
import { calendar, rules } from './helpers.js';

describe('calendar overrides', () => {
  it('corrects the days chinese-workday 1.16.1 gets wrong', () => {
    expect(calendar.isWorkday(dayOf('2023-01-03'))).toBe(true); // package: a 元旦 holiday
    expect(calendar.info(dayOf('2018-01-01'))).toMatchObject({ workday: false, kind: 'holiday', holiday: '元旦' });
    expect(calendar.info(dayOf('2014-10-11'))).toMatchObject({ workday: true, kind: 'makeup', holiday: '国庆节' });
    const raw = buildCalendar([]);
    expect(raw.isWorkday(dayOf('2023-01-03'))).toBe(false); // the package's own answer, for contrast
  });

  it('every override entry names the State Council notice that decides it', () => {
    for (const file of rules.calendarOverrides) {
      for (const d of file.days) expect(d.source).toMatch(/^国务院.*(通知|决定)/);
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

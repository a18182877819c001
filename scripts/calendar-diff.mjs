#!/usr/bin/env node
// Compare the working-day calendars of chinese-workday (runtime data source)
// and chinese-days (dev cross-check) for 2011-01-01..2026-12-31 and print
// every day on which their isWorkday answers disagree.
//
// Usage: node scripts/calendar-diff.mjs
import { isWorkday as cwIsWorkday, getFestival as cwGetFestival } from 'chinese-workday';
import chineseDays from 'chinese-days';

const START = '2011-01-01';
const END = '2026-12-31';

function* days(start, end) {
  // Iterate in UTC so DST / local timezone never skips or repeats a day.
  const d = new Date(`${start}T00:00:00Z`);
  const last = new Date(`${end}T00:00:00Z`);
  while (d <= last) {
    yield d.toISOString().slice(0, 10);
    d.setUTCDate(d.getUTCDate() + 1);
  }
}

const label = (work) => (work ? 'work' : 'rest');

function cdName(date) {
  const detail = chineseDays.getDayDetail(date);
  return detail?.name ?? '';
}

let count = 0;
for (const date of days(START, END)) {
  const a = cwIsWorkday(date);
  const b = chineseDays.isWorkday(date);
  if (a !== b) {
    count++;
    console.log(
      `${date}  chinese-workday=${label(a)}  chinese-days=${label(b)}  ` +
        `(chinese-workday: ${cwGetFestival(date)}; chinese-days: ${cdName(date)})`,
    );
  }
}
console.error(`${count} disagreement(s) between ${START} and ${END}`);

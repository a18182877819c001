import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventIndex } from '../src/group/index.js';
import type { ValidLog } from '../src/model/log.js';
import { dayOf } from '../src/calendar/dates.js';
import { loadJson } from '../src/load/json-file.js';
import { validateLog } from '../src/validate/log.js';
import { calendar, DEMO, rules } from './helpers.js';

// A log of events with the given days and ids, as validation hands it to the index (dated).
function indexOf(events: { id: string; day: number; type?: string }[], asOf = Infinity): EventIndex {
  const log = { log: { events: events.map((e) => ({ id: e.id, type: e.type ?? T, date: '', actor: 'jiwei', day: e.day })) } };
  return new EventIndex(log as unknown as ValidLog, asOf);
}
const T = 'clue.transferred';
const TYPES = [T, 'clue.feedback', 'letter.inquiry.received'];

describe('the event index orders events by date, then id, whatever the file order', () => {
  // Up to 80 events of one to three types: lists both shorter and longer than the insertion-sort limit.
  const events = fc.uniqueArray(fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }), day: fc.integer({ min: -800_000, max: 3_000_000 }), type: fc.constantFrom(...TYPES),
  }), { selector: (e) => e.id, maxLength: 80 });
  it('as a comparator sort would, type by type (random days, many on one day, ids in any order)', () => {
    fc.assert(fc.property(events, fc.boolean(), fc.boolean(), (es, fewDays, oneType) => {
      const input = es.map((e) => ({ ...e, ...(fewDays ? { day: 19_000 + (Math.abs(e.day) % 3) } : {}), ...(oneType ? { type: T } : {}) }));
      const sorted = [...input].sort((a, b) => a.day - b.day || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const index = indexOf(input);
      return TYPES.every((t) => JSON.stringify(index.ofType(t).map((e) => e.id)) === JSON.stringify(sorted.filter((e) => e.type === t).map((e) => e.id)));
    }), { numRuns: 2000 });
  });
  it('puts a long run of one day in id order without quadratic time (a bulk import under one date)', () => {
    const n = 100_000;
    const es = Array.from({ length: n }, (_, i) => ({ id: `E${String(n - i).padStart(6, '0')}`, day: 19_000 }));
    const t = performance.now();
    const ids = indexOf(es).ofType(T).map((e) => e.id);
    expect(performance.now() - t).toBeLessThan(2_000); // insertion sort took over 30 s
    expect(ids[0]).toBe('E000001');
    expect(ids[n - 1]).toBe(`E${n}`);
  });
  it('leaves out events after the as-of date', () => {
    expect(indexOf([{ id: 'E2', day: 5 }, { id: 'E10', day: 5 }, { id: 'E1', day: 9 }], 5).ofType(T).map((e) => e.id)).toEqual(['E10', 'E2']);
  });
});

describe('firstLinked (a scan for types with few events) agrees with linked(…).find', () => {
  // Random events of two types sharing a few refs and units; every link, with and without a test.
  const ev = fc.record({
    type: fc.constantFrom('clue.transferred', 'clue.feedback'), ref: fc.option(fc.constantFrom('甲', '乙', '丙'), { nil: undefined }),
    unit: fc.option(fc.constantFrom('县教育局', '县卫健委'), { nil: undefined }), day: fc.integer({ min: 19_000, max: 19_030 }), written: fc.boolean(),
  });
  it('for every link, type and event, whatever the number of events of the type', () => {
    fc.assert(fc.property(fc.array(ev, { maxLength: 30 }), (es) => {
      const events = es.map((e, i) => ({ id: `E${i}`, date: '', actor: 'jiwei', ...e }));
      const index = new EventIndex({ log: { events } } as unknown as ValidLog, Infinity);
      const written = (e: { written?: boolean }) => e.written === true;
      for (const to of ['clue.transferred', 'clue.feedback'].flatMap((t) => index.ofType(t))) {
        for (const link of ['ref', 'unit', 'round', 'unit-or-round'] as const) {
          for (const type of ['clue.transferred', 'clue.feedback']) {
            if (index.firstLinked(type, to, link) !== index.linked(type, to, link)[0]) return false;
            if (index.firstLinked(type, to, link, written) !== index.linked(type, to, link).find(written)) return false;
          }
        }
      }
      return true;
    }), { numRuns: 500 });
  });
});

describe('validation hands the index its events dated', () => {
  it('sets each event\'s day number from its date, in place, and keeps every event', () => {
    const json = loadJson(DEMO);
    const raw = (json.data as { events: { date: string }[] }).events.map((e) => e.date);
    const valid = validateLog(json, { agencyByName: rules.agencyByName, events: rules.events, calendar });
    expect(valid.log.events.map((e) => e.day)).toEqual(raw.map(dayOf));
    expect(valid.log.events[0]).toBe((json.data as { events: unknown[] }).events[0]);
    expect(valid.log.events.find((e) => e.date === '2023-03-31')?.day).toBe(19447);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventIndex } from '../src/group/index.js';
import type { ValidLog } from '../src/model/log.js';

// A log of events with the given days and ids, as validation hands it to the index.
function indexOf(events: { id: string; day: number }[], asOf = Infinity): EventIndex {
  const log = { log: { events: events.map((e) => ({ id: e.id, type: 'clue.transferred', date: '', actor: 'jiwei' })) }, days: events.map((e) => e.day) };
  return new EventIndex(log as unknown as ValidLog, asOf);
}

describe('the event index orders events by date, then id, whatever the file order', () => {
  const events = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), day: fc.integer({ min: -800_000, max: 3_000_000 }) }), { selector: (e) => e.id, maxLength: 60 });
  it('as a comparator sort would (random days, many on one day, ids in any order)', () => {
    fc.assert(fc.property(events, fc.boolean(), (es, fewDays) => {
      const input = fewDays ? es.map((e) => ({ ...e, day: 19_000 + (Math.abs(e.day) % 3) })) : es;
      const expected = [...input].sort((a, b) => a.day - b.day || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((e) => e.id);
      return JSON.stringify(indexOf(input).all.map((e) => e.id)) === JSON.stringify(expected);
    }), { numRuns: 2000 });
  });
  it('puts a long run of one day in id order without quadratic time (a bulk import under one date)', () => {
    const n = 100_000;
    const es = Array.from({ length: n }, (_, i) => ({ id: `E${String(n - i).padStart(6, '0')}`, day: 19_000 }));
    const t = performance.now();
    const ids = indexOf(es).all.map((e) => e.id);
    expect(performance.now() - t).toBeLessThan(2_000); // insertion sort took over 30 s
    expect(ids[0]).toBe('E000001');
    expect(ids[n - 1]).toBe(`E${n}`);
  });
  it('leaves out events after the as-of date', () => {
    expect(indexOf([{ id: 'E2', day: 5 }, { id: 'E10', day: 5 }, { id: 'E1', day: 9 }], 5).all.map((e) => e.id)).toEqual(['E10', 'E2']);
  });
});

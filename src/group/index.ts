// Grouping: one pass over a validated log groups events by type; the (type, ref), (type, unit) and
// (type, field = value) groups of a type are built the first time a check asks for them, so types
// no duty links cost nothing. Events after the as-of date are not yet known and are left out.
import type { DatedEvent, ValidLog } from '../model/log.js';
import { addTo } from '../model/multimap.js';
import { retain } from '../model/retain.js';
import type { Link } from '../model/rules.js';

export type Ev = DatedEvent;

export class EventIndex {
  private readonly byType = new Map<string, Ev[]>();
  // Nested maps rather than "type\0ref" keys: no string is built per lookup.
  private readonly byTypeRef = new Map<string, Map<string, Ev[]>>();
  private readonly byTypeUnit = new Map<string, Map<string, Ev[]>>();
  private readonly byTypeField = new Map<string, Map<string, Map<unknown, Ev[]>>>();
  readonly all: Ev[];

  constructor(valid: ValidLog, asOf: number) {
    // The validated events are ours (freshly parsed, dated by validation): indexed as they are,
    // not copied.
    const events = valid.log.events;
    this.all = knownByDayThenId(events, asOf);
    for (let i = 0; i < this.all.length; i++) addTo(this.byType, this.all[i]!.type, this.all[i]!);
    retain('event index', this); // with its events, whose classes the checks are specialised to
  }

  private group(cache: Map<string, Map<string, Ev[]>>, type: string, key: 'ref' | 'unit'): Map<string, Ev[]> {
    let m = cache.get(type);
    if (!m) {
      cache.set(type, (m = new Map()));
      for (const e of this.ofType(type)) {
        const k = e[key];
        if (k !== undefined) addTo(m, k, e);
      }
    }
    return m;
  }

  // A check asks for the same type once per instance it looks at: the last answer is kept, and a
  // string compare replaces a map lookup (measured 2-3% of the evaluation).
  private lastType = '';
  private lastOfType: readonly Ev[] = NONE;

  ofType(type: string): readonly Ev[] {
    if (type === this.lastType) return this.lastOfType;
    this.lastType = type;
    return (this.lastOfType = this.byType.get(type) ?? NONE);
  }

  /** Events of `type` whose `field` is `value` (a plain value, compared as ===), in date order. */
  withField(type: string, field: string, value: string | number | boolean): readonly Ev[] {
    let byField = this.byTypeField.get(type);
    if (!byField) this.byTypeField.set(type, (byField = new Map()));
    let m = byField.get(field);
    if (!m) {
      byField.set(field, (m = new Map()));
      for (const e of this.ofType(type)) {
        const v = (e as unknown as Record<string, unknown>)[field];
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') addTo(m, v, e);
      }
    }
    return m.get(value) ?? NONE;
  }

  /** The first event of `type` tied to `to` by `link` that passes `test` (when given), in date order. */
  firstLinked(type: string, to: Ev, link: Link, test?: (e: Ev) => boolean): Ev | undefined {
    const all = this.ofType(type);
    // Few events of the type (the usual case): comparing each costs less than building its groups.
    if (all.length <= SCAN_UP_TO && (link === 'ref' || (link === 'unit' && to.unit !== undefined))) {
      const v = link === 'ref' ? to.ref : to.unit;
      if (v === undefined) return undefined;
      for (let i = 0; i < all.length; i++) {
        const e = all[i]!;
        if ((link === 'ref' ? e.ref : e.unit) === v && (!test || test(e))) return e;
      }
      return undefined;
    }
    const es = this.linked(type, to, link);
    for (let i = 0; i < es.length; i++) if (!test || test(es[i]!)) return es[i];
    return undefined;
  }

  /** Events of `type` tied to `to` by `link` (see model/rules.ts Link), in date order. */
  linked(type: string, to: Ev, link: Link): readonly Ev[] {
    switch (link) {
      case 'ref': return to.ref === undefined ? NONE : this.group(this.byTypeRef, type, 'ref').get(to.ref) ?? NONE;
      case 'unit': return to.unit === undefined ? NONE : this.group(this.byTypeUnit, type, 'unit').get(to.unit) ?? NONE;
      case 'round': return this.ofType(type);
      case 'unit-or-round': return to.unit === undefined ? this.ofType(type) : this.group(this.byTypeUnit, type, 'unit').get(to.unit) ?? NONE;
    }
  }
}

const SCAN_UP_TO = 8;

// Not frozen: a frozen array's elements kind made the checks' array loops polymorphic (measured
// 2% of the evaluation). It is typed readonly and never written.
const NONE: readonly Ev[] = [];

// One buffer for every log's sort keys: a typed array's backing store is allocated outside the
// heap, and one per log cost more than the sort itself. Never kept past a call (no re-entrance).
let scratch = new Float64Array(1024);

const SLOT = 2 ** 20; // more than the most events a log may have (DEFAULT_MAX_EVENTS)

/**
 * The events known by the as-of date, in date order, ties by id: the order of events in the file
 * never changes a finding. A sort with a comparator was a tenth of the evaluation at province
 * scale; numbers day·2²⁰ + position sort natively in a typed array, and only the few runs of one
 * day are then put in id order.
 */
function knownByDayThenId(events: readonly Ev[], asOf: number): Ev[] {
  if (events.length > SLOT) {
    return events.filter((e) => e.day <= asOf).sort((a, b) => a.day - b.day || byId(a, b));
  }
  if (scratch.length < events.length) scratch = new Float64Array(Math.max(events.length, 2 * scratch.length));
  const all = scratch;
  let n = 0;
  for (let i = 0; i < events.length; i++) if (events[i]!.day <= asOf) all[n++] = events[i]!.day * SLOT + i;
  const keys = all.subarray(0, n).sort();
  const out = new Array<Ev>(n);
  for (let k = 0; k < n; k++) out[k] = events[keys[k]! - Math.floor(keys[k]! / SLOT) * SLOT]!;
  // Each day's events in id order: insertion sort for the usual handful, a real sort for a long
  // run (a bulk import dated one day), where insertion sort would be quadratic.
  for (let from = 0, to = 1; from < n; from = to, to = from + 1) {
    while (to < n && out[to]!.day === out[from]!.day) to++;
    if (to - from > 32) {
      const run = out.slice(from, to).sort(byId);
      for (let k = from; k < to; k++) out[k] = run[k - from]!;
    } else {
      for (let k = from + 1; k < to; k++) {
        const e = out[k]!;
        let j = k - 1;
        while (j >= from && out[j]!.id > e.id) { out[j + 1] = out[j]!; j--; }
        out[j + 1] = e;
      }
    }
  }
  return out;
}

function byId(a: Ev, b: Ev): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

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

  /** Events dated after the as-of date, left out, and the first day among them (reports say so). */
  readonly later = { events: 0, first: Infinity };

  constructor(valid: ValidLog, asOf: number) {
    // The validated events are ours (freshly parsed, dated by validation): indexed as they are,
    // not copied. Grouped by type first, then each type put in order: sorting a type's handful of
    // events costs far less than sorting the whole log.
    const events = valid.log.events;
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      if (e.day <= asOf) addTo(this.byType, e.type, e);
      else {
        this.later.events++;
        if (e.day < this.later.first) this.later.first = e.day;
      }
    }
    for (const list of this.byType.values()) byDayThenId(list);
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

/**
 * Puts events in date order, ties by id, in place: the order of events in the file never changes
 * a finding. Insertion sort for the usual handful (a sort with a comparator cost more than the
 * list), a real sort for a long list, where insertion sort would be quadratic.
 */
function byDayThenId(list: Ev[]): void {
  const n = list.length;
  if (n > 32) {
    list.sort(dayThenId);
    return;
  }
  for (let k = 1; k < n; k++) {
    const e = list[k]!;
    let j = k - 1;
    while (j >= 0 && dayThenId(e, list[j]!) < 0) { list[j + 1] = list[j]!; j--; }
    list[j + 1] = e;
  }
}

function dayThenId(a: Ev, b: Ev): number {
  return a.day - b.day || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

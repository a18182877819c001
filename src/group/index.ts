// Grouping: one pass over a validated log groups events by type; the (type, ref) and (type, unit)
// groups of a type are built the first time a check asks for them, so types no duty links cost
// nothing. Events after the as-of date are not yet known and are left out.
import type { LogEvent, ValidLog } from '../model/log.js';

export interface Ev extends LogEvent {
  day: number;
  /** Position in the log's `events`, for JSON pointers. */
  index: number;
}

export class EventIndex {
  private readonly byType = new Map<string, Ev[]>();
  // Nested maps rather than "type\0ref" keys: no string is built per lookup.
  private readonly byTypeRef = new Map<string, Map<string, Ev[]>>();
  private readonly byTypeUnit = new Map<string, Map<string, Ev[]>>();
  readonly all: Ev[];

  constructor(valid: ValidLog, asOf: number) {
    this.all = [];
    // The validated events are ours (freshly parsed), so they are annotated in place rather than
    // copied: at province scale a copy per event was a visible share of the time.
    const events = valid.log.events as Ev[];
    for (let index = 0; index < events.length; index++) {
      const e = events[index]!;
      e.day = valid.days[index]!;
      e.index = index;
      if (e.day <= asOf) this.all.push(e);
    }
    // Date order, ties by id: the order of events in the file never changes a finding.
    this.all.sort((a, b) => a.day - b.day || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const e of this.all) push(this.byType, e.type, e);
  }

  private group(cache: Map<string, Map<string, Ev[]>>, type: string, key: 'ref' | 'unit'): Map<string, Ev[]> {
    let m = cache.get(type);
    if (!m) {
      cache.set(type, (m = new Map()));
      for (const e of this.ofType(type)) {
        const k = e[key];
        if (k !== undefined) push(m, k, e);
      }
    }
    return m;
  }

  ofType(type: string): readonly Ev[] {
    return this.byType.get(type) ?? NONE;
  }

  /** Events of `type` tied to `to` by `link` (see model/rules.ts Link), in date order. */
  linked(type: string, to: Ev, link: 'ref' | 'unit' | 'round' | 'unit-or-round'): readonly Ev[] {
    switch (link) {
      case 'ref': return to.ref === undefined ? NONE : this.group(this.byTypeRef, type, 'ref').get(to.ref) ?? NONE;
      case 'unit': return to.unit === undefined ? NONE : this.group(this.byTypeUnit, type, 'unit').get(to.unit) ?? NONE;
      case 'round': return this.ofType(type);
      case 'unit-or-round': return to.unit === undefined ? this.ofType(type) : this.group(this.byTypeUnit, type, 'unit').get(to.unit) ?? NONE;
    }
  }
}

const NONE: readonly Ev[] = Object.freeze([]);

function push<K>(map: Map<K, Ev[]>, key: K, e: Ev): void {
  const list = map.get(key);
  if (list) list.push(e);
  else map.set(key, [e]);
}

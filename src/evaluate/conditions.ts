// Conditions on event fields (`where`, `require`, `until`) are json-rules-engine conditions.
// Compiled predicates built on the engine's own operators (compile-condition.ts) decide them when
// asked; json-rules-engine itself decides, up front in one pass, any condition the predicate does
// not model (or all of them with `engineOnly`, the reference path). The checks stay synchronous.
import { Engine } from 'json-rules-engine';
import type { Condition, Duty } from '../model/rules.js';
import type { Ev, EventIndex } from '../group/index.js';
import { compileCondition, failedLeaves, type Facts, type Predicate } from './compile-condition.js';

export type Role = 'start' | 'act' | 'matter' | 'before' | 'after' | 'require' | 'until';

export interface FailedLeaf { fact: string; operator: string; value: unknown; found: unknown }

export interface Decisions {
  /** Does the duty's condition for `role` hold for the event? (true when the duty has none) */
  holds(duty: Duty, role: Role, e: Ev): boolean;
  /** The leaves that failed, for explaining a `require` breach. */
  failed(duty: Duty, role: Role, e: Ev): FailedLeaf[];
}

export interface DecideOptions {
  /** Decide every condition with json-rules-engine (the reference path; for benchmarks and tests). */
  engineOnly?: boolean;
}

interface Compiled { name: string; types: string[]; condition: Condition; predicate: Predicate | null }

// Duties are immutable once validated, so their compiled conditions serve every log.
const compiledByDuty = new WeakMap<Duty, Partial<Record<Role, Compiled>>>();

function conditionsOf(duty: Duty): Partial<Record<Role, Compiled>> {
  let byRole = compiledByDuty.get(duty);
  if (byRole) return byRole;
  const act = duty.act ? [duty.act.event] : [];
  const raw: [Role, string[], Condition | undefined][] = [
    ['start', duty.start?.events ?? [], duty.start?.where],
    ['act', act, duty.act?.where],
    ['matter', duty.matter ? [duty.matter.event] : [], duty.matter?.where],
    ['before', duty.before ? [duty.before.event] : [], duty.before?.where],
    ['after', duty.after ? [duty.after.event] : [], duty.after?.where],
    ['require', act, duty.require],
    ['until', act, duty.until],
  ];
  byRole = {};
  for (const [role, types, condition] of raw) {
    if (condition) byRole[role] = { name: `${duty.id}#${role}`, types, condition, predicate: compileCondition(condition) };
  }
  compiledByDuty.set(duty, byRole);
  return byRole;
}

// Per duty list (a ruleset's duties are one array for every log): the conditions left to the engine.
const slowByDuties = new WeakMap<readonly Duty[], Map<string, Compiled[]>>();

function slowConditions(duties: readonly Duty[], engineOnly: boolean): Map<string, Compiled[]> {
  const cached = engineOnly ? undefined : slowByDuties.get(duties);
  if (cached) return cached;
  const slow = new Map<string, Compiled[]>();
  for (const duty of duties) {
    for (const c of Object.values(conditionsOf(duty))) {
      if (!engineOnly && c.predicate) continue;
      for (const type of c.types) slow.set(type, [...(slow.get(type) ?? []), c]);
    }
  }
  if (!engineOnly) slowByDuties.set(duties, slow);
  return slow;
}

export async function decide(duties: readonly Duty[], index: EventIndex, opts: DecideOptions = {}): Promise<Decisions> {
  // Conditions left to the engine: one engine per event type, one run per event of that type.
  const slow = slowConditions(duties, opts.engineOnly === true);
  const passed = new Map<Compiled, Set<Ev>>();
  for (const [type, list] of slow) {
    const byName = new Map(list.map((c) => [c.name, c]));
    const engine = new Engine([], { allowUndefinedFacts: true });
    for (const c of list) engine.addRule({ name: c.name, conditions: c.condition, event: { type: c.name } });
    for (const e of index.ofType(type)) {
      for (const r of (await engine.run({ ...factsOf(e) })).results) {
        const c = byName.get(r.name)!;
        let set = passed.get(c);
        if (!set) passed.set(c, (set = new Set()));
        set.add(e);
      }
    }
  }
  const engineOnly = opts.engineOnly === true;
  return {
    holds(duty, role, e) {
      const c = conditionsOf(duty)[role];
      if (!c) return true;
      // The event itself is the facts: conditions may only name event fields (checked by lint).
      if (c.predicate && !engineOnly) return c.predicate(e as unknown as Facts);
      return passed.get(c)?.has(e) ?? false;
    },
    failed(duty, role, e) {
      const c = conditionsOf(duty)[role];
      return c ? failedLeaves(c.condition, factsOf(e)) : [];
    },
  };
}

/** The event's fields as facts, for the engine (without the index's own bookkeeping). */
function factsOf(e: Ev): Facts {
  const { day: _day, index: _index, ...fields } = e;
  return fields;
}

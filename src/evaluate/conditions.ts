// Conditions on event fields (`where`, `require`, `until`) are json-rules-engine conditions.
// Compiled predicates built on the engine's own operators (compile-condition.ts) decide them when
// asked; json-rules-engine itself decides, up front in one pass, any condition the predicate does
// not model (or all of them with `engineOnly`, the reference path). The checks stay synchronous.
import { requiredEquality, type Leaf } from '../model/condition.js';
import { addTo } from '../model/multimap.js';
import { newEngine } from '../model/operators.js';
import type { Condition, Duty } from '../model/rules.js';
import type { Ev, EventIndex } from '../group/index.js';
import { compileCondition, failedLeaves, type FailedLeaf, type Facts, type Predicate } from './compile-condition.js';

export type { FailedLeaf };

const ROLES = ['start', 'act', 'matter', 'before', 'after', 'require', 'until'] as const;
export type Role = (typeof ROLES)[number];

export type Test = (e: Ev) => boolean;

/** A duty's conditions, one test per role (always true where the duty sets none). */
export type DutyTests = Record<Role, Test> & {
  /** The leaves that failed, for explaining a `require` breach. */
  failed(role: Role, e: Ev): FailedLeaf[];
  /** Per role, an equality every passing event meets (actor = 县纪委监委): the events to test
   *  can be looked up by it instead of scanned. Only on the compiled path. */
  narrow: Partial<Record<Role, Leaf>>;
};

export interface Decisions {
  /** The tests of a duty; asked once per duty, then called per event. */
  of(duty: Duty): DutyTests;
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
  // A start condition picks the instance, which is always an event of the first start type.
  const raw: [Role, string[], Condition | undefined][] = [
    ['start', duty.start ? [duty.start.events[0]!] : [], duty.start?.where],
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

const ALWAYS: Test = () => true;

// Duties whose conditions all compiled have the same tests for every log: built once.
const fastTests = new WeakMap<Duty, DutyTests>();

function testsOf(duty: Duty, test: (c: Compiled) => Test, narrowing: boolean): DutyTests {
  const byRole = conditionsOf(duty);
  const t = {
    failed(role: Role, e: Ev) {
      const c = byRole[role];
      return c ? failedLeaves(c.condition, factsOf(e)) : [];
    },
    narrow: {},
  } as DutyTests;
  for (const role of ROLES) {
    const c = byRole[role];
    t[role] = c ? test(c) : ALWAYS;
    const key = narrowing && c?.predicate ? requiredEquality(c.condition) : null;
    if (key) t.narrow[role] = key;
  }
  return t;
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
      for (const type of c.types) addTo(slow, type, c);
    }
  }
  if (!engineOnly) slowByDuties.set(duties, slow);
  return slow;
}

export async function decide(duties: readonly Duty[], index: EventIndex, opts: DecideOptions = {}): Promise<Decisions> {
  const engineOnly = opts.engineOnly === true;
  // Conditions left to the engine: one engine per event type, one run per event of that type.
  const slow = slowConditions(duties, engineOnly);
  const passed = new Map<Compiled, Set<Ev>>();
  for (const [type, list] of slow) {
    const byName = new Map(list.map((c) => [c.name, c]));
    const engine = newEngine([], { allowUndefinedFacts: true });
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
  const byEngine = (c: Compiled): Test => {
    const set = passed.get(c);
    return set ? (e) => set.has(e) : () => false;
  };
  // The event itself is the facts: conditions may only name event fields (checked by lint).
  const fast = (c: Compiled): Test => (c.predicate ?? byEngine(c)) as Test;
  if (engineOnly) {
    const mine = new Map<Duty, DutyTests>();
    return { of: (duty) => mine.get(duty) ?? (mine.set(duty, testsOf(duty, byEngine, false)), mine.get(duty)!) };
  }
  const perLog = new Map<Duty, DutyTests>();
  return {
    of(duty) {
      let t = fastTests.get(duty) ?? perLog.get(duty);
      if (t) return t;
      t = testsOf(duty, fast, true);
      if (Object.values(conditionsOf(duty)).every((c) => c.predicate)) fastTests.set(duty, t);
      else perLog.set(duty, t);
      return t;
    },
  };
}

/** The event's fields as facts, for the engine (without the index's own bookkeeping). */
function factsOf(e: Ev): Facts {
  const { day: _day, ...fields } = e;
  return fields;
}

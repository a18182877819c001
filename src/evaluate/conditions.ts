// Conditions on event fields (`where`, `require`, `until`) are json-rules-engine conditions, and
// json-rules-engine decides them. They are decided up front, in one batch: one engine per event
// type holding every condition that can apply to that type, one run per event. The checks that
// follow are then plain synchronous code.
import { Engine, type RuleResult } from 'json-rules-engine';
import type { Duty } from '../model/rules.js';
import type { Ev, EventIndex } from '../group/index.js';

export type Role = 'start' | 'act' | 'matter' | 'before' | 'after' | 'require' | 'until';

export interface FailedLeaf { fact: string; operator: string; value: unknown; found: unknown }

export interface Decisions {
  /** Does the duty's condition for `role` hold for the event? (true when the duty has none) */
  holds(duty: Duty, role: Role, e: Ev): boolean;
  /** The leaves that failed, for explaining a `require` breach. */
  failed(duty: Duty, role: Role, e: Ev): FailedLeaf[];
}

const key = (duty: Duty, role: Role) => `${duty.id}#${role}`;

function conditionsOf(duty: Duty): [Role, string[], Duty['require']][] {
  const out: [Role, string[], Duty['require']][] = [];
  if (duty.start?.where) out.push(['start', duty.start.events, duty.start.where]);
  if (duty.act?.where) out.push(['act', [duty.act.event], duty.act.where]);
  if (duty.matter?.where) out.push(['matter', [duty.matter.event], duty.matter.where]);
  if (duty.before?.where) out.push(['before', [duty.before.event], duty.before.where]);
  if (duty.after?.where) out.push(['after', [duty.after.event], duty.after.where]);
  if (duty.require && duty.act) out.push(['require', [duty.act.event], duty.require]);
  if (duty.until && duty.act) out.push(['until', [duty.act.event], duty.until]);
  return out;
}

export async function decide(duties: readonly Duty[], index: EventIndex): Promise<Decisions> {
  const engines = new Map<string, Engine>();
  const defined = new Set<string>();
  for (const duty of duties) {
    for (const [role, types, conditions] of conditionsOf(duty)) {
      defined.add(key(duty, role));
      for (const type of types) {
        let engine = engines.get(type);
        if (!engine) engines.set(type, (engine = new Engine([], { allowUndefinedFacts: true })));
        engine.addRule({ name: key(duty, role), conditions: conditions!, event: { type: key(duty, role) } });
      }
    }
  }
  const passed = new Set<string>();
  const failures = new Map<string, RuleResult>();
  for (const e of index.all) {
    const engine = engines.get(e.type);
    if (!engine) continue;
    const { results, failureResults } = await engine.run(factsOf(e));
    for (const r of results) passed.add(`${r.name}\0${e.id}`);
    for (const r of failureResults) if (r.name.endsWith('#require')) failures.set(`${r.name}\0${e.id}`, r);
  }
  return {
    holds: (duty, role, e) => !defined.has(key(duty, role)) || passed.has(`${key(duty, role)}\0${e.id}`),
    failed(duty, role, e) {
      const r = failures.get(`${key(duty, role)}\0${e.id}`);
      const out: FailedLeaf[] = [];
      if (r) collectFailed(r.toJSON(false).conditions, out);
      return out;
    },
  };
}

/** The event's fields as facts. A fresh object: the engine's almanac must not see our extra keys. */
function factsOf(e: Ev): Record<string, unknown> {
  const { day: _day, index: _index, ...fields } = e;
  return fields;
}

function collectFailed(c: unknown, out: FailedLeaf[]): void {
  if (!c || typeof c !== 'object') return;
  const o = c as Record<string, unknown>;
  for (const k of ['all', 'any'] as const) if (Array.isArray(o[k])) o[k].forEach((x) => collectFailed(x, out));
  if (o['not']) collectFailed(o['not'], out);
  if (typeof o['fact'] === 'string' && o['result'] === false) {
    out.push({ fact: o['fact'], operator: String(o['operator']), value: o['value'], found: o['factResult'] });
  }
}

// The operators of the condition language: json-rules-engine's own (with its decorators such as
// someFact: and not:), plus `present`, registered here once. Every Engine is built by newEngine, and
// the compiled predicates and lint read the operator table of such an engine, so the three cannot
// disagree about what an operator means or whether it exists.
import { Engine, type EngineOptions, type RuleProperties } from 'json-rules-engine';

/**
 * `{ fact: F, operator: present, value: true }` holds when the event gives field F; with
 * `value: false`, when it does not. json-rules-engine has no such operator: with allowUndefinedFacts
 * an absent field is an undefined fact, which no built-in operator can single out (equal with an
 * undefined value cannot be written in YAML or JSON). Its users add their own (its issue #50 calls
 * one `exists`), under no established name; `present` is chosen because, with a yes-or-no value, it
 * reads as the rulebook says it: 已填写 / 未填写.
 *
 * "Given" means written in the log: null counts as not given (it is how JSON says "no value"; the
 * case-log schema refuses it in every field anyway), while an empty list [] or string "" is given,
 * because it was written. The schema refuses "" in every field a condition may name; a list's having
 * an item is tested with `someFact:notEqual ''`. A value other than true or false never holds (lint
 * refuses it). Never throws, whatever the fact.
 */
export const PRESENT = 'present';

function present(fact: unknown, want: unknown): boolean {
  return (fact !== undefined && fact !== null) === want;
}

/** A json-rules-engine Engine that also knows `present`. */
export function newEngine(rules?: RuleProperties[], options?: EngineOptions): Engine {
  const engine = new Engine(rules, options);
  engine.addOperator(PRESENT, present);
  return engine;
}

/** The operator under json-rules-engine's decorators: someFact:not:in → in. */
export function baseOperator(operator: string): string {
  return operator.slice(operator.lastIndexOf(':') + 1);
}

export interface EngineOperator { evaluate(factValue: unknown, jsonValue: unknown): boolean }
export interface OperatorTable { get(name: string): EngineOperator | null }

/** The operator table of such an engine, decorated operators included; its typings do not expose it. */
export const operators: OperatorTable = (newEngine() as unknown as { operators: OperatorTable }).operators;

/**
 * The presence a plain `present` leaf demands (true: the field must be given), with `negated` for a
 * leaf said as its opposite under `not`; null for any other leaf. How explanations and the rulebook
 * word it.
 */
export function presenceWanted(operator: string, value: unknown, negated: boolean): boolean | null {
  // json-rules-engine's not: decorator inverts the operator: not:present true is "not given".
  if (operator.startsWith('not:')) return presenceWanted(operator.slice(4), value, !negated);
  if (operator !== PRESENT || typeof value !== 'boolean') return null;
  return value !== negated;
}

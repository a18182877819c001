// The compiled fast path must decide every condition exactly as json-rules-engine does.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileCondition } from '../src/evaluate/compile-condition.js';
import { newEngine } from '../src/model/operators.js';
import type { Condition } from '../src/model/rules.js';
import { evaluate } from '../src/evaluate/evaluate.js';
import { loadJson } from '../src/load/json-file.js';
import { validateLog } from '../src/validate/log.js';
import { generateLogs } from '../src/bench/generate.js';
import { validateText } from '../src/check.js';
import { calendar, DEMO, DEMO_AS_OF, rules } from './helpers.js';

const FACTS = ['approved', 'to', 'persons', 'count', 'closed'];
const scalar = fc.oneof(fc.constant(undefined), fc.constant(null), fc.boolean(), fc.integer({ min: -3, max: 3 }),
  fc.constantFrom('jiwei', 'zuzhibu', '', '3', 'x'));
const list = fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom('jiwei', 'zuzhibu', '')), { maxLength: 3 });
const factValue = fc.oneof(scalar, list);
// Any field may be absent (no key at all), besides given as undefined or null: what `present` tells apart.
const facts = fc.record(Object.fromEntries(FACTS.map((k) => [k, factValue])), { requiredKeys: [] });

// Operators with values of the kinds they accept (a value of another kind makes both paths throw).
const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ fact: fc.constantFrom(...FACTS), operator: fc.constantFrom('equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'contains', 'doesNotContain', 'someFact:equal', 'everyFact:notEqual', 'not:equal', 'someFact:greaterThan'), value: scalar }),
  fc.record({ fact: fc.constantFrom(...FACTS), operator: fc.constantFrom('in', 'notIn', 'someValue:equal', 'everyValue:notEqual', 'not:in'), value: list }),
  fc.record({ fact: fc.constantFrom(...FACTS), operator: fc.constantFrom('equal', 'notEqual', 'lessThan'), value: fc.record({ fact: fc.constantFrom(...FACTS) }) }),
  // Our own operator, with the values lint allows, with others (which never hold), and decorated.
  fc.record({ fact: fc.constantFrom(...FACTS), operator: fc.constantFrom('present', 'not:present', 'someFact:present'), value: fc.oneof(fc.boolean(), fc.boolean(), scalar) }),
  fc.record({ fact: fc.constantFrom(...FACTS), operator: fc.constantFrom('present', 'not:present'), value: fc.record({ fact: fc.constantFrom(...FACTS) }) }),
) as unknown as fc.Arbitrary<Condition>;
const { tree } = fc.letrec<{ tree: Condition; node: unknown }>((tie) => ({
  tree: fc.oneof(
    fc.record({ all: fc.array(tie('node'), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('node'), { maxLength: 3 }) }),
    fc.record({ not: tie('node') }),
  ) as fc.Arbitrary<Condition>,
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('tree')),
}));

async function byEngine(c: Condition, f: Record<string, unknown>): Promise<boolean | 'throws'> {
  const engine = newEngine([{ conditions: c, event: { type: 'hit' } }], { allowUndefinedFacts: true });
  try {
    return (await engine.run({ ...f })).events.length === 1;
  } catch {
    return 'throws';
  }
}

function byPredicate(c: Condition, f: Record<string, unknown>): boolean | 'throws' {
  const p = compileCondition(c)!;
  try { return p(f); } catch { return 'throws'; }
}

describe('compiled conditions agree with json-rules-engine', () => {
  it('for random conditions and facts', async () => {
    await fc.assert(fc.asyncProperty(tree, facts, async (c, f) => {
      expect(compileCondition(c)).not.toBeNull();
      expect(byPredicate(c, f)).toBe(await byEngine(c, f));
    }), { numRuns: 1500 });
  });

  it('for every condition in the shipped rules, on the demo events', async () => {
    const log = validateLog(loadJson(DEMO), { agencyByName: rules.agencyByName, events: rules.events, calendar });
    const conditions = rules.rulesets[0]!.duties.flatMap((d) => [d.start?.where, d.act?.where, d.require, d.until].filter((c): c is Condition => !!c));
    expect(conditions.length).toBeGreaterThan(150);
    for (const c of conditions) for (const e of log.log.events) expect(byPredicate(c, { ...e })).toBe(await byEngine(c, { ...e }));
  });

  it('leaves what it does not model (path, priority) to the engine', () => {
    expect(compileCondition({ all: [{ fact: 'a', operator: 'equal', value: 1, path: '$.b' }] } as Condition)).toBeNull();
    expect(compileCondition({ all: [{ fact: 'a', operator: 'equal', value: 1, priority: 2 }] } as Condition)).toBeNull();
  });

  it('gives the same findings on the demo round as the engine-only path', async () => {
    const log = validateLog(loadJson(DEMO), { agencyByName: rules.agencyByName, events: rules.events, calendar });
    const fast = await evaluate(log, rules, calendar, DEMO_AS_OF);
    const slow = await evaluate(log, rules, calendar, DEMO_AS_OF, { engineOnly: true });
    expect(fast.findings).toEqual(slow.findings);
    expect(fast.findings.length).toBeGreaterThan(20);
  });

  // The demo round is one county's; a generated county set has every event type and agency, and
  // late, missing and pending duties. Two as-of dates: one in the middle of most rounds, one after.
  // The bench's seed and two more, for the rarer branches (a rejected clue, a foreign talent pool).
  it('gives the same findings on generated county logs as the engine-only path', async () => {
    const checker = { rules, cal: calendar };
    let compared = 0;
    const logs = [20231, 1, 2].flatMap((seed) => generateLogs({ events: 2000, seed }));
    for (const [i, log] of logs.entries()) {
      const valid = validateText(`round-${i + 1}.json`, JSON.stringify(log), checker);
      for (const asOf of ['2024-06-30', '2026-06-30']) {
        const fast = await evaluate(valid, rules, calendar, asOf);
        const slow = await evaluate(valid, rules, calendar, asOf, { engineOnly: true });
        expect(fast.findings).toEqual(slow.findings);
        expect(fast.notJudged).toEqual(slow.notJudged);
        compared += fast.findings.length;
      }
    }
    expect(compared).toBeGreaterThan(450); // for the bench's seed, 142 as of 2026-06-30 (tests/generate.test.ts pins them)
  });
});

describe('the present operator', () => {
  const has = (value: unknown) => ({ all: [{ fact: 'talentPool', operator: 'present', value }] }) as Condition;
  it('tells a given field from an absent one, on both paths', async () => {
    const cases: [Record<string, unknown>, boolean][] = [
      [{}, false], [{ talentPool: undefined }, false], [{ talentPool: null }, false],
      [{ talentPool: '县住建局' }, true], [{ talentPool: '' }, true], [{ talentPool: [] }, true], [{ talentPool: false }, true], [{ talentPool: 0 }, true],
    ];
    for (const [f, given] of cases) {
      for (const want of [true, false]) {
        expect(byPredicate(has(want), f)).toBe(given === want);
        expect(await byEngine(has(want), f)).toBe(given === want);
      }
      // A value other than true or false never holds (and lint refuses it).
      expect(byPredicate(has('yes'), f)).toBe(false);
      expect(await byEngine(has('yes'), f)).toBe(false);
    }
  });
  it('keeps the lookup by a required equality beside it', async () => {
    const { requiredEquality } = await import('../src/model/condition.js');
    const actor = { fact: 'actor', operator: 'equal', value: 'jiwei' };
    expect(requiredEquality({ all: [actor, { fact: 'talentPool', operator: 'present', value: true }] })).toEqual(actor);
  });
});

describe('a failed require is explained by the leaves that made it false', async () => {
  const { failedLeaves } = await import('../src/evaluate/compile-condition.js');
  const { leafZh } = await import('../src/evaluate/checks/require.js');
  const eq = (fact: string, value: unknown) => ({ fact, operator: 'equal', value });
  const names = (c: unknown, f: Record<string, unknown>) => failedLeaves(c as Condition, f).map((l) => `${l.negated ? '!' : ''}${l.fact}`);
  it('under all, only the false leaves', () => {
    expect(names({ all: [eq('approved', true), eq('written', true)] }, { approved: true, written: false })).toEqual(['written']);
  });
  it('under a false any, every leaf', () => {
    expect(names({ any: [eq('approved', true), eq('written', true)] }, {})).toEqual(['approved', 'written']);
  });
  it('under not, the leaves that held, said as their opposite', () => {
    expect(names({ not: { any: [eq('secret', false), eq('written', true)] } }, { secret: false, written: false })).toEqual(['!secret']);
    const [leaf] = failedLeaves({ all: [{ not: eq('secret', false) }] } as Condition, { secret: false });
    expect(leafZh({ fieldName: () => '密件', agencyName: (id) => id }, leaf!)).toBe('密件（secret）不应为 否，实际为 否');
  });
  it('a present leaf is said as 应填写 or 不应填写', async () => {
    const ctx = { fieldName: () => '所属人才库的单位', agencyName: (id: string) => id };
    const present = { fact: 'talentPool', operator: 'present', value: true };
    expect(failedLeaves({ all: [present] } as Condition, {}).map((l) => leafZh(ctx, l))).toEqual(['所属人才库的单位（talentPool）应填写，实际为 未填写']);
    expect(failedLeaves({ not: present } as Condition, { talentPool: '县住建局' }).map((l) => leafZh(ctx, l))).toEqual(['所属人才库的单位（talentPool）不应填写，实际为 "县住建局"']);
    // json-rules-engine's not: decorator, not the condition's not: (it said 须满足 not:present true).
    const decorated = { fact: 'talentPool', operator: 'not:present', value: true };
    expect(failedLeaves({ all: [decorated] } as Condition, { talentPool: '县住建局' }).map((l) => leafZh(ctx, l))).toEqual(['所属人才库的单位（talentPool）不应填写，实际为 "县住建局"']);
    const { conditionZh } = await import('../src/model/condition-words.js');
    expect(conditionZh({ fact: 'talentPool', operator: 'not:present', value: true }, rules)).toBe('所属人才库的单位（talentPool）未填写');
  });
  it('none when the condition holds', () => {
    expect(names({ not: eq('secret', false) }, { secret: true })).toEqual([]);
  });
});

describe('looking events up by a required equality', async () => {
  const { requiredEquality } = await import('../src/model/condition.js');
  const actorA = { fact: 'actor', operator: 'equal', value: 'jiwei' };
  it('uses the equality that the whole condition requires', () => {
    expect(requiredEquality({ all: [{ fact: 'approved', operator: 'equal', value: true }, actorA] })).toEqual({ fact: 'approved', operator: 'equal', value: true });
    expect(requiredEquality({ all: [{ fact: 'ref', operator: 'in', value: ['a', 'b'] }, actorA] })).toEqual(actorA);
    expect(requiredEquality(actorA)).toEqual(actorA);
  });
  it('finds none where an equality is not required (any, not, priority)', () => {
    expect(requiredEquality({ any: [actorA] })).toBeNull();
    expect(requiredEquality({ not: actorA })).toBeNull();
    expect(requiredEquality({ all: [{ ...actorA, priority: 2 }] })).toBeNull();
  });
  it('finds none where another leaf could throw, so that events it would skip fail as the engine fails', () => {
    expect(requiredEquality({ all: [actorA, { fact: 'ref', operator: 'in', value: { fact: 'matters' } }] })).toBeNull();
    expect(requiredEquality({ all: [actorA, { fact: 'ref', operator: 'in', value: 3 }] })).toBeNull();
    expect(requiredEquality({ all: [actorA, { fact: 'ref', operator: 'someValue:equal', value: 3 }] })).toBeNull();
  });
  it('explains a failed condition even where part of it is left to the engine', async () => {
    const { failedLeaves } = await import('../src/evaluate/compile-condition.js');
    const c = { all: [{ fact: 'approved', operator: 'equal', value: true }, { fact: 'written', operator: 'equal', value: true, path: '$' }] };
    expect(failedLeaves(c as Condition, { approved: false }).map((l) => l.fact)).toEqual(['approved']);
  });
});

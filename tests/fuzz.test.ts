// Fuzzing: valid logs mutated at random (fields dropped, types swapped, events shuffled and
// duplicated, ids repeated, dates shifted, odd unicode, broken text and bytes). The checker, run in
// process, must either refuse the log with placed problems (exit 2) or evaluate it: never throw
// anything else, never take long. And two properties of the findings themselves: shuffling the
// events never changes them; adding an event of a type no duty uses never removes one.
// FUZZ_RUNS sets the total number of cases (npm test: 10,000; npm run fuzz: 100,000); FUZZ_SEED
// replays a run.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { checkText, type Checker } from '../src/check.js';
import { readText } from '../src/load/text.js';
import type { CheckResult } from '../src/model/finding.js';
import { InputError, type Problem } from '../src/model/problem.js';
import { calendar, DEMO, ROOT, rules, xuncha } from './helpers.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 10_000);
const SEED = process.env['FUZZ_SEED'] === undefined ? undefined : Number(process.env['FUZZ_SEED']);
/** Share of the runs per property: mutations, byte mutations, shuffles, unrelated events. */
const SHARE = { mutate: 0.7, bytes: 0.1, shuffle: 0.1, unrelated: 0.1 };
/** No single case may take longer than this (a demo-sized log takes a few milliseconds). */
const CASE_BUDGET_MS = 3000;
const TEST_TIMEOUT = 600_000;

const checker: Checker = { rules, cal: calendar };
const FILE = 'fuzz.json';
const TMP = mkdtempSync(join(tmpdir(), 'xuncha-fuzz-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

interface Base { name: string; data: Obj; asOf: string; text: string }
const base = (name: string, path: string, asOf: string): Base => {
  const text = readFileSync(path, 'utf8');
  return { name, data: JSON.parse(text) as Obj, asOf, text };
};
const BASES: Record<string, Base> = {
  demo: base('demo', DEMO, '2023-11-20'),
  valid: base('valid', `${ROOT}fixtures/bad/log/valid.json`, '2023-12-31'),
};
/** Bases by name, so that a counterexample prints the name and not the whole log. */
const baseName = fc.constantFrom(...Object.keys(BASES));
const baseOf = (name: string): Base => BASES[name]!;

// What a log may hold, from the schema and the catalogue, so the fuzzer follows their changes.
const eventProps = (JSON.parse(readFileSync(`${ROOT}schemas/case-log.schema.json`, 'utf8')) as {
  definitions: { event: { properties: Record<string, { type?: string }> } };
}).definitions.event.properties;
const FIELDS = Object.keys(eventProps);
const BOOLEAN_FIELDS = FIELDS.filter((f) => eventProps[f]!.type === 'boolean');
const TYPES = [...rules.events.keys()];
const NAMES = [...rules.agencyByName.keys()];
/** Event types that no duty mentions anywhere: adding one must not change any duty's outcome. */
const UNRELATED = TYPES.filter((t) => !rules.rulesets.some((rs) => rs.duties.some((d) => JSON.stringify(d).includes(`"${t}"`))));

const ODD_STRINGS = [
  '', ' ', '\u0000', '\uFEFF', '\u202E巡察办', '\ud800', '\udfff', '𠀀𠀁', 'ｊｉｗｅｉ', '__proto__', 'constructor',
  'prototype', 'toString', 'hasOwnProperty', 'valueOf', '$agency', '2023-02-29', '2024-02-29', '2023-13-01',
  '1900-01-01', '2010-12-31', '2011-01-01', '2026-12-31', '2027-01-01', '9999-12-31', '2023-04-10T00:00:00Z',
  '0', '-1', 'null', 'true', '县纪委', '巡察办', '县农业农村局', '县住建局', '舞巡函〔2023〕31号', '\n', '"', '\\',
  '{}', '备'.repeat(201), 'x'.repeat(10_001),
];
const oddString = fc.oneof(fc.constantFrom(...ODD_STRINGS), fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ maxLength: 12 }));
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  oddString, fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.constant(20230911), fc.constant(45173),
  fc.jsonValue({ maxDepth: 3 }), fc.constant([]), fc.constant({}),
);
const index = fc.nat({ max: 1000 });
const dateShift = fc.oneof(fc.integer({ min: -30, max: 30 }), fc.integer({ min: -6000, max: 6000 }));

type Op =
  | { op: 'drop'; ev: number; field: string }
  | { op: 'dropTop'; path: string }
  | { op: 'swap'; ev: number; field: string; value: unknown }
  | { op: 'setKey'; ev: number; key: string; value: unknown }
  | { op: 'shuffle'; seed: number }
  | { op: 'dupEvent'; ev: number; freshId: boolean }
  | { op: 'dupId'; from: number; to: number }
  | { op: 'shiftDate'; ev: number; days: number }
  | { op: 'remove'; ev: number }
  | { op: 'retype'; ev: number; type: string }
  | { op: 'reactor'; ev: number; actor: string }
  | { op: 'flip'; ev: number; field: string; value: boolean }
  | { op: 'reref'; ev: number; other: number }
  | { op: 'add'; type: string; actor: string; day: number; seed: number }
  | { op: 'setTop'; path: string; value: unknown };

/** Changes that mostly keep a log valid, so that evaluation itself gets fuzzed. */
const semanticOp: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('shiftDate' as const), ev: index, days: fc.integer({ min: -40, max: 40 }) }),
  fc.record({ op: fc.constant('retype' as const), ev: index, type: fc.constantFrom(...TYPES) }),
  fc.record({ op: fc.constant('reactor' as const), ev: index, actor: fc.constantFrom(...NAMES) }),
  fc.record({ op: fc.constant('flip' as const), ev: index, field: fc.constantFrom(...BOOLEAN_FIELDS), value: fc.boolean() }),
  fc.record({ op: fc.constant('reref' as const), ev: index, other: index }),
  fc.record({ op: fc.constant('dupEvent' as const), ev: index, freshId: fc.constant(true) }),
  fc.record({ op: fc.constant('remove' as const), ev: index }),
  fc.record({ op: fc.constant('add' as const), type: fc.constantFrom(...TYPES), actor: fc.constantFrom(...NAMES), day: fc.nat({ max: 300 }), seed: fc.nat() }),
);
/** Anything goes; a third of the changes keep the log valid, so that evaluation is fuzzed too. */
const anyOp: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: semanticOp },
  fc.record({ op: fc.constant('drop' as const), ev: index, field: fc.constantFrom(...FIELDS) }),
  fc.record({ op: fc.constant('dropTop' as const), path: fc.constantFrom('format', 'round', 'events', 'round.id', 'round.units', 'note') }),
  fc.record({ op: fc.constant('swap' as const), ev: index, field: fc.constantFrom(...FIELDS), value: oddValue }),
  fc.record({ op: fc.constant('setKey' as const), ev: index, key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'Date', 'dates', 'ref '), fc.string({ maxLength: 8 })), value: oddValue }),
  fc.record({ op: fc.constant('shuffle' as const), seed: fc.nat() }),
  fc.record({ op: fc.constant('dupEvent' as const), ev: index, freshId: fc.boolean() }),
  fc.record({ op: fc.constant('dupId' as const), from: index, to: index }),
  fc.record({ op: fc.constant('shiftDate' as const), ev: index, days: dateShift }),
  fc.record({ op: fc.constant('setTop' as const), path: fc.constantFrom('format', 'round', 'events', 'round.id', 'round.units', 'round.name', 'note'), value: oddValue }),
);

type TextOp =
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; s: string }
  | { op: 'delete'; at: number; len: number }
  | { op: 'nest'; at: number; depth: number; close: boolean };
const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const textOp: fc.Arbitrary<TextOp> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fraction }),
  fc.record({ op: fc.constant('insert' as const), at: fraction, s: fc.oneof(fc.constantFrom(',', '}', ']', '"', '，', '“', '//', '\uFEFF', '\u0000', 'NaN', '{', '[', '\\'), fc.string({ unit: 'binary', maxLength: 4 })) }),
  fc.record({ op: fc.constant('delete' as const), at: fraction, len: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ op: fc.constant('nest' as const), at: fraction, depth: fc.integer({ min: 1, max: 200 }), close: fc.boolean() }),
);

/** A small seeded generator, so that a shuffle is part of the case and replays with it. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  const next = () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function shiftIso(date: unknown, days: number): unknown {
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  const t = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(t) ? date : new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}

/** A plausible value for a field an event type requires. */
function filler(field: string, log: Obj, seed: number): unknown {
  if (BOOLEAN_FIELDS.includes(field)) return seed % 2 === 0;
  const units = isObj(log['round']) && Array.isArray(log['round']['units']) ? log['round']['units'] : [];
  if (field === 'unit') return units[seed % Math.max(units.length, 1)] ?? '县住建局';
  if (field === 'to' || field === 'talentPool') return NAMES[seed % NAMES.length];
  if (eventProps[field]?.type === 'array') return ['张三'];
  return `F-${seed % 7}`;
}

function setOwn(o: Obj, key: string, value: unknown): void {
  // defineProperty, so that "__proto__" becomes a key as JSON.parse would make it, not a prototype;
  // a copy, because the case's value is reused when fast-check shrinks.
  Object.defineProperty(o, key, { value: structuredClone(value), enumerable: true, writable: true, configurable: true });
}

function apply(log: Obj, op: Op): void {
  const events = Array.isArray(log['events']) ? (log['events'] as unknown[]) : null;
  const at = (i: number): Obj | undefined => {
    const e = events && events.length ? events[i % events.length] : undefined;
    return isObj(e) ? e : undefined;
  };
  switch (op.op) {
    case 'drop': { const e = at(op.ev); if (e) delete e[op.field]; break; }
    case 'dropTop': case 'setTop': {
      const [head, tail] = op.path.split('.') as [string, string | undefined];
      const owner = tail === undefined ? log : log[head];
      const key = tail ?? head;
      if (!isObj(owner)) break;
      if (op.op === 'dropTop') delete owner[key];
      else setOwn(owner, key, op.value);
      break;
    }
    case 'swap': case 'setKey': { const e = at(op.ev); if (e) setOwn(e, op.op === 'swap' ? op.field : op.key, op.value); break; }
    case 'shuffle': if (events) log['events'] = shuffled(events, op.seed); break;
    case 'dupEvent': {
      const e = at(op.ev);
      if (e && events) events.push({ ...e, ...(op.freshId ? { id: `${String(e['id'])}-dup${events.length}` } : {}) });
      break;
    }
    case 'dupId': { const a = at(op.from), b = at(op.to); if (a && b) b['id'] = a['id']; break; }
    case 'shiftDate': { const e = at(op.ev); if (e) e['date'] = shiftIso(e['date'], op.days); break; }
    case 'remove': if (events && events.length) events.splice(op.ev % events.length, 1); break;
    case 'retype': { const e = at(op.ev); if (e) e['type'] = op.type; break; }
    case 'reactor': { const e = at(op.ev); if (e) e['actor'] = op.actor; break; }
    case 'flip': { const e = at(op.ev); if (e) e[op.field] = op.value; break; }
    case 'reref': { const e = at(op.ev), o = at(op.other); if (e && o && o['ref'] !== undefined) e['ref'] = o['ref']; break; }
    case 'add': {
      if (!events) break;
      // A fresh id: after an add and a remove, the next add's length and seed may repeat an earlier
      // one, and a duplicate id (the dupId op's business) made the log invalid by accident.
      let id = `A${events.length}-${op.seed % 1000}`;
      while (events.some((x) => isObj(x) && x['id'] === id)) id += '+';
      const e: Obj = { id, type: op.type, date: shiftIso('2023-03-28', op.day), actor: op.actor };
      for (const f of rules.events.get(op.type)?.required ?? []) e[f] = filler(f, log, op.seed);
      events.push(e);
      break;
    }
  }
}

function applyText(text: string, op: TextOp): string {
  const at = Math.floor(op.at * text.length);
  switch (op.op) {
    case 'truncate': return text.slice(0, at);
    case 'insert': return text.slice(0, at) + op.s + text.slice(at);
    case 'delete': return text.slice(0, at) + text.slice(at + op.len);
    case 'nest': return text.slice(0, at) + '['.repeat(op.depth) + (op.close ? ']'.repeat(op.depth) : '') + text.slice(at);
  }
}

const mutated = fc.record({
  base: baseName,
  ops: fc.array(anyOp, { minLength: 1, maxLength: 5 }),
  textOps: fc.oneof({ weight: 4, arbitrary: fc.constant([] as TextOp[]) }, { weight: 1, arbitrary: fc.array(textOp, { minLength: 1, maxLength: 2 }) }),
  indent: fc.constantFrom<number | string>(2, 0, '\t'),
});
type Mutated = typeof mutated extends fc.Arbitrary<infer T> ? T : never;

function render(m: Mutated): string {
  const log = structuredClone(baseOf(m.base).data);
  for (const op of m.ops) apply(log, op);
  let text = JSON.stringify(log, null, m.indent);
  for (const op of m.textOps) text = applyText(text, op);
  return text;
}

const stats = { evaluated: 0, refused: 0 };

/** Check in process: a result, or the problems of an InputError, each placed. Anything else fails. */
async function outcome(text: string, asOf: string): Promise<CheckResult | Problem[]> {
  const t0 = performance.now();
  try {
    const r = await checkText(FILE, text, checker, { asOf });
    stats.evaluated++;
    return r;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    expect(e.problems.length).toBeGreaterThan(0);
    for (const p of e.problems) {
      expect(p.file).toBe(FILE);
      expect(p.pointer === '' || p.pointer.startsWith('/')).toBe(true);
      expect(p.message).toMatch(/[\u4e00-\u9fff]/);
      if (p.pointer !== '') expect(p.line).toBeGreaterThan(0);
    }
    stats.refused++;
    return e.problems;
  } finally {
    expect(performance.now() - t0).toBeLessThan(CASE_BUDGET_MS);
  }
}

const findingsOf = (r: CheckResult | Problem[]) => (Array.isArray(r) ? null : r.findings.map((f) => JSON.stringify(f)));
const params = (share: number) => ({ numRuns: Math.max(1, Math.round(RUNS * share)), timeout: CASE_BUDGET_MS * 2, ...(SEED === undefined ? {} : { seed: SEED }) });

describe(`fuzz (${RUNS} cases)`, () => {
  it('a mutated log is refused with placed problems or evaluated, never anything else', async () => {
    await fc.assert(fc.asyncProperty(mutated, async (m) => { await outcome(render(m), baseOf(m.base).asOf); }), params(SHARE.mutate));
  }, TEST_TIMEOUT);

  it('mutated bytes (encoding, BOM, truncation) are refused with placed problems or evaluated', async () => {
    const path = join(TMP, 'bytes.json');
    const byteOps = fc.array(fc.record({ at: fraction, bytes: fc.uint8Array({ minLength: 0, maxLength: 4 }), cut: fc.nat({ max: 3 }) }), { minLength: 1, maxLength: 3 });
    await fc.assert(fc.asyncProperty(baseName.map(baseOf), fc.boolean(), byteOps, async (b, bom, ops) => {
      let bytes = Buffer.from(b.text, 'utf8');
      for (const o of ops) {
        const at = Math.floor(o.at * bytes.length);
        bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(o.bytes), bytes.subarray(at + o.cut)]);
      }
      writeFileSync(path, bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes);
      let text: string;
      try {
        text = readText(path);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        for (const p of e.problems) expect(p.message).toMatch(/[\u4e00-\u9fff]/);
        return;
      }
      await outcome(text, b.asOf);
    }), params(SHARE.bytes));
  }, TEST_TIMEOUT);

  it('shuffling the events never changes the findings', async () => {
    await fc.assert(fc.asyncProperty(baseName, fc.array(semanticOp, { maxLength: 4 }), fc.nat(), async (name, ops, seed) => {
      const b = baseOf(name);
      const log = structuredClone(b.data);
      for (const op of ops) apply(log, op);
      const before = await outcome(JSON.stringify(log), b.asOf);
      apply(log, { op: 'shuffle', seed });
      const after = await outcome(JSON.stringify(log), b.asOf);
      expect(Array.isArray(after)).toBe(Array.isArray(before));
      expect(findingsOf(after)).toEqual(findingsOf(before));
    }), params(SHARE.shuffle));
  }, TEST_TIMEOUT);

  it('adding an event of a type no duty uses never removes a finding', async () => {
    expect(UNRELATED.length, 'every event type is used by some duty: pick another unrelated event').toBeGreaterThan(0);
    let compared = 0, cases = 0;
    await fc.assert(fc.asyncProperty(
      baseName, fc.array(semanticOp, { maxLength: 3 }), fc.constantFrom(...UNRELATED), fc.constantFrom(...NAMES), fc.nat({ max: 250 }), fc.nat(),
      async (name, ops, type, actor, day, seed) => {
        const b = baseOf(name);
        cases++;
        const log = structuredClone(b.data);
        for (const op of ops) apply(log, op);
        const before = await outcome(JSON.stringify(log), b.asOf);
        apply(log, { op: 'add', type, actor, day, seed });
        const after = await outcome(JSON.stringify(log), b.asOf);
        const was = findingsOf(before);
        if (was === null) return; // an invalid log stays invalid; nothing to compare
        compared++;
        const now = new Set(findingsOf(after) ?? []);
        expect(findingsOf(after), 'the added event made the log invalid').not.toBeNull();
        for (const f of was) expect(now.has(f), f).toBe(true);
      },
    ), params(SHARE.unrelated));
    // Most cases must be valid logs, or the property says little.
    expect(compared).toBeGreaterThan(cases * 0.3);
  }, TEST_TIMEOUT);

  it('the CLI on fuzzed files exits 0, 1 or 2 and never prints a stack trace', () => {
    const samples = fc.sample(mutated, { numRuns: 6, ...(SEED === undefined ? {} : { seed: SEED }) });
    samples.push({ base: 'valid', ops: [{ op: 'setKey', ev: 0, key: '__proto__', value: { polluted: true } }], textOps: [{ op: 'nest', at: 0.5, depth: 100_000, close: false }], indent: 2 });
    samples.forEach((m, i) => {
      const path = join(TMP, `cli-${i}.json`);
      writeFileSync(path, render(m));
      const r = xuncha(['check', path, '--as-of', baseOf(m.base).asOf]);
      expect([0, 1, 2], r.stderr).toContain(r.code);
      expect(r.stderr + r.stdout).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(r.stderr).not.toContain('内部错误');
    });
    const garbage = join(TMP, 'cli-bytes.json');
    writeFileSync(garbage, Buffer.from(fc.sample(fc.uint8Array({ minLength: 1, maxLength: 2000 }), { numRuns: 1, seed: SEED ?? 1 })[0]!));
    const r = xuncha(['check', garbage, '--as-of', '2023-11-20']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  }, TEST_TIMEOUT);

  afterAll(() => {
    console.info(`fuzz: ${stats.evaluated + stats.refused} checks in process (${stats.evaluated} evaluated, ${stats.refused} refused with exit 2)`);
  });
});

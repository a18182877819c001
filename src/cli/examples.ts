// Running the rules' own examples: each example is a tiny case log checked against its duty alone,
// through the same validate and evaluate stages as a real log.
import { evaluate } from '../evaluate/evaluate.js';
import type { WorkCalendar } from '../calendar/calendar.js';
import type { Finding } from '../model/finding.js';
import { InputError } from '../model/problem.js';
import type { Duty, Example, ExpectedFinding, Rules, Ruleset } from '../model/rules.js';
import { loadYaml } from '../load/yaml-file.js';
import { exampleLog } from '../validate/rules.js';

export interface ExampleResult {
  ruleset: Ruleset;
  duty: Duty;
  example: Example;
  /** Why it failed, in Chinese; empty when it passed. */
  failures: string[];
  /** The first failure's place (as lint gives it for events that are no valid log; else the
   *  `expect` item's field that differs); the example itself when it passed. */
  where: { file: string; line: number; column: number };
}

export async function runExamples(rules: Rules, cal: WorkCalendar): Promise<ExampleResult[]> {
  const out: ExampleResult[] = [];
  const latest = rules.rulesets[rules.rulesets.length - 1]!;
  // Each duty is run alone, so an example sees only the findings of its own duty.
  const jobs: [Ruleset, Duty, Rules][] = [
    ...rules.rulesets.flatMap((rs) => rs.duties.map((d): [Ruleset, Duty, Rules] => [rs, d, { ...rules, consistency: [], rulesets: [{ ...rs, duties: [d] }] }])),
    ...rules.consistency.map((d): [Ruleset, Duty, Rules] => [latest, d, { ...rules, consistency: [d], rulesets: [{ ...latest, duties: [] }] }]),
  ];
  for (const [rs, duty, only] of jobs) {
    for (const example of duty.examples) {
      const where = { file: example.file, ...locate(example.file, example.pointer) };
      out.push({ ruleset: rs, duty, example, where, ...await runOne(only, cal, duty, example) });
    }
  }
  return out;
}

/** An example's failures; an example whose events are not a valid log fails at the first problem's place. */
async function runOne(rules: Rules, cal: WorkCalendar, duty: Duty, ex: Example): Promise<{ failures: string[]; where?: ExampleResult['where'] }> {
  let findings: Finding[];
  try {
    // The same validation lint gives every example (validate/rules.ts exampleLog).
    const valid = exampleLog(ex, duty.id, { agencyByName: rules.agencyByName, events: rules.events, calendar: cal }, (p) => locate(ex.file, p));
    findings = (await evaluate(valid, rules, cal, ex.asOf)).findings;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const first = e.problems[0]!;
    return {
      failures: e.problems.map((p) => `示例数据有误${p.line ? `（第 ${p.line} 行第 ${p.column} 列）` : ''}：${p.message}`),
      ...(first.line ? { where: { file: first.file, line: first.line, column: first.column! } } : {}),
    };
  }
  const failures = compare(ex.expect, findings);
  if (!failures.length) return { failures: [] };
  // Each failure at the expectation it fails, said like a problem of the example's data.
  const places = failures.map((f) => ({ file: ex.file, ...locate(ex.file, `${ex.pointer}${f.at}`) }));
  return {
    failures: failures.map((f, i) => `${f.what}（第 ${places[i]!.line} 行第 ${places[i]!.column} 列）：${f.message}`),
    where: places[0]!,
  };
}

/** What the examples cover, worded alike by lint and test: "193 项义务和 7 项数据核对，共 422 个示例". */
export function examplesSummary(rules: Rules): string {
  const duties = rules.rulesets.reduce((n, rs) => n + rs.duties.length, 0);
  const examples = [...rules.rulesets.flatMap((rs) => rs.duties), ...rules.consistency].reduce((n, d) => n + d.examples.length, 0);
  return `${duties} 项义务和 ${rules.consistency.length} 项数据核对，共 ${examples} 个示例`;
}

/** How the findings differ from the example's `expect`: each difference with the pointer, within
 *  the example, of what it expected there, worded so that the example's value and the checker's
 *  are told apart (示例期望 … ，实际检查结果为 …). */
function compare(expect: ExpectedFinding[], actual: Finding[]): { at: string; what: string; message: string }[] {
  if (expect.length !== actual.length) {
    return [{ at: '/expect', what: 'expect', message: `示例期望 ${expect.length} 项结论，实际检查结果为 ${actual.length} 项${actual.length ? '：' + actual.map(brief).join('；') : ''}` }];
  }
  const fails: { at: string; what: string; message: string }[] = [];
  expect.forEach((e, i) => {
    const a = actual[i]!;
    const check = (field: keyof ExpectedFinding & keyof Finding) => {
      const want = e[field];
      if (want !== undefined && JSON.stringify(want) !== JSON.stringify(a[field])) {
        fails.push({ at: `/expect/${i}/${field}`, what: `第 ${i + 1} 项 ${field}`, message: `示例期望 ${JSON.stringify(want)}，实际检查结果为 ${JSON.stringify(a[field])}` });
      }
    };
    for (const field of ['kind', 'severity', 'due', 'done', 'evidence', 'agency'] as const) check(field);
    if (e.message !== undefined && !a.message.includes(e.message)) {
      fails.push({ at: `/expect/${i}/message`, what: `第 ${i + 1} 项 message`, message: `示例期望消息包含“${e.message}”，实际检查结果的消息为“${a.message}”` });
    }
  });
  return fails;
}

/** A finding as an example's `expect` would write it (kind/severity codes), its due date only if it has one. */
function brief(f: Finding): string {
  return `${f.kind}/${f.severity}${f.due ? ` 到期 ${f.due}` : ''} 证据 ${f.evidence.join(',')}`;
}

const yamlCache = new Map<string, ReturnType<typeof loadYaml>>();
function locate(file: string, pointer: string): { line: number; column: number } {
  let y = yamlCache.get(file);
  if (!y) yamlCache.set(file, (y = loadYaml(file)));
  return y.locate(pointer);
}

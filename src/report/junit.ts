// --format junit: JUnit XML for CI test tabs. One <testsuite> per round (log), one <testcase> per
// duty instance that produced a finding:
//   violation → <failure>, so the build shows it as a failed test;
//   pending   → <skipped>: not yet due, so neither passed nor failed (the message gives the due date);
//   advisory  → a passing test with the advice in <system-out>: a soft duty must not fail a build.
// Limitation: the evaluator reports findings only, not duty instances that were met, so compliant
// instances do not appear. A round without findings gets one passing test case, so that its suite is
// not empty (some CI systems read an empty suite as an error).
import { displayPath } from '../model/display-path.js';
import type { CheckResult, Finding } from '../model/finding.js';
import type { ReportContext } from './index.js';
import { tally } from '../model/finding.js';
import { KIND_ZH, SEVERITY_ZH, leftZh } from './labels.js';
import { escXml as x } from './markup.js';

export function formatJunit(results: CheckResult[], ctx: ReportContext): string {
  const counts = results.map(suiteCounts);
  const all = counts.reduce((a, c) => ({ tests: a.tests + c.tests, failures: a.failures + c.failures, skipped: a.skipped + c.skipped }), { tests: 0, failures: 0, skipped: 0 });
  const suites = results.map((r, i) => suite(r, counts[i]!, ctx));
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="xuncha" tests="${all.tests}" failures="${all.failures}" errors="0" skipped="${all.skipped}">
${suites.join('\n')}
</testsuites>
`;
}

function suiteCounts(r: CheckResult) {
  const t = tally(r.findings);
  return { tests: Math.max(r.findings.length, 1), failures: t.violation, skipped: t.pending };
}

function suite(r: CheckResult, c: ReturnType<typeof suiteCounts>, ctx: ReportContext): string {
  const file = displayPath(r.file);
  const name = `${r.round.id}${r.round.name ? ' ' + r.round.name : ''}`;
  const cases = r.findings.length
    ? r.findings.map((f) => testcase(f, file, r.asOf, ctx))
    : [`    <testcase classname="${x(r.ruleset.id)}" name="${x(`${name}：未发现违规、提示或待办事项`)}" file="${x(file)}"/>`];
  return `  <testsuite name="${x(name)}" tests="${c.tests}" failures="${c.failures}" errors="0" skipped="${c.skipped}" file="${x(file)}">
    <properties>
      <property name="asOf" value="${x(r.asOf)}"/>
      <property name="ruleset" value="${x(`${r.ruleset.id} ${r.ruleset.version}`)}"/>
      <property name="log.sha256" value="${x(r.logSha256)}"/>
    </properties>
${cases.join('\n')}
  </testsuite>`;
}

function testcase(f: Finding, file: string, asOf: string, ctx: ReportContext): string {
  // Unique within the suite: one duty can yield several findings (one per matter, per month).
  const what = [f.ref ?? f.unit, f.due ? `到期 ${f.due}` : null, `证据 ${f.evidence.join('、')}`].filter(Boolean).join('，');
  const head = `    <testcase classname="${x(f.rule)}" name="${x(`${f.article} ${ctx.agencyName(f.agency)}：${f.title}（${what}）`)}" file="${x(file)}">`;
  const label = `${SEVERITY_ZH[f.severity]}·${KIND_ZH[f.kind]}`;
  switch (f.severity) {
    case 'violation':
      return `${head}\n      <failure message="${x(f.message)}" type="${x(`${f.kind} ${label}`)}">${x(details(f))}</failure>\n    </testcase>`;
    case 'pending':
      return `${head}\n      <skipped message="${x(`${label}：${f.due ?? ''}（${leftZh(f, asOf)}）`)}"/>\n      <system-out>${x(details(f))}</system-out>\n    </testcase>`;
    case 'advisory':
      return `${head}\n      <system-out>${x(`【${label}】` + details(f))}</system-out>\n    </testcase>`;
  }
}

function details(f: Finding): string {
  return [
    f.message,
    `依据：${f.article}；证据事件：${f.evidence.join('、')}${f.accountability ? `；追责：${f.accountability}` : ''}`,
  ].join('\n');
}

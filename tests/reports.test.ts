// The report formats of `xuncha check` (html, md, sarif, junit) on the demo round, checked against
// the same run's --format json, plus several logs at once, escaping of hostile text, the pending
// duties in the text, JUnit, Markdown and HTML reports (the rest of text is in tests/demo.test.ts),
// and the notices no report may leave out: events after the as-of date, counts that are estimates.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkText } from '../src/check.js';
import { findingsJson, formatJson } from '../src/report/json.js';
import { formatHtml } from '../src/report/html.js';
import { formatJunit } from '../src/report/junit.js';
import { formatMd } from '../src/report/md.js';
import { formatText } from '../src/report/text.js';
import { agencyNameOf } from '../src/model/rules.js';
import { escHtml, escMd } from '../src/report/markup.js';
import { validatorFor } from '../src/validate/schema.js';
import { calendar, DEMO, DEMO_AS_OF, estimatingCalendar, ROOT, rules, xuncha } from './helpers.js';

interface JsonFinding { rule: string; agency: string; severity: 'violation' | 'advisory' | 'pending'; kind: string; evidence: string[]; due: string | null; left: number | null; counting: string | null; message: string }
interface JsonReport { summary: Record<'violation' | 'advisory' | 'pending', number>; findings: JsonFinding[] }

const OUT = `${ROOT}test-output`;
const check = (format: string, logs = [DEMO]) => xuncha(['check', ...logs, '--as-of', DEMO_AS_OF, '--format', format]);
const json: JsonReport = JSON.parse(check('json').stdout);

/** A copy of the demo log under another round id, with markup in its name, for multi-log and escaping tests. */
const OTHER = `${OUT}/round-copy.json`;
const HOSTILE = '第三轮<script>alert(1)</script>&"x"';
beforeAll(() => {
  mkdirSync(OUT, { recursive: true });
  const log = JSON.parse(readFileSync(DEMO, 'utf8'));
  log.round = { ...log.round, id: '2023-R3', name: HOSTILE };
  writeFileSync(OTHER, JSON.stringify(log, null, 2));
});

describe('--format html', () => {
  const r = check('html');
  const html = r.stdout;

  it('exits as text does and is one self-contained page', () => {
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
    expect(html).toContain('@page');
    expect(html).toContain('@media print');
  });

  it('holds the summary numbers of --format json', () => {
    for (const k of ['violation', 'advisory', 'pending'] as const) {
      expect(html).toContain(`data-summary="${k}">${json.summary[k]}<`);
    }
  });

  it('quotes every cited article verbatim in the notes, and the accountability clause', () => {
    const rs = rules.rulesets[0]!;
    for (const id of new Set(json.findings.map((f) => f.rule).map((rule) => rs.duties.find((d) => d.id === rule)!.article))) {
      const text = rs.articles.find((a) => a.id === id)!.text.split('\n')[0]!;
      expect(html).toContain(escHtml(text));
    }
    expect(html).toContain('data-clause="三(三)"');
  });

  it('lists the pending duties by due date in the 督办清单', () => {
    const dues = [...html.matchAll(/<tr data-pending data-due="([^"]*)"/g)].map((m) => m[1]);
    expect(dues).toHaveLength(json.summary.pending);
    expect(dues).toEqual([...dues].sort());
  });
});

describe('--format md', () => {
  const md = check('md').stdout;

  it('has the same summary, findings, 督办清单 and notes', () => {
    expect(md).toMatch(/^# 巡察协作事项合规检查报告\n/);
    const { violation, advisory, pending } = json.summary;
    expect(md).toContain(`| **合计** | ${violation} | ${advisory} | ${pending} | ${violation + advisory + pending} |`);
    expect(md.match(/^- \*\*【/gm)).toHaveLength(json.findings.length);
    expect(md).toContain('### 三、督办清单');
    const soon = json.findings.filter((f) => f.severity === 'pending' && f.left !== null && f.left <= 3).length;
    expect(md.match(/\| \*\*临期\*\* \|/g) ?? []).toHaveLength(soon);
    expect(md).toMatch(/^\[\^1\]: \*\*/m);
  });

  it('gives the counting of each dated finding on its own line', () => {
    for (const f of json.findings.filter((x) => x.counting)) expect(md).toContain(`期限计算：${escMd(f.counting!)}`);
  });

  it('puts every duty not done past its due date in the 督办清单, the longest overdue first', () => {
    const missing = json.findings.filter((f) => f.kind === 'missing');
    const rows = md.split('#### （一）逾期未办')[1]!.split('#### （二）尚未到期')[0]!.match(/^\| \d+ \|/gm) ?? [];
    expect(rows).toHaveLength(missing.length);
    expect(md).toContain('| 1 | 2023-09-21 | 逾期 38 个工作日 | 违规 | 县委编办 | 二(八)2[^');
    const html = check('html').stdout;
    expect(html.match(/<tr data-overdue /g)).toHaveLength(missing.length);
    expect(html).toContain('<td class="nowrap">2023-09-21</td><td class="nowrap">逾期 38 个工作日</td><td class="nowrap">违规</td>');
  });

  it('names, under each accountability clause, the agencies whose findings make it apply', () => {
    expect(md).toContain('### 三(三)（涉及违规 11 项、提示 2 项）\n\n涉及单位：县委组织部（违规 4 项、提示 1 项）、县委编办（违规 3 项）、');
    expect(check('html').stdout).toContain('<p class="clause-agencies">涉及单位：县委组织部（违规 4 项、提示 1 项）、县委编办（违规 3 项）、');
  });

  it('lists the agencies in the order of rules/agencies.yaml, as the text report does', () => {
    const mdOrder = [...md.matchAll(/^#### (.+?)：违规/gm)].map((m) => m[1]);
    const textOrder = [...check('text').stdout.matchAll(/^【(.+?)】违规/gm)].map((m) => m[1]);
    expect(mdOrder.slice(0, 4)).toEqual(['县委巡察办', '巡察组', '县纪委监委', '县委组织部']);
    expect(textOrder).toEqual(mdOrder);
  });
});

describe('--format sarif', () => {
  const sarif = JSON.parse(check('sarif').stdout);
  const schema = JSON.parse(readFileSync(`${ROOT}schemas/sarif-2.1.0.schema.json`, 'utf8'));

  it('validates against the vendored SARIF 2.1.0 schema (draft-04, with ajv-draft-04)', () => {
    const ajv = new Ajv04.default({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(schema.id).toBe('https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json');
  });

  it('has one result per finding, with levels by severity', () => {
    const run = sarif.runs[0];
    expect(sarif.runs).toHaveLength(1);
    expect(run.tool.driver.name).toBe('xuncha');
    expect(run.tool.driver.version).toBe(JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')).version);
    expect(run.results).toHaveLength(json.findings.length);
    const levels = (l: string) => run.results.filter((x: { level: string }) => x.level === l).length;
    expect([levels('error'), levels('warning'), levels('note')]).toEqual([json.summary.violation, json.summary.advisory, json.summary.pending]);
  });

  it('has every duty as a rule, carrying its article and verbatim text', () => {
    const driver = sarif.runs[0].tool.driver;
    const duties = rules.rulesets.flatMap((rs) => rs.duties);
    expect(driver.rules.map((x: { id: string }) => x.id).sort()).toEqual([...new Set(duties.map((d) => d.id))].sort());
    const d = duties.find((x) => x.id === 'shenjiju.inquiry.answer')!;
    const rule = driver.rules.find((x: { id: string }) => x.id === d.id);
    const article = rules.rulesets[0]!.articles.find((a) => a.id === d.article)!;
    expect(rule.fullDescription.text).toBe(`${article.id} ${article.text}`);
    expect(rule.properties).toMatchObject({ article: d.article, severity: d.severity, accountability: d.accountability });
  });

  it('points a result at its first evidence event: line:column and JSON pointer in the log', () => {
    const text = readFileSync(DEMO, 'utf8');
    const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'shenjiju.inquiry.answer');
    const event = json.findings.find((f) => f.rule === 'shenjiju.inquiry.answer')!.evidence[0]!;
    // The event object opens with the "{" before its "id" key.
    const open = text.lastIndexOf('{', text.indexOf(`"id": "${event}"`));
    const before = text.slice(0, open).split('\n');
    const loc = result.locations[0].physicalLocation;
    expect(loc.artifactLocation.uri).toBe('fixtures/demo/round-2023-2.json');
    expect(loc.region).toEqual({ startLine: before.length, startColumn: before[before.length - 1]!.length + 1 });
    const index = (JSON.parse(text).events as { id: string }[]).findIndex((e) => e.id === event);
    expect(result.properties.pointer).toBe(`/events/${index}`);
    expect(result.message.text).toBe(json.findings.find((f) => f.rule === 'shenjiju.inquiry.answer')!.message);
  });
});

describe('--format junit', () => {
  const xml = check('junit').stdout;

  it('is well-formed XML', () => expect(xmlProblems(xml)).toEqual([]));

  it('has one test case per finding: violations fail, pending are skipped', () => {
    expect(xml.match(/<testsuite /g)).toHaveLength(1);
    expect(xml.match(/<testcase /g)).toHaveLength(json.findings.length);
    expect(xml.match(/<failure /g)).toHaveLength(json.summary.violation);
    expect(xml.match(/<skipped /g)).toHaveLength(json.summary.pending);
    expect(xml).toContain(`<testsuites name="xuncha" tests="${json.findings.length}" failures="${json.summary.violation}" errors="0" skipped="${json.summary.pending}">`);
  });
});

describe('several logs at once', () => {
  it('html and md: a section per round and a combined summary', () => {
    const html = check('html', [DEMO, OTHER]).stdout;
    expect(html.match(/<section class="round"/g)).toHaveLength(2);
    expect(html).toContain('<section id="combined">');
    for (const k of ['violation', 'advisory', 'pending'] as const) {
      expect(html).toContain(`data-summary="${k}">${2 * json.summary[k]}<`);
      expect(html.match(new RegExp(`data-round-summary="${k}">${json.summary[k]}<`, 'g'))).toHaveLength(2);
    }
    const md = check('md', [DEMO, OTHER]).stdout;
    expect(md.match(/^## 巡察轮次 /gm)).toHaveLength(2);
    expect(md).toContain('## 合计');
  });

  it('junit: one suite per round; sarif: one run over both logs', () => {
    const xml = check('junit', [DEMO, OTHER]).stdout;
    expect(xmlProblems(xml)).toEqual([]);
    expect(xml.match(/<testsuite /g)).toHaveLength(2);
    const sarif = JSON.parse(check('sarif', [DEMO, OTHER]).stdout);
    expect(sarif.runs).toHaveLength(1);
    expect(sarif.runs[0].artifacts).toHaveLength(2);
    expect(sarif.runs[0].results).toHaveLength(2 * json.findings.length);
  });

  it('json: the report taken log by log is the text of JSON.stringify over the whole set, for 0 to 35 logs', async () => {
    const checker = { rules, cal: calendar };
    const one = await checkText(DEMO, readFileSync(DEMO, 'utf8'), checker, { asOf: DEMO_AS_OF });
    const other = await checkText(OTHER, readFileSync(OTHER, 'utf8'), checker, { asOf: '2023-12-29' });
    expect(formatJson([one])).toBe(JSON.stringify(findingsJson(one)) + '\n');
    expect(formatJson([one], { indent: true })).toBe(JSON.stringify(findingsJson(one), null, 2) + '\n');
    for (const rs of [[], [one, other], [other, one, other], Array.from({ length: 35 }, (_, i) => (i % 3 ? one : other))]) {
      const summary = { violation: 0, advisory: 0, pending: 0 };
      for (const r of rs) for (const k of ['violation', 'advisory', 'pending'] as const) summary[k] += r.summary[k];
      const whole = { format: 'xuncha-findings-set/1', summary, reports: rs.map(findingsJson) };
      expect(formatJson(rs)).toBe(JSON.stringify(whole) + '\n');
      expect(formatJson(rs, { indent: true })).toBe(JSON.stringify(whole, null, 2) + '\n');
    }
    // and the CLI prints it: two logs, one set, the second round's report after the first
    const set = JSON.parse(check('json', [DEMO, OTHER]).stdout);
    expect(set.format).toBe('xuncha-findings-set/1');
    expect(set.reports.map((r: { log: { round: string } }) => r.log.round)).toEqual(['2023-R2', '2023-R3']);
    expect(set.summary.violation).toBe(2 * json.summary.violation);
  });

  it('escapes text from the log in every markup format', () => {
    const html = check('html', [OTHER]).stdout;
    expect(html).not.toContain('<script>');
    expect(html).toContain('第三轮&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;x&quot;');
    const xml = check('junit', [OTHER]).stdout;
    expect(xmlProblems(xml)).toEqual([]);
    expect(xml).toContain('&lt;script&gt;');
    expect(check('md', [OTHER]).stdout).toContain('第三轮\\<script\\>alert(1)\\</script\\>&"x"');
  });
});

/** A small well-formedness check: balanced tags, quoted attributes, no stray < or &. */
function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const body = xml.replace(/^<\?xml [^?]*\?>\s*/, '');
  const token = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  const stack: string[] = [];
  let m: RegExpExecArray | null;
  while ((m = token.exec(body))) {
    const [, close, name, attrs, selfClose, text, stray] = m;
    if (stray) { problems.push(`stray < at ${m.index}`); continue; }
    const raw = text ?? attrs ?? '';
    if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);)/.test(raw)) problems.push(`bare & near ${m.index}`);
    if (text !== undefined) { if (stack.length === 0 && text.trim()) problems.push('text outside the root'); continue; }
    if (close) { if (stack.pop() !== name) problems.push(`unbalanced </${name}> at ${m.index}`); }
    else if (!selfClose) stack.push(name!);
  }
  if (stack.length) problems.push(`unclosed: ${stack.join(', ')}`);
  return problems;
}

describe('--format text, junit, md and html: the pending duties', () => {
  it('says 今日到期 for a pending duty due on the as-of date, and the workdays left for one due later', async () => {
    const log = (asOf: string) => checkText('opinion.json', JSON.stringify({
      format: 'xuncha-case-log/1', round: { id: '2025-R2' },
      events: [{ id: 'E1', type: 'opinion.received', date: '2025-07-08', actor: '巡察办', ref: '组干函〔2025〕40号' }],
    }), { rules, cal: calendar }, { asOf });
    const ctx = { rules, agencyName: (id: string) => agencyNameOf(rules, id), indent: false };
    expect(formatText([await log('2025-07-11')], ctx)).toContain('  2025-07-11  今日到期【临期】  县委巡察办  二(二)5 收到组织部征求意见函3个工作日内提供相关情况（组干函〔2025〕40号）');
    expect(formatText([await log('2025-07-09')], ctx)).toContain('  2025-07-11  还剩 2 个工作日【临期】  县委巡察办');
    expect(formatJunit([await log('2025-07-11')], ctx)).toContain('<skipped message="待办·尚未到期：2025-07-11（今日到期）"/>');
    expect(formatJunit([await log('2025-07-09')], ctx)).toContain('<skipped message="待办·尚未到期：2025-07-11（还剩 2 个工作日）"/>');
    // The 督办清单's reminder column: its 0 workdays left reads as 今日到期, not as one more 临期.
    expect(formatMd([await log('2025-07-11')], ctx)).toContain('| 1 | 2025-07-11 | 0 | **今日到期** | 县委巡察办 |');
    expect(formatMd([await log('2025-07-09')], ctx)).toContain('| 1 | 2025-07-11 | 2 | **临期** | 县委巡察办 |');
    expect(formatHtml([await log('2025-07-11')], ctx)).toContain('<td class="num">0</td><td><span class="soon-mark">今日到期</span></td>');
    expect(formatHtml([await log('2025-07-09')], ctx)).toContain('<td class="num">2</td><td><span class="soon-mark">临期</span></td>');
  });

  it('says how many rest days are left when no workday is, as the message does', async () => {
    // 每年年初 is due 2024-03-31, a Sunday; on Friday 03-29 only the weekend is left.
    const r = await checkText('audit-plan.json', JSON.stringify({
      format: 'xuncha-case-log/1', round: { id: '2024-R1' },
      events: [{ id: 'E1', type: 'round.started', date: '2024-03-04', actor: '巡察办' }],
    }), { rules, cal: calendar }, { asOf: '2024-03-29' });
    expect(r.findings.map((f) => f.message)).toEqual([expect.stringContaining('尚未提供本年度审计计划和上年度审计实施情况，还剩2天（均为休息日）。')]);
    const ctx = { rules, agencyName: (id: string) => agencyNameOf(rules, id), indent: false };
    expect(formatText([r], ctx)).toContain('  2024-03-31  还剩 2 天（均为休息日）【临期】  县审计局');
  });
});

describe('what a report must not leave unsaid', () => {
  const ctx = { rules, agencyName: (id: string) => agencyNameOf(rules, id), indent: false };
  const round = (events: object[]) => JSON.stringify({ format: 'xuncha-case-log/1', round: { id: '2024-R1' }, events });

  it('counts the events dated after the as-of date, which the check leaves out', async () => {
    // Checked as of a date before the round, the log has nothing to report: the reports say why.
    const r = await checkText('later.json', round([
      { id: 'E1', type: 'opinion.received', date: '2024-04-08', actor: '巡察办', ref: '组干函〔2024〕3号' },
      { id: 'E2', type: 'opinion.received', date: '2024-04-01', actor: '巡察办', ref: '组干函〔2024〕2号' },
    ]), { rules, cal: calendar }, { asOf: '2024-03-29' });
    expect(r.findings).toEqual([]);
    expect(r.afterAsOf).toEqual({ events: 2, first: '2024-04-01' });
    const notice = '晚于基准日的事件：2 个（最早 2024-04-01），检查基准日 2024-03-29 时尚未发生，未纳入本次检查';
    expect(formatText([r], ctx)).toContain(notice + '。');
    expect(formatMd([r], ctx)).toContain('- **晚于基准日的事件**：2 个（最早 2024-04-01），检查基准日 2024-03-29 时尚未发生，未纳入本次检查');
    expect(formatHtml([r], ctx)).toContain('晚于基准日的事件');
    const doc = JSON.parse(formatJson([r]));
    expect(doc.afterAsOf).toEqual({ events: 2, first: '2024-04-01' });
    expect(validatorFor('findings.schema.json')(doc)).toBe(true);
    // None later: no notice, and the JSON says 0.
    const none = await checkText('none.json', round([{ id: 'E1', type: 'opinion.received', date: '2024-03-25', actor: '巡察办', ref: '组干函〔2024〕2号' }]), { rules, cal: calendar }, { asOf: '2024-03-29' });
    expect(none.afterAsOf).toEqual({ events: 0, first: null });
    expect(formatText([none], ctx)).not.toContain('晚于基准日');
  });

  it('does not say 未发现问题 when no event was checked: an empty log, or every event after the as-of date', async () => {
    const empty = await checkText('empty.json', round([]), { rules, cal: calendar }, { asOf: '2024-03-29' });
    expect(empty.summary).toEqual({ violation: 0, advisory: 0, pending: 0 });
    const emptySaid = '案卷日志中没有任何事件（events 为空），未检查任何事项；汇总为 0 项不表示各单位已履行协作义务，请核对是否选错了日志文件。';
    expect(formatText([empty], ctx)).toContain(`一、按单位列示\n  ${emptySaid}\n`);
    expect(formatMd([empty], ctx)).toContain(`### 二、问题明细（按单位）\n\n${emptySaid}\n`);
    expect(formatHtml([empty], ctx)).toContain(`<h3>二、问题明细（按单位）</h3>\n<p>${emptySaid}</p>`);
    for (const out of [formatText([empty], ctx), formatMd([empty], ctx), formatHtml([empty], ctx)]) expect(out).not.toContain('未发现问题');
    const later = await checkText('later.json', round([
      { id: 'E1', type: 'opinion.received', date: '2024-04-08', actor: '巡察办', ref: '组干函〔2024〕3号' },
    ]), { rules, cal: calendar }, { asOf: '2024-03-29' });
    expect(formatText([later], ctx)).toContain('  日志中的事件均晚于检查基准日，未检查任何事项；汇总为 0 项不表示各单位已履行协作义务，请核对检查基准日是否写错。\n');
    // One event checked and nothing found: the all-clear line stands.
    const clean = await checkText('clean.json', round([
      { id: 'E1', type: 'opinion.received', date: '2024-03-25', actor: '巡察办', ref: '组干函〔2024〕2号' },
      { id: 'E2', type: 'opinion.answered', date: '2024-03-26', actor: '巡察办', ref: '组干函〔2024〕2号' },
    ]), { rules, cal: calendar }, { asOf: '2024-03-29' });
    expect(clean.findings).toEqual([]);
    expect(formatText([clean], ctx)).toContain('一、按单位列示\n  未发现问题，也没有待办事项。\n');
  });

  it('cites 数据核对 with what it is (rules/consistency.yaml description), not as a missing article', async () => {
    const r = await checkText('inconsistent.json', readFileSync(`${ROOT}fixtures/logs/inconsistent.json`, 'utf8'), { rules, cal: calendar }, { asOf: '2024-12-31' });
    expect(r.findings.some((f) => f.article === '数据核对')).toBe(true);
    const md = formatMd([r], ctx);
    expect(md).toMatch(/\[\^\d+\]: \*\*数据核对\*\* 数据核对不是舞巡〔2023〕20号的条款：/);
    expect(md).not.toContain('规则集中没有此条款的原文');
  });

  it('says of each estimated finding how its own years were guessed: 2028 has no statutory file, 2027 has', async () => {
    const check = async (date: string, asOf: string) => (await checkText('estimate.json', round([
      { id: 'E1', type: 'opinion.received', date, actor: '巡察办', ref: '组干函〔2027〕9号' },
    ]), { rules, cal: estimatingCalendar }, { asOf })).findings[0]!;
    const only2028 = await check('2028-03-01', '2028-03-02');
    expect(only2028.message).toContain('（注意：期限涉及无官方日历数据的年份，已按仅周末为休息日估算。）');
    const both = await check('2027-12-30', '2027-12-31');
    expect(both.due).toBe('2028-01-04'); // 12-31, then 2028-01-03, 01-04: 2028-01-01 is a Saturday
    expect(both.message).toContain('（注意：期限涉及无官方日历数据的年份，已按周末为休息日估算，其中2027年并计入法定节日（依《全国年节及纪念日放假办法》），未计尚未公布的调休和补假。）');
  });

  it('marks a pending duty counted over a year without calendar data as 估算 in the 督办清单', async () => {
    const r = await checkText('estimate.json', round([
      { id: 'E1', type: 'opinion.received', date: '2026-12-30', actor: '巡察办', ref: '组干函〔2026〕9号' },
    ]), { rules, cal: estimatingCalendar }, { asOf: '2026-12-31' });
    // 12-31, then 元旦 and the weekend (estimated from rules/calendar/2027.yaml), 01-04, 01-05.
    expect(r.findings.map((f) => [f.due, f.left, f.estimated])).toEqual([['2027-01-05', 2, true]]);
    expect(formatText([r], ctx)).toContain('  2027-01-05  还剩 2 个工作日（估算）【临期】  县委巡察办');
    expect(formatText([r], ctx)).toContain('覆盖 2011–2026 年（其余年份按周末为休息日估算，其中2027年并计入法定节日（依《全国年节及纪念日放假办法》），未计尚未公布的调休和补假）\n');
    expect(formatMd([r], ctx)).toContain('| 1 | 2027-01-05 | 2（估算） | **临期** |');
    expect(formatHtml([r], ctx)).toContain('<td class="num">2（估算）</td>');
  });
});

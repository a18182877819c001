// The demo round end to end through the CLI, against golden findings reviewed by hand.
// To regenerate after an intended change: UPDATE_GOLDEN=1 npx vitest run tests/demo.test.ts,
// then read the diff of fixtures/demo/expected-findings.json line by line before committing.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatorFor } from '../src/validate/schema.js';
import { DEMO, DEMO_AS_OF, ROOT, xuncha } from './helpers.js';

const GOLDEN = `${ROOT}fixtures/demo/expected-findings.json`;

function normalise(json: string) {
  const doc = JSON.parse(json);
  doc.ruleset.sha256 = '<ruleset sha256: changes with any rule-file edit>';
  return doc;
}

describe('demo round', () => {
  const run = xuncha(['check', DEMO, '--as-of', DEMO_AS_OF, '--format', 'json']);

  it('exits 1 because the demo has violations, and prints valid xuncha-findings/1', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const validate = validatorFor('findings.schema.json');
    expect(validate(JSON.parse(run.stdout)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('matches the hand-reviewed golden findings', () => {
    const actual = normalise(run.stdout);
    if (process.env['UPDATE_GOLDEN']) writeFileSync(GOLDEN, JSON.stringify(actual, null, 2) + '\n');
    expect(actual).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });

  it('reports the spec example shape for a late inquiry answer', () => {
    const f = JSON.parse(run.stdout).findings.find((x: { rule: string }) => x.rule === 'shenjiju.inquiry.answer');
    expect(f).toMatchObject({
      article: '二(十三)3', agency: 'shenjiju', severity: 'violation', kind: 'late', ref: '舞巡函〔2023〕13号',
      start: '2023-04-04', due: '2023-04-10', done: '2023-04-12', late: { workdays: 2, days: 2 },
      evidence: ['E36', 'E37'], accountability: '三(三)',
    });
    expect(f.message).toBe(
      '县审计局于2023-04-04收到函询（舞巡函〔2023〕13号），应于3个工作日内即2023-04-10前向巡察办提供函询材料，' +
      '实际2023-04-12向巡察办提供函询材料，逾期2个工作日。计算：自2023-04-04次日起算3个工作日：2023-04-06、2023-04-07、2023-04-10；' +
      '其间2023-04-05为清明节假期，2023-04-08至2023-04-09为周末，不计入。',
    );
  });

  it('counts 法院 from the later of the notice and the persons list', () => {
    const findings = JSON.parse(run.stdout).findings as { rule: string }[];
    // Received 04-04, persons 04-06, answered 04-11: on time only when counted from 04-06.
    expect(findings.filter((f) => f.rule === 'fayuan.inquiry.answer-after-persons')).toEqual([]);
  });

  it('text report: grouped by agency, then what is overdue and what falls due next, the soonest marked', () => {
    const text = xuncha(['check', DEMO, '--as-of', DEMO_AS_OF]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('检查基准日：2023-11-20');
    expect(text.stdout).toContain('汇总：违规 18 项，提示 7 项，待办 8 项');
    expect(text.stdout).toContain('【县纪委监委】违规 0 · 提示 1 · 待办 3');
    // Every duty not done past its due date, the longest overdue first: what to urge.
    expect(text.stdout).toContain('二、逾期未办（按到期日，逾期最久的在前）\n  2023-09-21  已逾期 38 个工作日  违规  县委编办  二(八)2 3个月内向巡察办书面反馈问题线索办理情况（巡线〔2023〕3号）\n');
    const overdue = text.stdout.split('二、逾期未办')[1]!.split('三、待办事项')[0]!.match(/^ {2}\d{4}-\d\d-\d\d {2}已逾期/gm) ?? [];
    const missing = (JSON.parse(run.stdout).findings as { kind: string }[]).filter((f) => f.kind === 'missing');
    expect(overdue).toHaveLength(missing.length);
    expect(overdue.length).toBe(7);
    expect(text.stdout).toMatch(/三、待办事项（按到期日）\n {2}2023-11-22 {2}还剩 2 个工作日【临期】 {2}县纪委监委/);
  });

  it('npm start prints the report without npm error noise', () => {
    const zero = xuncha(['check', DEMO, '--as-of', DEMO_AS_OF, '--exit-zero']);
    expect(zero.code).toBe(0);
    expect(zero.stdout).toContain('巡察协作事项合规检查报告');
  });
});

// Records that contradict themselves are reported as advisory `inconsistent` findings, and the
// rest of the log is still evaluated.
import { describe, expect, it } from 'vitest';
import { xuncha } from './helpers.js';

describe('data-consistency findings', () => {
  const r = xuncha(['check', 'fixtures/logs/inconsistent.json', '--as-of', '2024-08-01', '--format', 'json']);
  const doc = JSON.parse(r.stdout) as { findings: { rule: string; kind: string; severity: string; evidence: string[]; article: string }[] };
  const inconsistent = doc.findings.filter((f) => f.kind === 'inconsistent');

  it('reports each contradiction with its evidence, as advisory', () => {
    expect(inconsistent.map((f) => [f.rule, f.evidence])).toEqual(expect.arrayContaining([
      ['consistency.answer-before-receipt', ['E5', 'E3']],
      ['consistency.answer-without-inquiry', ['E6']],
      ['consistency.feedback-before-transfer', ['E10', 'E11']],
      ['consistency.closed-twice', ['E10', 'E12']],
      ['consistency.selected-before-stationing', ['E13', 'E1']],
    ]));
    expect(inconsistent.every((f) => f.severity === 'advisory' && f.article === '数据核对')).toBe(true);
  });

  it('goes on evaluating the rest of the log', () => {
    expect(r.code).toBe(1); // the late 审计局 answer is still a violation
    expect(doc.findings).toContainEqual(expect.objectContaining({ rule: 'shenjiju.inquiry.answer', kind: 'late', due: '2024-04-08', done: '2024-04-10' }));
  });
});

describe('an act dated before its start (a data error)', () => {
  const r = xuncha(['check', 'fixtures/logs/inconsistent.json', '--as-of', '2024-08-01', '--format', 'json']);
  const doc = JSON.parse(r.stdout) as { findings: { rule: string; kind: string; evidence: string[] }[] };
  it('is reported as inconsistent, and still counts as the answer: a mistyped date is not a violation', () => {
    expect(doc.findings).toContainEqual(expect.objectContaining({ rule: 'consistency.answer-before-receipt', evidence: ['E5', 'E3'] }));
    expect(doc.findings.filter((f) => f.rule.startsWith('gonganju.inquiry.answer'))).toEqual([]);
  });
});

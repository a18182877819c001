// Records that contradict themselves are reported as advisory `inconsistent` findings, and the
// rest of the log is still evaluated.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DEMO, xuncha } from './helpers.js';

describe('data-consistency findings', () => {
  const r = xuncha(['check', 'fixtures/logs/inconsistent.json', '--as-of', '2024-08-01', '--format', 'json']);
  const doc = JSON.parse(r.stdout) as { findings: { rule: string; kind: string; severity: string; evidence: string[]; article: string }[] };
  const inconsistent = doc.findings.filter((f) => f.kind === 'inconsistent');

  it('reports each contradiction with its evidence, as advisory', () => {
    expect(inconsistent.map((f) => [f.rule, f.evidence])).toEqual(expect.arrayContaining([
      ['consistency.answer-before-receipt', ['E5', 'E3']],
      ['consistency.answer-before-receipt', ['E6']],
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

describe('one record error, one 数据核对 finding', () => {
  type Doc = { findings: { rule: string; kind: string; evidence: string[]; message: string }[] };
  const demo = JSON.parse(readFileSync(DEMO, 'utf8')) as { events: Record<string, unknown>[] };
  /** The demo log with some events changed, checked as of its usual date; only its 数据核对 findings. */
  function inconsistent(edit: (ev: (id: string) => Record<string, unknown>) => void, add: Record<string, unknown>[] = []) {
    const log = structuredClone(demo);
    edit((id) => log.events.find((e) => e['id'] === id)!);
    log.events.push(...add);
    const r = xuncha(['check', '-', '--as-of', '2023-11-20', '--format', 'json'], { input: JSON.stringify(log) });
    return (JSON.parse(r.stdout) as Doc).findings.filter((f) => f.kind === 'inconsistent').map((f) => [f.rule, f.evidence, f.message]);
  }

  it('an answer typed before its letter was sent and received is reported once, by answer-before-receipt', () => {
    // E14 sent and E15 received on 2023-04-03; the answer E16 mistyped as 2023-04-02.
    expect(inconsistent((ev) => { ev('E16')['date'] = '2023-04-02'; })).toEqual([[
      'consistency.answer-before-receipt', ['E16', 'E15'],
      '县纪委监委于2023-04-02向巡察办提供函询材料（舞巡函〔2023〕7号），但收到函询在其后（2023-04-03）；提供函询材料须有此前收到函询的记录。',
    ]]);
  });

  it('an answer whose letter number was mistyped (no such letter in the log) is reported once', () => {
    expect(inconsistent((ev) => { ev('E16')['ref'] = '舞巡函〔2023〕70号'; })).toEqual([[
      'consistency.answer-before-receipt', ['E16'],
      '县纪委监委于2023-04-06向巡察办提供函询材料（舞巡函〔2023〕70号），此前未见“收到函询”记录；提供函询材料须有此前收到函询的记录。',
    ]]);
  });

  it('a letter recorded as sent after it was received is its own error, said on the receipt', () => {
    expect(inconsistent((ev) => { ev('E14')['date'] = '2023-04-04'; })).toEqual([[
      'consistency.receipt-without-inquiry', ['E15', 'E14'],
      '县纪委监委于2023-04-03收到函询（舞巡函〔2023〕7号），但巡察办发出函询在其后（2023-04-04）；收到函询须有巡察办此前发出的函询。',
    ]]);
  });

  it('a clue closed twice among three feedbacks says that it counted the closing ones', () => {
    // 巡线〔2023〕1号 has E70 (未办结) and E71; E71 and a third feedback are both marked 已办结.
    const third = { id: 'E200', type: 'clue.feedback', date: '2023-11-10', actor: '纪委监委', ref: '巡线〔2023〕1号', written: true, closed: true };
    expect(inconsistent((ev) => { ev('E71')['closed'] = true; }, [third])).toEqual([[
      'consistency.closed-twice', ['E71', 'E200'],
      '巡线〔2023〕1号的“书面反馈办理情况”中，已办结（closed）为是的共2次（E71 2023-10-30、E200 2023-11-10），超过1次；同一问题线索只应有一次“已办结”的反馈。',
    ]]);
  });
});

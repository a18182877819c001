// lint, coverage and test keep a rule edit honest: each must catch a broken rule.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, rules, xuncha } from './helpers.js';

/** A copy of rules/ with one edit applied. */
function rulesWith(file: string, from: string, to: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'xuncha-rules-'));
  cpSync(`${ROOT}rules`, dir, { recursive: true });
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
  return dir;
}

const JIWEI = 'rulesets/wuxun-2023-20/sections/2-01-jiwei.yaml';

describe('xuncha lint', () => {
  it('passes on the shipped rules', () => {
    const r = xuncha(['lint']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('60 条');
  });
  it('rejects an unknown json-rules-engine operator, with file:line:col', () => {
    const dir = rulesWith('rulesets/wuxun-2023-20/patterns.yaml', 'operator: equal, value: $agency } ] }\n    before', 'operator: equals, value: $agency } ] }\n    before');
    const r = xuncha(['lint', '--rules', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/patterns\.yaml:\d+:\d+  \/patterns\/inquiry\.sent-before-stationing/); // once, where the pattern is written
    expect(r.stderr).toContain('运算符 equals 不是 json-rules-engine 的运算符');
  });
  it('rejects text that is not verbatim', () => {
    const dir = rulesWith(JIWEI, '于收到函询之日起3个工作日内向巡察办提供。', '于收到函询之日起5个工作日内向巡察办提供。');
    const r = xuncha(['lint', '--rules', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('条文与原文不一致');
  });
  it('rejects an article dropped from the rules', () => {
    const dir = rulesWith(JIWEI, '  - article: 二(一)4\n', '  - article: 二(一)9\n');
    const r = xuncha(['lint', '--rules', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('条款编号 二(一)9 在原文');
    expect(r.stderr).toContain('原文条款 二(一)4 在 sections/ 中没有对应条目');
  });
  it('rejects an unused parameter', () => {
    const dir = rulesWith('rulesets/wuxun-2023-20/ruleset.yaml', 'parameters:\n', 'parameters:\n  unused-one:\n    value: 1\n    wording: 及时\n    interpretation: true\n    note: 未使用\n');
    const r = xuncha(['lint', '--rules', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('参数 unused-one 未被任何义务使用');
  });
  it('a statutory-only calendar file lists rest days only: a make-up working day waits for the notice', () => {
    const dir = rulesWith('calendar/2027.yaml', '{ date: 2027-01-01, workday: false,', '{ date: 2027-01-01, workday: true,');
    const r = xuncha(['lint', '--rules', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/calendar\/2027\.yaml:\d+:\d+  \/days\/0\/workday/);
    expect(r.stderr).toContain('coverage: statutory 只列《全国年节及纪念日放假办法》规定的放假日（workday: false）；调休上班日要等国务院通知，届时把本文件改为 coverage: complete。');
  });
  it('coverage: statutory is refused for a year whose notice chinese-workday already has', () => {
    const dir = rulesWith('calendar/2023.yaml', 'coverage: corrections ', 'coverage: statutory ');
    const r = xuncha(['lint', '--rules', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('chinese-workday 已含 2023 年的放假安排；coverage: statutory 只用于国务院尚未公布放假安排的年份');
  });
});

describe('a parameter changes the reading, not just a word', () => {
  // talent-pool-stated: true compares only a stated talentPool; false compares every secondment,
  // so one without talentPool is then a finding too (rules/rulesets/wuxun-2023-20/patterns.yaml).
  const log = () => {
    const file = join(mkdtempSync(join(tmpdir(), 'xuncha-log-')), 'secondment.json');
    writeFileSync(file, JSON.stringify({
      format: 'xuncha-case-log/1',
      round: { id: '2023-R3', name: '县委2023年第三轮巡察', units: ['县农业农村局'] },
      events: [
        { id: 'E1', type: 'secondment.assigned', date: '2023-04-03', actor: '县纪委', ref: '舞巡函〔2023〕20号', persons: ['王立新'], fromTalentPool: true },
        { id: 'E2', type: 'secondment.assigned', date: '2023-04-03', actor: '县纪委', ref: '舞巡函〔2023〕21号', persons: ['李明'], fromTalentPool: true, talentPool: '县农业农村局' },
      ],
    }));
    return file;
  };
  const pool = (rulesDir: string) => {
    const r = xuncha(['check', log(), '--rules', rulesDir, '--as-of', '2023-04-20', '--format', 'json', '--exit-zero']);
    expect(r.stderr).toBe('');
    return JSON.parse(r.stdout).findings.filter((f: { rule: string }) => f.rule === 'jiwei.secondment.from-own-talent-pool').map((f: { evidence: string[] }) => f.evidence);
  };
  it('true (as shipped): only the secondment naming another pool (县农业农村局, an inspected unit)', () => {
    expect(pool(`${ROOT}rules`)).toEqual([['E2']]);
  });
  it('false: the secondment without talentPool too', () => {
    expect(pool(rulesWith('rulesets/wuxun-2023-20/ruleset.yaml', '  talent-pool-stated:\n    value: true\n', '  talent-pool-stated:\n    value: false\n'))).toEqual([['E1'], ['E2']]);
  });
});

describe('xuncha coverage', () => {
  it('lists all 60 articles in document order, as JSON', () => {
    const r = xuncha(['coverage', '--format', 'json']);
    expect(r.code).toBe(0);
    const { articles } = JSON.parse(r.stdout) as { articles: { article: string; rules: string[]; reason: string | null }[] };
    expect(articles).toHaveLength(60);
    expect(articles[0]).toEqual({ article: '二(一)1', rules: ['jiwei.secondment.from-talent-pool', 'jiwei.secondment.from-own-talent-pool'], reason: null });
    expect(articles.at(-1)!.article).toBe('三(三)');
    expect(articles.find((a) => a.article === '二(一)4')!.reason).toContain('有关报批手续按规定办理');
    expect(articles.every((a) => a.rules.length > 0 || a.reason)).toBe(true);
  });
  it('exits 2 when an article is missing', () => {
    const dir = rulesWith(JIWEI, '  - article: 二(一)4\n    text: |-\n      4. 关于巡中协助工作。', '  - article: 二(一)4\n    text: |-\n      4. 关于巡中协助工作。');
    // Drop the reason of 二(一)4 so that it is neither encoded nor explained.
    const file = join(dir, JIWEI);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n    checks: none\n    reason: >-\n      [^\n]+/, ''));
    const r = xuncha(['coverage', '--rules', dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('二(一)4');
    expect(r.stdout).toContain('✗ 未编码');
  });
});

describe('lint and test count alike', () => {
  it('both name the duties, the 数据核对 checks and their examples in one wording', () => {
    const duties = rules.rulesets.reduce((n, rs) => n + rs.duties.length, 0);
    const total = [...rules.rulesets.flatMap((rs) => rs.duties), ...rules.consistency].reduce((n, d) => n + d.examples.length, 0);
    const summary = `${duties} 项义务和 ${rules.consistency.length} 项数据核对，共 ${total} 个示例`;
    expect(summary).toBe('206 项义务和 8 项数据核对，共 484 个示例'); // the shipped rules' counts, pinned like 60 条 above
    const lint = xuncha(['lint']);
    expect(lint.stdout.split('\n')).toContain(summary);
    const test = xuncha(['test']);
    expect(test.stdout.split('\n')).toContain(`xuncha test：${summary}`);
  });
});

describe('xuncha test', () => {
  it('runs every example of every rule and passes', () => {
    const r = xuncha(['test']);
    expect(r.code).toBe(0);
    const total = [...rules.rulesets[0]!.duties, ...rules.consistency].reduce((n, d) => n + d.examples.length, 0);
    expect(r.stdout).toContain(`${total} passed, 0 failed`);
  });
  it('fails (exit 1) when a rule edit changes a finding, and says where', () => {
    const dir = rulesWith('rulesets/wuxun-2023-20/patterns.yaml', '    period: { workdays: 3 }\n    severity: violation\n    accountability: 三(三)\n    examples:\n      - name: 周五收到', '    period: { workdays: 4 }\n    severity: violation\n    accountability: 三(三)\n    examples:\n      - name: 周五收到');
    const r = xuncha(['test', '--rules', dir, '--format', 'junit']);
    expect(r.code).toBe(1);
    // At the expect item's due, not the example's name; the example's value told apart from the checker's.
    expect(r.stdout).toContain('<failure message="第 1 项 due（第 71 行第 48 列）：示例期望 &quot;2023-04-12&quot;，实际检查结果为 &quot;2023-04-13&quot;');
    expect(r.stdout).toMatch(/file="[^"]*patterns.yaml" line="71"/);
  });
  it('places a wrong expectation at its field in the expect item, in text too', () => {
    const dir = rulesWith('rulesets/wuxun-2023-20/patterns.yaml', '          - { kind: late, severity: violation, due: 2023-04-12,', '          - { kind: late, severity: violation, due: 2023-04-13,');
    const r = xuncha(['test', '--rules', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ 二(一)2 jiwei.inquiry.answer：周五收到、次周五提供，逾期2个工作日\n'
      + `  ${join(dir, 'rulesets/wuxun-2023-20/patterns.yaml')}:71:48\n`
      + '  第 1 项 due（第 71 行第 48 列）：示例期望 "2023-04-13"，实际检查结果为 "2023-04-12"\n');
  });
  it('lists the findings it got when their number differs, with a due date only where one applies', () => {
    const dir = rulesWith('rulesets/wuxun-2023-20/sections/3-requirements.yaml',
      'expect:\n              - { kind: breach, severity: advisory, evidence: [E1], message: 以最近一次为准（E1 2023-04-03），共2人（吕强、何敏），超过1人 }\n', 'expect: []\n');
    const r = xuncha(['test', '--rules', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/3-requirements\.yaml:(\d+):13\n  expect（第 \1 行第 13 列）：示例期望 0 项结论，实际检查结果为 1 项：breach\/advisory 证据 E1\n/);
  });
});

describe('effective date and ruleset versions', () => {
  it('does not judge a duty whose trigger is before 2023-03-28, and says so', () => {
    const log = JSON.stringify({
      format: 'xuncha-case-log/1', round: { id: '2023-R1' },
      events: [
        { id: 'E0', type: 'inquiry.sent', date: '2023-03-17', actor: '巡察办', to: '纪委监委', ref: '舞巡函〔2023〕3号' },
        { id: 'E1', type: 'inquiry.received', date: '2023-03-20', actor: '纪委监委', ref: '舞巡函〔2023〕3号' },
      ],
    });
    const dir = mkdtempSync(join(tmpdir(), 'xuncha-log-'));
    writeFileSync(join(dir, 'early.json'), log);
    const r = xuncha(['check', join(dir, 'early.json'), '--as-of', '2023-05-01', '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.findings).toEqual([]);
    expect(doc.notJudged).toContainEqual(expect.objectContaining({ rule: 'jiwei.inquiry.answer', evidence: ['E1'] }));
    expect(doc.notJudged[0].message).toContain('早于规则集生效日期2023-03-28');
  });

  it('a revised document is a new ruleset folder; each trigger is judged by the ruleset in force on its date', () => {
    const dir = withRevision();
    const log = JSON.stringify({
      format: 'xuncha-case-log/1', round: { id: '2023-R4' },
      events: [
        { id: 'E1', type: 'inquiry.received', date: '2023-12-27', actor: '纪委监委', ref: 'A' },
        { id: 'E2', type: 'inquiry.received', date: '2024-01-03', actor: '纪委监委', ref: 'B' },
      ],
    });
    writeFileSync(join(dir, 'log.json'), log);
    const r = xuncha(['check', join(dir, 'log.json'), '--as-of', '2024-02-01', '--format', 'json', '--rules', dir]);
    const doc = JSON.parse(r.stdout);
    expect(doc.ruleset.id).toBe('wuxun-2024-revised');
    const missing = doc.findings.filter((f: { rule: string }) => f.rule === 'jiwei.inquiry.answer');
    expect(missing.map((f: { ref: string }) => f.ref)).toEqual(['A', 'B']); // one judged by each ruleset, none twice
  });

  it('a limit over the latest acts judges a group by its latest date: a replaced designation is judged by no ruleset', () => {
    const dir = withRevision();
    const designation = (id: string, date: string, persons: string[]) => ({ id, type: 'liaison.designated', date, actor: '法院', office: '办公室', persons });
    const check = (name: string, events: object[], asOf: string) => {
      writeFileSync(join(dir, name), JSON.stringify({ format: 'xuncha-case-log/1', round: { id: '2023-R4' }, events }));
      return JSON.parse(xuncha(['check', join(dir, name), '--as-of', asOf, '--format', 'json', '--rules', dir]).stdout) as { findings: { rule: string }[]; notJudged: { rule: string; evidence: string[] }[] };
    };
    const liaison = <T extends { rule: string }>(xs: T[]) => xs.filter((x) => x.rule === 'liaison.one-person');
    // Two named under the first ruleset, replaced by one under the revision: no finding from either.
    const across = check('across.json', [designation('E1', '2023-12-27', ['吕强', '何敏']), designation('E2', '2024-01-03', ['王磊'])], '2024-02-01');
    expect(liaison(across.findings)).toEqual([]);
    // Two named before 2023-03-28, replaced after it: not 未予判定, since the replaced one counts for nothing.
    const early = check('early.json', [designation('E1', '2023-03-20', ['吕强', '何敏']), designation('E2', '2023-04-10', ['王磊'])], '2023-05-01');
    expect(liaison(early.findings)).toEqual([]);
    expect(liaison(early.notJudged)).toEqual([]);
    // The latest before 2023-03-28 is not judged, and says so, with what it would have counted.
    const old = check('old.json', [designation('E1', '2023-03-20', ['吕强', '何敏'])], '2023-05-01');
    expect(liaison(old.notJudged).map((x) => x.evidence)).toEqual([['E1']]);
  });
});

/** A copy of rules/ with the shipped ruleset also copied as a revision in force from 2024-01-01. */
function withRevision(): string {
  const dir = mkdtempSync(join(tmpdir(), 'xuncha-rules-'));
  cpSync(`${ROOT}rules`, dir, { recursive: true });
  const v2 = join(dir, 'rulesets/wuxun-2024-revised');
  cpSync(join(dir, 'rulesets/wuxun-2023-20'), v2, { recursive: true });
  const head = join(v2, 'ruleset.yaml');
  writeFileSync(head, readFileSync(head, 'utf8').replace('id: wuxun-2023-20', 'id: wuxun-2024-revised').replace('effective: 2023-03-28', 'effective: 2024-01-01').replace('version: 2023-03-28.1', 'version: 2024-01-01.1'));
  return dir;
}

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { DEMO, ROOT, xuncha } from './helpers.js';

describe('xuncha CLI', () => {
  it('a reader that stops early (| head) is no error: no stack trace, the exit code stays', () => {
    const args = Array(8).fill(DEMO).join(' ');
    const r = spawnSync('bash', ['-c', `node bin/xuncha.js check ${args} --as-of 2023-11-20 --format json | head -c 100 >/dev/null; exit \${PIPESTATUS[0]}`], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1); // the demo has violations
  });

  // A pseudo-terminal from util-linux `script` (Debian bsdutils, always installed), which turns
  // each \n into \r\n; -e keeps the command's exit code.
  it.each([
    ['check', ['check', DEMO, '--as-of', '2023-11-20', '--format', 'json'], 1],
    ['input problems', ['check', `${ROOT}fixtures/bad/log/duplicate-id.json`, '--as-of', '2023-11-20', '--format', 'json'], 2],
    ['coverage', ['coverage', '--format', 'json'], 0],
  ] as const)('%s: JSON is one line for a file or a program and indented at a terminal, the same JSON', (_, args, code) => {
    const piped = xuncha([...args]);
    const cmd = ['node', 'bin/xuncha.js', ...args].map((a) => `'${a}'`).join(' ');
    const tty = spawnSync('script', ['-q', '-e', '-c', cmd, '/dev/null'], { cwd: ROOT, encoding: 'utf8' });
    expect([piped.code, tty.status]).toEqual([code, code]);
    expect(piped.stdout.indexOf('\n')).toBe(piped.stdout.length - 1);
    expect(tty.stdout.replaceAll('\r\n', '\n')).toBe(JSON.stringify(JSON.parse(piped.stdout), null, 2) + '\n');
  });

  it('--version prints the package version', () => {
    const r = xuncha(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('an unknown command is exit 2 with the usage', () => {
    const r = xuncha(['chek', DEMO]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未知命令 "chek"');
    expect(r.stderr).toContain('xuncha check <日志.json…>');
  });

  it('an unknown option is exit 2, without a stack trace', () => {
    const r = xuncha(['check', DEMO, '--asof', '2023-11-20']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('命令行参数有误');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('an impossible --as-of is exit 2', () => {
    const r = xuncha(['check', DEMO, '--as-of', '2023-02-29']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--as-of 的值 "2023-02-29" 不是真实日期');
  });

  it('a missing file is exit 2 naming it', () => {
    const r = xuncha(['check', 'fixtures/nope.json', '--as-of', '2023-11-20']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('fixtures/nope.json');
    expect(r.stderr).toContain('文件不存在或无法读取');
  });

  it('--as-of defaults to today and is printed', () => {
    // --estimate-uncovered: in a year the calendar does not cover yet (2027 from New Year's Day until
    // its notice is added) a check as of today is refused, as tested below; this test must hold then too.
    const r = xuncha(['check', DEMO, '--exit-zero', '--estimate-uncovered']);
    const d = new Date();
    const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    expect(r.stdout).toContain(`检查基准日：${today}`);
  });

  describe('a year without calendar data', () => {
    const log = 'fixtures/logs/year-end-2026.json';
    it('is an input error naming the year when a period runs into it', () => {
      const r = xuncha(['check', log, '--as-of', '2026-12-31']);
      expect(r.code).toBe(2);
      // The answer dated 2027-01-05 is after the as-of date and needs no calendar; the period from
      // the receipt on 2026-12-29 does.
      expect(r.stderr).toContain('year-end-2026.json:29:7  /events/2/date');
      expect(r.stderr).toContain('事件 E3 引起的义务（二(十四)2 收到函询之日起3个工作日内向巡察办提供函询材料）的期限要算到 2027 年');
      // 2027 has its statutory holidays only (rules/calendar/2027.yaml): the message says what is missing.
      expect(r.stderr).toContain('日期所在年份 2027 还没有国务院放假安排（现有 2011–2026 年；rules/calendar/2027.yaml 只列法定节日，coverage: statutory）。通知公布后请把该文件补全');
    });
    it('is no error in an event after the as-of date, which the check leaves out', () => {
      const r = xuncha(['check', log, DEMO, '--as-of', '2024-12-31']);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/晚于基准日的事件：\d+ 个（最早 2026-12-\d\d），检查基准日 2024-12-31 时尚未发生/);
    });
    it('--estimate-uncovered counts weekends and the statutory holidays of rules/calendar/2027.yaml, and the finding says so', () => {
      const r = xuncha(['check', log, '--as-of', '2027-01-10', '--estimate-uncovered', '--format', 'json']);
      expect(r.stderr).toBe('');
      const doc = JSON.parse(r.stdout);
      const f = doc.findings.find((x: { rule: string }) => x.rule === 'xinfangju.inquiry.answer');
      // Received Tue 2026-12-29: 12-30, 12-31, then 元旦 (Fri 2027-01-01, fixed by law) and the
      // weekend, so the third workday is Mon 01-04. Counting weekends only made it 01-01, and the
      // answer on 01-05 four workdays late instead of one.
      expect(f).toMatchObject({ kind: 'late', due: '2027-01-04', done: '2027-01-05', late: { workdays: 1, days: 1 }, estimated: true, severity: 'violation' });
      expect(f.counting).toBe('自2026-12-29次日起算3个工作日：2026-12-30、2026-12-31、2027-01-04；其间2027-01-01至2027-01-03为元旦假期，不计入');
      expect(f.message).toContain('（注意：期限涉及无官方日历数据的年份，已按周末及法定节日（2027年，依《全国年节及纪念日放假办法》）为休息日估算，未计尚未公布的调休和补假。）');
      expect(doc.calendar.statutory).toEqual([{ year: 2027, source: expect.stringContaining('《全国年节及纪念日放假办法》'), days: 13 }]);
      expect(doc.calendar.overrides.map((o: { year: number }) => o.year)).not.toContain(2027);
    });
    it('--estimate-uncovered marks a late count that runs into an estimated year, though its due date is certain', () => {
      const r = xuncha(['check', 'fixtures/demo/round-2023-2.json', '--as-of', '2027-03-01', '--estimate-uncovered', '--format', 'json']);
      const missing = JSON.parse(r.stdout).findings.filter((x: { kind: string }) => x.kind === 'missing');
      expect(missing.length).toBeGreaterThan(100);
      const f = missing.find((x: { rule: string; due: string }) => x.rule === 'bianban.clue.feedback-3-months' && x.due === '2023-09-21');
      expect(f).toMatchObject({ estimated: true, late: { days: 1257 } });
      expect(f.message).toContain('（注意：逾期工作日数涉及无官方日历数据的年份，已按周末及法定节日（2027年，依《全国年节及纪念日放假办法》）为休息日估算，未计尚未公布的调休和补假。）');
      expect(missing.every((x: { estimated: boolean }) => x.estimated)).toBe(true);
    });
  });
});

// What the command line says about itself and about the files it names: command-line errors in
// Chinese with a suggestion and the command's options, --help for every command, paths outside the
// current directory shown whole (standard input in words), an output file that cannot be written,
// and an --as-of date written in the wrong form told apart from an impossible one.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { AS_OF_EXAMPLE, checkAsOf } from '../src/check.js';
import { displayPath, fileLabel } from '../src/model/display-path.js';
import { InputError } from '../src/model/problem.js';
import { calendar, DEMO, DEMO_AS_OF, ROOT, xuncha } from './helpers.js';
import { runMain } from './in-process.js';

const TMP = mkdtempSync(join(tmpdir(), 'xuncha-cli-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const noStackTrace = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('command-line errors', () => {
  it('an unknown option is named, with the near-miss it likely meant and the command\'s options (exit 2)', async () => {
    const r = await runMain(['check', DEMO, '--asof', DEMO_AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^xuncha：命令行参数有误：xuncha check 没有选项 --asof；是否应为 --as-of？\n/);
    expect(r.stderr).toContain('用法：xuncha check <日志.json…> [选项]\n选项：\n  --as-of YYYY-MM-DD    检查基准日；默认为今天\n');
    for (const o of ['--format 格式', '--rules 目录', '--estimate-uncovered', '--exit-zero', '--max-bytes N', '--max-events N', '-h, --help']) {
      expect(r.stderr).toContain(`\n  ${o}  `);
    }
    expect(r.stderr).not.toContain('Unknown option');
  });

  it('an option written with one dash is read whole for the suggestion', async () => {
    const r = await runMain(['check', DEMO, '-as-of', DEMO_AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('xuncha check 没有选项 -as-of；是否应为 --as-of？');
  });

  it('an unknown option with nothing near gets no suggestion', async () => {
    const r = await runMain(['check', DEMO, '--out', 'x.html']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('xuncha check 没有选项 --out。\n');
  });

  it('an option without its value says what value is expected', async () => {
    const r = await runMain(['check', DEMO, '--as-of']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('选项 --as-of 缺少值：应在其后给出 YYYY-MM-DD（检查基准日；默认为今天）。');
    expect(r.stderr).not.toContain('argument missing');
  });

  it('an option followed by another option says so', async () => {
    const r = await runMain(['check', DEMO, '--as-of', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('选项 --as-of 缺少值：应在其后给出 YYYY-MM-DD（检查基准日；默认为今天），但其后的 --format 以 - 开头，是另一个选项；若值本身以 - 开头，请写作 --as-of=值。');
    expect(r.stderr).not.toContain('ambiguous');
  });

  it('a switch given a value says it takes none', async () => {
    const r = await runMain(['check', DEMO, '--exit-zero=yes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('选项 --exit-zero 不带值：只写 --exit-zero 即可，不要写 --exit-zero=yes。');
  });

  it.each([['lint', 'extra'], ['coverage', 'x'], ['test', 'rules/'], ['rulebook', '规则手册.html']])('%s takes no positional argument: "%s" is an error, not ignored', async (cmd, arg) => {
    const r = await runMain([cmd, arg]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`xuncha ${cmd} 不接受文件名等参数，多出了 "${arg}"；它的输入输出都由下列选项给出。`);
    expect(r.stderr).toContain(`用法：xuncha ${cmd} [选项]\n选项：\n`);
  });

  it('an unknown command gets the near-miss command', async () => {
    const r = await runMain(['chek', DEMO]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^xuncha：未知命令 "chek"；是否应为 check？\n/);
  });

  it('the built CLI prints the same, with no stack trace', () => {
    const r = xuncha(['check', DEMO, '--asof', DEMO_AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('是否应为 --as-of？');
    noStackTrace(r.stderr);
  });
});

describe('--help for each command', () => {
  it.each(['check', 'lint', 'coverage', 'test', 'rulebook'])('xuncha %s --help and -h print its usage and options (exit 0)', async (cmd) => {
    for (const flag of ['--help', '-h']) {
      const r = await runMain([cmd, flag]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(new RegExp(`^xuncha ${cmd}：\\S+`));
      expect(r.stdout).toContain(`\n用法：xuncha ${cmd}`);
      expect(r.stdout).toContain('\n  --rules 目录  ');
      expect(r.stdout).toContain('\n  -h, --help  ');
      expect(r.stdout).toContain('\n退出码：0 无违规；');
    }
  });

  it('--help wins over a mistake elsewhere on the line', async () => {
    const r = await runMain(['check', 'x.json', '--asof', '1', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('用法：xuncha check <日志.json…> [选项]');
  });

  it('xuncha --help lists every command\'s full usage and how to get a command\'s own help', async () => {
    const r = await runMain(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  xuncha check <日志.json…> [--as-of YYYY-MM-DD] [--format 格式] [--rules 目录] [--estimate-uncovered] [--exit-zero] [--max-bytes N] [--max-events N]\n');
    expect(r.stdout).toContain('  xuncha rulebook [--out 文件] [--format html|md] [--rules 目录]\n');
    expect(r.stdout).toContain('  xuncha <命令> --help');
  });
});

describe('how files are named', () => {
  it('displayPath: relative inside the current directory, absolute outside it; fileLabel names standard input', () => {
    expect(displayPath(`${ROOT}fixtures/demo/round-2023-2.json`)).toBe('fixtures/demo/round-2023-2.json');
    expect(displayPath('fixtures/demo/round-2023-2.json')).toBe('fixtures/demo/round-2023-2.json');
    expect(displayPath('/tmp/m/typo.json')).toBe('/tmp/m/typo.json');
    expect(displayPath('../m/typo.json')).toBe(join(process.cwd(), '..', 'm', 'typo.json'));
    expect(displayPath('..还是当前目录.json')).toBe('..还是当前目录.json');
    expect(displayPath('/dev/stdin')).toBe('/dev/stdin');
    expect(fileLabel('/dev/stdin')).toBe('标准输入');
    expect(fileLabel('-')).toBe('标准输入');
    expect(fileLabel('/tmp/m/typo.json')).toBe('/tmp/m/typo.json');
  });

  const outside = join(TMP, 'typo.json');
  copyFileSync(`${ROOT}fixtures/bad/log/unknown-agency.json`, outside);
  const demoOutside = join(TMP, '轮次.json');
  copyFileSync(DEMO, demoOutside);

  it('an input problem in a file outside the current directory names it by its absolute path', () => {
    const r = xuncha(['check', outside, '--as-of', DEMO_AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`\n${outside}:31:7  /events/2/actor（事件 E3）\n`);
    expect(r.stderr).not.toContain('../');
    const j = xuncha(['check', outside, '--as-of', DEMO_AS_OF, '--format', 'json']);
    expect(JSON.parse(j.stdout).errors[0].file).toBe(outside);
  });

  it('every report names a log outside the current directory by its absolute path', () => {
    const run = (format: string) => xuncha(['check', demoOutside, '--as-of', DEMO_AS_OF, '--format', format]).stdout;
    expect(run('text')).toContain(`\n案卷日志：${demoOutside}\n`);
    expect(JSON.parse(run('json')).log.file).toBe(demoOutside);
    expect(run('md')).toContain(`\n- **案卷日志**：${demoOutside}\n`);
    expect(run('html')).toContain(demoOutside);
    expect(run('junit')).toContain(`file="${demoOutside}"`);
    const sarif = JSON.parse(run('sarif'));
    expect(sarif.runs[0].artifacts[0].location.uri).toBe(pathToFileURL(demoOutside).href);
    for (const format of ['text', 'md', 'html', 'junit', 'sarif']) expect(run(format), format).not.toContain('../');
  });

  // Standard input redirected from a file, as a clerk runs it (`< 轮次.json`).
  const piped = (from: string, args: string[]) => {
    const r = spawnSync('bash', ['-c', `node bin/xuncha.js ${args.join(' ')} < '${from}'`], { cwd: ROOT, encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('a log read from standard input (- or /dev/stdin) is called 标准输入, and /dev/stdin in JSON', () => {
    for (const file of ['-', '/dev/stdin']) {
      const r = piped(DEMO, ['check', file, '--as-of', DEMO_AS_OF]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stdout).toContain('\n案卷日志：标准输入\n');
      expect(r.stdout).not.toContain('dev/stdin');
    }
    expect(JSON.parse(piped(DEMO, ['check', '-', '--as-of', DEMO_AS_OF, '--format', 'json']).stdout).log.file).toBe('/dev/stdin');
    const bad = piped(outside, ['check', '-', '--as-of', DEMO_AS_OF]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('\n标准输入:31:7  /events/2/actor（事件 E3）\n');
  });

  it('reads standard input that is a pipe or a socket too (a program starting xuncha gives it a socket)', () => {
    const args = ['check', '-', '--as-of', DEMO_AS_OF];
    const viaPipe = spawnSync('bash', ['-c', `cat '${DEMO}' | node bin/xuncha.js ${args.join(' ')}`], { cwd: ROOT, encoding: 'utf8' });
    const viaSocket = xuncha(args, { input: readFileSync(DEMO, 'utf8') }); // spawnSync's input is a socket pair
    for (const r of [viaPipe, viaSocket]) {
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain('\n案卷日志：标准输入\n');
      expect(r.stdout).toContain('汇总：违规 18 项，提示 7 项，待办 8 项');
    }
  });
});

describe('an output file that cannot be written', () => {
  it('has its own heading, the path and the reason in words (exit 2)', async () => {
    const out = join(TMP, 'no-such-dir', 'x.html');
    const r = await runMain(['rulebook', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`xuncha：无法写入输出文件 ${out}：目录 ${join(TMP, 'no-such-dir')} 不存在；请先建立它，或换一个路径。\n`);
  });

  it('a folder given as the output file is said to be one', async () => {
    const r = await runMain(['rulebook', '--out', TMP, '--format', 'md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`xuncha：无法写入输出文件 ${TMP}：这是一个目录；请给出其中的文件名。\n`);
  });

  it('a written rulebook is named as every other file is: inside the current directory, relative to it', async () => {
    mkdirSync(`${ROOT}test-output`, { recursive: true });
    const r = await runMain(['rulebook', '--out', `${ROOT}test-output/规则手册.md`, '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('已生成规则手册：test-output/规则手册.md\n');
    expect(readFileSync(`${ROOT}test-output/规则手册.md`, 'utf8')).toMatch(/^# /);
  });
});

describe('input problems inside an event', () => {
  /** valid.json with its first events changed; written to a file of its own. */
  const logWith = (name: string, ...changes: Record<string, unknown>[]): string => {
    const log = JSON.parse(readFileSync(`${ROOT}fixtures/bad/log/valid.json`, 'utf8')) as { events: Record<string, unknown>[] };
    changes.forEach((c, i) => Object.assign(log.events[i]!, c));
    const path = join(TMP, name);
    writeFileSync(path, JSON.stringify(log, null, 2));
    return path;
  };

  it('name the event by its id once, after the pointer; a strange id is quoted, a missing one not made up', async () => {
    const log = logWith('event-ids.json', { id: 'E 1', date: '2023-09-31' }, { id: 7, unit: '县水利局' });
    const r = await runMain(['check', log, '--as-of', '2026-12-31']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(':15:7  /events/0/date（事件 "E 1"）\n  /events/0/date 的日期 "2023-09-31" 不存在');
    expect(r.stderr).toContain(':20:7  /events/1/id\n  /events/1/id 的值 7 是数字');
    expect(r.stderr.match(/（事件 /g)).toHaveLength(1);
  });

  it('unknown parties: each problem short, with its guess; the known agencies listed once per log, after its problems', async () => {
    const log = logWith('unknown-parties.json', {}, { to: '县纪检委' }, { actor: '县环保局' }, { actor: '县审计' });
    const r = await runMain(['check', log, log, '--as-of', '2026-12-31']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('（共 6 处问题）');
    expect(r.stderr).toContain('/events/1/to（事件 E2）\n  无法识别的单位 "县纪检委"：既不是已知单位或其别称，也不在 round.units 中；是否应为 "县纪委"？已知单位列在本日志的问题之后。\n');
    expect(r.stderr).toContain('/events/2/actor（事件 E3）\n  无法识别的单位 "县环保局"：既不是已知单位或其别称，也不在 round.units 中。已知单位列在本日志的问题之后。\n');
    expect(r.stderr).toContain('是否应为 "县审计局"？');
    // Once per log (the same file given twice is two logs), as the last block of that log.
    const blocks = r.stderr.split('\n\n').filter((b) => b.includes('县信访局（xinfangju）'));
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toBe(`${log}\n  本日志有无法识别的单位。已知单位（也可写其别称，见 rules/agencies.yaml）：县委巡察办（xunchaban）、巡察组（xunchazu）、县委巡察工作领导小组（lingdaoxiaozu）、县纪委监委（jiwei）、县委组织部（zuzhibu）、县委宣传部（xuanchuanbu）、县委政法委（zhengfawei）、县委统战部（tongzhanbu）、县人民法院（fayuan）、县人民检察院（jianchayuan）、县委编办（bianban）、县督查考核数据中心（ducha）、县公安局（gonganju）、县司法局（sifaju）、县财政局（caizhengju）、县审计局（shenjiju）、县信访局（xinfangju）。本轮被巡察单位（round.units）：县农业农村局、县市场监管局。`);
    expect(r.stderr.indexOf(blocks[0]!)).toBeGreaterThan(r.stderr.indexOf('"县审计"'));
    const j = await runMain(['check', log, '--as-of', '2026-12-31', '--format', 'json']);
    const doc = JSON.parse(j.stdout) as { errors: { message: string }[]; notes: { message: string }[] };
    expect(doc.errors).toHaveLength(3);
    expect(doc.notes.map((n) => n.message)).toEqual([expect.stringMatching(/^本日志有无法识别的单位。已知单位/)]);
  });

  it('leave the JSON errors as they were: the pointer alone, no other field', async () => {
    const log = logWith('event-ids-json.json', { date: '2023-09-31' }, {});
    const r = await runMain(['check', log, '--as-of', '2026-12-31', '--format', 'json']);
    expect(r.code).toBe(2);
    const { errors } = JSON.parse(r.stdout) as { errors: Record<string, unknown>[] };
    expect(errors).toEqual([{ file: expect.stringMatching(/event-ids-json\.json$/), pointer: '/events/0/date', line: 15, column: 7, message: expect.stringContaining('不存在') }]);
    expect(r.stdout).not.toContain('E1');
  });
});

describe('--as-of', () => {
  const messageOf = (asOf: string): string => {
    try {
      checkAsOf(asOf, calendar);
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      const [p] = (e as InputError).problems;
      expect(p!.file).toBe('--as-of');
      return p!.message;
    }
    return '';
  };

  it.each([
    ['2027-1-15', '2027-01-15'],
    ['2023/11/20', '2023-11-20'],
    ['2023.1.2', '2023-01-02'],
    ['20231120', '2023-11-20'],
    ['2023年11月20日', '2023-11-20'],
    ['2024/2/29', '2024-02-29'],
  ])('a real date written another way (%s) is told the form, with the date in it', (asOf, iso) => {
    expect(messageOf(asOf)).toBe(`--as-of 的值 "${asOf}" 写法不对：应写作 YYYY-MM-DD，例如 ${iso}。`);
  });

  it.each([
    ['2026-02-30', '不是真实日期：2026 年 2 月只有 28 天。'],
    ['2023-2-29', '不是真实日期：2023 年 2 月只有 28 天。'],
    ['2026-13-01', '不是真实日期：没有 13 月。'],
    ['2026-04-00', '不是真实日期：没有 0 日。'],
    ['明天', `不是日期；应写作 YYYY-MM-DD，例如 ${AS_OF_EXAMPLE}。`],
    ['', `不是日期；应写作 YYYY-MM-DD，例如 ${AS_OF_EXAMPLE}。`],
    ['2026-02-30T08:00', '不是真实日期：2026 年 2 月只有 28 天。'],
  ])('%s is not a real date, and says why', (asOf, message) => {
    expect(messageOf(asOf)).toBe(`--as-of 的值 "${asOf}" ${message}`);
  });

  it.each([
    ['2026-01-15T08:00', '"T08:00"', '2026-01-15'],
    ['2023-11-20 8:00', '"8:00"', '2023-11-20'],
  ])('a date with a time (%s) is told its own date, as a log\'s date is, not another one', (asOf, time, iso) => {
    expect(messageOf(asOf)).toBe(`--as-of 的值 "${asOf}" 不是日期格式；应为 YYYY-MM-DD（不带时间）；不要写时间部分 ${time}，是否应为 "${iso}"？`);
  });

  it('has one example date, the demo round\'s as-of date', () => {
    expect(AS_OF_EXAMPLE).toBe(DEMO_AS_OF);
  });

  it('a real date in the right form passes', () => {
    expect(messageOf('2024-02-29')).toBe('');
  });
});

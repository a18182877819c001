// Schema problems are worded for people: no pattern of a schema a clerk or a rule author writes
// against reaches them as a raw regex, and an event type not written as one is one problem.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateText } from '../src/check.js';
import { InputError } from '../src/model/problem.js';
import { PATTERN_ZH } from '../src/validate/schema.js';
import { calendar, ROOT, rules } from './helpers.js';

/** Every `pattern` keyword's value in a schema file. */
function patterns(name: string): string[] {
  const out: string[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (typeof x === 'object' && x !== null) {
      for (const [k, v] of Object.entries(x)) {
        if (k === 'pattern' && typeof v === 'string') out.push(v);
        else walk(v);
      }
    }
  };
  walk(JSON.parse(readFileSync(`${ROOT}schemas/${name}.schema.json`, 'utf8')));
  return out;
}

describe('schema patterns in words', () => {
  it.each(['case-log', 'rules'])('every pattern of %s.schema.json has a wording', (name) => {
    const list = patterns(name);
    expect(list.length).toBeGreaterThan(0);
    for (const p of list) {
      expect(PATTERN_ZH[p], p).toMatch(/^不是|^首尾有空格|^含/); // what is wrong, in Chinese, then what is expected
      expect(PATTERN_ZH[p], p).not.toContain('^');
    }
  });
});

/** The problems of fixtures/bad/log/valid.json with its first event edited. */
function problemsWithFirstEvent(edit: (e: Record<string, unknown>) => Record<string, unknown>): { pointer: string; message: string }[] {
  const log = JSON.parse(readFileSync(`${ROOT}fixtures/bad/log/valid.json`, 'utf8')) as { events: Record<string, unknown>[] };
  log.events[0] = edit(log.events[0]!);
  try {
    validateText('x.json', JSON.stringify(log, null, 2), { rules, cal: calendar });
  } catch (e) {
    if (e instanceof InputError) return e.problems.map(({ pointer, message }) => ({ pointer, message }));
    throw e;
  }
  return [];
}

describe('an event type not written as one', () => {
  const problemsWithType = (type: unknown) => problemsWithFirstEvent((e) => ({ ...e, type }));
  const FORM = '写法不对：事件类型是用点连接的小写英文单词（单词内可用连字符 -），如 inquiry.received、personal-check.selected；';

  it('is one problem, with the catalogue\'s type it likely means', () => {
    for (const [written, meant] of [['Round.Stationed', 'round.stationed'], ['round。stationed', 'round.stationed'],
      [' round.stationed', 'round.stationed'], ['personal_check.selected', 'personal-check.selected'], ['ROUND.STATIOND', 'round.stationed']]) {
      expect(problemsWithType(written), written).toEqual([{ pointer: '/events/0/type', message: `事件类型 ${JSON.stringify(written)} ${FORM}是否应为 "${meant}"？` }]);
    }
  });

  it('without a likely type, lists those of its kind, or the kinds', () => {
    expect(problemsWithType('INQUIRY')).toEqual([{ pointer: '/events/0/type', message: expect.stringMatching(new RegExp(`^事件类型 "INQUIRY" ${FORM}事件目录 rules/events.yaml 中同类已有：inquiry.sent、`)) }]);
    expect(problemsWithType('Foo.Bar')[0]!.message).toContain(`${FORM}事件目录 rules/events.yaml 中已有类别：round、`);
  });

  it('a type written as one but unknown keeps its own message; a type that is no string gets the schema\'s', () => {
    expect(problemsWithType('inquiry.replied')[0]!.message).toMatch(/^未知事件类型 "inquiry.replied"，不在事件目录 rules\/events.yaml 中；同类已有：/);
    expect(problemsWithType(3)).toEqual([{ pointer: '/events/0/type', message: '/events/0/type 的值 3 是数字，应为字符串。' }]);
  });

  it('a slip in a type written as one is guessed too, as a slip in a malformed type is', () => {
    expect(problemsWithType('inquiry.snet')).toEqual([{ pointer: '/events/0/type', message: expect.stringMatching(/^未知事件类型 "inquiry.snet"，不在事件目录 rules\/events.yaml 中；是否应为 "inquiry.sent"？同类已有：inquiry.sent、/) }]);
    expect(problemsWithType('inquiry.replied')[0]!.message).not.toContain('是否应为');
  });

  it('an empty type is said as any empty field is, once', () => {
    expect(problemsWithType('')).toEqual([{ pointer: '/events/0/type', message: '/events/0/type 是空字符串；应填写内容（不能为空）。' }]);
  });
});

describe('a misspelt required key', () => {
  /** The problems of the valid log with its first event's `date` key renamed. */
  const problemsWithDateKey = (key: string) => problemsWithFirstEvent(({ date, ...rest }) => ({ ...rest, [key]: date }));

  it('is one problem: the unknown key, guessed as the missing one (not "missing date" again)', () => {
    expect(problemsWithDateKey('dtae')).toEqual([{ pointer: '/events/0/dtae', message: expect.stringMatching(/^\/events\/0 中有不允许的字段 "dtae"；是否应为 "date"（必需字段，目前缺少）？允许的字段：/) }]);
  });

  it('a key guessed as no missing one leaves the missing key its own problem', () => {
    expect(problemsWithDateKey('日期').map((q) => q.pointer)).toEqual(['/events/0', '/events/0/日期']);
  });
});

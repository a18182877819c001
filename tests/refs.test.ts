// One letter or clue number typed two ways would be two matters (validate/log.ts refKey).
import { describe, expect, it } from 'vitest';
import { validateText } from '../src/check.js';
import { InputError } from '../src/model/problem.js';
import { refKey } from '../src/validate/log.js';
import { calendar, rules } from './helpers.js';

describe('refKey', () => {
  it('reads brackets of any kind as 〔〕, full-width digits as ASCII, and drops spaces', () => {
    expect(refKey('舞巡函〔2023〕7号')).toBe('舞巡函〔2023〕7号');
    expect(refKey('舞巡函(2023)7号')).toBe('舞巡函〔2023〕7号');
    expect(refKey('舞巡函（２０２３）７号')).toBe('舞巡函〔2023〕7号');
    expect(refKey('巡线【2023】1号')).toBe('巡线〔2023〕1号');
    expect(refKey('巡线[2023] 1号')).toBe('巡线〔2023〕1号');
    expect(refKey('巡线〔2023〕1号　')).toBe('巡线〔2023〕1号');
    expect(refKey('巡线〔2023〕2号')).not.toBe(refKey('巡线〔2023〕1号'));
  });
});

describe('a ref written two ways in one log', () => {
  const log = (refs: string[]) => JSON.stringify({
    format: 'xuncha-case-log/1', round: { id: '2023-R2', units: ['县教体局'] },
    events: refs.map((ref, i) => ({ id: `E${i + 1}`, type: 'clue.feedback', date: `2023-09-0${i + 1}`, actor: '纪委监委', ref, written: true })),
  });
  const problems = (refs: string[]) => {
    try {
      validateText('log.json', log(refs), { rules, cal: calendar });
      return [];
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      return e.problems.map((p) => `${p.pointer} ${p.message.split('只差')[0]}`);
    }
  };
  it('is refused at each event written otherwise than the first, naming the first', () => {
    expect(problems(['巡线〔2023〕1号', '巡线（２０２３）1号', '巡线〔2023〕1号', '巡线（２０２３）1号'])).toEqual([
      '/events/1/ref 文号 "巡线（２０２３）1号" 与 /events/0/ref 的 "巡线〔2023〕1号" ',
      '/events/3/ref 文号 "巡线（２０２３）1号" 与 /events/0/ref 的 "巡线〔2023〕1号" ',
    ]);
  });
  it('is accepted written one way, whichever, and tells different numbers apart', () => {
    expect(problems(['巡线(2023)1号', '巡线(2023)1号'])).toEqual([]);
    expect(problems(['巡线〔2023〕1号', '巡线〔2023〕2号', '巡线(2023)3号'])).toEqual([]);
  });
});

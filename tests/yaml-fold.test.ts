// Line breaks that YAML folds into spaces: between two CJK characters they join with nothing, so
// legal staff can wrap long Chinese notes (load/yaml-fold.ts).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { joinCjkFolds, joinsWithoutSpace } from '../src/load/yaml-fold.js';
import { loadYaml } from '../src/load/yaml-file.js';

/** The value of `v` in a one-key YAML document, as the rule loader reads it. */
function value(yaml: string): unknown {
  const doc = parseDocument(yaml);
  joinCjkFolds(doc, yaml);
  return (doc.toJS() as { v: unknown }).v;
}

describe('the joining rule: a folded break between two CJK characters becomes nothing', () => {
  it.each([
    ['ideograph, ideograph', '国', '庆', true],
    ['full-width comma, ideograph', '，', '须', true],
    ['full-width bracket and comma: （）， ', '）', '未', true],
    ['ideographic full stop, opening Chinese quote', '。', '“', true],
    ['closing Chinese quote, ideograph', '”', '均', true],
    ['book-title mark, ideograph', '《', '民', true],
    ['ideograph outside the BMP (U+20000)', '𠀀', '一', true],
    ['ASCII word, ideograph: "unit\\n不代替"', 't', '不', false],
    ['ideograph, ASCII word: "记入\\ninvolvedUnits"', '入', 'i', false],
    ['ideograph, digit: "顺延至\\n10月"', '至', '1', false],
    ['ASCII, ASCII', 'e', 's', false],
    ['half-width comma, ideograph', ',', '须', false],
  ])('%s', (_, before, after, joins) => {
    expect(joinsWithoutSpace(before, after)).toBe(joins);
  });
});

describe('applied to the scalars yaml folds, by their style', () => {
  it('folded block (>-): CJK breaks join, breaks beside ASCII keep their space', () => {
    expect(value('v: >-\n  单位之一的，\n  须为该部分所指单位\n')).toBe('单位之一的，须为该部分所指单位');
    expect(value('v: >-\n  与“更换”，\n  中途更换\n')).toBe('与“更换”，中途更换');
    expect(value('v: >-\n  统一转交纪委监委信访室”\n  均未规定期限\n')).toBe('统一转交纪委监委信访室”均未规定期限');
    expect(value('v: >-\n  被巡察单位字段 unit\n  不代替涉及单位\n')).toBe('被巡察单位字段 unit 不代替涉及单位');
    expect(value('v: >-\n  名称分别记入\n  involvedUnits\n')).toBe('名称分别记入 involvedUnits');
    expect(value('v: >-\n  顺延至\n  10月7日\n')).toBe('顺延至 10月7日');
    expect(value('v: >-\n  the notice\n  says\n')).toBe('the notice says');
  });

  it('folded block: what yaml keeps as a line break stays one (blank line, more-indented line, clip chomping)', () => {
    expect(value('v: >-\n  第一段。\n\n  第二段。\n')).toBe('第一段。\n第二段。');
    expect(value('v: >-\n  甲。\n    缩进更多\n  乙。\n')).toBe('甲。\n  缩进更多\n乙。');
    expect(value('v: >\n  甲，\n  乙。\n')).toBe('甲，乙。\n');
  });

  it('plain and quoted scalars written over several lines fold the same way', () => {
    expect(value('v: 平的，\n  第二行\n')).toBe('平的，第二行');
    expect(value('v: [ 流里，\n  的 ]\n')).toEqual(['流里，的']);
    expect(value('v: "双引号，\n  里"\n')).toBe('双引号，里');
    expect(value("v: '单引号，\n  里'\n")).toBe('单引号，里');
  });

  it('a literal block (|-, how verbatim law is written) keeps every line break', () => {
    expect(value('v: |-\n  直至全部办结。\n  巡察办临时需要\n')).toBe('直至全部办结。\n巡察办临时需要');
  });

  it('a space written on one line stays, and a line not found as written (an escape) leaves yaml\'s value', () => {
    expect(value('v: >-\n  之一的， 须为\n')).toBe('之一的， 须为');
    expect(value('v: "转义\\u4E00\n  一"\n')).toBe('转义一 一');
  });

  it('loadYaml gives every value of a rule file the joined text', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'xuncha-fold-')), 'r.yaml');
    writeFileSync(file, 'a:\n  note: >-\n    原则上，\n    为提示。\n  text: |-\n    第一行\n    第二行\n');
    expect(loadYaml(file).data).toEqual({ a: { note: '原则上，为提示。', text: '第一行\n第二行' } });
  });
});

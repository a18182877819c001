// A YAML input (rule files): parsed with positions kept, so every later problem can cite file:line:col.
import { isNode, isPair, LineCounter, parseDocument, type Document } from 'yaml';
import { InputError, type Problem } from '../model/problem.js';
import { pointerSegments, positionAt, type Position } from './positions.js';
import { readText } from './text.js';
import { joinCjkFolds } from './yaml-fold.js';

export interface YamlFile {
  file: string;
  text: string;
  data: unknown;
  locate(pointer: string): Position;
}

/** yaml's default (100) lets a small alias bomb expand to millions of nodes before toJS gives up. */
const MAX_ALIAS_COUNT = 50;
const TOO_DEEP = '嵌套层数过多（括号或缩进层层套叠），请检查是否有未闭合的 [ 或 {。';

export function loadYaml(file: string, maxBytes?: number): YamlFile {
  const text = readText(file, maxBytes);
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  } catch (e) {
    // yaml catches its own stack overflows as errors; this is the net for any it does not.
    if (e instanceof RangeError) throw new InputError([{ file, pointer: '', line: 1, column: 1, message: `YAML 无法解析：${TOO_DEEP}` }]);
    throw e;
  }
  // After a syntax error the parser is guessing, so later errors are mostly echoes of it: report
  // the first, and any repeated key (those stand on their own).
  const errors = doc.errors.filter((e, i) => i === 0 || e.code === 'DUPLICATE_KEY');
  const problems: Problem[] = errors.map((e) => {
    const { line, column } = positionAt(lineCounter, e.pos[0]);
    // yaml points at the repeated key's first character: the key runs to the colon.
    const key = e.code === 'DUPLICATE_KEY' ? /^[^\n:]*/.exec(text.slice(e.pos[0], e.pos[0] + 200))![0].trim() : '';
    const what = key ? `同一映射中键 "${key}" 重复出现，YAML 不允许；请删去多余的一个，或改成应有的键名` : yamlErrorZh(e.code, e.message);
    return { file, pointer: '', line, column, message: `YAML 语法错误：${what}` };
  });
  if (problems.length) throw new InputError(problems);
  joinCjkFolds(doc, text);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    if (e instanceof RangeError) throw new InputError([{ file, pointer: '', line: 1, column: 1, message: `YAML 无法解析：${TOO_DEEP}` }]);
    throw new InputError([{
      file, pointer: '', line: 1, column: 1,
      message: `YAML 别名（*alias）展开过多（上限 ${MAX_ALIAS_COUNT}），疑似别名炸弹：${(e as Error).message}`,
    }]);
  }
  return { file, text, data, locate: (pointer) => locateIn(doc, lineCounter, pointer) };
}

function locateIn(doc: Document, lc: LineCounter, pointer: string): Position {
  const segs = pointerSegments(pointer);
  for (let n = segs.length; n >= 0; n--) {
    const node = doc.getIn(segs.slice(0, n), true);
    if (isNode(node) && node.range) {
      // Point at the key of the last segment when there is one: that is where a reader looks.
      const parent = n > 0 ? doc.getIn(segs.slice(0, n - 1), true) : null;
      if (isNode(parent) && 'items' in parent) {
        for (const item of (parent as { items: unknown[] }).items) {
          if (isPair(item) && isNode(item.key) && item.value === node && item.key.range) {
            return positionAt(lc, item.key.range[0]);
          }
        }
      }
      return positionAt(lc, node.range[0]);
    }
  }
  return { line: 1, column: 1 };
}

function yamlErrorZh(code: string, message: string): string {
  const zh: Record<string, string> = {
    DUPLICATE_KEY: '同一映射中键重复',
    TAB_AS_INDENT: '不能用制表符（Tab）缩进，请改用空格',
    BAD_INDENT: '缩进错误',
    BLOCK_AS_IMPLICIT_KEY: '缩进错误（块内容不能作为隐式键）',
    MISSING_CHAR: '缺少字符',
    MULTILINE_IMPLICIT_KEY: '隐式键不能跨行（可能缩进错误）',
    UNEXPECTED_TOKEN: '意外的内容',
    BAD_ALIAS: '无效的别名',
    DUPLICATE_ANCHOR: '锚点重复',
  };
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  if (/call stack/i.test(first)) return TOO_DEEP;
  return `${zh[code] ?? '无法解析'}（${first}）`;
}

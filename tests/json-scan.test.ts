// The tree-free JSON scan and locate (src/load/json-scan.ts, json-locate.ts) against jsonc-parser's
// tree on random JSON: same places for every pointer, repeated keys found, depth counted. Then
// the place, pointer and wording of a syntax error (src/load/json-syntax.ts).
import fc from 'fast-check';
import { parseTree, type Node } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { offsetOf } from '../src/load/json-locate.js';
import { MAX_JSON_DEPTH, scanJson } from '../src/load/json-scan.js';
import { pointerOf } from '../src/load/positions.js';

/** Every pointer in a tree, with the offset a reader should be sent to (a property's name). */
function places(node: Node, path: (string | number)[] = [], out: [string, number][] = []): [string, number][] {
  const at = node.parent?.type === 'property' ? node.parent.offset : node.offset;
  out.push([pointerOf(path), at]);
  if (node.type === 'object') {
    for (const prop of node.children ?? []) {
      const [key, value] = prop.children ?? [];
      if (key && value) places(value, [...path, String(key.value)], out);
    }
  } else if (node.type === 'array') {
    (node.children ?? []).forEach((child, i) => places(child, [...path, i], out));
  }
  return out;
}

const json = fc.record({ value: fc.jsonValue({ maxDepth: 5 }), indent: fc.constantFrom<number | string>(0, 1, 2, '\t') });

describe('scanJson and offsetOf', () => {
  it('find the same place as jsonc-parser for every pointer of random JSON', () => {
    fc.assert(fc.property(json, ({ value, indent }) => {
      const text = JSON.stringify(value, null, indent);
      const tree = parseTree(text)!;
      const scan = scanJson(text);
      expect(scan.tooDeep).toBeNull();
      expect(scan.duplicates).toEqual([]);
      for (const [pointer, at] of places(tree)) {
        expect(offsetOf(text, scan, pointer), pointer).toBe(at);
      }
    }), { numRuns: 500 });
  });

  it('point a missing pointer at its nearest existing parent', () => {
    const text = '{\n  "events": [\n    { "id": "E1" }\n  ]\n}';
    const scan = scanJson(text);
    expect(offsetOf(text, scan, '/events/0/date')).toBe(text.indexOf('{ "id"'));
    expect(offsetOf(text, scan, '/events/5')).toBe(text.indexOf('"events"'));
    expect(offsetOf(text, scan, '/round/id')).toBe(0);
  });

  it('find keys repeated in one object, at any depth, with both places', () => {
    const text = '{"a":1,"b":{"c":[{"d":1,"e":2,"d":3}]},"a":2,"\\u0061":3}';
    const { duplicates } = scanJson(text);
    expect(duplicates.map((d) => [d.pointer, text.slice(d.first, d.first + 3), d.second])).toEqual([
      ['/b/c/0/d', '"d"', text.lastIndexOf('"d"')],
      ['/a', '"a"', text.lastIndexOf('"a"')],
      ['/a', '"a"', text.indexOf('"\\u0061"')],
    ]);
  });

  it(`accept ${MAX_JSON_DEPTH} levels and stop at the next, in a loop (no stack overflow at 1,000,000)`, () => {
    const nest = (n: number) => '['.repeat(n) + ']'.repeat(n);
    expect(scanJson(nest(MAX_JSON_DEPTH)).tooDeep).toBeNull();
    expect(scanJson(nest(MAX_JSON_DEPTH + 1)).tooDeep).toEqual({ offset: MAX_JSON_DEPTH, pointer: '/0'.repeat(MAX_JSON_DEPTH) });
    expect(scanJson('{"a":' + '['.repeat(1_000_000)).tooDeep?.pointer).toBe('/a' + '/0'.repeat(MAX_JSON_DEPTH - 1));
  });

  it('ignore brackets inside strings, escaped quotes included', () => {
    expect(scanJson(`["${'['.repeat(100)}\\"${'{'.repeat(100)}"]`).tooDeep).toBeNull();
  });
});

describe('the cheap duplicate-key test', async () => {
  const fc = (await import('fast-check')).default;
  const { keyBound, shapeOf, parseJson } = await import('../src/load/json-file.js');
  // A text with spaces put around its colons and commas, as hand-edited or other tools' JSON has.
  const spaced = (text: string, ws: string) => text.replace(/("(?:[^"\\]|\\.)*")|([:,])/g, (m, str) => str ?? `${ws}${m}${ws}`);
  it('bounds the keys of any JSON text from above, however it is written, or says it cannot', () => {
    const value = fc.jsonValue({ maxDepth: 5 });
    fc.assert(fc.property(value, fc.constantFrom(0, 2), fc.constantFrom('', ' ', '\t', '\r\n'), (v, indent, ws) => {
      const text = spaced(JSON.stringify(v, null, indent), ws);
      const keys = shapeOf(JSON.parse(text)).keys;
      const bound = keyBound(text);
      return bound === -1 || bound >= keys;
    }), { numRuns: 3000 });
  });
  it('is exact for plain JSON whose strings hold no colon, so the precise scan is not run for it', () => {
    const noColon = (v: unknown): boolean => typeof v === 'string' ? !v.includes(':')
      : Array.isArray(v) ? v.every(noColon)
      : v !== null && typeof v === 'object' ? Object.entries(v).every(([k, x]) => !k.includes(':') && noColon(x)) : true;
    const value = fc.jsonValue({ maxDepth: 5 }).filter(noColon);
    fc.assert(fc.property(value, fc.constantFrom(0, 2), (v, indent) => {
      const text = JSON.stringify(v, null, indent);
      return keyBound(text) === shapeOf(JSON.parse(text)).keys;
    }), { numRuns: 2000 });
    expect(keyBound('{"a" : 1}')).toBe(-1);
    expect(keyBound('{"a":"12:30","b":"x\\":"}')).toBe(3);
  });
  it('counts the same over the UTF-8 bytes as over the text, Chinese included', () => {
    const value = fc.jsonValue({ maxDepth: 4 });
    fc.assert(fc.property(value, fc.string({ unit: 'grapheme' }), (v, s) => {
      const text = JSON.stringify({ [s]: v, 名称: `巡察：${s}` }, null, 2);
      return keyBound(new TextEncoder().encode('\uFEFF' + text)) === keyBound(text);
    }), { numRuns: 1000 });
    expect(keyBound('{"名称":"巡察：第一轮","单位":"县纪委监委"}')).toBe(2); // a full-width colon is no colon
  });
  it('so a repeated key in any object is still found, however the text is spaced', () => {
    const obj = fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { minKeys: 1, maxKeys: 5 });
    fc.assert(fc.property(obj, fc.constantFrom('', ' ', '\n'), (o, ws) => {
      const [k, v] = Object.entries(o)[0]!;
      const text = `{"events": [${JSON.stringify(o).slice(0, -1)}, ${JSON.stringify(k)}${ws}: ${JSON.stringify(v)}}]}`;
      try { parseJson('x.json', text); return false; } catch (e) { return String((e as { problems?: { message: string }[] }).problems?.[0]?.message).includes('重复出现'); }
    }), { numRuns: 1000 });
  });
});

describe('a JSON syntax error', async () => {
  const { parseJson } = await import('../src/load/json-file.js');
  const { InputError } = await import('../src/model/problem.js');
  /** The one problem parseJson reports for `text`: place, pointer and message. */
  const problemOf = (text: string) => {
    try { parseJson('x.json', text); } catch (e) {
      if (e instanceof InputError && e.problems.length === 1) return e.problems[0]!;
      throw e;
    }
    throw new Error('parsed without a problem');
  };

  it('of a trailing comma is placed at the comma itself, and names the bracket after it', () => {
    expect(problemOf('[1, 2,]')).toMatchObject({ line: 1, column: 6,
      message: 'JSON 语法错误：最后一项后面多了逗号；此处的 , 之后就是第 1 行第 7 列的 ]，JSON 不允许在 ] 前加逗号，请删去这个逗号。' });
    // Over blank lines and Windows line ends, and whatever the comma follows.
    expect(problemOf('{\r\n  "a": {"b": [1]},\r\n\r\n\t}\r\n')).toMatchObject({ line: 2, column: 18,
      message: expect.stringContaining('此处的 , 之后就是第 4 行第 2 列的 }') });
  });

  it('before a } or ] that follows no comma is not taken for a trailing comma', () => {
    expect(problemOf('{"a": }').message).toBe('JSON 语法错误：此处应为一个值；实际是 “}”。');
    expect(problemOf('[1,,]')).toMatchObject({ column: 4, message: expect.stringContaining('此处应为一个值；实际是 “,]”') });
  });

  it('of a missing comma is placed where it is missing, after the item the pointer names, in arrays as in objects', () => {
    const missing = (pointer: string, column: number, rest: string) => ({ pointer, line: 1, column, message: `JSON 语法错误：此处应为逗号 ,；实际是 “${rest}”。` });
    expect(problemOf('{"a": "x" "b": 2}')).toEqual({ file: 'x.json', ...missing('/a', 11, '"b": 2}') });
    expect(problemOf('["a" "b"]')).toEqual({ file: 'x.json', ...missing('/0', 6, '"b"]') });
    expect(problemOf('{"k": ["a", "b" "c"]}')).toEqual({ file: 'x.json', ...missing('/k/1', 17, '"c"]}') });
  });

  it('says a file may be cut off only when the error runs to its end', () => {
    // One line is not a cut-off file: a log written by a program is one line.
    expect(problemOf('{"round": {"id": "R"} "events": []}').message).not.toContain('截断');
    expect(problemOf('{"round": {"id": "R"}, "events": [{"id": "E1", "note": "第三')).toMatchObject({
      column: 56, message: 'JSON 语法错误：字符串未结束（缺少右双引号）；实际是 “"第三”（文件在此处意外结束，可能被截断）。' });
    expect(problemOf('{"events": [{"id": "E1"},\n').message).toBe('JSON 语法错误：此处应为一个值；实际已到文件结尾（文件在此处意外结束，可能被截断）。');
  });

  it('before the first value, or after the last, names the root as the schema messages do', () => {
    expect(problemOf('第三轮巡察\n{"events": []}')).toEqual({ file: 'x.json', pointer: '', line: 1, column: 1,
      message: 'JSON 语法错误（文档顶层）：无效的符号；实际是 “第三轮巡察”。' });
    expect(problemOf('{} {}')).toMatchObject({ pointer: '', column: 4, message: 'JSON 语法错误（文档顶层）：此处应为文件结尾（有多余内容）；实际是 “{}”。' });
  });

  it('inside a string is placed at the character, not at the opening quote', () => {
    expect(problemOf('{"name": "县委\t第三轮"}')).toMatchObject({ pointer: '/name', column: 13,
      message: 'JSON 语法错误：字符串中有无效字符（控制字符须转义）；实际是 制表符。' });
    expect(problemOf('{"name": "县委\u0001"}')).toMatchObject({ column: 13, message: expect.stringContaining('实际是 控制字符 U+0001。') });
    expect(problemOf('{"note": "D:\\\\ok\\巡察", "n": 1}')).toMatchObject({ pointer: '/note', column: 17,
      message: 'JSON 语法错误：无效的转义字符（字符串中的反斜杠 \\ 须写作 \\\\）；实际是 “\\巡察", "n": 1”。' });
    expect(problemOf('{"a": "x\\u12G4"}')).toMatchObject({ column: 9, message: 'JSON 语法错误：无效的 Unicode 转义；实际是 “\\u12G4"}”。' });
  });

  it('of a raw line break in a string is placed at the break: a string typed over two lines, or a quote left out', () => {
    const twoLines = 'JSON 语法错误：字符串中不能直接换行，此处换了行；请把换行写作 \\n，或把两行合为一行。';
    expect(problemOf('{"id": "E1",\n "note": "动员会，\n会后公布"\n}')).toEqual({ file: 'x.json', pointer: '/note', line: 2, column: 15, message: twoLines });
    // Windows line ends: at the \r, on the same line; over three lines, the first break.
    expect(problemOf('{"note": "动员会，\r\n会后\r\n公布", "n": 1}')).toMatchObject({ line: 1, column: 15, message: twoLines });
    // The next quote opens the following name: the closing quote was left out at the line end.
    expect(problemOf('{"units": ["县农业农村局,\n  "县市场监管局"]}')).toMatchObject({ line: 1, column: 20,
      message: 'JSON 语法错误：字符串未结束（缺少右双引号）；字符串在行尾仍未结束，请在此处补上右双引号 "（字符串中也不能直接换行）。' });
    expect(problemOf('{"actor": "巡察组\n}').message).toContain('缺少右双引号');
  });
});

describe('the JSON pointer of a syntax error', async () => {
  const { parseJson } = await import('../src/load/json-file.js');
  const pointerOf = (text: string) => {
    try { parseJson('x.json', text); } catch (e) { return (e as { problems: { pointer: string }[] }).problems[0]!.pointer; }
    throw new Error('parsed without a problem');
  };
  it('is of the last value read before it, escaped (RFC 6901)', () => {
    expect(pointerOf('{"a/b": {"c~d": [1, 2,]}}')).toBe('/a~1b/c~0d/1'); // trailing comma
    expect(pointerOf('{"events": [{"id": "E1", "note": "x\ty"}]}')).toBe('/events/0/note'); // inside the value
    expect(pointerOf('{"events": [{"id": "E1" "type": "x"}]}')).toBe('/events/0/id'); // missing comma
    expect(pointerOf('{"events": [{"id": "E1"} {"id": "E2"}]}')).toBe('/events/0'); // a closed object, not its last value
    expect(pointerOf('{"round": {"id": "R"},\n// 注释\n"events": []}')).toBe('/round');
    expect(pointerOf('{"events": [], "note" "x"}')).toBe('/note'); // a property whose value is not read yet
    expect(pointerOf('{"events": [{}, ]}')).toBe('/events/0');
  });
  it('inside an array item names the item, as inside a member\'s value it names the member', () => {
    expect(pointerOf('{"units": ["a", "b\n]}')).toBe('/units/1'); // a closing quote left out
    expect(pointerOf('{"units": ["a\n]}')).toBe('/units/0');
    expect(pointerOf('{"units": ["a", b]}')).toBe('/units/1'); // no quotes at all
    expect(pointerOf('{"units": ["a", "b\\q"]}')).toBe('/units/1');
    expect(pointerOf('[[1], [2, 3], [4, x]]')).toBe('/2/1');
    expect(pointerOf('{"events": [{"id": "E1"}, {"id": "E2"}, ]}')).toBe('/events/1'); // no item: the value before the comma
    expect(pointerOf('{"units": ["a", ,]}')).toBe('/units/0');
    expect(pointerOf('{"units": ["a",\n')).toBe('/units/0'); // cut off where an item would start
    expect(pointerOf('{"units": ["a", // 注释\n "b"]}')).toBe('/units/0'); // a comment is no item
  });
  it('is the root when nothing was read yet, or the whole document was', () => {
    expect(pointerOf('{,}')).toBe('');
    expect(pointerOf('{} {}')).toBe('');
  });
});

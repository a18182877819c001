// A JSON input: first one scan (no tree, no recursion) for nesting depth and repeated keys, then
// JSON.parse for speed (json-syntax.ts explains a syntax error with jsonc-parser). Places of later
// problems are found from the scan's offsets, because JSON.parse keeps no positions.
import { createHash } from 'node:crypto';
import { InputError, nameEvents, type Problem } from '../model/problem.js';
import { offsetOf } from './json-locate.js';
import { MAX_JSON_DEPTH, scanJson, type JsonScan } from './json-scan.js';
import { syntaxProblem } from './json-syntax.js';
import { lineCounterFor, positionAt, type Position } from './positions.js';
import { readInput, type TextInput } from './text.js';

export interface JsonFile {
  file: string;
  data: unknown;
  /** sha256 of the file's bytes (of the text, for text given in memory). */
  sha256: string;
  /** line:column of the value at a JSON pointer (or of its nearest existing parent). */
  locate(pointer: string): Position;
}

export function loadJson(file: string, maxBytes?: number): JsonFile {
  return parseJson(file, readInput(file, maxBytes));
}

/** Parse JSON text read from `file` (the name is only for messages). Throws InputError. */
export function parseJson(file: string, source: string | TextInput): JsonFile {
  const text = typeof source === 'string' ? source : source.text;
  const position = positionsIn(text);
  const problem = (offset: number, pointer: string, message: string): Problem => ({ file, pointer, ...position(offset), message });

  if (!/\S/.test(text)) {
    throw new InputError([problem(0, '', text === '' ? '文件除 BOM 外没有内容；应为案卷日志 JSON 对象 {…}。' : '文件只有空白字符，没有内容；应为案卷日志 JSON 对象 {…}。')]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const scan = scanJson(text);
    if (scan.tooDeep) throw new InputError([tooDeep(scan.tooDeep)]);
    throw new InputError([syntaxProblem(file, text, e, position)]);
  }
  // JSON.parse keeps the last of two equal keys without a word, and accepts any depth. The scan
  // that finds such things costs more than JSON.parse itself, so it runs only when a cheap test
  // says it may find something: fewer keys in the parsed value than the text's bound on its keys.
  const shape = shapeOf(data);
  let scan: JsonScan | undefined;
  if (shape.depth > MAX_JSON_DEPTH || shape.keys !== keyBound(typeof source === 'string' ? source : source.bytes)) {
    scan = scanJson(text);
    if (scan.tooDeep) throw new InputError([tooDeep(scan.tooDeep)]);
    if (scan.duplicates.length) {
      throw new InputError(nameEvents(scan.duplicates.map((d) => {
        const a = position(d.first);
        return problem(d.second, d.pointer,
          `字段 ${JSON.stringify(d.key.length > 60 ? d.key.slice(0, 57) + '…' : d.key)} 在同一对象中重复出现：第一次在第 ${a.line} 行第 ${a.column} 列，此处又出现一次。JSON 只会采用后一个值而悄悄丢掉前一个，所以不予接受；请删去多余的一个，或把它改成应有的字段名。`);
      }), data));
    }
  }
  // Hashing the bytes skips encoding the text again: half the time at province scale. (Hashing
  // beside the parse on another thread was measured twice and not kept: crypto.subtle.digest on
  // libuv's pool made the province check 5–7% slower on this 2-core machine, and a worker thread
  // fed through shared memory was 6% slower with its start-up and no faster without it; likely
  // V8's parallel GC wants the other core too.)
  const sha256 = createHash('sha256').update(typeof source === 'string' ? source : source.bytes).digest('hex');
  return { file, data, sha256, locate: locator(typeof source === 'string' ? source : source.bytes, scan) };

  function tooDeep(at: { offset: number; pointer: string }): Problem {
    return problem(at.offset, at.pointer,
      `嵌套层数超过上限 ${MAX_JSON_DEPTH} 层：此处的 ${text[at.offset]} 已在第 ${MAX_JSON_DEPTH + 1} 层；案卷日志最多 4 层（日志 → events → 事件 → persons）。请检查是否有多余或未闭合的括号。`);
  }
}

const utf8 = new TextDecoder('utf-8'); // drops a BOM, as readInput did

/**
 * line:column of JSON pointers. It keeps the file's bytes rather than its text, and decodes them
 * again only when a place is asked for (a report that shows places, or a later problem): so a
 * log's text is garbage as soon as it is parsed. Kept alive with the log, the texts of a group of
 * logs were copied by every young-generation GC. Made outside parseJson so that it cannot keep
 * that function's variables (the text among them) alive.
 */
function locator(source: string | Uint8Array, known: JsonScan | undefined): (pointer: string) => Position {
  let text: string | undefined;
  let scan = known;
  let position: ((offset: number) => Position) | undefined;
  return (pointer) => {
    text ??= typeof source === 'string' ? source : utf8.decode(source);
    return (position ??= positionsIn(text))(offsetOf(text, scan ??= scanJson(text), pointer));
  };
}

/** line:column of offsets in `text`; its lines are counted when the first is asked for. */
function positionsIn(text: string): (offset: number) => Position {
  let lc: ReturnType<typeof lineCounterFor> | undefined;
  return (offset) => positionAt(lc ??= lineCounterFor(text), Math.min(offset, text.length));
}

/**
 * Own keys of every object, and the nesting depth, of a parsed value. Recursion stops one level
 * past MAX_JSON_DEPTH, so any depth is safe; below that the depth is exact. (A stack of
 * [value, depth] pairs was most of this function's cost: one array per object.)
 */
export function shapeOf(root: unknown): { keys: number; depth: number } {
  const shape = { keys: 0, depth: 0 };
  if (root !== null && typeof root === 'object') walkShape(root, 1, shape);
  return shape;
}

// Called for objects and arrays only: a call per string or number was a quarter of this walk.
function walkShape(v: object, d: number, shape: { keys: number; depth: number }): void {
  if (d > shape.depth) shape.depth = d;
  if (d > MAX_JSON_DEPTH) return;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (x !== null && typeof x === 'object') walkShape(x, d + 1, shape);
    }
  } else {
    for (const k in v) {
      shape.keys++;
      const x: unknown = (v as Record<string, unknown>)[k];
      if (x !== null && typeof x === 'object') walkShape(x, d + 1, shape);
    }
  }
}

/**
 * At least as many as the property names in the text, or -1 when this cheap count cannot tell.
 * Every name is followed by a colon; counted are the colons that directly follow a quote. When no
 * colon is separated from a quote by whitespace only, each name's colon is one of them, so the
 * count bounds the names from above; a colon inside a string value can only raise it. Equal to
 * the parsed value's key count, it proves no key was repeated. A scan for colons costs a fifth of
 * matching every string token (measured: 33 ms against 160 ms for 200,000 events). It runs over
 * the UTF-8 bytes (no byte of a multi-byte character is ASCII, so the count is the same), where
 * Buffer#indexOf finds the next colon with memchr: 20 ms instead of 32 over the text.
 */
export function keyBound(source: string | Uint8Array): number {
  const b = typeof source === 'string' ? Buffer.from(source, 'utf8') : Buffer.from(source.buffer, source.byteOffset, source.byteLength);
  let n = 0;
  for (let i = b.indexOf(58); i !== -1; i = b.indexOf(58, i + 1)) { // 58 ':'
    let j = i - 1;
    let c = b[j];
    if (c === 34) n++; // 34 '"'
    else if (c === 32 || c === 9 || c === 10 || c === 13) {
      do c = b[--j]; while (c === 32 || c === 9 || c === 10 || c === 13);
      if (c === 34) return -1;
    }
  }
  return n;
}

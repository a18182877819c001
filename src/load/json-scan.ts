// One iterative pass over JSON text, without building a tree: nesting depth, keys repeated in
// one object, and the offsets of the top-level values and of the items of top-level arrays (so
// that a place can later be found without parsing the whole file again). No recursion anywhere,
// so 100,000 nested brackets cost a loop, not a stack overflow. Only the brackets, commas, colons
// and strings are looked at; whether the text is valid JSON is JSON.parse's business.
import { escapeKey } from './positions.js';

/** Deepest nesting accepted. A case log needs 4 (log → events → event → persons). */
export const MAX_JSON_DEPTH = 64;

/** Repeated keys recorded at most; a file with more has bigger problems than the list shows. */
const MAX_DUPLICATES = 1000;

export interface DuplicateKey {
  /** Pointer of the repeated property. */
  pointer: string;
  key: string;
  /** Offsets of the first and the repeated property name. */
  first: number;
  second: number;
}

export interface JsonScan {
  /** Where nesting first went past `maxDepth`: the bracket's offset and its pointer. */
  tooDeep: { offset: number; pointer: string } | null;
  duplicates: DuplicateKey[];
  /** Root property → offsets of its name and value; for a root array, its items. */
  rootKeys: Map<string, { key: number; value: number }>;
  /** Offsets of the items of each top-level array (`events`), by root key ('' for a root array). */
  items: Map<string, number[]>;
}

interface Frame {
  isObject: boolean;
  /** Object: the next string is a property name. */
  expectKey: boolean;
  /** Object: the current property name; array: the current item index. */
  key: string;
  index: number;
  /** Object: offset of the current property name. */
  keyAt: number;
  /** Object: names seen so far, with their offsets. */
  names: Map<string, number>;
  /** Offsets of items, recorded for top-level arrays only. */
  items: number[] | null;
}

const QUOTE = 34, BACKSLASH = 92, LF = 10;

/** Index just past the closing quote of the string opening at `start`; a line break ends it too
 *  (as in jsonc-parser's scanner, which later reports the error). */
export function stringEnd(text: string, start: number, nextNewline: number): number {
  let from = start + 1;
  for (;;) {
    const q = text.indexOf('"', from);
    const stop = q === -1 ? text.length : q;
    if (nextNewline !== -1 && nextNewline < stop) return nextNewline;
    if (q === -1) return text.length;
    let b = q - 1;
    while (text.charCodeAt(b) === BACKSLASH) b--;
    if ((q - 1 - b) % 2 === 0) return q + 1; // an even number of backslashes: the quote is real
    from = q + 1;
  }
}

/** The value of a JSON string literal text.slice(start, end), quotes included. */
export function stringValue(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1);
  if (!raw.includes('\\')) return raw;
  try { return JSON.parse(text.slice(start, end)) as string; } catch { return raw; }
}

export function scanJson(text: string, maxDepth = MAX_JSON_DEPTH): JsonScan {
  const result: JsonScan = { tooDeep: null, duplicates: [], rootKeys: new Map(), items: new Map() };
  // Frames are reused per depth, so a large log allocates almost nothing here.
  const stack: Frame[] = [];
  let depth = 0;
  let nextNewline = text.indexOf('\n');
  const n = text.length;

  const valueStart = (at: number): void => {
    if (depth === 1) {
      const f = stack[0]!;
      if (f.isObject) result.rootKeys.set(f.key, { key: f.keyAt, value: at });
      else f.items?.push(at);
    } else if (depth === 2) {
      stack[1]!.items?.push(at);
    }
  };
  const open = (isObject: boolean, at: number): boolean => {
    valueStart(at);
    if (depth >= maxDepth) {
      result.tooDeep = { offset: at, pointer: pointerOf(stack, depth) };
      return false;
    }
    let f = stack[depth];
    if (!f) { f = { isObject, expectKey: false, key: '', index: 0, keyAt: at, names: new Map(), items: null }; stack[depth] = f; }
    f.isObject = isObject;
    f.expectKey = isObject;
    f.key = '';
    f.index = 0;
    f.keyAt = at;
    if (f.names.size) f.names.clear();
    f.items = null;
    // Items of the root array, or of an array that is a root property.
    if (!isObject && (depth === 0 || (depth === 1 && stack[0]!.isObject))) {
      f.items = [];
      result.items.set(depth === 0 ? '' : stack[0]!.key, f.items);
    }
    depth++;
    return true;
  };

  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === LF || c === 13 || c === 9) {
      if (c === LF && i >= nextNewline) nextNewline = text.indexOf('\n', i + 1);
      continue;
    }
    const top = depth > 0 ? stack[depth - 1]! : null;
    switch (c) {
      case 123: // {
        if (!open(true, i)) return result;
        break;
      case 91: // [
        if (!open(false, i)) return result;
        break;
      case 125: // }
      case 93: // ]
        if (depth > 0) depth--;
        break;
      case 44: // ,
        if (top?.isObject) top.expectKey = true;
        else if (top) top.index++;
        break;
      case 58: // :
        if (top?.isObject) top.expectKey = false;
        break;
      case QUOTE: {
        if (nextNewline !== -1 && nextNewline < i) nextNewline = text.indexOf('\n', i);
        const end = stringEnd(text, i, nextNewline);
        if (top?.isObject && top.expectKey) {
          const key = stringValue(text, i, end);
          const seen = top.names.get(key);
          if (seen !== undefined) {
            if (result.duplicates.length < MAX_DUPLICATES) result.duplicates.push({ pointer: pointerOf(stack, depth - 1) + '/' + escapeKey(key), key, first: seen, second: i });
          } else {
            top.names.set(key, i);
          }
          top.key = key;
          top.keyAt = i;
          top.expectKey = false;
        } else {
          valueStart(i);
        }
        i = end - 1;
        break;
      }
      default: {
        // A number or a literal (or stray text, left for JSON.parse to report): skip the run.
        valueStart(i);
        while (i + 1 < n && /[0-9A-Za-z.+-]/.test(text[i + 1]!)) i++;
      }
    }
  }
  return result;
}

/** Pointer of the value being read inside the first `upto` frames. */
function pointerOf(stack: Frame[], upto: number): string {
  let p = '';
  for (let d = 0; d < upto; d++) {
    const f = stack[d]!;
    p += '/' + (f.isObject ? escapeKey(f.key) : String(f.index));
  }
  return p;
}

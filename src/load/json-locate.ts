// The place of a JSON pointer in the text, without a tree (a tree of a 100 MB log takes over a
// gigabyte): jump to the nearest value the scan recorded (a top-level value, or an item of a
// top-level array such as one event), then walk from there. Only used on text JSON.parse accepted.
import { stringEnd, stringValue, type JsonScan } from './json-scan.js';
import { isIndex, pointerKeys } from './positions.js';

/** Offset of the value at `pointer` (of its property name, for a property), or of its nearest existing parent. */
export function offsetOf(text: string, scan: JsonScan, pointer: string): number {
  const segs = pointerKeys(pointer);
  const start = skipWs(text, 0);
  const [first, second, ...rest] = segs;
  if (first === undefined) return start;
  const rootItems = scan.items.get('');
  if (rootItems && text.charCodeAt(start) === 91) { // a root array
    const at = rootItems[index(first)];
    return at === undefined ? start : walk(text, at, segs.slice(1), at);
  }
  const prop = scan.rootKeys.get(first);
  if (!prop) return walk(text, start, segs, start);
  if (second === undefined) return prop.key;
  const items = scan.items.get(first);
  if (items) {
    const at = items[index(second)];
    return at === undefined ? prop.key : walk(text, at, rest, at);
  }
  return walk(text, prop.value, segs.slice(1), prop.key);
}

function index(seg: string): number {
  return isIndex(seg) ? Number(seg) : -1;
}

function walk(text: string, at: number, segs: string[], fallback: number): number {
  let best = fallback;
  let pos = at;
  for (const seg of segs) {
    pos = skipWs(text, pos);
    const c = text.charCodeAt(pos);
    let found = false;
    if (c === 123) { // {
      pos = skipWs(text, pos + 1);
      while (text.charCodeAt(pos) === 34) {
        const end = stringEnd(text, pos, -1);
        const key = stringValue(text, pos, end);
        const keyAt = pos;
        pos = skipWs(text, skipWs(text, end) + 1); // past the colon
        if (key === seg) { best = keyAt; found = true; break; }
        pos = skipWs(text, skipValue(text, pos));
        if (text.charCodeAt(pos) !== 44) break;
        pos = skipWs(text, pos + 1);
      }
    } else if (c === 91) { // [
      const want = index(seg);
      pos = skipWs(text, pos + 1);
      for (let i = 0; want >= 0 && pos < text.length && text.charCodeAt(pos) !== 93; i++) {
        if (i === want) { best = pos; found = true; break; }
        pos = skipWs(text, skipValue(text, pos));
        if (text.charCodeAt(pos) !== 44) break;
        pos = skipWs(text, pos + 1);
      }
    }
    if (!found) return best;
  }
  return best;
}

function skipWs(text: string, pos: number): number {
  for (;;) {
    const c = text.charCodeAt(pos);
    if (c === 32 || c === 10 || c === 13 || c === 9) pos++;
    else return pos;
  }
}

/** Index just past the value starting at `pos`; brackets counted in a loop, not by recursion. */
function skipValue(text: string, pos: number): number {
  let depth = 0;
  do {
    const c = text.charCodeAt(pos);
    if (c === 34) pos = stringEnd(text, pos, -1);
    else if (c === 123 || c === 91) { depth++; pos++; }
    else if (c === 125 || c === 93) { depth--; pos++; }
    else if (depth === 0) {
      while (pos < text.length && /[0-9A-Za-z.+-]/.test(text[pos]!)) pos++;
      return pos;
    } else pos++;
  } while (depth > 0 && pos < text.length);
  return pos;
}

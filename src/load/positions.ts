// Offsets to line:column, with yaml's LineCounter, so JSON and YAML inputs report places alike.
// yaml is loaded when a JSON place is first asked for: a check of a valid log needs none, and
// loading yaml was 40 ms of its start-up.
import { createRequire } from 'node:module';
import type { LineCounter } from 'yaml';

const require = createRequire(import.meta.url);

export interface Position { line: number; column: number }

export function lineCounterFor(text: string): LineCounter {
  const lc = new (require('yaml') as typeof import('yaml')).LineCounter();
  lc.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lc.addNewLine(i + 1);
  return lc;
}

export function positionAt(lc: LineCounter, offset: number): Position {
  const { line, col } = lc.linePos(offset);
  return { line, column: col };
}

/** '/a~1b/3' → ['a/b', '3']: the keys of a JSON pointer, unescaped (RFC 6901). */
export function pointerKeys(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** '/events/3/date' → ['events', 3, 'date']: array indexes as numbers. */
export function pointerSegments(pointer: string): (string | number)[] {
  return pointerKeys(pointer).map((k) => (isIndex(k) ? Number(k) : k));
}

export function isIndex(key: string): boolean {
  return /^(0|[1-9][0-9]*)$/.test(key);
}

/** A key as one segment of a JSON pointer. */
export function escapeKey(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointerOf(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + escapeKey(String(s))).join('');
}

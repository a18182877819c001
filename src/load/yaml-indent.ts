// What a mis-indented line of a rule file should line up with. yaml says only that indentation is
// wrong, and where it noticed: the start of the line, or the value of the key above it. Legal staff
// need the line, its key and a number of spaces, so these are read back from the text above the line.

/** A line as rules/ write them: its indentation, any "- " markers, and the ASCII key it opens. */
const LINE = /^( *)((?:-(?: +|$))*)(?:([A-Za-z_][\w.-]*):(?=\s|$))?/;

export interface IndentLine {
  /** 1-based. */
  line: number;
  /** Spaces before the first character (a "-" or a key). */
  indent: number;
  /** Where the line's key starts, after any "- ", in spaces from the left margin. */
  keyAt: number;
  key?: string;
  /** Starts with "- ". */
  item: boolean;
  /** Offset of the first character after the indentation. */
  offset: number;
}

export interface Alignment {
  /** The mis-indented line. */
  line: IndentLine;
  /** The line it should line up with, and how many spaces that takes. */
  with: IndentLine;
  want: number;
  /** `with` is the line just above `line`. */
  previous: boolean;
}

/** A line whose first character stands in the key (`level: 'key'`) or "-" (`'item'`) column of a line above. */
export function alignment(text: string, offset: number, level: 'key' | 'item'): Alignment | undefined {
  const lines = linesOf(text);
  // yaml may place it at the start of a comment or blank line before the line it means.
  let at = lines.indexAt(offset);
  while (at < lines.text.length && BLANK.test(lines.text[at]!)) at++;
  const line = parse(lines, at);
  if (!line) return undefined;
  const has = level === 'key' ? line.keyAt : line.indent;
  let best: IndentLine | undefined;
  for (const l of openAbove(lines, at)) {
    if (level === 'key' ? l.key === undefined : !l.item) continue;
    const col = level === 'key' ? l.keyAt : l.indent;
    if (col === has) continue;
    const b = best && (level === 'key' ? best.keyAt : best.indent);
    // The nearest column; of two as near, the deeper: the one being edited, most often.
    if (b === undefined || Math.abs(col - has) < Math.abs(b - has) || (Math.abs(col - has) === Math.abs(b - has) && col > b)) best = l;
  }
  if (!best) return undefined;
  return { line, with: best, want: level === 'key' ? best.keyAt : best.indent, previous: best.line === at };
}

/**
 * yaml's "nested mappings" error: placed at the value of a key, because a key below it stands
 * deeper, and yaml read the value and that key as one. The key below should line up with it.
 */
export function deeperThanAbove(text: string, offset: number): Alignment | undefined {
  const lines = linesOf(text);
  const at = lines.indexAt(offset);
  const above = parse(lines, at);
  if (above?.key === undefined) return undefined;
  // The first later line with a key's colon: yaml's reading of the value ended there.
  for (let i = at + 1; i < lines.text.length; i++) {
    if (!/:(?:\s|$)/.test(lines.text[i]!)) continue;
    const line = parse(lines, i);
    if (!line || line.keyAt <= above.keyAt) return undefined;
    return { line, with: above, want: above.keyAt, previous: i === at + 1 };
  }
  return undefined;
}

/** The lines above `at` that open a level still open at `at`: each less indented than any after it. */
function* openAbove(lines: Lines, at: number): Generator<IndentLine> {
  let min = Infinity;
  for (let i = at - 1; i >= 0 && min > 0; i--) {
    const l = parse(lines, i);
    if (!l || (l.key === undefined && !l.item) || l.indent >= min) continue;
    min = l.indent;
    yield l;
  }
}

interface Lines { text: string[]; starts: number[]; indexAt(offset: number): number }

function linesOf(text: string): Lines {
  const lines = text.split('\n');
  const starts: number[] = [];
  let offset = 0;
  for (const l of lines) { starts.push(offset); offset += l.length + 1; }
  return { text: lines, starts, indexAt: (o) => { let i = 0; while (i + 1 < starts.length && starts[i + 1]! <= o) i++; return i; } };
}

const BLANK = /^\s*(?:#|$)/;

function parse(lines: Lines, i: number): IndentLine | undefined {
  const text = lines.text[i];
  if (text === undefined || BLANK.test(text)) return undefined;
  const m = LINE.exec(text)!;
  const indent = m[1]!.length;
  return { line: i + 1, indent, keyAt: indent + m[2]!.length, key: m[3], item: m[2] !== '', offset: lines.starts[i]! + indent };
}

// What a mis-indented line of a rule file should line up with. yaml says only that indentation is
// wrong, and where it noticed: the start of the line, or the value of the key above it. Legal staff
// need the line, its key and a number of spaces, so these are read back from the text above the line.

/** A line as rules/ write them: its indentation, any "- " markers, and the ASCII key it opens. */
const LINE = /^([ \t]*)((?:-(?: +|$))*)(?:([A-Za-z_][\w.-]*):(?=\s|$))?/;
const BLANK = /^\s*(?:#|$)/;

export interface IndentLine {
  /** 1-based. */
  line: number;
  /** Characters before the first "-" or key. */
  indent: number;
  /** Where the line's key starts, after any "- ", in characters from the left margin. */
  keyAt: number;
  key?: string;
  /** Starts with "- ". */
  item: boolean;
  /** Offset of the first character after the indentation. */
  offset: number;
  /** Offset of a tab in the indentation: then the tab is the mistake, whatever the columns say. */
  tab?: number;
}

export interface Alignment {
  /** The line it should line up with, and how many spaces that takes. */
  with: IndentLine;
  want: number;
  /** `with` is the line just above. */
  previous: boolean;
}

export interface Misindented { line: IndentLine; fit?: Alignment }

/**
 * The mis-indented line yaml noticed at `offset`, and what it should line up with:
 * - `key`, `item`: yaml placed it at the start of the line (or of a comment or blank line before
 *   it); the line's key (`key`) or "-" (`item`) should take the nearest such column above.
 * - `deeper`: yaml placed it at the value of a key, having read that value and a key written deeper
 *   below it as one; that key should line up with the key of the value.
 */
export function misindented(text: string, offset: number, how: 'key' | 'item' | 'deeper'): Misindented | undefined {
  const lines = linesOf(text);
  let at = lines.indexAt(offset);
  if (how === 'deeper') {
    const above = parse(lines, at);
    // The first later line with a key's colon: yaml's reading of the value ended there.
    let i = at + 1;
    while (i < lines.text.length && !/:(?:\s|$)/.test(lines.text[i]!)) i++;
    const line = parse(lines, i);
    if (!line || above?.key === undefined || line.keyAt <= above.keyAt) return undefined;
    return { line, ...(line.tab === undefined && { fit: { with: above, want: above.keyAt, previous: i === at + 1 } }) };
  }
  while (at < lines.text.length && BLANK.test(lines.text[at]!)) at++;
  const line = parse(lines, at);
  if (!line) return undefined;
  if (line.tab !== undefined) return { line };
  const col = (l: IndentLine) => (how === 'key' ? l.keyAt : l.indent);
  const has = col(line);
  let best: IndentLine | undefined;
  for (const l of openAbove(lines, at)) {
    if ((how === 'key' ? l.key === undefined : !l.item) || col(l) === has) continue;
    const d = Math.abs(col(l) - has), bestD = best && Math.abs(col(best) - has);
    // The nearest column; of two as near, the deeper: the one being edited, most often.
    if (bestD === undefined || d < bestD || (d === bestD && col(l) > col(best!))) best = l;
  }
  return { line, ...(best && { fit: { with: best, want: col(best), previous: best.line === at } }) };
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

function parse(lines: Lines, i: number): IndentLine | undefined {
  const text = lines.text[i];
  if (text === undefined || BLANK.test(text)) return undefined;
  const m = LINE.exec(text)!;
  const indent = m[1]!.length, start = lines.starts[i]!, tab = m[1]!.indexOf('\t');
  return {
    line: i + 1, indent, keyAt: indent + m[2]!.length, key: m[3], item: m[2] !== '', offset: start + indent,
    ...(tab !== -1 && { tab: start + tab }),
  };
}

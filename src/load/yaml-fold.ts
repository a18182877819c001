// YAML folds each line break inside a folded (>) or flow (plain, quoted) scalar into a space. That
// suits English, but legal staff wrap long Chinese notes mid-sentence, and a reader then sees
// "……之一的， 须为……". So a folded break between two CJK characters joins them with nothing;
// a break beside anything else (an ASCII word, a digit: "unit\n不代替", "记入\ninvolvedUnits")
// keeps yaml's space. Done once here, for every value of every rule file, so no field can miss it.
import { visit, type Document, type Scalar } from 'yaml';

/** CJK ideographs and full-width punctuation, with the quotes, dash and ellipsis Chinese text uses (“”‘’—…). */
const CJK = /^[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF\u2014\u2018-\u201D\u2026]$/u;

/** Whether a folded line break between these two characters (the last of one line, the first of the
 *  next) joins them with nothing rather than a space. */
export function joinsWithoutSpace(before: string, after: string): boolean {
  return CJK.test(before) && CJK.test(after);
}

/**
 * Rewrites, in place, the value of every scalar whose line breaks yaml folded, before toJS.
 *
 * It reads yaml's own node information (the scalar's style and its source range) rather than the
 * resulting string: in the string a folded break and a space written on purpose look the same,
 * and only the style tells a literal block (|, verbatim law, never touched) from a folded one.
 */
export function joinCjkFolds(doc: Document, text: string): void {
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value !== 'string' || !node.range) return;
      const lines = writtenLines(node, text.slice(node.range[0], node.range[1]));
      if (lines) node.value = refold(node.value, lines);
    },
  });
}

/** The lines of a scalar as written, for the styles that fold; null for a literal block or one line. */
function writtenLines(node: Scalar, source: string): string[] | null {
  if (!source.includes('\n')) return null;
  const lines = source.split(/\r?\n/);
  switch (node.type) {
    case 'BLOCK_FOLDED': return lines.slice(1); // the first line is the header (>-, >+, …)
    case 'PLAIN': return lines;
    case 'QUOTE_DOUBLE':
    case 'QUOTE_SINGLE': return source.slice(1, -1).split(/\r?\n/);
    default: return null;
  }
}

const trimYaml = (s: string) => s.replace(/^[ \t]+|[ \t]+$/g, ''); // YAML's white space only: not 　 (U+3000)
const blank = (s: string) => /^[ \t\n]*$/.test(s);

/**
 * yaml's folded `value`, with the space dropped where it stands for a break between two CJK
 * characters. Each written line is found in the value in turn; a break yaml folded is then exactly
 * one space between two consecutive lines. A line not found as written (an escape in a quoted
 * scalar) leaves the value as yaml made it.
 */
export function refold(value: string, lines: readonly string[]): string {
  const drop: number[] = [];
  let cursor = 0;
  let prev: string | null = null; // the line just before, when it was not empty
  for (const line of lines) {
    const t = trimYaml(line);
    if (!t) { prev = null; continue; }
    const at = value.indexOf(t, cursor);
    if (at < 0 || !blank(value.slice(cursor, at))) return value;
    if (prev !== null && at === cursor + 1 && value[cursor] === ' ' && joinsWithoutSpace(/.$/u.exec(prev)![0], /^./u.exec(t)![0])) drop.push(cursor);
    cursor = at + t.length;
    prev = t;
  }
  if (!blank(value.slice(cursor))) return value;
  let out = '';
  let from = 0;
  for (const i of drop) { out += value.slice(from, i); from = i + 1; }
  return out + value.slice(from);
}
